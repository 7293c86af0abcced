package fr.ptce.observatory.schedule.backfill;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import fr.ptce.observatory.schedule.PipelineJob;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;

/**
 * The state of each (step, year) partition, derived from the Spring Batch job repository: for each year, the last
 * run of the step's job whose parameters cover it (aggregate: from..to; report and extract: year). It is what
 * backfills select on and what {@code status} and {@code GET /api/partitions} show. Nothing else is stored: the
 * repository is the one record of what ran.
 */
public final class PartitionStates {

	/** The steps that have (step, year) partitions, in the order a year is rebuilt. */
	public static final List<PipelineJob> STEPS = List.of(PipelineJob.AGGREGATE, PipelineJob.REPORT,
			PipelineJob.EXTRACT);

	private static final int MAX_INSTANCES = 100_000;

	private PartitionStates() {
	}

	/** Every partition that has been run at least once, by step then year (for {@code status}). */
	public static List<PartitionState> list(ApplicationContext context) {
		return list(context.getBean(JobRepository.class));
	}

	public static List<PartitionState> list(JobRepository repository) {
		List<PartitionState> all = new ArrayList<>();
		for (PipelineJob step : STEPS) {
			all.addAll(lastRuns(repository, step).values().stream().sorted(
					java.util.Comparator.comparingInt(PartitionState::year)).toList());
		}
		return all;
	}

	/** The partitions of these steps and years, NONE for those never run, by step then year. */
	public static List<PartitionState> list(JobRepository repository, Collection<PipelineJob> steps, int from,
			int to) {
		List<PartitionState> list = new ArrayList<>();
		for (PipelineJob step : STEPS) {
			if (!steps.contains(step)) {
				continue;
			}
			Map<Integer, PartitionState> last = lastRuns(repository, step);
			for (int year = from; year <= to; year++) {
				list.add(last.getOrDefault(year, new PartitionState(step, year, PartitionState.State.NONE, null, null)));
			}
		}
		return list;
	}

	private static Map<Integer, PartitionState> lastRuns(JobRepository repository, PipelineJob step) {
		Map<Integer, JobExecution> last = new HashMap<>();
		for (JobInstance instance : repository.getJobInstances(step.beanName(), 0, MAX_INSTANCES)) {
			for (JobExecution execution : repository.getJobExecutions(instance)) {
				for (int year : new TreeSet<>(step.years(execution.getJobParameters()))) {
					JobExecution known = last.get(year);
					if (known == null || known.getId() < execution.getId()) {
						last.put(year, execution);
					}
				}
			}
		}
		Map<Integer, PartitionState> states = new HashMap<>();
		last.forEach((year, execution) -> states.put(year, new PartitionState(step, year,
				state(execution.getStatus()), execution.getId(), execution.getEndTime())));
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
