package fr.ptce.observatory.schedule;

import java.time.Duration;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.MDC;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.parameters.JobParametersIncrementer;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.step.StepExecution;

/**
 * A job as the server runs it: the real job, with the run id and job name in the logging
 * context (MDC keys {@code run} and {@code job}, which the structured logs carry) and its
 * outcome in the metrics. The jobs stay as their authors wrote them; this wrapper is only
 * used by runs launched by the server (scheduler, API, backfill).
 *
 * It is deliberately not a {@code StepLocator}: {@code JobOperator.stop} then only marks
 * the run as stopping in the repository, and the running step sees it at its next chunk
 * commit and ends STOPPED there. Given the steps, Spring Batch 6 also writes a step
 * execution it loaded itself, racing the running step's own updates (an optimistic
 * locking failure at the next chunk: the run ended FAILED instead of STOPPED).
 */
final class InstrumentedJob implements Job {

	private final Job delegate;

	private final MeterRegistry meters;

	private final Consumer<JobExecution> finished;

	InstrumentedJob(Job delegate, MeterRegistry meters, Consumer<JobExecution> finished) {
		this.delegate = delegate;
		this.meters = meters;
		this.finished = finished;
	}

	@Override
	public String getName() {
		return delegate.getName();
	}

	@Override
	public boolean isRestartable() {
		return delegate.isRestartable();
	}

	@Override
	public JobParametersIncrementer getJobParametersIncrementer() {
		return delegate.getJobParametersIncrementer();
	}

	@Override
	public JobParametersValidator getJobParametersValidator() {
		return delegate.getJobParametersValidator();
	}

	@Override
	public void execute(JobExecution execution) throws JobInterruptedException {
		// a restart inherits the context of the run it resumes: the mark of a shutdown
		// stop is not its own
		execution.getExecutionContext().remove(JobRuns.STOPPED_BY_SHUTDOWN);
		MDC.put("run", String.valueOf(execution.getId()));
		MDC.put("job", getName());
		long start = System.nanoTime();
		try {
			delegate.execute(execution);
		}
		finally {
			try {
				record(execution, Duration.ofNanos(System.nanoTime() - start));
			}
			finally {
				MDC.remove("run");
				MDC.remove("job");
				finished.accept(execution);
			}
		}
	}

	private void record(JobExecution execution, Duration duration) {
		if (meters == null) {
			return;
		}
		String status = execution.getStatus().name();
		Timer.builder("observatory.run.duration")
			.description("duration of the job runs launched by the server")
			.tag("job", getName())
			.tag("status", status)
			.register(meters)
			.record(duration);
		if (execution.getStatus().isUnsuccessful()) {
			meters.counter("observatory.run.failures", "job", getName()).increment();
		}
		if (getName().equals(PipelineJob.INGEST.beanName())) {
			long written = 0;
			long rejected = 0;
			for (StepExecution step : execution.getStepExecutions()) {
				written += step.getWriteCount();
				rejected += step.getFilterCount() + step.getReadSkipCount() + step.getProcessSkipCount()
						+ step.getWriteSkipCount();
			}
			meters.counter("observatory.rows.ingested").increment(written);
			meters.counter("observatory.rows.rejected").increment(rejected);
		}
	}

}
