package fr.ptce.observatory.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import fr.ptce.observatory.Futures;
import fr.ptce.observatory.warehouse.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processing of one inbox file after another: sniffed, its file-level reasons
 * checked, its rows validated ({@link RowLoop}) and spooled, then stored or not, and its
 * receipt staged.
 *
 * A small file's accepted rows are spooled, and encoded into the run's shared year files
 * once the file is known to be accepted. A large file takes the direct path: its accepted
 * rows are encoded while it is validated (on the writer thread, so both overlap), into
 * year files of its own that join the run if it is accepted and are deleted if it is
 * quarantined; the shared files are committed before it starts, so that file names within
 * a partition still sort in processing order (the order SUSPICIOUS_JUMP reads current
 * values in).
 */
final class FileIngest implements RowLoop.Sink, Closeable {

	private static final Logger log = LoggerFactory.getLogger(FileIngest.class);

	private final RunContext run;

	private final StagedRun staged;

	private final JumpCheck jumps;

	private final FileIssues issues;

	/**
	 * The accepted rows of a small file, stored from here once the file is known to be
	 * accepted.
	 */
	private final Spool rows;

	/**
	 * Encodes the stored rows into the year files on its own thread; only it touches the
	 * sinks until seal.
	 */
	private final ObservationWriter writer;

	/**
	 * The year files shared by the small files of the run (written by the writer thread
	 * only).
	 */
	private final YearFiles shared;

	/** Threads for work on the side: the whole pass over a large file's bytes. */
	private final ExecutorService background;

	/**
	 * The files stored earlier in the run, by SHA-256: the same bytes again are a
	 * duplicate.
	 */
	private final Set<String> acceptedInRun = new HashSet<>();

	/**
	 * The year files of the large file being processed, if any (written by the writer
	 * thread only).
	 */
	private YearFiles direct;

	/** The file code of the large file being processed, -1 for a small file. */
	private int directFileCode = -1;

	FileIngest(RunContext run, StagedRun staged, JumpCheck jumps, ExecutorService background) {
		this.run = run;
		this.staged = staged;
		this.jumps = jumps;
		this.background = background;
		this.issues = new FileIssues(staged.folder(), jumps);
		this.rows = new Spool(staged.folder().resolve(".rows.spool"));
		this.shared = yearFiles();
		this.writer = new ObservationWriter("parquet-writer-" + staged.runId());
	}

	private YearFiles yearFiles() {
		return new YearFiles(staged, run.keys(), run.codes(), run.provenance(), Timestamps.toMicros(run.ingestedAt()),
				run.rowGroupRows());
	}

	/** Processes one inbox file; it stays in the inbox until the run is published. */
	ProcessedFile process(Path file) {
		Manifest.Source source = RunPublication.source(file);
		return new ProcessedFile(outcome(file, source.size()), source);
	}

	/**
	 * @param size the file's size when it was listed for processing
	 */
	private SubmissionOutcome outcome(Path file, long size) {
		String name = file.getFileName().toString();
		FileSniffer.Facts facts = null;
		try {
			if (size >= run.directBytes()) {
				FileSniffer.Facts head = FileSniffer.head(file);
				if (head != null) {
					CompletableFuture<FileSniffer.Facts> whole = CompletableFuture.supplyAsync(() -> sniff(file),
							background);
					SubmissionOutcome outcome = validateWhileSniffing(file, name, head, whole);
					if (outcome != null) {
						return outcome;
					}
					facts = Futures.join(whole);
				}
			}
			if (facts == null) {
				facts = FileSniffer.sniff(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		if (isDuplicate(facts.sha256())) {
			return fileLevel(name, facts.sha256(), FileStatus.DUPLICATE_SUBMISSION, null,
					"Ce fichier a déjà été reçu et enregistré à l’identique (même empreinte SHA-256) : il n’est pas"
							+ " enregistré une seconde fois.",
					"This file was already received and stored byte for byte (same SHA-256): it is not stored a"
							+ " second time.");
		}
		if (!facts.isText()) {
			return fileLevel(name, facts.sha256(), FileStatus.REJECTED, "NOT_CSV", null, null);
		}
		try (SubmissionReader reader = new SubmissionReader(file, facts)) {
			if (!reader.hasHeaderRow()) {
				return fileLevel(name, facts.sha256(), FileStatus.REJECTED, "EMPTY_FILE", null, null);
			}
			if (reader.missingColumn() != null) {
				return fileLevel(name, facts.sha256(), FileStatus.REJECTED, "MISSING_COLUMN:" + reader.missingColumn(),
						null, null);
			}
			return validateAndStore(name, facts, reader, null);
		}
	}

	private boolean isDuplicate(String sha256) {
		return acceptedInRun.contains(sha256) || run.ledger().alreadyIngested(sha256);
	}

	/**
	 * A large file is validated on the facts of its first megabyte (UTF-8, its delimiter)
	 * while another thread makes the whole pass over its bytes (its SHA-256, its
	 * encoding, a quote open at the end): that pass is a sixth of a large file's time,
	 * and no longer waited for. Nothing is kept unless the whole pass agrees and the file
	 * is not a duplicate.
	 * @return the outcome, or null when the file must be processed again on the facts of
	 * the whole pass
	 */
	private SubmissionOutcome validateWhileSniffing(Path file, String name, FileSniffer.Facts head,
			CompletableFuture<FileSniffer.Facts> whole) {
		try (SubmissionReader reader = new SubmissionReader(file, head, () -> Futures.join(whole).openQuoteAtEnd())) {
			if (reader.header() == null) {
				// a file-level case (empty, missing column): decided on the whole pass's
				// facts
				return null;
			}
			return validateAndStore(name, head, reader, whole);
		}
	}

	private static FileSniffer.Facts sniff(Path file) {
		try {
			return FileSniffer.sniff(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Validates the rows of a file that has a header with the required columns, stores
	 * them or not, and stages its receipt.
	 * @param whole when the facts are those of the file's head only, the whole pass under
	 * way: the rows read are kept only if it agrees (else null is returned, and nothing
	 * is left of this attempt)
	 */
	private SubmissionOutcome validateAndStore(String name, FileSniffer.Facts facts, SubmissionReader reader,
			CompletableFuture<FileSniffer.Facts> whole) {
		start(name, facts, whole);
		SubmissionValidation validation = new SubmissionValidation(run.registry(), run.catalogue(), run.buffers(),
				run.ingestionDay(), reader.header(), facts.delimiter());
		RowLoop.Counts counts = RowLoop.run(name, reader, validation, this);
		if (whole != null) {
			FileSniffer.Facts sniffed = Futures.join(whole);
			if (!sniffed.isText() || !sniffed.charset().equals(facts.charset()) || sniffed.bom() != facts.bom()
					|| sniffed.delimiter() != facts.delimiter() || isDuplicate(sniffed.sha256())) {
				log.info("{}: decided again on its whole pass (encoding beyond its first megabyte, or a duplicate)",
						name);
				discard();
				jumps.restore();
				return null;
			}
			facts = sniffed;
		}
		if (counts.read() == 0) {
			discard();
			return fileLevel(name, facts.sha256(), FileStatus.REJECTED, "EMPTY_FILE", null, null);
		}
		return decide(name, facts.sha256(), reader.header(), validation, counts);
	}

	/** Starts a file: its spools, and for a large file, its own year files. */
	private void start(String name, FileSniffer.Facts facts, CompletableFuture<FileSniffer.Facts> whole) {
		directFileCode = -1;
		if (facts.size() >= run.directBytes()) {
			// the shared files are committed first, so that the files a later small file
			// opens sort after this
			// file's own: scan order stays ingestion order
			writer.run(shared::commit);
			direct = yearFiles();
			directFileCode = whole == null ? run.codes().addFile(facts.sha256(), name)
					: run.codes().addFile(whole.thenApply(FileSniffer.Facts::sha256), name);
		}
		rows.reset();
		issues.reset();
		jumps.reset();
	}

	@Override
	public void accepted(AcceptedRow row) {
		// the current values move with the file, and move back if it is not stored
		jumps.accept(row);
		if (direct == null) {
			rows.write(row);
		}
		else {
			write(direct, row, directFileCode);
		}
	}

	@Override
	public void rejected(Issue reason) {
		issues.error(reason);
	}

	@Override
	public void warning(Issue warning) {
		issues.warning(warning);
	}

	/** Stores the file's rows, or quarantines it, and stages its receipt. */
	private SubmissionOutcome decide(String name, String sha256, SubmissionReader.Header header,
			SubmissionValidation validation, RowLoop.Counts counts) {
		long read = counts.read();
		long rejected = counts.rejected();
		boolean stored = rejected <= run.quarantineThreshold() * read;
		String noteFr = null;
		String noteEn = null;
		if (stored) {
			if (direct != null) {
				// the writer finishes the file's last row groups while the rows are
				// replayed for warnings
				writer.run(direct::commit);
				direct = null;
			}
			else {
				storeSpooledRows(name, sha256);
			}
			jumps.settle();
			acceptedInRun.add(sha256);
		}
		else {
			discard();
			jumps.restore();
			noteFr = Messages.quarantinedFr(run.quarantineThreshold(), rejected, read);
			noteEn = Messages.quarantinedEn(run.quarantineThreshold(), rejected, read);
		}
		MemberConsistency crossRow = validation.crossRow();
		Receipt receipt = new Receipt(name, sha256, run.ingestedAt(),
				stored ? FileStatus.ACCEPTED : FileStatus.QUARANTINED, null, read, read - rejected, rejected,
				issues.rowsWithWarnings(header, crossRow, stored), noteFr, noteEn);
		return staged.stageReceipt(receipt, issues.issues(header, crossRow.warnings(), stored));
	}

	/** Replays an accepted small file's rows into the shared year files. */
	private void storeSpooledRows(String name, String sha256) {
		int fileCode = run.codes().addFile(sha256, name);
		AcceptedRow row = new AcceptedRow();
		try (Spool.Reader in = rows.read()) {
			while (in.next(row, run.keys())) {
				write(shared, row, fileCode);
			}
		}
	}

	private void write(YearFiles files, AcceptedRow row, int fileCode) {
		writer.write(files, row.pole, run.codes().period(row.year, row.quarter), row.indicator, row.value, row.status,
				row.comment, fileCode, row.line);
	}

	/**
	 * Deletes the files of a large file that is not stored (on the writer thread, after
	 * its last rows).
	 */
	private void discard() {
		if (direct != null) {
			YearFiles files = direct;
			writer.run(files::discard);
			direct = null;
		}
	}

	private SubmissionOutcome fileLevel(String name, String sha256, FileStatus status, String reason, String noteFr,
			String noteEn) {
		Receipt receipt = new Receipt(name, sha256, run.ingestedAt(), status, reason, 0, 0, 0, 0,
				noteFr != null ? noteFr : Messages.fileReasonFr(reason),
				noteEn != null ? noteEn : Messages.fileReasonEn(reason));
		return staged.stageReceipt(receipt, List.<Issue>of()::iterator);
	}

	/**
	 * Finishes the run's observation files: every row handed so far is in a committed
	 * file afterwards.
	 */
	void finish() {
		writer.finish();
		if (direct != null) {
			throw new IllegalStateException("sealed while a large file was being processed");
		}
		shared.commit();
	}

	@Override
	public void close() {
		writer.close();
		shared.close();
		if (direct != null) {
			direct.close();
			direct = null;
		}
		rows.close();
		issues.close();
	}

}
