package fr.ptce.observatory.launch;

import java.io.PrintWriter;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;

/**
 * Runs a job synchronously (the command line; the server goes through
 * {@code schedule.JobRuns}), and turns its outcome into the exit status of interfaces.md:
 * 0 when it completed, 1 when it failed (with the step and the reason).
 *
 * Jobs define no incrementer (Spring Batch 6 would then ignore the parameters given);
 * each command run is a new job instance thanks to a {@code run.id} parameter.
 */
public final class JobLaunches {

	private JobLaunches() {
	}

	/** Parameters of a new run: the given ones plus an identifying run.id. */
	public static JobParametersBuilder newRun() {
		return RunOutcomes.newRun();
	}

	/**
	 * Marks executions of the job left STARTED by a process that died (kill -9, power
	 * loss) as FAILED with {@link JobOperator#recover}, so that the job can run again. An
	 * execution whose process is still alive on this machine (a server running it) is
	 * left alone.
	 */
	public static void recoverAbandoned(ApplicationContext context, String jobName, PrintWriter out) {
		recoverAbandoned(context.getBean(JobRepository.class), context.getBean(JobOperator.class), jobName, out);
	}

	/**
	 * {@link #recoverAbandoned(ApplicationContext, String, PrintWriter)} without a
	 * context.
	 */
	public static void recoverAbandoned(JobRepository repository, JobOperator operator, String jobName,
			PrintWriter out) {
		for (JobExecution execution : repository.findRunningJobExecutions(jobName)) {
			if (ProcessMarker.isAlive(execution)) {
				out.println("Run " + execution.getId() + " of " + jobName + " is still running in another process.");
				continue;
			}
			operator.recover(execution);
			out.println("Recovered run " + execution.getId() + " of " + jobName
					+ " left unfinished by a process that stopped; its work is redone now.");
		}
	}

	/** Starts the job and waits for it. */
	public static JobExecution run(ApplicationContext context, String jobName, JobParameters parameters) {
		return run(context.getBean(JobOperator.class), context.getBean(jobName, Job.class), parameters);
	}

	/** Starts the job and waits for it, without a context. */
	public static JobExecution run(JobOperator operator, Job job, JobParameters parameters) {
		try {
			return operator.start(job, parameters);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot start " + job.getName() + ": " + ex.getMessage(), ex);
		}
	}

	/** 0 when completed; otherwise prints which step failed and why, and returns 1. */
	public static int exitStatus(JobExecution execution, PrintWriter err) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return 0;
		}
		err.println("error: " + describeFailure(execution));
		return 1;
	}

	public static String describeFailure(JobExecution execution) {
		return RunOutcomes.describeFailure(execution);
	}

}
