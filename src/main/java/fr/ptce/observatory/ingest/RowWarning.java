package fr.ptce.observatory.ingest;

/** Warnings that do not reject an accepted row (submission-format.md). */
public enum RowWarning {

	INCONSISTENT_MEMBERS, INCONSISTENT_VOTERS, SUSPICIOUS_JUMP, COMMENT_TRUNCATED, UNKNOWN_COLUMN

}
