package fr.ptce.observatory.schedule;

/**
 * A job that this build does not contain (no Job bean of that name), or a run that does
 * not exist (API: 404).
 */
public class UnavailableJobException extends RuntimeException {

	public UnavailableJobException(String message) {
		super(message);
	}

}
