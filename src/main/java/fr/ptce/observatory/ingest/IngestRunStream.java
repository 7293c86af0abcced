package fr.ptce.observatory.ingest;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * The ingest run of one execution of the files step, as a Spring Batch
 * {@link ItemStream}: opened with the step, fed file by file ({@link #process} gives each
 * file's outcome, the step's processor; {@link #write} records them in the run's
 * manifest, its writer), sealed at the update that follows the last file, closed with the
 * step. (Not final: it is a step-scoped bean, behind a proxy.)
 *
 * What a restart resumes: the run's only durable state is its manifest, written by the
 * seal, and a file leaves the inbox only when the run that processed it is published. So
 * {@link #update} saves nothing but, at the end, the sealed run's folder
 * ({@link #STAGED}, promoted to the job for the publish step); a step execution that
 * failed or stopped before the seal leaves nothing to resume, its staging folder is
 * deleted on close, and the restarted execution processes the whole inbox again in a new
 * run.
 */
public class IngestRunStream implements ItemStream {

	private static final Logger log = LoggerFactory.getLogger(IngestRunStream.class);

	/**
	 * Key of the sealed run's staging folder, in the step's then the job's execution
	 * context.
	 */
	public static final String STAGED = "ingest.staged";

	private final Supplier<IngestRun> start;

	private final InboxReader inbox;

	private final StepExecution step;

	private IngestRun run;

	private int done;

	private boolean sealed;

	/**
	 * @param start opens a run (the run's instant is taken when the step opens)
	 * @param inbox the step's reader, to know when the inbox is read
	 */
	public IngestRunStream(Supplier<IngestRun> start, InboxReader inbox, StepExecution step) {
		this.start = start;
		this.inbox = inbox;
		this.step = step;
	}

	@Override
	public void open(ExecutionContext context) {
		run = start.get();
		done = 0;
		sealed = false;
		Progress.start();
		log.info("Ingesting {} file(s) from {} (run {})", inbox.size(), inbox.inbox(), run.runId());
	}

	/**
	 * A file's outcome: processed, its receipt staged, its rows in the run's observation
	 * files if stored.
	 */
	public ProcessedFile process(Path file) {
		return run.process(file);
	}

	/**
	 * Records each file in the run's manifest. The step's counts are rows, the unit of
	 * the operator's view and of the metrics, not files: Spring Batch counts one read and
	 * one write per file, the writer adds the rest.
	 */
	public void write(Chunk<? extends ProcessedFile> files) {
		for (ProcessedFile file : files) {
			run.record(file);
			done++;
			SubmissionOutcome outcome = file.outcome();
			long stored = outcome.status() == FileStatus.ACCEPTED ? outcome.rowsAccepted() : 0;
			step.setReadCount(step.getReadCount() + outcome.rowsRead() - 1);
			step.setWriteCount(step.getWriteCount() + stored - 1);
			step.setFilterCount(step.getFilterCount() + outcome.rowsRead() - stored);
			Progress.file(done, inbox.size(), outcome);
		}
	}

	/**
	 * Called after each chunk; after the last one the run is sealed, in the chunk's
	 * transaction.
	 */
	@Override
	public void update(ExecutionContext context) {
		if (!sealed && inbox.isRead()) {
			Path staged = run.seal();
			sealed = true;
			context.putString(STAGED, staged.toString());
		}
	}

	@Override
	public void close() {
		if (run != null) {
			run.close();
			if (!sealed) {
				run.discard();
			}
			run = null;
		}
	}

}
