package fr.ptce.observatory.ingest;

/**
 * Spans of a row's characters read in place, without a String: the validation's hot path
 * recognises codes and periods in the field buffer that FastCSV fills, so that a valid
 * row allocates nothing.
 */
final class CharSpans {

	private CharSpans() {
	}

	/** Whether chars[from, to) spells exactly text. */
	static boolean spells(String text, char[] chars, int from, int to) {
		if (text.length() != to - from) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) != chars[from + i]) {
				return false;
			}
		}
		return true;
	}

	/** Whether chars[from, to) holds only the digits 0 to 9. */
	static boolean isDigits(char[] chars, int from, int to) {
		for (int i = from; i < to; i++) {
			if (chars[i] < '0' || chars[i] > '9') {
				return false;
			}
		}
		return true;
	}

	/** The value of chars[from, to), digits only (see {@link #isDigits}). */
	static int digits(char[] chars, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + (chars[i] - '0');
		}
		return value;
	}

}
