package fr.ptce.observatory.publish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Function;

/**
 * French typography of the publications, in one place so that the PDF and the XLSX print
 * the very same text: thousands separated by a narrow no-break space (U+202F), decimal
 * comma, a no-break space (U+00A0) before a unit ({@code 12,3 %}, {@code 1 234 €}), dates
 * like {@code 31 mars 2026} in Paris time, {@code s} for a confidential figure,
 * {@code nd} for one not available and {@code –} where there is no pole at all, changes
 * signed (with the minus sign U+2212) and marked with an arrow, so that colour is never
 * the only carrier of their meaning.
 */
public final class FrenchFormat {

	/** Narrow no-break space: the thousands separator of French typography. */
	public static final char THOUSANDS = '\u202F';

	/** No-break space between a figure and its unit. */
	public static final char UNIT_SPACE = '\u00A0';

	public static final String CONFIDENTIAL = "s";

	/** A figure that is not available (not received, not computable): INSEE's "nd". */
	public static final String MISSING = "nd";

	/**
	 * A figure of an area or group with no pole at all ("néant"), distinct from one not
	 * available.
	 */
	public static final String NO_POLE = "\u2013";

	/** The observatory's time zone: dates and times are printed as read in France. */
	public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** "1er" with its "er" raised, as French typography writes the first of the month. */
	public static final String FIRST = "1\u1D49\u02B3";

	public static final String MINUS = "\u2212";

	public static final String UP = "\u25B2";

	public static final String DOWN = "\u25BC";

	public static final String FLAT = "\u25BA";

	private static final String[] MONTHS = { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
			"septembre", "octobre", "novembre", "décembre" };

	private FrenchFormat() {
	}

	/**
	 * A number rounded half-up to the given decimals: {@code 1 234 567}, {@code 1 234,5};
	 * {@code –} when null.
	 */
	public static String number(Double value, int decimals) {
		if (value == null || value.isNaN() || value.isInfinite()) {
			return MISSING;
		}
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
		boolean negative = rounded.signum() < 0;
		String plain = rounded.abs().toPlainString();
		int dot = plain.indexOf('.');
		String integer = dot < 0 ? plain : plain.substring(0, dot);
		String fraction = dot < 0 ? "" : plain.substring(dot + 1);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < integer.length(); i++) {
			if (i > 0 && (integer.length() - i) % 3 == 0) {
				out.append(THOUSANDS);
			}
			out.append(integer.charAt(i));
		}
		if (!fraction.isEmpty()) {
			out.append(',').append(fraction);
		}
		return (negative ? MINUS : "") + out;
	}

	/**
	 * A figure in a catalogue unit: {@code 1 234 €}, {@code 12,3 %}, {@code 1 234,5 ETP}.
	 */
	public static String amount(Double value, String unit) {
		if (value == null) {
			return MISSING;
		}
		return switch (unit) {
			// a total of counts is whole; a median or an average of counts may not be,
			// and keeps its decimal
			case "count" -> number(value, value == Math.rint(value) ? 0 : 1);
			case "fte" -> number(value, 1);
			case "h" -> number(value, 0) + UNIT_SPACE + "h";
			case "EUR" -> number(value, 0) + UNIT_SPACE + "€";
			case "t" -> number(value, 1) + UNIT_SPACE + "t";
			case "%" -> percent(value);
			default -> number(value, 1);
		};
	}

	/** A percentage already multiplied by 100: {@code 12,3 %}. */
	public static String percent(Double value) {
		return value == null ? MISSING : number(value, 1) + UNIT_SPACE + "%";
	}

	/** A rate between 0 and 1 (response rate) as a percentage: 0.875 → {@code 87,5 %}. */
	public static String rate(Double fraction) {
		return fraction == null ? MISSING : percent(fraction * 100);
	}

	/**
	 * A change with its sign and arrow: {@code ▲ +3,4 %}, {@code ▼ −2,1 %},
	 * {@code ► 0,0 %}; in percentage points ({@code pt}) for a ratio, whose change is the
	 * difference of the two rates (methodology section 3).
	 */
	public static String change(Double value, boolean points) {
		if (value == null || value.isNaN() || value.isInfinite()) {
			return MISSING;
		}
		String digits = number(Math.abs(value), 1);
		String unit = UNIT_SPACE + (points ? "pt" : "%");
		if (digits.equals("0,0")) {
			return FLAT + " 0,0" + unit;
		}
		return value > 0 ? UP + " +" + digits + unit : DOWN + " " + MINUS + digits + unit;
	}

	/**
	 * The 10-year direction of the trends (methodology section 5) in words with an arrow;
	 * {@code –} when null.
	 */
	public static String direction(String direction) {
		if (direction == null) {
			return MISSING;
		}
		return switch (direction) {
			case "hausse" -> UP + " hausse";
			case "baisse" -> DOWN + " baisse";
			case "stable" -> FLAT + " stable";
			default -> direction;
		};
	}

	/**
	 * {@code 31 mars 2026}, {@code 1ᵉʳ mai 2026} (no-break spaces: a date is not broken
	 * across lines).
	 */
	public static String date(LocalDate date) {
		String day = date.getDayOfMonth() == 1 ? FIRST : Integer.toString(date.getDayOfMonth());
		return day + UNIT_SPACE + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
	}

	/** The day of an instant in Paris: {@code 31 mars 2026}. */
	public static String date(Instant instant) {
		return date(instant.atZone(PARIS).toLocalDate());
	}

	/** An instant in Paris time, to the minute: {@code 1ᵉʳ avril 2026 à 1 h 59}. */
	public static String instant(Instant instant) {
		ZonedDateTime paris = instant.atZone(PARIS);
		return date(paris.toLocalDate()) + " à " + paris.getHour() + UNIT_SPACE + "h" + UNIT_SPACE
				+ String.format("%02d", paris.getMinute());
	}

	/**
	 * A code printed in running text or a table ({@code PTCE-0030}), its hyphens made
	 * non-breaking so that a line is never broken inside it.
	 */
	public static String code(String code) {
		return code.replace('-', '\u2011');
	}

	/**
	 * A figure of an aggregate cell: {@code s} when the cell is confidential (conf_status
	 * not F), {@code –} when the figure is missing, else the formatted figure.
	 */
	public static String cell(String confStatus, Double value, Function<Double, String> format) {
		if (confStatus != null && !"F".equals(confStatus)) {
			return CONFIDENTIAL;
		}
		return value == null ? MISSING : format.apply(value);
	}

}
