package fr.ptce.observatory.ingest;

import java.time.Instant;

/**
 * The head of a file's receipt (interfaces.md); its issues are streamed beside it.
 *
 * @param reason the file-level reason (NOT_CSV, MISSING_COLUMN:name, EMPTY_FILE), or null
 * @param note a sentence in French and English for file-level outcomes (null for an
 * accepted file)
 */
public record Receipt(String file, String sha256, Instant ingestedAt, FileStatus status, String reason, long rowsRead,
		long rowsAccepted, long rowsRejected, long rowsWithWarnings, String noteFr, String noteEn) {

	/** receipts/NAME.SHA8: the file's name and the first 8 hex digits of its SHA-256. */
	public String baseName() {
		return file + "." + sha256.substring(0, 8);
	}

}
