package fr.ptce.observatory.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * At start-up of {@code serve}, before the scheduler starts: runs left STARTED by a
 * process that died (kill -9, power loss) are marked FAILED with Spring Batch's
 * {@code JobOperator.recover}, then restarted from their last committed chunk
 * ({@code observatory.operations.recovery=restart}) or left for the operator
 * ({@code flag}, the default: listed as FAILED by {@code GET /api/runs}, to restart or
 * abandon). With {@code restart}, runs that a server stopped at a chunk boundary because
 * it received SIGTERM are resumed too; runs stopped by an operator are left alone.
 */
public class StartupRecovery implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

	private final JobRuns runs;

	private final OperationsProperties properties;

	private final List<Long> recovered = new ArrayList<>();

	private final List<Long> resumed = new ArrayList<>();

	public StartupRecovery(JobRuns runs, OperationsProperties properties) {
		this.runs = runs;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (properties.recovery() == OperationsProperties.Recovery.NONE) {
			return;
		}
		for (PipelineJob job : PipelineJob.values()) {
			for (JobExecution execution : runs.running(job)) {
				if (!stale(execution)) {
					log.info("run {} of {} is unfinished but was updated recently: left to the server running it",
							execution.getId(), job.shortName());
					continue;
				}
				try {
					runs.recover(execution);
				}
				catch (OptimisticLockingFailureException ex) {
					// two servers started on one database at once: the other one marked
					// it
					// first (and restarts it if it is to be restarted)
					log.info("run {} of {} was recovered by another server starting at the same time",
							execution.getId(), job.shortName());
					continue;
				}
				recovered.add(execution.getId());
				if (properties.recovery() == OperationsProperties.Recovery.RESTART && runs.available(job)) {
					try {
						JobExecution again = runs.restart(execution.getId());
						log.warn("run {} of {} was left unfinished by a process that stopped: restarted as run {}",
								execution.getId(), job.shortName(), again.getId());
					}
					catch (RuntimeException ex) {
						log.error("run {} of {} was left unfinished and could not be restarted: {}", execution.getId(),
								job.shortName(), JobRuns.rootMessage(ex));
					}
				}
				else {
					log.warn(
							"run {} of {} was left unfinished by a process that stopped: marked FAILED; restart it "
									+ "(POST /api/runs/{}/restart) or abandon it",
							execution.getId(), job.shortName(), execution.getId());
				}
			}
		}
		// after the dead runs, so that the runs resumed here are not taken for dead ones
		if (properties.recovery() == OperationsProperties.Recovery.RESTART) {
			resumeRunsStoppedByShutdown();
		}
	}

	/**
	 * Runs that a previous server stopped at a chunk boundary on SIGTERM go on (not those
	 * an operator stopped).
	 */
	private void resumeRunsStoppedByShutdown() {
		for (PipelineJob job : PipelineJob.values()) {
			if (!runs.available(job)) {
				continue;
			}
			for (JobInstance instance : runs.repository().getJobInstances(job.beanName(), 0, 100)) {
				JobExecution last = runs.repository().getLastJobExecution(instance);
				if (last == null || last.getStatus() != BatchStatus.STOPPED) {
					continue;
				}
				// loaded by id: with its execution context
				last = runs.execution(last.getId());
				if (!last.getExecutionContext().containsKey(JobRuns.STOPPED_BY_SHUTDOWN)) {
					continue;
				}
				try {
					JobExecution again = runs.restart(last.getId());
					resumed.add(last.getId());
					log.warn("run {} of {} was stopped by the shutdown of a server: resumed as run {}", last.getId(),
							job.shortName(), again.getId());
				}
				catch (RuntimeException ex) {
					log.error("run {} of {} was stopped by a shutdown and could not be resumed: {}", last.getId(),
							job.shortName(), JobRuns.rootMessage(ex));
				}
			}
		}
	}

	/** The runs stopped by a shutdown and resumed at this start. */
	public List<Long> resumed() {
		return List.copyOf(resumed);
	}

	private boolean stale(JobExecution execution) {
		Duration after = properties.recoveryStaleAfter();
		if (after.isZero() || execution.getLastUpdated() == null) {
			return true;
		}
		return execution.getLastUpdated().isBefore(LocalDateTime.now().minus(after));
	}

	/** The runs recovered at this start. */
	public List<Long> recovered() {
		return List.copyOf(recovered);
	}

}
