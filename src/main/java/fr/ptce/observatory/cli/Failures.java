package fr.ptce.observatory.cli;

import java.sql.SQLException;

import fr.ptce.observatory.referential.ReferentialException;

/**
 * Turns an exception into the one line an operator reads: the deepest message that says
 * something.
 */
final class Failures {

	/**
	 * What a command says when the embedded database of its data directory is open in
	 * another process.
	 */
	static final String HELD_BY_A_SERVER = "the database of this data directory is held by a running server "
			+ "(observatory serve): use its operator API (docs/operations.md), or stop the server first";

	/**
	 * H2's DATABASE_ALREADY_OPEN: the file is locked by another process (serve), which
	 * alone may open it.
	 */
	private static final int H2_DATABASE_ALREADY_OPEN = 90020;

	private Failures() {
	}

	static boolean heldByAServer(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
				return true;
			}
		}
		return false;
	}

	static String describe(Throwable ex) {
		Throwable t = ex;
		while (t != null) {
			if (t instanceof ReferentialException || t instanceof UsageException) {
				return t.getMessage();
			}
			t = t.getCause();
		}
		if (heldByAServer(ex)) {
			return HELD_BY_A_SERVER;
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return message == null ? root.getClass().getSimpleName() : message;
	}

}
