package fr.ptce.observatory.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;

import fr.ptce.observatory.launch.ProcessMarker;
import fr.ptce.observatory.launch.RunHistory;
import fr.ptce.observatory.launch.RunOutcomes;
import fr.ptce.observatory.warehouse.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Job runs launched by the server: the scheduler, the operator API and backfills all come
 * here. Runs execute asynchronously on a bounded executor
 * ({@code observatory.operations.run-threads}), and the same job never runs twice at once
 * on the same year: a start is refused while a run of that job covering one of its years
 * is unfinished in the job repository (which the servers sharing a database all see).
 *
 * It is also the graceful end of the server: on SIGTERM (Spring closes the context from
 * its shutdown hook) the runs started here are asked to stop ({@code JobOperator.stop}:
 * they end STOPPED at the next chunk boundary) and awaited, so that they can be restarted
 * later from where they stopped.
 *
 * Command-line runs do not come here (they run synchronously through
 * {@code launch.JobLaunches}); jobs are looked up by bean name when first needed, so that
 * a build without some job still starts.
 */
@Service
public class JobRuns implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

	/** In the execution context of a run stopped because its server was shutting down. */
	public static final String STOPPED_BY_SHUTDOWN = "observatory.stopped-by-shutdown";

	private final ApplicationContext context;

	private final JobRepository repository;

	private final OperationsProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Map<Long, JobExecution> launchedHere = new ConcurrentHashMap<>();

	private final LaunchChecks checks;

	/**
	 * The jobs as the server runs them (wrapped by {@link InstrumentedJob}), for starts
	 * and restarts.
	 */
	private final MapJobRegistry registry = new MapJobRegistry();

	private volatile TaskExecutorJobOperator operator;

	private volatile ThreadPoolTaskExecutor executor;

	private volatile boolean running;

	/** Set when the server begins to stop: no run is started or restarted any more. */
	private volatile boolean closing;

	public JobRuns(ApplicationContext context, JobRepository repository, OperationsProperties properties,
			ObjectProvider<MeterRegistry> meters, Clock clock) {
		this.context = context;
		this.clock = clock;
		this.repository = repository;
		this.properties = properties;
		this.meters = meters.getIfAvailable();
		this.checks = new LaunchChecks(context, repository);
	}

	/**
	 * The year of the registry's first pole (the parameters' own lower bound without a
	 * registry).
	 */
	public int firstYear() {
		return checks.firstYear();
	}

	/**
	 * The record of what ran, read in a few queries (what GET /api/runs, partitions and
	 * backfills read).
	 */
	public RunHistory history() {
		return context.getBean(RunHistory.class);
	}

	public JobRepository repository() {
		return repository;
	}

	/** Whether this build has the job (a Job bean of its name). */
	public boolean available(PipelineJob job) {
		return context.containsBean(job.beanName()) && context.getBean(job.beanName()) instanceof Job;
	}

	/**
	 * Starts a new run of the job with these parameters (relative years already
	 * resolved), asynchronously.
	 * @throws IllegalArgumentException a parameter is wrong (the message says which)
	 * @throws UnavailableJobException the job is not part of this build
	 * @throws RunConflictException the job already runs on one of the years
	 */
	public JobExecution launch(PipelineJob job, Map<String, String> parameters) {
		return launch(job, parameters, new JobParameters());
	}

	/**
	 * Same, with extra parameters recorded with the run (e.g. the schedule and the firing
	 * that launched it, not identifying).
	 */
	public JobExecution launch(PipelineJob job, Map<String, String> parameters, JobParameters extra) {
		Map<String, String> given = new LinkedHashMap<>(parameters);
		String asOf = given.get("asOf");
		if (job == PipelineJob.AGGREGATE && (asOf == null || asOf.isBlank())) {
			// the aggregate job needs its as-of instant: "now", as the aggregate command
			// takes it by default, and
			// recorded with the run so that a restart computes the same figures
			given.put("asOf", Timestamps.format(Timestamps.micros(clock.instant())));
		}
		JobParameters params = RunOutcomes.newRun()
			.addJobParameters(job.parameters(given).toJobParameters())
			.addJobParameters(extra)
			.toJobParameters();
		checks.checkYears(job, params);
		checks.checkAggregates(job, params);
		TaskExecutorJobOperator op = operator();
		Job batchJob = jobOf(job);
		synchronized (this) {
			refuseWhileClosing();
			refuseWhenFull();
			checks.checkNotRunning(job, params);
			try {
				JobExecution execution = op.start(batchJob, params);
				track(execution);
				log.info("started {} run {} with {}", job.shortName(), execution.getId(), parameters);
				return execution;
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot start " + job.shortName() + ": " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * Remembers a run started here until it ends (a run may end before this is called:
	 * then it is not kept).
	 */
	private void track(JobExecution execution) {
		launchedHere.put(execution.getId(), execution);
		if (!execution.getStatus().isRunning()) {
			launchedHere.remove(execution.getId());
		}
	}

	/**
	 * Restarts a FAILED or STOPPED run from where it stopped (a new execution of the same
	 * job instance).
	 */
	public JobExecution restart(long executionId) {
		JobExecution previous = execution(executionId);
		BatchStatus status = previous.getStatus();
		if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
			throw new IllegalStateException(
					"run " + executionId + " is " + status + ": only a FAILED or STOPPED run can be restarted");
		}
		String jobName = previous.getJobInstance().getJobName();
		PipelineJob job = PipelineJob.find(jobName)
			.orElseThrow(() -> new UnavailableJobException("job " + jobName + " is not run by the server"));
		TaskExecutorJobOperator op = operator();
		jobOf(job);
		synchronized (this) {
			refuseWhileClosing();
			refuseWhenFull();
			checks.checkNotRunning(job, previous.getJobParameters());
			try {
				JobExecution execution = op.restart(previous);
				track(execution);
				log.info("restarted {} run {} as run {}", job.shortName(), executionId, execution.getId());
				return execution;
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot restart run " + executionId + ": " + rootMessage(ex), ex);
			}
		}
	}

	/**
	 * Asks a running run to stop at its next chunk boundary; it ends STOPPED and may be
	 * restarted.
	 */
	public JobExecution stop(long executionId) {
		JobExecution execution = execution(executionId);
		if (!execution.getStatus().isRunning()) {
			throw new IllegalStateException("run " + executionId + " is " + execution.getStatus() + ", not running");
		}
		try {
			operator().stop(execution);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot stop run " + executionId + ": " + rootMessage(ex), ex);
		}
		return execution(executionId);
	}

	/**
	 * Gives up a FAILED or STOPPED run: it will not be restarted, and its partition is
	 * free for a new run.
	 */
	public JobExecution abandon(long executionId) {
		JobExecution execution = execution(executionId);
		try {
			return operator().abandon(execution);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot abandon run " + executionId + ": " + rootMessage(ex), ex);
		}
	}

	/**
	 * Marks a run left unfinished by a dead process as FAILED (Spring Batch's recover).
	 */
	public JobExecution recover(JobExecution execution) {
		JobExecution recovered = operator().recover(execution);
		// recorded with the run, so that whoever reads it later knows why it is FAILED
		String reason = "found dead at " + clock.instant() + " by process " + ProcessHandle.current().pid() + " on "
				+ ProcessMarker.host() + ": " + ProcessMarker.describe(execution);
		recovered.setExitStatus(recovered.getExitStatus().addExitDescription(reason));
		repository.update(recovered);
		return recovered;
	}

	public JobExecution execution(long executionId) {
		JobExecution execution;
		try {
			execution = repository.getJobExecution(executionId);
		}
		catch (org.springframework.dao.EmptyResultDataAccessException ex) {
			execution = null;
		}
		if (execution == null) {
			throw new UnavailableJobException("no run " + executionId);
		}
		return execution;
	}

	/** Unfinished runs of the job in the repository (this server's or another's). */
	public Set<JobExecution> running(PipelineJob job) {
		return repository.findRunningJobExecutions(job.beanName());
	}

	/**
	 * Waits until the run is finished (or the timeout passes); returns its last state.
	 */
	public JobExecution await(long executionId, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		JobExecution execution = execution(executionId);
		while (execution.getStatus().isRunning() || execution.getStatus() == BatchStatus.STARTING) {
			if (System.nanoTime() > deadline) {
				return execution;
			}
			Thread.sleep(100);
			execution = execution(executionId);
		}
		return execution;
	}

	/**
	 * Refused before anything is recorded: the executor would reject the run, and the job
	 * operator would then record it FAILED although it never ran.
	 */
	private void refuseWhenFull() {
		ThreadPoolTaskExecutor pool = executor;
		if (pool == null) {
			return;
		}
		ThreadPoolExecutor threads = pool.getThreadPoolExecutor();
		if (threads.getActiveCount() >= threads.getMaximumPoolSize() && threads.getQueue().remainingCapacity() == 0) {
			throw new RunsBusyException("all " + threads.getMaximumPoolSize() + " run threads are busy and "
					+ properties.runQueue() + " runs wait already: try again later");
		}
	}

	private void refuseWhileClosing() {
		if (closing) {
			throw new RunConflictException("the server is stopping: no new run");
		}
	}

	private Job jobOf(PipelineJob job) {
		Job found = operator == null ? null : registry.getJob(job.beanName());
		if (found == null) {
			operator();
			found = registry.getJob(job.beanName());
		}
		if (found == null) {
			throw new UnavailableJobException(
					"job " + job.shortName() + " (" + job.beanName() + ") is not available in this build");
		}
		return found;
	}

	/**
	 * The server's own job operator: asynchronous, on the bounded executor, over the jobs
	 * wrapped for logs and metrics. Not a bean: the application's JobOperator stays the
	 * synchronous one the command line uses.
	 */
	private TaskExecutorJobOperator operator() {
		TaskExecutorJobOperator op = operator;
		if (op != null) {
			registerNewJobs();
			return op;
		}
		synchronized (this) {
			if (operator == null) {
				ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
				pool.setCorePoolSize(properties.runThreads());
				pool.setMaxPoolSize(properties.runThreads());
				pool.setQueueCapacity(properties.runQueue());
				pool.setThreadNamePrefix("run-");
				pool.setWaitForTasksToCompleteOnShutdown(false);
				pool.initialize();
				executor = pool;
				registerNewJobs();
				TaskExecutorJobOperator created = new TaskExecutorJobOperator();
				created.setJobRepository(repository);
				created.setJobRegistry(registry);
				created.setTaskExecutor(pool);
				try {
					created.afterPropertiesSet();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				operator = created;
				running = true;
			}
			return operator;
		}
	}

	private void registerNewJobs() {
		Map<String, Job> jobs = new LinkedHashMap<>(context.getBeansOfType(Job.class));
		for (Job job : jobs.values()) {
			if (registry.getJob(job.getName()) == null) {
				try {
					registry.register(new InstrumentedJob(job, meters, e -> launchedHere.remove(e.getId())));
				}
				catch (Exception ex) {
					// registered meanwhile by another thread
				}
			}
		}
	}

	static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
	}

	// SIGTERM: stop the runs started here at a chunk boundary, so that they can be
	// restarted

	@Override
	public void start() {
		running = true;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * After the scheduler (which stops first, phase Integer.MAX_VALUE), before the
	 * database goes.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

	@Override
	public void stop() {
		running = false;
		synchronized (this) {
			closing = true;
		}
		stopRunsStartedHere(properties.shutdownWait());
	}

	/**
	 * Asks every unfinished run started by this server to stop, and waits for them up to
	 * the given time.
	 */
	public void stopRunsStartedHere(Duration wait) {
		new RunsShutdown(this, launchedHere, repository).stopRunsStartedHere(wait);
	}

	/** The server's job operator, for the shutdown's stops. */
	TaskExecutorJobOperator operatorForShutdown() {
		return operator();
	}

	void shutdownExecutor() {
		ThreadPoolTaskExecutor pool = executor;
		if (pool != null) {
			pool.shutdown();
		}
	}

}
