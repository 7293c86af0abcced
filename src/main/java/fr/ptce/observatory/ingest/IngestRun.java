package fr.ptce.observatory.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.ObservationBatch;
import fr.ptce.observatory.warehouse.ObservationCodes;
import fr.ptce.observatory.warehouse.ObservationFile;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.Sha256;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingest run over the inbox: each file, in name order, is read, validated and spooled; its accepted rows
 * are appended to the run's observation files (one open file per year, so a run writes a few files per year
 * partition, not one per submission); its receipt is written. Everything goes to the run's staging folder;
 * {@link #seal()} writes the manifest, the commit point, and {@link #publish} moves it all into place.
 *
 * All rows of a run share one ingested_at instant; within a run, files are processed, and their rows written,
 * in name order, so that a later file name wins, as the Revisions section of the format says.
 */
public final class IngestRun implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(IngestRun.class);

	static final String MANIFEST = "manifest.json";

	/**
	 * From this size on, a file takes the direct path: its accepted rows are encoded while it is validated, into
	 * year files of its own, which join the run if the file is accepted and are deleted if it is quarantined.
	 * Smaller files are encoded once accepted, into the year files shared by the run's small files.
	 */
	static final long DIRECT_BYTES = Long.getLong("observatory.ingest.direct-bytes", 32L << 20);

	/** Observation files are rolled over at this many rows, so that no single file grows without bound. */
	static final long ROWS_PER_FILE = 5_000_000;

	/**
	 * One observation file is open per year of the run, each buffering up to a row group: row groups are sized so
	 * that all the years together take at most a sixth of the heap, whatever the input.
	 */
	private final int rowGroupRows;

	/** What a buffered row takes at most in an open observation file, its encoding included. */
	private static final int BYTES_PER_BUFFERED_ROW = 64;

	/** The dictionaries of the observation files: the registry, the periods, the catalogue, the run's files. */
	private final ObservationCodes codes;

	private final DataDirectory dir;

	private final Registry registry;

	private final Catalogue catalogue;

	private final Provenance provenance;

	private final Instant ingestedAt;

	private final LocalDate ingestionDay;

	private final double quarantineThreshold;

	private final SubmissionLedger ledger;

	private final String runId;

	private final Path staging;

	private final KeySpace keys;

	private final SubmissionValidation.Buffers buffers;

	/**
	 * The current value of every key (NaN: none, or status M), kept up to date file by file. A float: it only serves
	 * the tenfold SUSPICIOUS_JUMP test, and a registry of 10,000 poles over decades has tens of millions of keys.
	 */
	private final float[] current;

	/** The accepted rows of a small file, stored from here once the file is known to be accepted. */
	private final Spool rows;

	private final Spool errors;

	/** Each accepted row's key and the key's current value before it, to move the values back if need be. */
	private final Spool undo;

	/** The accepted rows of a file whose jump can only be decided at its end (see {@link #checkJump}). */
	private final Spool pending;

	/**
	 * A file's warnings, on disk like its rejected rows, so that memory does not grow with them (a valid file can
	 * have one on every row). Each spool is in line order; the receipt merges them (see {@link #issues}).
	 */
	private final Spool rowWarnings;

	/** SUSPICIOUS_JUMP of the rows decided as they are read. */
	private final Spool jumps;

	/** SUSPICIOUS_JUMP of the pending rows, decided at the end of the file. */
	private final Spool laterJumps;

	/** The year files shared by the small files of the run (written by the writer thread only). */
	private final YearFiles shared;

	/** The year files of the large file being processed, if any (written by the writer thread only). */
	private YearFiles direct;

	/** Per year, the sequence number of the last part file opened; names sort in processing order. */
	private final Map<Integer, Integer> fileSequence = new HashMap<>();

	private final long directBytes;

	private final List<Manifest.Move> parquet = new ArrayList<>();

	private final List<Manifest.Move> receipts = new ArrayList<>();

	private final List<Manifest.Source> sources = new ArrayList<>();

	private final List<SubmissionOutcome> outcomes = new ArrayList<>();

	private final Set<String> acceptedInRun = new HashSet<>();

	private final Set<String> receiptNames = new HashSet<>();

	private final Set<String> destinations = new HashSet<>();

	/** Encodes the stored rows into the year files on its own thread; only it touches the sinks until seal. */
	private final ObservationWriter writer;

	/** Threads for work on the side: the whole pass over a large file's bytes, the preloading of code. */
	private final ExecutorService background = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "ingest-background");
		thread.setDaemon(true);
		return thread;
	});

	private long rowsRead;

	public IngestRun(DataDirectory dir, Registry registry, Catalogue catalogue, Provenance provenance,
			Instant ingestedAt, ZoneId zone, double quarantineThreshold, SubmissionLedger ledger) {
		this(dir, registry, catalogue, provenance, ingestedAt, zone, quarantineThreshold, ledger, DIRECT_BYTES);
	}

	/** @param directBytes the size from which a file takes the direct path (tests use small ones) */
	IngestRun(DataDirectory dir, Registry registry, Catalogue catalogue, Provenance provenance, Instant ingestedAt,
			ZoneId zone, double quarantineThreshold, SubmissionLedger ledger, long directBytes) {
		this.directBytes = directBytes;
		this.dir = dir;
		this.registry = registry;
		this.catalogue = catalogue;
		this.ingestedAt = Timestamps.micros(ingestedAt);
		this.provenance = provenance.withAsOf(this.ingestedAt);
		this.ingestionDay = LocalDate.ofInstant(this.ingestedAt, zone);
		this.quarantineThreshold = quarantineThreshold;
		this.ledger = ledger;
		this.runId = String.format("%016d", Timestamps.toMicros(this.ingestedAt));
		this.staging = dir.staging().resolve(runId);
		this.keys = new KeySpace(registry.size(), Math.min(registry.firstCreated(), ingestionDay.getYear()),
				ingestionDay.getYear(), catalogue.size());
		this.buffers = new SubmissionValidation.Buffers(keys, registry, catalogue);
		this.shared = new YearFiles();
		int years = keys.lastYear() - keys.firstYear() + 1;
		this.rowGroupRows = (int) Math.max(4096, Math.min(1 << 20,
				Runtime.getRuntime().maxMemory() / 6 / years / BYTES_PER_BUFFERED_ROW));
		this.current = new float[keys.size()];
		Arrays.fill(current, Float.NaN);
		this.codes = new ObservationCodes(registry.poles().stream().map(Pole::id).toList(), keys.firstYear(),
				keys.lastYear(), catalogue.indicators().stream().map(Indicator::code).toList(),
				catalogue.indicators().stream().map(Indicator::unit).toList());
		try {
			Files.createDirectories(staging.resolve("receipts"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + staging + ": " + ex.getMessage(), ex);
		}
		this.rows = new Spool(staging.resolve(".rows.spool"));
		this.undo = new Spool(staging.resolve(".undo.spool"));
		this.errors = new Spool(staging.resolve(".errors.spool"));
		this.pending = new Spool(staging.resolve(".pending.spool"));
		this.rowWarnings = new Spool(staging.resolve(".warnings.spool"));
		this.jumps = new Spool(staging.resolve(".jumps.spool"));
		this.laterJumps = new Spool(staging.resolve(".later-jumps.spool"));
		loadCurrentValues();
		this.writer = new ObservationWriter("parquet-writer-" + runId);
		background.execute(this::preload);
	}

	/** Whether this JVM ran {@link #preload} already. */
	private static final AtomicBoolean PRELOADED = new AtomicBoolean();

	/**
	 * Runs once per JVM, on a side thread at the start of the first run, the code the end of a file needs the
	 * first time: the Parquet footer, a JSON receipt, the manifest. Cold, that is half a second of class loading
	 * that would otherwise be waited for at the end of a large file. It writes in a temporary folder of its own,
	 * and failing changes nothing but the time.
	 */
	private void preload() {
		if (!PRELOADED.compareAndSet(false, true)) {
			return;
		}
		Path folder = null;
		try {
			folder = Files.createTempDirectory("observatory-preload");
			ObservationFile.preload(folder, provenance);
			Receipt receipt = new Receipt("preload.csv", "0".repeat(64), ingestedAt, FileStatus.ACCEPTED, null, 1, 1, 0,
					0, null, null);
			ReceiptWriter.write(receipt, List.<Issue>of()::iterator, folder.resolve("receipt.json"),
					folder.resolve("receipt.csv"));
			Json.MAPPER.writerWithDefaultPrettyPrinter()
				.writeValueAsBytes(new Manifest(runId, Timestamps.format(ingestedAt),
						List.of(new SubmissionOutcome("preload.csv", "0".repeat(64), FileStatus.ACCEPTED, null, 1, 1, 0,
								0, "archive/preload.csv", "preload")),
						List.of(new Manifest.Move("a", "b")), List.of(), List.of(new Manifest.Source("preload.csv", 1, 1))));
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Preloading the end-of-file code failed (only the first file is slower): {}", ex.toString());
		}
		finally {
			if (folder != null) {
				AtomicFiles.deleteTree(folder);
			}
		}
	}

	public String runId() {
		return runId;
	}

	public Instant ingestedAt() {
		return ingestedAt;
	}

	public List<SubmissionOutcome> outcomes() {
		return List.copyOf(outcomes);
	}

	public long rowsRead() {
		return rowsRead;
	}

	/** The files waiting in an inbox, in name order (hidden files, such as a copy in progress, are left). */
	public static List<Path> inboxFiles(Path inbox) {
		if (!Files.isDirectory(inbox)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(inbox)) {
			return list.filter(Files::isRegularFile)
				.filter(p -> !p.getFileName().toString().startsWith("."))
				.sorted(Comparator.comparing(p -> p.getFileName().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the inbox " + inbox + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads the current value of every key from the store, for SUSPICIOUS_JUMP. Files are read in name order,
	 * which is ingestion order, and rows in the order they were written, so the last value seen is the current.
	 */
	private void loadCurrentValues() {
		Path table = dir.table(Tables.OBSERVATIONS);
		Map<String, Integer> poleIndex = new HashMap<>();
		registry.poles().forEach(p -> poleIndex.put(p.id(), p.index()));
		for (int year : ParquetScan.years(table)) {
			if (!keys.contains(year)) {
				continue;
			}
			for (Path file : ParquetScan.files(dir.partition(Tables.OBSERVATIONS, year))) {
				ParquetScan.scan(file, group -> {
					ParquetScan.Column pole = group.column("pole_id");
					ParquetScan.Column quarter = group.column("quarter");
					ParquetScan.Column indicator = group.column("indicator");
					ParquetScan.Column value = group.column("value");
					for (long i = 0; i < group.rows(); i++) {
						Integer p = poleIndex.get(pole.string());
						Integer q = quarter.nullableInt32();
						Indicator ind = catalogue.find(indicator.string());
						Double v = value.nullableFloat64();
						pole.next();
						quarter.next();
						indicator.next();
						value.next();
						if (p != null && ind != null) {
							int key = keys.key(p, year, q == null ? 0 : q, ind.index());
							current[key] = v == null ? Float.NaN : v.floatValue();
						}
					}
				});
			}
		}
	}

	/** Processes one inbox file; it stays in the inbox until the run is published. */
	public SubmissionOutcome process(Path file) {
		Manifest.Source source = source(file);
		SubmissionOutcome outcome = outcome(file, source.size());
		sources.add(source);
		return outcome;
	}

	private static Manifest.Source source(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return new Manifest.Source(file.getFileName().toString(), attributes.size(),
					attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Whether an inbox file is still the one a run processed (without reading it again: it may be large). */
	private static boolean unchanged(Path file, Manifest.Source processed, String sha256) throws IOException {
		if (processed == null) {
			return Sha256.of(file).equals(sha256);
		}
		Manifest.Source now = source(file);
		return now.size() == processed.size() && now.modifiedNanos() == processed.modifiedNanos();
	}

	/**
	 * Sniffs, validates and stores one file (see {@link #process}).
	 * @param size the file's size when it was listed for processing
	 */
	private SubmissionOutcome outcome(Path file, long size) {
		String name = file.getFileName().toString();
		FileSniffer.Facts facts = null;
		try {
			if (size >= directBytes) {
				FileSniffer.Facts head = FileSniffer.head(file);
				if (head != null) {
					CompletableFuture<FileSniffer.Facts> whole = CompletableFuture.supplyAsync(() -> sniff(file),
							background);
					SubmissionOutcome outcome = validateWhileSniffing(file, name, head, whole);
					if (outcome != null) {
						return outcome;
					}
					facts = join(whole);
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
		return acceptedInRun.contains(sha256) || ledger.alreadyIngested(sha256);
	}

	/**
	 * A large file is validated on the facts of its first megabyte (UTF-8, its delimiter) while another thread
	 * makes the whole pass over its bytes (its SHA-256, its encoding, a quote open at the end): that pass is a
	 * sixth of a large file's time, and no longer waited for. Nothing is kept unless the whole pass agrees and the
	 * file is not a duplicate.
	 * @return the outcome, or null when the file must be processed again on the facts of the whole pass
	 */
	private SubmissionOutcome validateWhileSniffing(Path file, String name, FileSniffer.Facts head,
			CompletableFuture<FileSniffer.Facts> whole) {
		try (SubmissionReader reader = new SubmissionReader(file, head, () -> join(whole).openQuoteAtEnd())) {
			if (reader.header() == null) {
				// a file-level case (empty, missing column): decided on the whole pass's facts
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

	private static FileSniffer.Facts join(CompletableFuture<FileSniffer.Facts> whole) {
		try {
			return whole.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw ex;
		}
	}

	/**
	 * @param whole when the facts are those of the file's head only, the whole pass under way: the rows read are
	 * kept only if it agrees (else null is returned, and nothing is left of this attempt)
	 */
	private SubmissionOutcome validateAndStore(String name, FileSniffer.Facts facts, SubmissionReader reader,
			CompletableFuture<FileSniffer.Facts> whole) {
		SubmissionReader.Header header = reader.header();
		YearFiles files = null;
		if (facts.size() >= directBytes) {
			// the shared files are committed first, so that the files a later small file opens sort after this
			// file's own: scan order stays ingestion order
			YearFiles before = shared;
			writer.run(before::commit);
			files = new YearFiles();
			direct = files;
		}
		int fileCode = files == null ? -1
				: whole == null ? codes.addFile(facts.sha256(), name)
						: codes.addFile(whole.thenApply(FileSniffer.Facts::sha256), name);
		SubmissionValidation validation = new SubmissionValidation(registry, catalogue, buffers, ingestionDay, header,
				facts.delimiter());
		// a row's own warnings, moved to the spool after each row: it never holds more than one row's
		List<Issue> warnings = new ArrayList<>();
		rows.reset();
		undo.reset();
		errors.reset();
		pending.reset();
		rowWarnings.reset();
		jumps.reset();
		laterJumps.reset();
		AcceptedRow row = new AcceptedRow();
		long read = 0;
		long rejected = 0;
		SubmissionReader.Row raw;
		while ((raw = reader.next()) != null) {
			read++;
			if ((read & 0xFFFFF) == 0) {
				Progress.rows(name, read);
			}
			Issue issue = validation.validate(raw, row, warnings);
			if (!warnings.isEmpty()) {
				spool(warnings);
			}
			if (issue == null) {
				// the current values move with the file, and move back if it is quarantined
				row.previousCurrent = current[row.key];
				current[row.key] = (float) row.value;
				undo.writeUndo(row.key, (float) row.previousCurrent);
				if (files == null) {
					// a large file's rows are encoded already: only a small file's are stored from the spool
					rows.write(row);
				}
				if (checkJump(row)) {
					pending.write(row);
				}
				if (files != null) {
					write(files, row, fileCode);
				}
			}
			else {
				rejected++;
				errors.write(issue);
			}
		}
		if (reader.brokenAfterLine() >= 0) {
			read++;
			rejected++;
			errors.write(Messages.unreadableRest(reader.brokenAfterLine() + 1));
			log.warn("{}: unreadable after line {} ({})", name, reader.brokenAfterLine(), reader.parseFailure());
		}
		if (whole != null) {
			FileSniffer.Facts sniffed = join(whole);
			if (!sniffed.isText() || !sniffed.charset().equals(facts.charset()) || sniffed.bom() != facts.bom()
					|| sniffed.delimiter() != facts.delimiter() || isDuplicate(sniffed.sha256())) {
				log.info("{}: decided again on its whole pass (encoding beyond its first megabyte, or a duplicate)", name);
				discard(files);
				restoreCurrentValues();
				return null;
			}
			facts = sniffed;
		}
		rowsRead += read;
		if (read == 0) {
			discard(files);
			return fileLevel(name, facts.sha256(), FileStatus.REJECTED, "EMPTY_FILE", null, null);
		}
		FileStatus status = rejected > quarantineThreshold * read ? FileStatus.QUARANTINED : FileStatus.ACCEPTED;
		String noteFr = null;
		String noteEn = null;
		if (status == FileStatus.ACCEPTED) {
			if (files != null) {
				// the writer finishes the file's last row groups while the rows are replayed for warnings
				YearFiles own = files;
				writer.run(own::commit);
				direct = null;
			}
			store(name, facts.sha256(), files == null);
			acceptedInRun.add(facts.sha256());
		}
		else {
			discard(files);
			restoreCurrentValues();
			noteFr = Messages.quarantinedFr(quarantineThreshold, rejected, read);
			noteEn = Messages.quarantinedEn(quarantineThreshold, rejected, read);
		}
		Iterable<Issue> crossRow = validation.crossRowWarnings();
		boolean accepted = status == FileStatus.ACCEPTED;
		long rowsWithWarnings = 0;
		long lastLine = header.line();
		// counted on a pass of their own: the receipt's head, written first, gives the count
		Iterator<Issue> all = issues(false, header, crossRow, accepted).iterator();
		while (all.hasNext()) {
			long line = all.next().line();
			// lines in order: a line with several warnings is counted once, the header's not at all
			if (line != lastLine) {
				rowsWithWarnings++;
				lastLine = line;
			}
		}
		Receipt receipt = new Receipt(name, facts.sha256(), ingestedAt, status, null, read, read - rejected,
				rejected, rowsWithWarnings, noteFr, noteEn);
		return finish(receipt, issues(true, header, crossRow, accepted));
	}

	/** Deletes the files of a large file that is not stored (on the writer thread, after its last rows). */
	private void discard(YearFiles files) {
		if (files != null) {
			writer.run(files::discard);
			direct = null;
		}
	}

	private void restoreCurrentValues() {
		AcceptedRow row = new AcceptedRow();
		try (Spool.Reader in = undo.read()) {
			while (in.nextUndo(row)) {
				current[row.key] = (float) row.previousCurrent;
			}
		}
	}

	/**
	 * SUSPICIOUS_JUMP of a row, measured against the previous year's current value after the whole file, whatever
	 * the order of its rows. That value is already final when the row is read if the file's own row for the
	 * previous year came before it, or if the pole was not active that year (no row of this file can change it):
	 * then the row is decided at once, which is the case of nearly every row of a file in year order. Otherwise
	 * the row is spooled as pending and decided once the file is read.
	 * @return true when the row had to be left pending
	 */
	private boolean checkJump(AcceptedRow row) {
		if (!row.hasValue() || row.value <= 0) {
			return false;
		}
		int previous = keys.key(row.pole, row.year - 1, row.quarter, row.indicator);
		if (previous < 0) {
			return false;
		}
		if (!buffers.accepted.get(previous) && buffers.poles[row.pole].isActive(row.year - 1)) {
			return true;
		}
		jump(row, previous, jumps);
		return false;
	}

	private void jump(AcceptedRow row, int previous, Spool jumps) {
		double before = current[previous];
		if (before > 0 && (row.value > 10 * before || row.value < before / 10)) {
			jumps.write(Messages.suspiciousJump(row.line, catalogue.get(row.indicator).code(),
					periodCode(row.year, row.quarter), row.value, periodCode(row.year - 1, row.quarter), before));
		}
	}

	/**
	 * Stores an accepted file: decides its pending jumps, and unless the file took the direct path (its rows are
	 * encoded already), replays its rows into the shared observation files.
	 */
	private void store(String name, String sha256, boolean write) {
		AcceptedRow row = new AcceptedRow();
		try (Spool.Reader in = pending.read()) {
			while (in.next(row, keys)) {
				jump(row, keys.key(row.pole, row.year - 1, row.quarter, row.indicator), laterJumps);
			}
		}
		if (!write) {
			return;
		}
		int fileCode = codes.addFile(sha256, name);
		try (Spool.Reader in = rows.read()) {
			while (in.next(row, keys)) {
				write(shared, row, fileCode);
			}
		}
	}

	private void write(YearFiles files, AcceptedRow row, int fileCode) {
		writer.write(files, row.pole, codes.period(row.year, row.quarter), row.indicator, row.value, row.status,
				row.comment, fileCode, row.line);
	}

	private String periodCode(int year, int quarter) {
		return codes.periodCode(codes.period(year, quarter));
	}

	/**
	 * A set of open observation files, one per year, and the files it finished: either the shared files of the
	 * run's small files, or those of one large file. Used by the writer thread only, until the run is sealed;
	 * at most one set has files open at a time (the shared set is committed before a large file starts), so
	 * memory stays bounded by one row group per year.
	 */
	private final class YearFiles implements ObservationWriter.Target {

		/** The open file of each year, by year - first year of the key space. */
		private final ObservationFile[] open = new ObservationFile[keys.lastYear() - keys.firstYear() + 1];

		/** Finished files, staged, not in the manifest yet. */
		private final List<Manifest.Move> finished = new ArrayList<>();

		@Override
		public void write(ObservationBatch rows) {
			for (int r = 0; r < rows.size(); r++) {
				int year = codes.year(rows.period(r));
				ObservationFile file = open[year - keys.firstYear()];
				if (file == null || file.rows() >= ROWS_PER_FILE) {
					file = file(year);
				}
				file.add(rows, r);
			}
		}

		private ObservationFile file(int year) {
			ObservationFile file = open[year - keys.firstYear()];
			if (file != null) {
				finish(year, file);
			}
			int seq = fileSequence.merge(year, 1, Integer::sum);
			String fileName = "part-" + runId + "-" + String.format("%03d", seq) + ".parquet";
			Path staged = staging.resolve(Tables.OBSERVATIONS).resolve("year=" + year).resolve(fileName);
			// first row groups of (n+1)/2n, (n+2)/2n... of the size: the years of a file fill at the same pace,
			// and are then encoded one after the other instead of all at once; and no row group is encoded
			// before half of one is read, which leaves the start of a large file to the pass that hashes it
			int years = open.length;
			int phase = (year - keys.firstYear()) % years + 1;
			file = ObservationFile.open(staged, provenance, codes, Timestamps.toMicros(ingestedAt), rowGroupRows)
				.firstRowGroup((int) ((long) rowGroupRows * (years + phase) / (2 * years)));
			open[year - keys.firstYear()] = file;
			return file;
		}

		private void finish(int year, ObservationFile file) {
			open[year - keys.firstYear()] = null;
			file.commit();
			Path staged = file.target();
			finished.add(new Manifest.Move(staging.relativize(staged).toString(), dir.root()
				.relativize(dir.partition(Tables.OBSERVATIONS, year).resolve(staged.getFileName()))
				.toString()));
		}

		/** Finishes the open files; all the files become part of the run (moved when it is published). */
		void commit() {
			for (int y = 0; y < open.length; y++) {
				if (open[y] != null) {
					finish(keys.firstYear() + y, open[y]);
				}
			}
			parquet.addAll(finished);
			finished.clear();
		}

		/** Deletes every file of the set, open or finished. */
		void discard() {
			close();
			for (Manifest.Move move : finished) {
				AtomicFiles.deleteQuietly(staging.resolve(move.from()));
			}
			finished.clear();
		}

		/** Closes the open files without commit: they are deleted. */
		void close() {
			for (int y = 0; y < open.length; y++) {
				if (open[y] != null) {
					open[y].close();
					open[y] = null;
				}
			}
		}

	}

	private SubmissionOutcome fileLevel(String name, String sha256, FileStatus status, String reason, String noteFr,
			String noteEn) {
		Receipt receipt = new Receipt(name, sha256, ingestedAt, status, reason, 0, 0, 0, 0,
				noteFr != null ? noteFr : Messages.fileReasonFr(reason),
				noteEn != null ? noteEn : Messages.fileReasonEn(reason));
		return finish(receipt, List.<Issue>of()::iterator);
	}

	private SubmissionOutcome finish(Receipt receipt, ReceiptWriter.Issues issues) {
		String base = unique(receipt.baseName(), receiptNames, n -> Files.exists(dir.receipts().resolve(n + ".json")));
		Path json = staging.resolve("receipts").resolve(base + ".json");
		Path csv = staging.resolve("receipts").resolve(base + ".csv");
		ReceiptWriter.write(receipt, issues, json, csv);
		receipts.add(new Manifest.Move("receipts/" + base + ".json", "receipts/" + base + ".json"));
		receipts.add(new Manifest.Move("receipts/" + base + ".csv", "receipts/" + base + ".csv"));
		Path folder = receipt.status().folder(dir);
		String destination = dir.root()
			.relativize(folder.resolve(unique(receipt.file(), destinations, n -> Files.exists(folder.resolve(n)))))
			.toString();
		SubmissionOutcome outcome = new SubmissionOutcome(receipt.file(), receipt.sha256(), receipt.status(),
				receipt.reason(), receipt.rowsRead(), receipt.rowsAccepted(), receipt.rowsRejected(),
				receipt.rowsWithWarnings(), destination, base);
		outcomes.add(outcome);
		return outcome;
	}

	/**
	 * A name not taken yet: the name itself, else NAME-2, NAME-3... before the extension, so that a file sent
	 * twice under one name never overwrites the first one's archive or receipt.
	 */
	private static String unique(String name, Set<String> taken, java.util.function.Predicate<String> exists) {
		String candidate = name;
		int n = 2;
		while (taken.contains(candidate) || exists.test(candidate)) {
			int dot = name.lastIndexOf('.');
			candidate = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
			n++;
		}
		taken.add(candidate);
		return candidate;
	}

	/** Moves a row's warnings to disk, so that the list the validation fills stays one row long. */
	private void spool(List<Issue> warnings) {
		for (Issue warning : warnings) {
			rowWarnings.write(warning);
		}
		warnings.clear();
	}

	/**
	 * A file's issues in line order, read from the spools each time they are walked. On one line: errors first,
	 * then the header's warnings, the row's own, the cross-row ones, and the jumps, decided last (the jumps of an
	 * accepted file only).
	 * @param withErrors false for the warnings only
	 */
	private ReceiptWriter.Issues issues(boolean withErrors, SubmissionReader.Header header, Iterable<Issue> crossRow,
			boolean withJumps) {
		return () -> {
			List<IssueMerge.Source> sources = new ArrayList<>();
			if (withErrors) {
				sources.add(IssueMerge.Source.of(errors));
			}
			sources.add(IssueMerge.Source.of(header.warnings()));
			sources.add(IssueMerge.Source.of(rowWarnings));
			sources.add(IssueMerge.Source.of(crossRow));
			if (withJumps) {
				sources.add(IssueMerge.Source.of(jumps));
				sources.add(IssueMerge.Source.of(laterJumps));
			}
			return new IssueMerge(sources);
		};
	}

	/**
	 * Finishes the run's observation files and writes the manifest: from here on the run is decided and will
	 * be published, even if the process dies before it is.
	 */
	public Path seal() {
		writer.finish();
		if (direct != null) {
			throw new IllegalStateException("sealed while a large file was being processed");
		}
		shared.commit();
		rows.close();
		undo.close();
		errors.close();
		pending.close();
		rowWarnings.close();
		jumps.close();
		laterJumps.close();
		Manifest manifest = new Manifest(runId, Timestamps.format(ingestedAt), outcomes, parquet, receipts, sources);
		AtomicFiles.write(staging.resolve(MANIFEST), tmp -> Json.MAPPER.writerWithDefaultPrettyPrinter()
			.writeValue(tmp.toFile(), manifest));
		return staging;
	}

	/**
	 * Moves a sealed run into place: observation files, receipts, then each inbox file to archive/, quarantine/
	 * or rejected/, and records the files in the ledger. Every step checks what is already done, so publishing
	 * again after a crash half-way neither loses nor doubles anything.
	 */
	public static Manifest publish(Path stagedRun, DataDirectory dir, Path inbox, SubmissionLedger ledger,
			Long jobExecutionId) {
		Manifest manifest = Json.MAPPER.readValue(stagedRun.resolve(MANIFEST).toFile(), Manifest.class);
		try {
			for (Manifest.Move move : concat(manifest.parquet(), manifest.receipts())) {
				Path from = stagedRun.resolve(move.from());
				if (Files.exists(from)) {
					AtomicFiles.move(from, dir.root().resolve(move.to()));
				}
			}
			Map<String, Manifest.Source> processed = new HashMap<>();
			if (manifest.sources() != null) {
				manifest.sources().forEach(s -> processed.put(s.name(), s));
			}
			for (SubmissionOutcome file : manifest.files()) {
				Path source = inbox.resolve(file.name());
				Path target = dir.root().resolve(file.destination());
				if (Files.exists(source) && unchanged(source, processed.get(file.name()), file.sha256())) {
					AtomicFiles.move(source, target);
				}
				else if (!Files.exists(target)) {
					log.warn("{} was neither in the inbox nor in {} when run {} was published", file.name(),
							file.destination(), manifest.runId());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot publish ingest run " + manifest.runId() + ": " + ex.getMessage(), ex);
		}
		ledger.record(manifest.runId(), Instant.parse(manifest.ingestedAt()), manifest.files(), jobExecutionId);
		AtomicFiles.deleteTree(stagedRun);
		return manifest;
	}

	/**
	 * Settles what runs that died left in the staging area: a sealed run is published, an unsealed one is
	 * deleted (its files are still in the inbox and are ingested again).
	 * @return how many runs were published and deleted
	 */
	public static int[] recover(DataDirectory dir, Path inbox, SubmissionLedger ledger) {
		int published = 0;
		int discarded = 0;
		if (!Files.isDirectory(dir.staging())) {
			return new int[] { 0, 0 };
		}
		try (Stream<Path> list = Files.list(dir.staging())) {
			for (Path run : list.sorted().toList()) {
				if (Files.exists(run.resolve(MANIFEST))) {
					log.info("Publishing ingest run {} sealed by a process that stopped before publishing it",
							run.getFileName());
					publish(run, dir, inbox, ledger, null);
					published++;
				}
				else {
					log.info("Discarding unfinished ingest run {}: its files are still in the inbox and are ingested"
							+ " again", run.getFileName());
					AtomicFiles.deleteTree(run);
					discarded++;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new int[] { published, discarded };
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		List<T> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}


	@Override
	public void close() {
		background.shutdownNow();
		writer.close();
		shared.close();
		if (direct != null) {
			direct.close();
			direct = null;
		}
		rows.close();
		undo.close();
		errors.close();
		pending.close();
		rowWarnings.close();
		jumps.close();
		laterJumps.close();
	}

}
