package fr.ptce.observatory.aggregate;

import java.time.Instant;
import java.util.List;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.Timestamps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job `aggregateJob` (issue 3): for each year of [from, to], as of an instant, the
 * poles' yearly values, the aggregate cells under confidentiality and the trends, written
 * partition by partition. Parameters: `from`, `to` (long), `asOf` (ISO-8601 instant),
 * `run.id`; no incrementer.
 *
 * One tasklet step rather than one partition per year: every year needs the published
 * totals of the nine years before it, computed in the same run, so the years are not
 * independent; the engine computes several years at a time on worker threads and
 * completes them in order.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateJobConfiguration {

	public static final String JOB = "aggregateJob";

	public static final String STEP = "aggregateStep";

	private static final Logger log = LoggerFactory.getLogger(AggregateJobConfiguration.class);

	@Bean
	AggregateEngine aggregateEngine(Registry registry, Catalogue catalogue, GeoReferential geo,
			DataDirectory dataDirectory, Provenance provenance) {
		int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
		return new AggregateEngine(registry, catalogue, geo, dataDirectory, provenance, threads);
	}

	/**
	 * The job as this configuration makes it, without an application context (a command's
	 * standalone run, docs/startup.md).
	 */
	public static Job standaloneJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AggregateEngine engine) {
		AggregateJobConfiguration configuration = new AggregateJobConfiguration();
		return configuration.aggregateJob(jobRepository,
				configuration.aggregateStep(jobRepository, transactionManager, configuration.aggregateTasklet(engine)));
	}

	/** {@link #standaloneJob}'s engine. */
	public static AggregateEngine standaloneEngine(Registry registry, Catalogue catalogue, GeoReferential geo,
			DataDirectory dataDirectory, Provenance provenance) {
		return new AggregateJobConfiguration().aggregateEngine(registry, catalogue, geo, dataDirectory, provenance);
	}

	@Bean
	Tasklet aggregateTasklet(AggregateEngine engine) {
		return (contribution, chunkContext) -> {
			JobParameters parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
			Long from = parameters.getLong("from");
			Long to = parameters.getLong("to");
			String asOfText = parameters.getString("asOf");
			if (from == null || to == null || asOfText == null) {
				throw new IllegalArgumentException("aggregateJob needs the parameters from, to and asOf");
			}
			Instant asOf = Timestamps.parseInstant(asOfText);
			List<AggregateEngine.YearSummary> summaries = engine.run(from.intValue(), to.intValue(), asOf, log::info);
			long observations = summaries.stream().mapToLong(AggregateEngine.YearSummary::observations).sum();
			long cells = summaries.stream().mapToLong(AggregateEngine.YearSummary::cells).sum();
			contribution.incrementWriteCount(cells);
			var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
			context.putString("asOf", Timestamps.format(asOf));
			context.putLong("cells", cells);
			context.putLong("observations", observations);
			return RepeatStatus.FINISHED;
		};
	}

	@Bean
	Step aggregateStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet aggregateTasklet) {
		return new StepBuilder(STEP, jobRepository).tasklet(aggregateTasklet, transactionManager).build();
	}

	@Bean
	Job aggregateJob(JobRepository jobRepository, Step aggregateStep) {
		return new JobBuilder(JOB, jobRepository).start(aggregateStep).build();
	}

}
