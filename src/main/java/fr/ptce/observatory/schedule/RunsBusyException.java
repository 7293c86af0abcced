package fr.ptce.observatory.schedule;

/**
 * Every run thread is busy and the queue is full: the start is refused, to be asked again
 * later (503).
 */
public class RunsBusyException extends RuntimeException {

	public RunsBusyException(String message) {
		super(message);
	}

}
