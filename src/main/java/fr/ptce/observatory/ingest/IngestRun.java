package fr.ptce.observatory.ingest;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.ObservationCodes;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.Timestamps;

/**
 * One ingest run over the inbox, from its start to its seal: the files, processed one
 * after the other in name order ({@link FileIngest}), are recorded in the run's manifest;
 * their rows go to the run's observation files (one open file per year, so a run writes a
 * few files per year partition, not one per submission), their receipts to the run's
 * staging folder ({@link StagedRun}). {@link #seal()} writes the manifest, the commit
 * point, and {@link RunPublication#publish} moves it all into place.
 *
 * All rows of a run share one ingested_at instant; within a run, files are processed, and
 * their rows written, in name order, so that a later file name wins, as the Revisions
 * section of the format says.
 */
public final class IngestRun implements Closeable {

	/**
	 * From this size on, a file takes the direct path: its accepted rows are encoded
	 * while it is validated, into year files of its own, which join the run if the file
	 * is accepted and are deleted if it is quarantined. Smaller files are encoded once
	 * accepted, into the year files shared by the run's small files.
	 */
	static final long DIRECT_BYTES = Long.getLong("observatory.ingest.direct-bytes", 32L << 20);

	/**
	 * What a buffered row takes at most in an open observation file, its encoding
	 * included.
	 */
	private static final int BYTES_PER_BUFFERED_ROW = 64;

	private final StagedRun staged;

	private final JumpCheck jumps;

	private final FileIngest files;

	/**
	 * Threads for work on the side: the whole pass over a large file's bytes, the
	 * preloading of code.
	 */
	private final ExecutorService background = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "ingest-background");
		thread.setDaemon(true);
		return thread;
	});

	public IngestRun(DataDirectory dir, Registry registry, Catalogue catalogue, Provenance provenance,
			Instant ingestedAt, ZoneId zone, double quarantineThreshold, SubmissionLedger ledger) {
		this(dir, registry, catalogue, provenance, ingestedAt, zone, quarantineThreshold, ledger, DIRECT_BYTES);
	}

	/**
	 * @param directBytes the size from which a file takes the direct path (tests use
	 * small ones)
	 */
	IngestRun(DataDirectory dir, Registry registry, Catalogue catalogue, Provenance provenance, Instant ingestedAt,
			ZoneId zone, double quarantineThreshold, SubmissionLedger ledger, long directBytes) {
		Instant at = Timestamps.micros(ingestedAt);
		LocalDate day = LocalDate.ofInstant(at, zone);
		KeySpace keys = new KeySpace(registry.size(), Math.min(registry.firstCreated(), day.getYear()), day.getYear(),
				catalogue.size());
		SubmissionValidation.Buffers buffers = new SubmissionValidation.Buffers(keys, registry, catalogue);
		ObservationCodes codes = new ObservationCodes(registry.poles().stream().map(Pole::id).toList(),
				keys.firstYear(), keys.lastYear(), catalogue.indicators().stream().map(Indicator::code).toList(),
				catalogue.indicators().stream().map(Indicator::unit).toList());
		RunContext run = new RunContext(registry, catalogue, keys, buffers, codes, provenance.withAsOf(at), at, day,
				quarantineThreshold, ledger, directBytes, rowGroupRows(keys));
		this.staged = new StagedRun(dir, at);
		this.jumps = new JumpCheck(dir, registry, catalogue, keys, codes, buffers, staged.folder());
		this.files = new FileIngest(run, staged, jumps, background);
		background.execute(() -> Preload.once(run.provenance(), at, staged.runId()));
	}

	/**
	 * Rows of a row group at most: DuckDB's size (122,880) rounded up. Larger groups
	 * compress no better, and their buffers are allocated whole when a year's file opens:
	 * with the 1 Mi rows allowed before, a 5.4 M-row file over 36 years allocated 1 GB of
	 * a default heap, 0.3 s of its 3.7 s (docs/startup.md).
	 */
	static final int MAX_ROW_GROUP_ROWS = 1 << 17;

	/**
	 * One observation file is open per year of the run, each buffering up to a row group:
	 * row groups are sized so that all the years together take at most a sixth of the
	 * heap, whatever the input.
	 */
	private static int rowGroupRows(KeySpace keys) {
		int years = keys.lastYear() - keys.firstYear() + 1;
		return (int) Math.max(4096,
				Math.min(MAX_ROW_GROUP_ROWS, Runtime.getRuntime().maxMemory() / 6 / years / BYTES_PER_BUFFERED_ROW));
	}

	String runId() {
		return staged.runId();
	}

	/**
	 * Processes one inbox file (its receipt is staged); it stays in the inbox until the
	 * run is published.
	 */
	public ProcessedFile process(Path file) {
		return files.process(file);
	}

	/** A processed file joins the run's manifest. */
	public void record(ProcessedFile file) {
		staged.record(file);
	}

	/**
	 * Finishes the run's observation files and writes the manifest: from here on the run
	 * is decided and will be published, even if the process dies before it is.
	 */
	public Path seal() {
		files.finish();
		files.close();
		jumps.close();
		return staged.seal();
	}

	/**
	 * Deletes the staging folder of a run that will not be sealed: its files are still in
	 * the inbox.
	 */
	void discard() {
		staged.discard();
	}

	/**
	 * Releases what the run holds; a run closed unsealed leaves its staging folder to the
	 * next recovery.
	 */
	@Override
	public void close() {
		background.shutdownNow();
		files.close();
		jumps.close();
	}

}
