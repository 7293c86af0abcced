package fr.ptce.observatory.publish;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

/**
 * Each pole's last accepted submission up to an instant, whatever period it reported on,
 * from the observations: they hold a row for each accepted row of every accepted file,
 * with the pole, the file and the instant it was ingested, and nothing of a quarantined
 * or rejected file. The files ledger (OBS_SUBMISSION) knows the same instants but not the
 * poles a file is about, and the publication reads no database.
 *
 * <p>
 * The day a file was sent is the date its name starts with when the name follows the
 * submissions' naming, {@code YYYYMMDD_PTCE-NNNN_...} with the pole's own id, and that
 * date is not after the day it was ingested; otherwise the day it was ingested. One
 * ingest run takes in every file waiting in the inbox under one instant, so after a
 * replay of the history (the demo, a rebuilt data directory) or a pause of the schedule,
 * the name is the truer of the two. The last submission is the one sent last; between
 * files sent the same day, the order of revisions (submission-format.md): the greatest
 * ingested_at, then the file name that sorts last.
 */
final class LastSubmissions {

	/**
	 * A pole's last accepted file, the instant the observatory ingested it and the day it
	 * was sent.
	 */
	record Submission(String file, Instant ingestedAt, LocalDate sent) {
	}

	/**
	 * The naming of submitted files: the day sent, the pole, what the file holds
	 * (data-samples/README.md).
	 */
	private static final Pattern NAMED = Pattern.compile("(\\d{8})_(PTCE-\\d{4})_");

	private static final Comparator<Submission> ORDER = Comparator.comparing(Submission::sent)
		.thenComparing(Submission::ingestedAt)
		.thenComparing(Submission::file);

	private LastSubmissions() {
	}

	/**
	 * Scans the pole, file and ingestion columns of every partition of the observations:
	 * memory holds one entry per pole, whatever the size of the warehouse.
	 * @param zone the observatory's calendar, in which the day of ingestion is told
	 */
	static Map<String, Submission> read(DataDirectory dir, Instant asOf, ZoneId zone) {
		long limit = Timestamps.toMicros(asOf);
		Map<String, Submission> last = new HashMap<>();
		for (int year : ParquetScan.years(dir.table(Tables.OBSERVATIONS))) {
			for (Path file : ParquetScan.files(dir.partition(Tables.OBSERVATIONS, year))) {
				ParquetScan.scan(file, g -> {
					ParquetScan.Column poles = g.column("pole_id");
					ParquetScan.Column sources = g.column("source_file");
					ParquetScan.Column ingested = g.column("ingested_at");
					String previousPole = null;
					String previousSource = null;
					long previousMicros = 0;
					for (long i = 0; i < g.rows(); i++) {
						// every value read, even of a row left out: next() does not skip
						// an unread value
						String pole = poles.string();
						String source = sources.string();
						long micros = ingested.int64();
						// the rows of one file follow each other: one candidate per pole
						// and file
						boolean same = micros == previousMicros && pole.equals(previousPole)
								&& source.equals(previousSource);
						if (micros <= limit && !same) {
							Instant at = Timestamps.fromMicros(micros);
							last.merge(pole, new Submission(source, at, sent(pole, source, at, zone)),
									(a, b) -> ORDER.compare(a, b) >= 0 ? a : b);
						}
						previousPole = pole;
						previousSource = source;
						previousMicros = micros;
						poles.next();
						sources.next();
						ingested.next();
					}
				});
			}
		}
		return last;
	}

	/** The day a file was sent (see the class's comment). */
	static LocalDate sent(String pole, String file, Instant ingestedAt, ZoneId zone) {
		LocalDate ingested = ingestedAt.atZone(zone).toLocalDate();
		Matcher m = NAMED.matcher(file);
		if (!m.lookingAt() || !m.group(2).equals(pole)) {
			return ingested;
		}
		try {
			LocalDate named = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
			return named.isAfter(ingested) ? ingested : named;
		}
		catch (DateTimeParseException ex) {
			return ingested;
		}
	}

}
