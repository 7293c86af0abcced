package fr.ptce.observatory.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the interfaces give them: UTC, microsecond precision (the Parquet timestamp
 * unit), ISO-8601.
 */
public final class Timestamps {

	private Timestamps() {
	}

	/**
	 * Truncates to microseconds, the precision the Parquet files keep, so that what is
	 * compared is what is stored.
	 */
	public static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	public static long toMicros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	public static Instant fromMicros(long micros) {
		return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
	}

	public static String format(Instant instant) {
		return instant.toString();
	}

	/**
	 * interfaces.md: INSTANT is ISO-8601, `2026-03-31T12:00:00Z` or a date, read as its
	 * end in UTC (the last microsecond of that day, so that everything ingested that day
	 * counts).
	 * @throws IllegalArgumentException with a message fit for the command line
	 */
	public static Instant parseInstant(String text) {
		String value = text.strip();
		try {
			if (value.length() == 10) {
				LocalDate date = LocalDate.parse(value);
				return date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minus(1, ChronoUnit.MICROS);
			}
			return micros(OffsetDateTime.parse(value).toInstant());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text
					+ "' is not an ISO-8601 instant: give 2026-03-31T12:00:00Z, 2026-03-31T14:00:00+02:00 or a date 2026-03-31");
		}
	}

}
