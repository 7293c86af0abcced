package fr.ptce.observatory.ingest;

/** Field trimming of the format: spaces, tabs and no-break spaces (U+00A0, U+202F) at both ends. */
final class Fields {

	private Fields() {
	}

	static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F';
	}

	static String trim(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isBlank(value.charAt(start))) {
			start++;
		}
		while (end > start && isBlank(value.charAt(end - 1))) {
			end--;
		}
		return start == 0 && end == value.length() ? value : value.substring(start, end);
	}

}
