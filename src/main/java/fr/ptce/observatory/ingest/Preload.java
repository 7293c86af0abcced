package fr.ptce.observatory.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.ObservationFile;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once per JVM, on a side thread at the start of the first run, the code the end of
 * a file needs the first time: the Parquet footer, a JSON receipt, the manifest. Cold,
 * that is half a second of class loading that would otherwise be waited for at the end of
 * a large file. It writes in a temporary folder of its own, and failing changes nothing
 * but the time.
 */
final class Preload {

	private static final Logger log = LoggerFactory.getLogger(Preload.class);

	/** Whether this JVM ran it already. */
	private static final AtomicBoolean DONE = new AtomicBoolean();

	private Preload() {
	}

	static void once(Provenance provenance, Instant ingestedAt, String runId) {
		if (!DONE.compareAndSet(false, true)) {
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
						List.of(new Manifest.Move("a", "b")), List.of(),
						List.of(new Manifest.Source("preload.csv", 1, 1))));
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

}
