package fr.ptce.observatory.ingest;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of long ingests on the log: at most one line every few seconds (files done,
 * rows, rows/s), so that a short run stays quiet and a long one shows it is alive.
 */
final class Progress {

	private static final Logger log = LoggerFactory.getLogger("fr.ptce.observatory.ingest.progress");

	private static final long EVERY_NANOS = 5_000_000_000L;

	private static long lastPrint = System.nanoTime();

	private static long rowsSinceStart;

	private static long runStart = System.nanoTime();

	private Progress() {
	}

	static synchronized void start() {
		runStart = System.nanoTime();
		lastPrint = runStart;
		rowsSinceStart = 0;
	}

	/** Inside a large file. */
	static synchronized void rows(String file, long rowsInFile) {
		long now = System.nanoTime();
		if (now - lastPrint >= EVERY_NANOS) {
			lastPrint = now;
			double seconds = (now - runStart) / 1e9;
			log.info("{}: {} rows read ({} rows/s)", file, rowsInFile,
					Math.round((rowsSinceStart + rowsInFile) / Math.max(seconds, 1e-9)));
		}
	}

	static synchronized void file(int done, int total, SubmissionOutcome outcome) {
		rowsSinceStart += outcome.rowsRead();
		long now = System.nanoTime();
		if (now - lastPrint >= EVERY_NANOS || done == total) {
			lastPrint = now;
			double seconds = (now - runStart) / 1e9;
			log.info("files {}/{} done, {} rows read ({} rows/s) in {} s", done, total, rowsSinceStart,
					Math.round(rowsSinceStart / Math.max(seconds, 1e-9)), String.format(Locale.ROOT, "%.3f", seconds));
		}
	}

}
