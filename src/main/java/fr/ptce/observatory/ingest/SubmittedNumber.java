package fr.ptce.observatory.ingest;

import java.math.BigDecimal;

/**
 * The value column (submission-format.md): an optional sign, digits, and at most one
 * decimal separator followed by digits. The separator is {@code .}, or also {@code ,}
 * when the file's delimiter is {@code ;}. Spaces, no-break spaces (U+00A0) and narrow
 * no-break spaces (U+202F) inside the number are thousands separators and are dropped. No
 * scientific notation, no percent sign.
 */
public final class SubmittedNumber {

	private SubmittedNumber() {
	}

	/**
	 * @return the number in canonical form ({@code -1234.5}), or null when the text is
	 * not a number in the accepted forms
	 */
	public static String canonical(String text, boolean commaDecimal) {
		int n = text.length();
		StringBuilder out = new StringBuilder(n);
		int i = 0;
		if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
			if (text.charAt(i) == '-') {
				out.append('-');
			}
			i++;
		}
		int digitsBefore = 0;
		int digitsAfter = 0;
		boolean separator = false;
		for (; i < n; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				out.append(c);
				if (separator) {
					digitsAfter++;
				}
				else {
					digitsBefore++;
				}
			}
			else if (c == ' ' || c == '\u00A0' || c == '\u202F') {
				// thousands separator: dropped
			}
			else if ((c == '.' || (c == ',' && commaDecimal)) && !separator) {
				separator = true;
				out.append('.');
			}
			else {
				return null;
			}
		}
		if (digitsBefore == 0 || (separator && digitsAfter == 0)) {
			return null;
		}
		return out.toString();
	}

	/**
	 * The value of a canonical number times a unit factor, as the nearest double of the
	 * exact decimal.
	 */
	public static double value(String canonical, int factor) {
		if (factor == 1) {
			return Double.parseDouble(canonical);
		}
		return new BigDecimal(canonical).multiply(BigDecimal.valueOf(factor)).doubleValue();
	}

}
