package fr.ptce.observatory.ingest;

/**
 * What happened to one processed file: recorded in the run's manifest, in the
 * OBS_SUBMISSION table and in the run summary.
 *
 * @param destination where the file ends, relative to the data directory (archive/...,
 * quarantine/..., rejected/...)
 * @param receipt receipt base name (receipts/RECEIPT.json and .csv)
 */
public record SubmissionOutcome(String name, String sha256, FileStatus status, String reason, long rowsRead,
		long rowsAccepted, long rowsRejected, long rowsWithWarnings, String destination, String receipt) {
}
