package fr.ptce.observatory.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.ptce.observatory.ObservatoryProperties;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Provenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job: settle what a dead run left behind, read the inbox file by file into a staged run, then
 * publish it. Each file is one call of the files tasklet (one transaction of the job repository), so the
 * step's counts grow file by file and a stop request takes effect between two files.
 *
 * Step counts: read = data rows read, write = rows stored, filter = rows read but not stored (rejected rows,
 * and the accepted rows of quarantined files).
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IngestJobConfiguration.class);

	public static final String JOB_NAME = "ingestJob";

	/** Job parameter: the inbox folder (default DATA_DIR/inbox). */
	public static final String INBOX = "inbox";

	/** Execution-context key of the run summary. */
	public static final String SUMMARY = "ingest.summary";

	private final Map<Long, IngestLock> locks = new ConcurrentHashMap<>();

	private final Map<Long, RunState> runs = new ConcurrentHashMap<>();

	private static final long CHUNK_NANOS = 1_000_000_000L;

	/** The run of a job execution, in memory only: after a crash the run is redone from the inbox. */
	private static final class RunState {

		final IngestRun run;

		final List<Path> files;

		int next;

		RunState(IngestRun run, List<Path> files) {
			this.run = run;
			this.files = files;
		}

	}

	@Bean
	Job ingestJob(JobRepository jobRepository, Step recoverStagingStep, Step ingestFilesStep, Step publishRunStep,
			DataDirectory dir) {
		return new JobBuilder(JOB_NAME, jobRepository).start(recoverStagingStep)
			.next(ingestFilesStep)
			.next(publishRunStep)
			.listener(new JobExecutionListener() {
				@Override
				public void afterJob(JobExecution execution) {
					RunState state = runs.remove(execution.getId());
					if (state != null) {
						state.run.close();
					}
					IngestLock lock = locks.remove(execution.getId());
					if (lock != null) {
						lock.close();
					}
				}
			})
			.build();
	}

	/** Publishes sealed runs, discards unsealed ones: the work of a run killed at any point is finished now. */
	@Bean
	Step recoverStagingStep(JobRepository jobRepository, PlatformTransactionManager tx, DataDirectory dir,
			SubmissionLedger ledger) {
		Tasklet recover = (contribution, chunk) -> {
			JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
			IngestLock lock = IngestLock.tryAcquire(dir);
			if (lock == null) {
				throw new IllegalStateException("another ingest is running on " + dir.root()
						+ ": wait for it to finish, then run ingest again");
			}
			locks.put(job.getId(), lock);
			int[] settled = IngestRun.recover(dir, inbox(job, dir), ledger);
			if (settled[0] + settled[1] > 0) {
				log.info("Recovered the staging area: {} run(s) published, {} discarded", settled[0], settled[1]);
			}
			return RepeatStatus.FINISHED;
		};
		return new StepBuilder("recoverStagingStep", jobRepository).tasklet(recover, tx).allowStartIfComplete(true).build();
	}

	@Bean
	Step ingestFilesStep(JobRepository jobRepository, PlatformTransactionManager tx, DataDirectory dir,
			Registry registry, Catalogue catalogue, Provenance provenance, ObservatoryProperties properties,
			SubmissionLedger ledger, Clock clock) {
		Tasklet ingestFiles = new Tasklet() {
			@Override
			public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
				StepExecution step = chunk.getStepContext().getStepExecution();
				JobExecution job = step.getJobExecution();
				RunState state = runs.get(job.getId());
				if (state == null) {
					IngestRun run = new IngestRun(dir, registry, catalogue, provenance, clock.instant(),
							ZoneId.of(properties.zone()), properties.quarantineThreshold(), ledger);
					state = new RunState(run, IngestRun.inboxFiles(inbox(job, dir)));
					runs.put(job.getId(), state);
					Progress.start();
					log.info("Ingesting {} file(s) from {}", state.files.size(), inbox(job, dir));
				}
				// a chunk is the files done within about a second: the job repository is updated, and a stop
				// request honoured, that often, without one transaction per small file
				long deadline = System.nanoTime() + CHUNK_NANOS;
				while (state.next < state.files.size()) {
					SubmissionOutcome outcome = state.run.process(state.files.get(state.next));
					state.next++;
					long stored = outcome.status() == FileStatus.ACCEPTED ? outcome.rowsAccepted() : 0;
					step.setReadCount(step.getReadCount() + outcome.rowsRead());
					step.setWriteCount(step.getWriteCount() + stored);
					step.setFilterCount(step.getFilterCount() + outcome.rowsRead() - stored);
					Progress.file(state.next, state.files.size(), outcome);
					if (System.nanoTime() > deadline) {
						step.getExecutionContext().putInt("files.done", state.next);
						return RepeatStatus.CONTINUABLE;
					}
				}
				step.getExecutionContext().putInt("files.done", state.next);
				Path staged = state.run.seal();
				job.getExecutionContext().putString("ingest.staged", staged.toString());
				return RepeatStatus.FINISHED;
			}
		};
		return new StepBuilder("ingestFilesStep", jobRepository).tasklet(ingestFiles, tx).allowStartIfComplete(true).build();
	}

	@Bean
	Step publishRunStep(JobRepository jobRepository, PlatformTransactionManager tx, DataDirectory dir,
			SubmissionLedger ledger) {
		Tasklet publish = (contribution, chunk) -> {
			JobExecution job = chunk.getStepContext().getStepExecution().getJobExecution();
			Path staged = Path.of(job.getExecutionContext().getString("ingest.staged"));
			Manifest manifest = IngestRun.publish(staged, dir, inbox(job, dir), ledger, job.getId());
			IngestSummary summary = IngestSummary.of(manifest.files(), dir);
			job.getExecutionContext().put(SUMMARY, summary.toMap());
			return RepeatStatus.FINISHED;
		};
		return new StepBuilder("publishRunStep", jobRepository).tasklet(publish, tx).allowStartIfComplete(true).build();
	}

	static Path inbox(JobExecution job, DataDirectory dir) {
		String inbox = job.getJobParameters().getString(INBOX);
		return inbox == null || inbox.isBlank() ? dir.inbox() : Path.of(inbox);
	}

}
