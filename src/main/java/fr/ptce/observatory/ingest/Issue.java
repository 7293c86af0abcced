package fr.ptce.observatory.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a receipt: a rejected row (severity error) or a warning, with the line of
 * the file on which the row starts (the header is line 1) and messages in French and
 * English that a pole's staff can act on.
 *
 * The messages are held as their UTF-8 bytes, the form in which they are spooled and
 * written to both receipts: a warning-heavy file has a million of them, and making each a
 * String to encode it again cost as much as writing it (docs/ingest.md).
 */
public record Issue(long line, Severity severity, String code, String column, byte[] textFr, byte[] textEn) {

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

	/** An issue whose messages are given as text. */
	public Issue(long line, Severity severity, String code, String column, String messageFr, String messageEn) {
		this(line, severity, code, column, utf8(messageFr), utf8(messageEn));
	}

	public Issue {
		Objects.requireNonNull(textFr, "textFr");
		Objects.requireNonNull(textEn, "textEn");
	}

	public String messageFr() {
		return new String(textFr, StandardCharsets.UTF_8);
	}

	public String messageEn() {
		return new String(textEn, StandardCharsets.UTF_8);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	private static byte[] utf8(String text) {
		return Objects.requireNonNull(text, "message").getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Issue o && line == o.line && severity == o.severity && Objects.equals(code, o.code)
				&& Objects.equals(column, o.column) && Arrays.equals(textFr, o.textFr)
				&& Arrays.equals(textEn, o.textEn);
	}

	@Override
	public int hashCode() {
		return Objects.hash(line, severity, code, column, Arrays.hashCode(textFr), Arrays.hashCode(textEn));
	}

	@Override
	public String toString() {
		return "Issue[line=" + line + ", severity=" + severity + ", code=" + code + ", column=" + column
				+ ", messageFr=" + messageFr() + ", messageEn=" + messageEn() + "]";
	}

}
