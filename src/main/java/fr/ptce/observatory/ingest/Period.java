package fr.ptce.observatory.ingest;

import java.time.LocalDate;

/**
 * A submitted period: a year, or a quarter of a year. Accepted forms
 * (submission-format.md): {@code YYYY}, {@code YYYY-Qn}, and normalised from
 * {@code YYYYQn}, {@code YYYY-Tn} and {@code Tn YYYY} (French trimestre). Letters are
 * accepted in either case and the space of the French form may be repeated, as
 * spreadsheets type them; anything else is BAD_PERIOD.
 *
 * @param quarter 1..4, or 0 for the whole year
 */
public record Period(int year, int quarter) {

	public boolean isAnnual() {
		return quarter == 0;
	}

	/** The normalised form stored in the observations: YYYY or YYYY-Qn. */
	public String code() {
		return isAnnual() ? Integer.toString(year) : year + "-Q" + quarter;
	}

	/** The last day of the period, compared with the ingestion day for FUTURE_PERIOD. */
	public LocalDate end() {
		if (isAnnual()) {
			return LocalDate.of(year, 12, 31);
		}
		return LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
	}

	/**
	 * @return the period, or null when the text is in none of the accepted forms
	 */
	public static Period parse(String text) {
		int n = text.length();
		if (n == 4) {
			int year = digits(text, 0, 4);
			return year < 0 ? null : new Period(year, 0);
		}
		if (n == 6 && isQ(text.charAt(4), false)) {
			// YYYYQn
			return yearQuarter(text, 0, 5);
		}
		if (n == 7 && text.charAt(4) == '-' && isQ(text.charAt(5), true)) {
			// YYYY-Qn, YYYY-Tn
			return yearQuarter(text, 0, 6);
		}
		if (n >= 7 && (text.charAt(0) == 'T' || text.charAt(0) == 't')) {
			// Tn YYYY
			int q = quarterDigit(text.charAt(1));
			int i = 2;
			while (i < n && text.charAt(i) == ' ') {
				i++;
			}
			if (q < 0 || i == 2 || n - i != 4) {
				return null;
			}
			int year = digits(text, i, n);
			return year < 0 ? null : new Period(year, q);
		}
		return null;
	}

	private static boolean isQ(char c, boolean frenchToo) {
		return c == 'Q' || c == 'q' || (frenchToo && (c == 'T' || c == 't'));
	}

	private static Period yearQuarter(String text, int yearStart, int quarterAt) {
		int year = digits(text, yearStart, yearStart + 4);
		int q = quarterDigit(text.charAt(quarterAt));
		return year < 0 || q < 0 ? null : new Period(year, q);
	}

	private static int quarterDigit(char c) {
		return c >= '1' && c <= '4' ? c - '0' : -1;
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
