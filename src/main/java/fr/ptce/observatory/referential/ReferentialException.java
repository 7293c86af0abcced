package fr.ptce.observatory.referential;

/**
 * Reference data that cannot be used as it is: the message names the file, the line and
 * the reason, so that the observatory's staff can fix it. Nothing of a bad referential is
 * loaded.
 */
public class ReferentialException extends RuntimeException {

	public ReferentialException(String message) {
		super(message);
	}

	public ReferentialException(String message, Throwable cause) {
		super(message, cause);
	}

	public static ReferentialException at(String source, long line, String reason) {
		return new ReferentialException(source + ", line " + line + ": " + reason);
	}

}
