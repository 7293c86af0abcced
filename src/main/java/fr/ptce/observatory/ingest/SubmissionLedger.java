package fr.ptce.observatory.ingest;

import java.time.Instant;
import java.util.List;

/** The record of processed submissions (table OBS_SUBMISSION). */
public interface SubmissionLedger {

	/**
	 * Whether a file with these bytes was already ingested and stored (status ACCEPTED).
	 */
	boolean alreadyIngested(String sha256);

	/**
	 * Records the files of a published run; recording the same run and file twice has no
	 * effect.
	 */
	void record(String runId, Instant ingestedAt, List<SubmissionOutcome> outcomes, Long jobExecutionId);

}
