package fr.ptce.observatory.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import fr.ptce.observatory.ObservatoryProperties;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.ProcessLock;
import fr.ptce.observatory.warehouse.Provenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job, three steps: settle what a dead run left behind, read the inbox into a
 * staged run, publish it.
 *
 * The files step is a chunk step whose items are the inbox's files ({@link InboxReader},
 * in name order), each processed into its outcome and recorded in the run
 * ({@link IngestRunStream}, the run's state, opened and closed with the step); a chunk of
 * {@value #FILES_PER_CHUNK} files is one transaction of the job repository, so the step's
 * counts grow and a stop request takes effect between chunks. Rows are not items: the row
 * path of a file has no per-item framework call ({@link RowLoop}).
 *
 * Step counts of the files step: read = data rows read, write = rows stored, filter =
 * rows read but not stored (rejected rows, and the accepted rows of quarantined files).
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IngestJobConfiguration.class);

	public static final String JOB_NAME = "ingestJob";

	/** Job parameter: the inbox folder (default DATA_DIR/inbox). */
	public static final String INBOX = "inbox";

	/** Execution-context key of the run summary. */
	public static final String SUMMARY = "ingest.summary";

	/**
	 * Files per chunk: a repository transaction per small file would cost more than the
	 * file (the bundled samples are 1,748 files of a few hundred rows); a stop request
	 * waits for at most this many files.
	 */
	static final int FILES_PER_CHUNK = 16;

	@Bean
	Job ingestJob(JobRepository jobRepository, Step recoverStagingStep, Step ingestFilesStep, Step publishRunStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(recoverStagingStep)
			.next(ingestFilesStep)
			.next(publishRunStep)
			.build();
	}

	/**
	 * The data directory's ingest lock ({@code DATA_DIR/.ingest.lock}: one ingest at a
	 * time, across processes), held by a job execution from its recovery step to its end:
	 * the job scope closes it when the execution ends, whatever its outcome.
	 */
	public static class RunLock implements AutoCloseable {

		private ProcessLock lock;

		public void acquire(DataDirectory dir) {
			if (lock == null) {
				lock = ProcessLock.tryAcquire(dir.root().resolve(".ingest.lock"));
				if (lock == null) {
					throw new IllegalStateException("another ingest is running on " + dir.root()
							+ ": wait for it to finish, then run ingest again");
				}
			}
		}

		@Override
		public void close() {
			if (lock != null) {
				lock.close();
				lock = null;
			}
		}

	}

	@Bean
	@JobScope
	RunLock ingestLock() {
		return new RunLock();
	}

	/**
	 * Publishes sealed runs, discards unsealed ones: the work of a run killed at any
	 * point is finished now.
	 */
	@Bean
	Step recoverStagingStep(JobRepository jobRepository, PlatformTransactionManager tx, Tasklet recoverStaging) {
		return new StepBuilder("recoverStagingStep", jobRepository).tasklet(recoverStaging, tx)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	@StepScope
	Tasklet recoverStaging(DataDirectory dir, SubmissionLedger ledger, RunLock ingestLock,
			@Value("#{jobParameters['" + INBOX + "']}") String inbox) {
		return (contribution, chunk) -> {
			ingestLock.acquire(dir);
			int[] settled = RunPublication.recover(dir, inbox(inbox, dir), ledger);
			if (settled[0] + settled[1] > 0) {
				log.info("Recovered the staging area: {} run(s) published, {} discarded", settled[0], settled[1]);
			}
			return RepeatStatus.FINISHED;
		};
	}

	@Bean
	Step ingestFilesStep(JobRepository jobRepository, PlatformTransactionManager tx, InboxReader inboxReader,
			IngestRunStream ingestRunStream) {
		ExecutionContextPromotionListener promote = new ExecutionContextPromotionListener();
		promote.setKeys(new String[] { IngestRunStream.STAGED });
		return new StepBuilder("ingestFilesStep", jobRepository).<Path, ProcessedFile>chunk(FILES_PER_CHUNK)
			.transactionManager(tx)
			.reader(inboxReader)
			.processor(ingestRunStream::process)
			.writer(ingestRunStream::write)
			.stream(ingestRunStream)
			.listener(promote)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	@StepScope
	InboxReader inboxReader(DataDirectory dir, @Value("#{jobParameters['" + INBOX + "']}") String inbox) {
		return new InboxReader(inbox(inbox, dir));
	}

	@Bean
	@StepScope
	IngestRunStream ingestRunStream(DataDirectory dir, Registry registry, Catalogue catalogue, Provenance provenance,
			ObservatoryProperties properties, SubmissionLedger ledger, Clock clock, InboxReader inboxReader,
			@Value("#{stepExecution}") StepExecution step) {
		return new IngestRunStream(() -> new IngestRun(dir, registry, catalogue, provenance, clock.instant(),
				ZoneId.of(properties.zone()), properties.quarantineThreshold(), ledger), inboxReader, step);
	}

	@Bean
	Step publishRunStep(JobRepository jobRepository, PlatformTransactionManager tx, Tasklet publishRun) {
		return new StepBuilder("publishRunStep", jobRepository).tasklet(publishRun, tx)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	@StepScope
	Tasklet publishRun(DataDirectory dir, SubmissionLedger ledger,
			@Value("#{jobParameters['" + INBOX + "']}") String inbox,
			@Value("#{jobExecutionContext['" + IngestRunStream.STAGED + "']}") String staged,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
		return (contribution, chunk) -> {
			Manifest manifest = RunPublication.publish(Path.of(staged), dir, inbox(inbox, dir), ledger, jobExecutionId);
			IngestSummary summary = IngestSummary.of(manifest.files(), dir);
			chunk.getStepContext()
				.getStepExecution()
				.getJobExecution()
				.getExecutionContext()
				.put(SUMMARY, summary.toMap());
			return RepeatStatus.FINISHED;
		};
	}

	private static Path inbox(String inbox, DataDirectory dir) {
		return inbox == null || inbox.isBlank() ? dir.inbox() : Path.of(inbox);
	}

}
