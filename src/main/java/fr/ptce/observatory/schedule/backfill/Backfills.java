package fr.ptce.observatory.schedule.backfill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.ptce.observatory.schedule.JobRuns;
import fr.ptce.observatory.schedule.ParameterBounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The backfills started through the API: planned at once (a dry run stops there), run in
 * the background, kept in memory for their status (the runs they made stay in the job
 * repository after a restart of the server).
 */
@Service
public class Backfills {

	private static final Logger log = LoggerFactory.getLogger(Backfills.class);

	private final JobRuns runs;

	private final Map<String, Backfill> backfills = new ConcurrentHashMap<>();

	public Backfills(JobRuns runs) {
		this.runs = runs;
	}

	public Backfill start(BackfillRequest request, boolean dryRun) {
		// refused at once (400), not partition by partition
		ParameterBounds.year("from", request.from(), runs.firstYear());
		Backfill backfill = Backfill.plan(runs, request);
		if (dryRun) {
			return backfill;
		}
		backfills.put(backfill.id(), backfill);
		Thread thread = new Thread(() -> {
			backfill.run(item -> log.info("{}: {} {} {}{}", backfill.id(), item.step().shortName(), item.year(),
					item.status(), item.message() == null ? "" : " (" + item.message() + ")"));
			log.info("{} finished: {} completed, {} failed, {} skipped", backfill.id(),
					backfill.count(Backfill.Status.COMPLETED), backfill.count(Backfill.Status.FAILED),
					backfill.count(Backfill.Status.SKIPPED));
		}, backfill.id());
		thread.setDaemon(true);
		thread.start();
		return backfill;
	}

	public Optional<Backfill> find(String id) {
		return Optional.ofNullable(backfills.get(id));
	}

	public List<Backfill> list() {
		return new ArrayList<>(backfills.values());
	}

}
