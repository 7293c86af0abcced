package fr.ptce.observatory.schedule;

/**
 * A schedule file that cannot be used: the message says which file, which entry and why.
 */
public class ScheduleException extends RuntimeException {

	public ScheduleException(String message) {
		super(message);
	}

	public ScheduleException(String message, Throwable cause) {
		super(message, cause);
	}

}
