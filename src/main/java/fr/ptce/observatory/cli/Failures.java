package fr.ptce.observatory.cli;

import fr.ptce.observatory.referential.ReferentialException;

/** Turns an exception into the one line an operator reads: the deepest message that says something. */
final class Failures {

	private Failures() {
	}

	static String describe(Throwable ex) {
		Throwable t = ex;
		while (t != null) {
			if (t instanceof ReferentialException || t instanceof UsageException) {
				return t.getMessage();
			}
			t = t.getCause();
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return message == null ? root.getClass().getSimpleName() : message;
	}

}
