package fr.ptce.observatory.ingest;

import java.nio.file.Path;

import fr.ptce.observatory.warehouse.DataDirectory;

/**
 * The outcome of a processed file, and where it ends: every processed file ends in
 * exactly one of archive/, quarantine/ or rejected/, byte for byte as received.
 */
public enum FileStatus {

	/** its accepted rows are stored */
	ACCEPTED,
	/** more than the threshold of its rows rejected: nothing stored */
	QUARANTINED,
	/** not readable as a submission at all (file-level reason) */
	REJECTED,
	/** the same bytes were already ingested: not stored again */
	DUPLICATE_SUBMISSION;

	public Path folder(DataDirectory dir) {
		return switch (this) {
			case ACCEPTED -> dir.archive();
			case QUARANTINED -> dir.quarantine();
			case REJECTED, DUPLICATE_SUBMISSION -> dir.rejected();
		};
	}

}
