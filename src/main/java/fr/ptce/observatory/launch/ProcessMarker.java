package fr.ptce.observatory.launch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Records in each job execution which process runs it (host and pid), so that a run left
 * STARTED can be told apart: its process is dead (recover it) or still running on this
 * machine (leave it alone, e.g. a `serve` aggregating while an operator runs `aggregate`
 * from the command line).
 */
@Component
public class ProcessMarker implements BeanPostProcessor {

	public static final String HOST = "process.host";

	public static final String PID = "process.pid";

	private final ObjectProvider<JobRepository> repository;

	public ProcessMarker(ObjectProvider<JobRepository> repository) {
		this.repository = repository;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractJob job) {
			mark(job, repository::getObject);
		}
		return bean;
	}

	/**
	 * Has the job record its process in each of its executions (a job built without an
	 * application context, {@link StandaloneBatch}, is marked by its maker).
	 */
	public static void mark(AbstractJob job, Supplier<JobRepository> repository) {
		job.registerJobExecutionListener(new JobExecutionListener() {
			@Override
			public void beforeJob(JobExecution execution) {
				execution.getExecutionContext().putString(HOST, host());
				execution.getExecutionContext().putLong(PID, ProcessHandle.current().pid());
				repository.get().updateExecutionContext(execution);
			}
		});
	}

	/** Whether the process that ran this execution is still alive on this machine. */
	public static boolean isAlive(JobExecution execution) {
		var context = execution.getExecutionContext();
		if (!context.containsKey(PID) || !host().equals(context.getString(HOST, ""))) {
			return false;
		}
		long pid = context.getLong(PID);
		return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/** Which process ran the execution, as recorded: "its process 123 on host ended". */
	public static String describe(JobExecution execution) {
		var context = execution.getExecutionContext();
		if (!context.containsKey(PID)) {
			return "no process recorded with the run";
		}
		return "its process " + context.getLong(PID) + " on " + context.getString(HOST, "?") + " had ended";
	}

	public static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
