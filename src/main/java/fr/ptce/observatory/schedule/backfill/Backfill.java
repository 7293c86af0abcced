package fr.ptce.observatory.schedule.backfill;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import fr.ptce.observatory.schedule.JobRuns;
import fr.ptce.observatory.schedule.PipelineJob;
import fr.ptce.observatory.schedule.RunConflictException;
import fr.ptce.observatory.launch.RunOutcomes;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * One backfill: its plan (each (step, year) partition of the range, its current state and
 * whether it is redone), then its execution. Years run in parallel up to the concurrency
 * cap; within a year the steps run in order, and a step that fails skips the later steps
 * of that year only: the other years go on. Each step is a normal run of its job (one
 * year at a time), which replaces the partition's outputs atomically, so redoing a
 * backfill is harmless.
 */
public final class Backfill {

	/** What happens to a partition, then how it went. */
	public enum Status {

		SKIPPED, PENDING, RUNNING, COMPLETED, FAILED

	}

	/** One partition of the plan, updated while the backfill runs. */
	public static final class Item {

		private final PartitionState before;

		private volatile Status status;

		private volatile Long runId;

		private volatile String message;

		Item(PartitionState before, String skipReason) {
			this.before = before;
			this.status = skipReason == null ? Status.PENDING : Status.SKIPPED;
			this.message = skipReason;
		}

		public PipelineJob step() {
			return before.step();
		}

		public int year() {
			return before.year();
		}

		public PartitionState before() {
			return before;
		}

		public Status status() {
			return status;
		}

		public Long runId() {
			return runId;
		}

		public String message() {
			return message;
		}

		public Map<String, Object> toMap() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("step", step().shortName());
			m.put("year", year());
			m.put("stateBefore", before.state().name());
			m.put("status", status.name());
			m.put("runId", runId);
			m.put("message", message);
			return m;
		}

	}

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final String id;

	private final BackfillRequest request;

	private final List<Item> items;

	private final JobRuns runs;

	private volatile boolean finished;

	private Backfill(String id, BackfillRequest request, List<Item> items, JobRuns runs) {
		this.id = id;
		this.request = request;
		this.items = items;
		this.runs = runs;
	}

	/** The plan of a backfill from the partitions' current states. */
	public static Backfill plan(JobRuns runs, BackfillRequest request) {
		for (PipelineJob step : request.steps()) {
			if (!runs.available(step)) {
				throw new IllegalArgumentException(
						"step " + step.shortName() + " is not available in this build (no " + step.beanName() + ")");
			}
		}
		List<Item> items = new ArrayList<>();
		for (PartitionState state : PartitionStates.list(runs.history(), request.steps(), request.from(),
				request.to())) {
			items.add(new Item(state, request.mode().skipReason(state.state())));
		}
		return new Backfill("backfill-" + SEQUENCE.incrementAndGet(), request, List.copyOf(items), runs);
	}

	public String id() {
		return id;
	}

	public BackfillRequest request() {
		return request;
	}

	public List<Item> items() {
		return items;
	}

	public boolean finished() {
		return finished;
	}

	public long count(Status status) {
		return items.stream().filter(i -> i.status == status).count();
	}

	/** The plan as a table: step, year, current state, action. */
	public void printPlan(PrintWriter out) {
		out.printf(Locale.ROOT, "%-10s %-6s %-10s %s%n", "STEP", "YEAR", "STATE", "ACTION");
		for (Item item : items) {
			String action = item.status == Status.SKIPPED ? "skip (" + item.message + ")"
					: item.status == Status.PENDING ? "run" : item.status.name().toLowerCase(Locale.ROOT);
			out.printf(Locale.ROOT, "%-10s %-6d %-10s %s%n", item.step().shortName(), item.year(),
					item.before.state().name(), action);
		}
		out.printf(Locale.ROOT, "%d to run, %d skipped (mode %s)%n", count(Status.PENDING), count(Status.SKIPPED),
				request.mode().text());
		out.flush();
	}

	/**
	 * Runs the plan and returns when every year is done. {@code progress} is told of each
	 * partition as it starts and ends (from the worker threads).
	 */
	public void run(Consumer<Item> progress) {
		Map<Integer, List<Item>> byYear = new LinkedHashMap<>();
		for (int year = request.from(); year <= request.to(); year++) {
			byYear.put(year, new ArrayList<>());
		}
		for (PipelineJob step : request.steps()) {
			for (Item item : items) {
				if (item.step() == step) {
					byYear.get(item.year()).add(item);
				}
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(request.concurrency(), r -> {
			Thread t = new Thread(r, id + "-worker");
			t.setDaemon(true);
			return t;
		});
		try {
			for (List<Item> year : byYear.values()) {
				pool.submit(() -> runYear(year, progress));
			}
			pool.shutdown();
			while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
				// waiting for the years still running
			}
		}
		catch (InterruptedException ex) {
			pool.shutdownNow();
			Thread.currentThread().interrupt();
		}
		finally {
			finished = true;
		}
	}

	private void runYear(List<Item> steps, Consumer<Item> progress) {
		String skipRest = null;
		for (Item item : steps) {
			if (item.status != Status.PENDING) {
				continue;
			}
			if (skipRest != null) {
				item.status = Status.SKIPPED;
				item.message = skipRest;
				progress.accept(item);
				continue;
			}
			item.status = Status.RUNNING;
			try {
				JobExecution execution = runs.launch(item.step(), parameters(item));
				item.runId = execution.getId();
				progress.accept(item);
				JobExecution last = runs.await(execution.getId(), Duration.ofDays(1));
				if (last.getStatus() == BatchStatus.COMPLETED) {
					item.status = Status.COMPLETED;
					item.message = null;
				}
				else {
					item.status = Status.FAILED;
					item.message = RunOutcomes.describeFailure(last);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				item.status = Status.FAILED;
				item.message = "interrupted";
			}
			catch (RunConflictException ex) {
				// another run (a backfill, a schedule, an operator) has the partition:
				// not a failure of it
				item.status = Status.SKIPPED;
				item.message = "not run: " + ex.getMessage();
				skipRest = "not run: " + item.step().shortName() + " of " + item.year()
						+ " is being run by another run";
			}
			catch (RuntimeException ex) {
				item.status = Status.FAILED;
				item.message = ex.getMessage();
			}
			if (item.status == Status.FAILED) {
				skipRest = "not run: " + item.step().shortName() + " failed for " + item.year();
			}
			progress.accept(item);
		}
	}

	private Map<String, String> parameters(Item item) {
		Map<String, String> p = new LinkedHashMap<>();
		String year = Integer.toString(item.year());
		if (item.step() == PipelineJob.AGGREGATE) {
			p.put("from", year);
			p.put("to", year);
		}
		else {
			p.put("year", year);
		}
		if (request.asOf() != null && item.step().parameters().containsKey("asOf")) {
			p.put("asOf", request.asOf());
		}
		return p;
	}

	public Map<String, Object> toMap() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", id);
		m.put("from", request.from());
		m.put("to", request.to());
		m.put("steps", request.steps().stream().map(PipelineJob::shortName).toList());
		m.put("mode", request.mode().text());
		m.put("concurrency", request.concurrency());
		m.put("asOf", request.asOf());
		m.put("finished", finished);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Status s : Status.values()) {
			counts.put(s.name(), count(s));
		}
		m.put("counts", counts);
		m.put("partitions", items.stream().map(Item::toMap).toList());
		return m;
	}

}
