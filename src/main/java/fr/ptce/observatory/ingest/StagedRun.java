package fr.ptce.observatory.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

/**
 * The staging folder of a run and its manifest: the names of what the run writes there
 * (observation part files, receipts) and of where each inbox file will go, and the lists
 * the manifest is made of. {@link #seal()} writes the manifest, the run's commit point
 * ({@link RunPublication} moves it all into place).
 */
final class StagedRun {

	static final String MANIFEST = "manifest.json";

	private final DataDirectory dir;

	private final String runId;

	private final Instant ingestedAt;

	private final Path folder;

	private final List<Manifest.Move> parquet = new ArrayList<>();

	private final List<Manifest.Move> receipts = new ArrayList<>();

	private final List<Manifest.Source> sources = new ArrayList<>();

	private final List<SubmissionOutcome> outcomes = new ArrayList<>();

	/**
	 * Per year, the sequence number of the last part file opened; names sort in
	 * processing order.
	 */
	private final Map<Integer, Integer> partSequence = new HashMap<>();

	private final Set<String> receiptNames = new HashSet<>();

	private final Set<String> destinations = new HashSet<>();

	StagedRun(DataDirectory dir, Instant ingestedAt) {
		this.dir = dir;
		this.ingestedAt = ingestedAt;
		this.runId = String.format("%016d", Timestamps.toMicros(ingestedAt));
		this.folder = dir.staging().resolve(runId);
		try {
			Files.createDirectories(folder.resolve("receipts"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + folder + ": " + ex.getMessage(), ex);
		}
	}

	String runId() {
		return runId;
	}

	Path folder() {
		return folder;
	}

	/**
	 * Where the next part file of a year's partition is written (RUN-NNN: its parts sort
	 * in the order opened).
	 */
	Path nextPart(int year) {
		int seq = partSequence.merge(year, 1, Integer::sum);
		String name = "part-" + runId + "-" + String.format("%03d", seq) + ".parquet";
		return folder.resolve(Tables.OBSERVATIONS).resolve("year=" + year).resolve(name);
	}

	/** A finished part file, and its place in the year's partition. */
	Manifest.Move partMove(Path staged, int year) {
		return new Manifest.Move(folder.relativize(staged).toString(),
				dir.root()
					.relativize(dir.partition(Tables.OBSERVATIONS, year).resolve(staged.getFileName()))
					.toString());
	}

	/** Part files that belong to the run from now on (moved when it is published). */
	void addParts(List<Manifest.Move> parts) {
		parquet.addAll(parts);
	}

	/**
	 * Writes a file's receipt into the staging folder, under a name not taken, and
	 * decides where the inbox file goes; the outcome is part of the run once
	 * {@link #record recorded}.
	 */
	SubmissionOutcome stageReceipt(Receipt receipt, ReceiptWriter.Issues issues) {
		String base = unique(receipt.baseName(), receiptNames, n -> Files.exists(dir.receipts().resolve(n + ".json")));
		ReceiptWriter.write(receipt, issues, folder.resolve("receipts").resolve(base + ".json"),
				folder.resolve("receipts").resolve(base + ".csv"));
		receipts.add(new Manifest.Move("receipts/" + base + ".json", "receipts/" + base + ".json"));
		receipts.add(new Manifest.Move("receipts/" + base + ".csv", "receipts/" + base + ".csv"));
		Path target = receipt.status().folder(dir);
		String destination = dir.root()
			.relativize(target.resolve(unique(receipt.file(), destinations, n -> Files.exists(target.resolve(n)))))
			.toString();
		return new SubmissionOutcome(receipt.file(), receipt.sha256(), receipt.status(), receipt.reason(),
				receipt.rowsRead(), receipt.rowsAccepted(), receipt.rowsRejected(), receipt.rowsWithWarnings(),
				destination, base);
	}

	/**
	 * A processed file joins the manifest: its outcome, and the inbox file as it was when
	 * processed.
	 */
	void record(ProcessedFile file) {
		outcomes.add(file.outcome());
		sources.add(file.source());
	}

	/**
	 * A name not taken yet: the name itself, else NAME-2, NAME-3... before the extension,
	 * so that a file sent twice under one name never overwrites the first one's archive
	 * or receipt.
	 */
	private static String unique(String name, Set<String> taken, Predicate<String> exists) {
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

	/**
	 * Writes the manifest: from here on the run is decided and will be published, even if
	 * the process dies.
	 */
	Path seal() {
		Manifest manifest = new Manifest(runId, Timestamps.format(ingestedAt), outcomes, parquet, receipts, sources);
		AtomicFiles.write(folder.resolve(MANIFEST),
				tmp -> Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), manifest));
		return folder;
	}

	/**
	 * Deletes the staging folder of a run that will not be sealed (its files are still in
	 * the inbox).
	 */
	void discard() {
		AtomicFiles.deleteTree(folder);
	}

}
