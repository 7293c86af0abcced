package fr.ptce.observatory.schedule;

/** A run refused because the same job already runs on one of its years (API: 409). */
public class RunConflictException extends RuntimeException {

	public RunConflictException(String message) {
		super(message);
	}

}
