package fr.ptce.observatory.ingest;

/**
 * A value in the simplest accepted form, read in place from a row's characters, without a
 * String: an optional sign, at most 12 digits, at most one decimal separator. Nearly
 * every value of a real file has that form; the others go through
 * {@link SubmittedNumber}, which gives the same value (a differential test checks it).
 * One instance per file, reused from row to row.
 */
final class PlainNumber {

	private final boolean commaDecimal;

	PlainNumber(boolean commaDecimal) {
		this.commaDecimal = commaDecimal;
	}

	/** Powers of ten up to 10^12, all exact in a double. */
	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
			1e12 };

	/**
	 * The number read by {@link #read}: its digits as an integer, how many are decimals,
	 * its sign.
	 */
	private long mantissa;

	private int decimals;

	private boolean negative;

	/**
	 * A number in the simplest accepted form: an optional sign, at most 12 digits, at
	 * most one separator followed by digits, no blank inside. Other forms (thousands
	 * separators, longer numbers) go through {@link SubmittedNumber}.
	 */
	boolean read(char[] chars, int from, int to) {
		int i = from;
		negative = false;
		if (i < to && (chars[i] == '-' || chars[i] == '+')) {
			negative = chars[i] == '-';
			i++;
		}
		long m = 0;
		int before = 0;
		int after = -1;
		for (; i < to; i++) {
			char c = chars[i];
			if (c >= '0' && c <= '9') {
				m = m * 10 + (c - '0');
				if (after >= 0) {
					after++;
				}
				else {
					before++;
				}
			}
			else if ((c == '.' || (c == ',' && commaDecimal)) && after < 0) {
				after = 0;
			}
			else {
				return false;
			}
		}
		if (before == 0 || after == 0 || before + Math.max(after, 0) > 12) {
			return false;
		}
		mantissa = m;
		decimals = Math.max(after, 0);
		return true;
	}

	/**
	 * The value of the last simple number times a unit factor: the integer of its digits
	 * times the factor is exact (below 2^53), and so is the power of ten, so their
	 * quotient is the correctly rounded double of the exact decimal, the same as
	 * {@link SubmittedNumber#value} gives (which, through BigDecimal, has no -0 when a
	 * factor applies).
	 */
	double value(int factor) {
		double magnitude = (mantissa * factor) / POWERS_OF_TEN[decimals];
		if (!negative) {
			return magnitude;
		}
		return factor != 1 && magnitude == 0 ? 0.0 : -magnitude;
	}

}
