package fr.ptce.observatory.publish;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

/**
 * Each pole's last accepted submission up to an instant, whatever period it reported on, from the observations:
 * they hold a row for each accepted row of every accepted file, with the pole, the file and the instant it was
 * ingested, and nothing of a quarantined or rejected file. The files ledger (OBS_SUBMISSION) knows the same
 * instants but not the poles a file is about, and the publication reads no database. "Last" is the order of
 * revisions (submission-format.md): the greatest ingested_at, then the file name that sorts last.
 */
final class LastSubmissions {

	/** A pole's last accepted file and the instant the observatory ingested it. */
	record Submission(String file, Instant ingestedAt) {
	}

	private LastSubmissions() {
	}

	/**
	 * Scans the pole, file and ingestion columns of every partition of the observations: memory holds one entry
	 * per pole, whatever the size of the warehouse.
	 */
	static Map<String, Submission> read(DataDirectory dir, Instant asOf) {
		long limit = Timestamps.toMicros(asOf);
		Map<String, long[]> at = new HashMap<>();
		Map<String, String> files = new HashMap<>();
		for (int year : ParquetScan.years(dir.table(Tables.OBSERVATIONS))) {
			for (Path file : ParquetScan.files(dir.partition(Tables.OBSERVATIONS, year))) {
				ParquetScan.scan(file, g -> {
					ParquetScan.Column poles = g.column("pole_id");
					ParquetScan.Column sources = g.column("source_file");
					ParquetScan.Column ingested = g.column("ingested_at");
					for (long i = 0; i < g.rows(); i++) {
						// every value read, even of a row left out: the cursors skip an unread value wrongly
						String pole = poles.string();
						String source = sources.string();
						long micros = ingested.int64();
						if (micros <= limit) {
							keep(pole, source, micros, at, files);
						}
						poles.next();
						sources.next();
						ingested.next();
					}
				});
			}
		}
		Map<String, Submission> last = new HashMap<>();
		at.forEach((pole, micros) -> last.put(pole, new Submission(files.get(pole), Timestamps.fromMicros(micros[0]))));
		return last;
	}

	private static void keep(String pole, String source, long micros, Map<String, long[]> at,
			Map<String, String> files) {
		long[] best = at.get(pole);
		if (best == null) {
			at.put(pole, new long[] { micros });
			files.put(pole, source);
		}
		else if (micros > best[0] || micros == best[0] && source.compareTo(files.get(pole)) > 0) {
			best[0] = micros;
			files.put(pole, source);
		}
	}

}
