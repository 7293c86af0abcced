package fr.ptce.observatory.ingest;

import java.util.List;

/**
 * The commit record of an ingest run, written last into the run's staging folder: once it
 * exists the run is decided and is rolled forward (files moved into place) even after a
 * crash; without it the run is rolled back (its staging folder deleted, the inbox
 * untouched) and done again.
 *
 * @param parquet staged observation files, relative to the staging folder, and their
 * place relative to the data directory
 * @param sources each inbox file as it was when processed, so that publishing moves it
 * only if it is still the same file (null in manifests of earlier versions: the SHA-256
 * is then compared)
 */
record Manifest(String runId, String ingestedAt, List<SubmissionOutcome> files, List<Move> parquet, List<Move> receipts,
		List<Source> sources) {

	record Move(String from, String to) {
	}

	/**
	 * An inbox file's size and modification time (in nanoseconds) when it was processed.
	 */
	record Source(String name, long size, long modifiedNanos) {
	}

}
