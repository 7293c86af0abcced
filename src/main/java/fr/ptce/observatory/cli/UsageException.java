package fr.ptce.observatory.cli;

/**
 * A command given wrong values (a year with no data, --from after --to...): exit status
 * 2, with what to do.
 */
public class UsageException extends RuntimeException {

	public UsageException(String message) {
		super(message);
	}

}
