package fr.ptce.observatory.ingest;

/**
 * The blanks fields are trimmed of (submission-format.md): spaces, tabs and no-break
 * spaces (U+00A0, U+202F).
 */
final class Fields {

	private Fields() {
	}

	static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F';
	}

}
