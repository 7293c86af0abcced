package fr.ptce.observatory.ingest;

/**
 * One line of a receipt: a rejected row (severity error) or a warning, with the line of
 * the file on which the row starts (the header is line 1) and messages in French and
 * English that a pole's staff can act on.
 */
public record Issue(long line, Severity severity, String code, String column, String messageFr, String messageEn) {

	public enum Severity {

		ERROR("error"), WARNING("warning");

		private final String label;

		Severity(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

}
