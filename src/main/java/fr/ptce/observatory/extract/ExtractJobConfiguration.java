package fr.ptce.observatory.extract;

import java.time.Clock;

import fr.ptce.observatory.partners.Partners;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job {@value #JOB} (extracts.md): the partner extracts of year {@code year}, for
 * every partner or the one of {@code partner} (job parameters, bound to the step's
 * scope). One tasklet step: the warehouse is read once for every partner. Restartable as
 * it is: a version already in place is skipped and a draft left by a dead run is deleted,
 * so a rerun finishes what is missing. Step counts: read = warehouse rows read (cells,
 * trends, pole values), write = rows written into new extracts (each table counted once,
 * not its CSV copy).
 */
@Configuration(proxyBeanMethods = false)
public class ExtractJobConfiguration {

	public static final String JOB = "extractJob";

	public static final String STEP = "extractStep";

	/**
	 * Execution-context keys: one line per partner, "PARTNER VERSION written|kept
	 * FOLDER", and the folder of the first partner's extract.
	 */
	public static final String OUTCOMES = "extract.outcomes";

	public static final String FIRST_FOLDER = "extract.folder";

	@Bean
	ExtractBuilder extractBuilder(DataDirectory dir, Registry registry, Catalogue catalogue, Partners partners,
			Clock clock, ApplicationEventPublisher events) {
		return new ExtractBuilder(dir, registry, catalogue, partners, clock, events);
	}

	@Bean
	@StepScope
	Tasklet extractTasklet(ExtractBuilder builder, @Value("#{jobParameters['year']}") Long year,
			@Value("#{jobParameters['partner']}") String partner) {
		return (contribution, chunkContext) -> {
			if (year == null) {
				throw new IllegalArgumentException(JOB + " needs a year parameter");
			}
			ExtractBuilder.Result result = builder.build(year.intValue(), partner);
			var step = chunkContext.getStepContext().getStepExecution();
			step.setReadCount(step.getReadCount() + result.rowsRead());
			contribution.incrementWriteCount(result.rowsWritten());
			var context = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
			context.putString(OUTCOMES, String.join("\n", result.outcomes()
				.stream()
				.map(o -> o.partner() + " " + o.version() + " " + (o.written() ? "written" : "kept") + " " + o.folder())
				.toList()));
			if (!result.outcomes().isEmpty()) {
				context.putString(FIRST_FOLDER, result.outcomes().get(0).folder().toString());
			}
			return RepeatStatus.FINISHED;
		};
	}

	@Bean
	Step extractStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet extractTasklet) {
		return new StepBuilder(STEP, jobRepository).tasklet(extractTasklet, transactionManager).build();
	}

	@Bean
	Job extractJob(JobRepository jobRepository, Step extractStep) {
		return new JobBuilder(JOB, jobRepository).start(extractStep).build();
	}

}
