package fr.ptce.observatory.ingest;

/**
 * A validated row, in the compact form it is spooled in until its file's fate is known (indexes into the
 * registry and the catalogue instead of strings). Mutable and reused: one instance per file being read.
 */
final class AcceptedRow {

	int pole;

	int year;

	/** 0 for the year, 1..4 for a quarter */
	int quarter;

	int indicator;

	/** NaN for status M */
	double value;

	char status;

	String comment;

	long line;

	int key;

	/** the key's current value before this row, restored if the file is quarantined */
	double previousCurrent;

	boolean hasValue() {
		return !Double.isNaN(value);
	}

}
