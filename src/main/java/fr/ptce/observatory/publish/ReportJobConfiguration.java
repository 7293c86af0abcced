package fr.ptce.observatory.publish;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import fr.ptce.observatory.ObservatoryProperties;
import fr.ptce.observatory.aggregate.KeyFigures;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Timestamps;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The report job: one step that publishes year {@code year} (job parameter) as of
 * {@code asOf} (optional job parameter, ISO instant; by default the instant the
 * aggregates were computed as of). The national PDF's path is left in the job's execution
 * context under {@value #NATIONAL_PDF}.
 */
@Configuration(proxyBeanMethods = false)
public class ReportJobConfiguration {

	public static final String JOB = "reportJob";

	public static final String NATIONAL_PDF = "publish.national_pdf";

	/** Compiled templates, cached under DATA_DIR/cache/reports across runs. */
	@Bean
	Templates reportTemplates(DataDirectory dir) {
		return new Templates(Publisher.templateCache(dir));
	}

	@Bean
	Publisher publisher(DataDirectory dir, Catalogue catalogue, GeoReferential geo, Registry registry,
			Templates reportTemplates, Clock clock, ObservatoryProperties properties) {
		return new Publisher(dir, catalogue, geo, registry, reportTemplates, clock, ZoneId.of(properties.zone()));
	}

	@Bean
	Tasklet publishTasklet(Publisher publisher, DataDirectory dir, ApplicationEventPublisher events) {
		return (contribution, chunkContext) -> {
			JobParameters parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
			Long year = parameters.getLong("year");
			if (year == null) {
				throw new IllegalArgumentException("the report job needs a year parameter");
			}
			String asOf = parameters.getString("asOf");
			Instant instant = asOf == null || asOf.isBlank() ? null : Timestamps.parseInstant(asOf);
			Publisher.Result result = publisher.publish(year.intValue(), instant);
			Path national = result.nationalPdf();
			// the analysts' delivery (schedule.delivery) listens to this
			events.publishEvent(new ReportPublished(year.intValue(), national,
					String.join("\n", KeyFigures.describe(KeyFigures.national(dir, year.intValue()))),
					result.folder()));
			chunkContext.getStepContext()
				.getStepExecution()
				.getJobExecution()
				.getExecutionContext()
				.putString(NATIONAL_PDF, national.toString());
			return RepeatStatus.FINISHED;
		};
	}

	@Bean
	Step publishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet publishTasklet) {
		return new StepBuilder("publishStep", jobRepository).tasklet(publishTasklet, transactionManager).build();
	}

	@Bean
	Job reportJob(JobRepository jobRepository, Step publishStep) {
		return new JobBuilder(JOB, jobRepository).start(publishStep).build();
	}

}
