package fr.ptce.observatory.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves sealed runs into place, and settles what dead runs left in the staging area.
 * Every step checks what is already done, so publishing again after a crash half-way
 * neither loses nor doubles anything.
 */
public final class RunPublication {

	private static final Logger log = LoggerFactory.getLogger(RunPublication.class);

	private RunPublication() {
	}

	/** An inbox file's size and modification time now. */
	static Manifest.Source source(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return new Manifest.Source(file.getFileName().toString(), attributes.size(),
					attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Whether an inbox file is still the one a run processed (without reading it again:
	 * it may be large).
	 */
	private static boolean unchanged(Path file, Manifest.Source processed, String sha256) throws IOException {
		if (processed == null) {
			return Sha256.of(file).equals(sha256);
		}
		Manifest.Source now = source(file);
		return now.size() == processed.size() && now.modifiedNanos() == processed.modifiedNanos();
	}

	/**
	 * Moves a sealed run into place: observation files, receipts, then each inbox file to
	 * archive/, quarantine/ or rejected/, and records the files in the ledger.
	 */
	public static Manifest publish(Path stagedRun, DataDirectory dir, Path inbox, SubmissionLedger ledger,
			Long jobExecutionId) {
		Manifest manifest = Json.MAPPER.readValue(stagedRun.resolve(StagedRun.MANIFEST).toFile(), Manifest.class);
		try {
			List<Manifest.Move> moves = new ArrayList<>(manifest.parquet());
			moves.addAll(manifest.receipts());
			for (Manifest.Move move : moves) {
				Path from = stagedRun.resolve(move.from());
				if (Files.exists(from)) {
					AtomicFiles.move(from, dir.root().resolve(move.to()));
				}
			}
			moveInboxFiles(manifest, dir, inbox);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot publish ingest run " + manifest.runId() + ": " + ex.getMessage(),
					ex);
		}
		ledger.record(manifest.runId(), Instant.parse(manifest.ingestedAt()), manifest.files(), jobExecutionId);
		AtomicFiles.deleteTree(stagedRun);
		return manifest;
	}

	private static void moveInboxFiles(Manifest manifest, DataDirectory dir, Path inbox) throws IOException {
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

	/**
	 * Settles what runs that died left in the staging area: a sealed run is published, an
	 * unsealed one is deleted (its files are still in the inbox and are ingested again).
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
				if (Files.exists(run.resolve(StagedRun.MANIFEST))) {
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

}
