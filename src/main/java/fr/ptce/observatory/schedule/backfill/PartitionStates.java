package fr.ptce.observatory.schedule.backfill;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import fr.ptce.observatory.launch.RunHistory;
import fr.ptce.observatory.schedule.PipelineJob;

import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ApplicationContext;

/**
 * The state of each (step, year) partition, derived from the Spring Batch job repository:
 * for each year, the last run of the step's job whose parameters cover it (aggregate:
 * from..to; report and extract: year). It is what backfills select on and what
 * {@code status} and {@code GET /api/partitions} show. Nothing else is stored: the
 * repository is the one record of what ran.
 */
public final class PartitionStates {

	/** The steps that have (step, year) partitions, in the order a year is rebuilt. */
	public static final List<PipelineJob> STEPS = List.of(PipelineJob.AGGREGATE, PipelineJob.REPORT,
			PipelineJob.EXTRACT);

	private PartitionStates() {
	}

	/**
	 * Every partition that has been run at least once, by step then year (for
	 * {@code status}).
	 */
	public static List<PartitionState> list(ApplicationContext context) {
		return list(context.getBean(RunHistory.class));
	}

	public static List<PartitionState> list(RunHistory history) {
		Map<PipelineJob, Map<Integer, PartitionState>> last = lastRuns(history, STEPS);
		List<PartitionState> all = new ArrayList<>();
		for (PipelineJob step : STEPS) {
			all.addAll(last.get(step).values().stream().sorted(Comparator.comparingInt(PartitionState::year)).toList());
		}
		return all;
	}

	/**
	 * The partitions of these steps and years, NONE for those never run, by step then
	 * year.
	 */
	public static List<PartitionState> list(RunHistory history, Collection<PipelineJob> steps, int from, int to) {
		Map<PipelineJob, Map<Integer, PartitionState>> last = lastRuns(history,
				STEPS.stream().filter(steps::contains).toList());
		List<PartitionState> list = new ArrayList<>();
		for (PipelineJob step : STEPS) {
			if (!steps.contains(step)) {
				continue;
			}
			for (int year = from; year <= to; year++) {
				list.add(last.get(step)
					.getOrDefault(year, new PartitionState(step, year, PartitionState.State.NONE, null, null)));
			}
		}
		return list;
	}

	/**
	 * The last run of each step covering each year, from one reading of the runs of those
	 * steps' jobs.
	 */
	private static Map<PipelineJob, Map<Integer, PartitionState>> lastRuns(RunHistory history,
			List<PipelineJob> steps) {
		Map<String, PipelineJob> byJob = new HashMap<>();
		Map<PipelineJob, Map<Integer, RunHistory.Run>> last = new HashMap<>();
		for (PipelineJob step : steps) {
			byJob.put(step.beanName(), step);
			last.put(step, new HashMap<>());
		}
		// in id order: a later run covering a year replaces an earlier one
		for (RunHistory.Run run : history.ofJobs(byJob.keySet())) {
			PipelineJob step = byJob.get(run.jobName());
			for (int year : new TreeSet<>(step.years(run.parameters()))) {
				last.get(step).put(year, run);
			}
		}
		Map<PipelineJob, Map<Integer, PartitionState>> states = new HashMap<>();
		last.forEach((step, runs) -> {
			Map<Integer, PartitionState> byYear = new HashMap<>();
			runs.forEach((year, run) -> byYear.put(year,
					new PartitionState(step, year, state(run.status()), run.id(), run.endTime())));
			states.put(step, byYear);
		});
		return states;
	}

	static PartitionState.State state(BatchStatus status) {
		return switch (status) {
			case COMPLETED -> PartitionState.State.COMPLETED;
			case STARTING, STARTED, STOPPING -> PartitionState.State.RUNNING;
			case STOPPED -> PartitionState.State.STOPPED;
			case ABANDONED -> PartitionState.State.ABANDONED;
			default -> PartitionState.State.FAILED;
		};
	}

}
