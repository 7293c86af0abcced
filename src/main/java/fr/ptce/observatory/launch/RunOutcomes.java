package fr.ptce.observatory.launch;

import java.util.Comparator;
import java.util.List;

import fr.ptce.observatory.referential.ReferentialException;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/**
 * What every way of running a job shares (the command line, the server, backfills): the
 * parameters of a new run and the one line that says why a run did not complete. In
 * {@code launch}, below both {@code cli} and {@code schedule}, so that the server's
 * classes never depend on the command line.
 */
public final class RunOutcomes {

	private RunOutcomes() {
	}

	/**
	 * Parameters of a new run: an identifying run.id, so that each run is a new job
	 * instance (jobs define no incrementer: Spring Batch 6 would then ignore the
	 * parameters given).
	 */
	public static JobParametersBuilder newRun() {
		return new JobParametersBuilder().addLong("run.id",
				System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000);
	}

	/**
	 * "JOB failed in step STEP: reason", from the first step that did not complete, else
	 * from the job.
	 */
	public static String describeFailure(JobExecution execution) {
		List<StepExecution> steps = execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparing(StepExecution::getId))
			.toList();
		for (StepExecution step : steps) {
			if (step.getStatus() != BatchStatus.COMPLETED) {
				String reason = step.getFailureExceptions().isEmpty() ? step.getExitStatus().getExitDescription()
						: reason(step.getFailureExceptions().get(0));
				return execution.getJobInstance().getJobName() + " failed in step " + step.getStepName() + ": "
						+ firstLine(reason);
			}
		}
		String reason = execution.getAllFailureExceptions().isEmpty() ? execution.getExitStatus().getExitDescription()
				: reason(execution.getAllFailureExceptions().get(0));
		return execution.getJobInstance().getJobName() + " ended " + execution.getStatus() + ": " + firstLine(reason);
	}

	/**
	 * The deepest message that says something: a referential's own, else the root
	 * cause's.
	 */
	public static String reason(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ReferentialException) {
				return t.getMessage();
			}
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}

	private static String firstLine(String text) {
		if (text == null || text.isBlank()) {
			return "no reason recorded (see the log)";
		}
		int nl = text.indexOf('\n');
		return nl < 0 ? text : text.substring(0, nl);
	}

}
