package fr.ptce.observatory.console;

/**
 * A console answer other than the page asked: 404 (the same for anything not shown to
 * this viewer) or 403.
 */
public class ConsoleException extends RuntimeException {

	private final int status;

	private ConsoleException(int status, String message) {
		super(message);
		this.status = status;
	}

	/**
	 * The one "not found" of the console: for what does not exist and for what is not
	 * this viewer's alike.
	 */
	public static ConsoleException notFound() {
		return new ConsoleException(404, "Cette page n'existe pas.");
	}

	public static ConsoleException forbidden(String why) {
		return new ConsoleException(403, why);
	}

	public int status() {
		return status;
	}

}
