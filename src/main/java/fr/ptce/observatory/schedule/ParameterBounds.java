package fr.ptce.observatory.schedule;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;

import fr.ptce.observatory.warehouse.Timestamps;

/**
 * The bounds of job parameters, one rule wherever they come from (command line, operator
 * API, schedule file, backfill): a year from the registry's first pole (1900 where the
 * registry is not at hand) to the current year, at most {@value #MAX_YEARS} years in one
 * run, an instant from 1970 to 2100. Outside them a run would write junk partitions that
 * partners read, or fail late on an overflow; it is refused before it starts, the message
 * says why.
 */
public final class ParameterBounds {

	public static final int MAX_YEARS = 100;

	/**
	 * The lower bound of a year when the registry is not at hand (a file checked before
	 * the server starts).
	 */
	public static final int EARLIEST_YEAR = 1900;

	private static final Instant EARLIEST_INSTANT = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant LATEST_INSTANT = Instant.parse("2100-01-01T00:00:00Z");

	private ParameterBounds() {
	}

	/**
	 * The current year where it is latest (UTC+18): a schedule's zone may already be in
	 * the new year while the server's is not, and "current-year" must then still be
	 * accepted.
	 */
	public static int currentYear() {
		return Year.now(ZoneOffset.MAX).getValue();
	}

	/**
	 * @throws IllegalArgumentException the year is before {@code first} or after the
	 * current year
	 */
	public static void year(String name, long year, int first) {
		int last = currentYear();
		if (year < first || year > last) {
			throw new IllegalArgumentException(
					name + " " + year + " is outside the years the observatory covers (" + first + " to " + last + ")");
		}
	}

	/**
	 * @throws IllegalArgumentException more than {@value #MAX_YEARS} years
	 */
	public static void range(long from, long to) {
		if (to - from + 1 > MAX_YEARS) {
			throw new IllegalArgumentException("at most " + MAX_YEARS + " years in one run, not " + (to - from + 1));
		}
	}

	/** The instant read as interfaces.md reads it, within 1970..2100. */
	public static Instant instant(String name, String text) {
		Instant instant;
		try {
			instant = Timestamps.parseInstant(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(name + " must be an ISO-8601 instant or date, not '" + text + "'");
		}
		if (instant.isBefore(EARLIEST_INSTANT) || !instant.isBefore(LATEST_INSTANT)) {
			throw new IllegalArgumentException(name + " " + text + " is outside 1970 to 2099");
		}
		return instant;
	}

}
