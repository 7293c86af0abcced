package fr.ptce.observatory.ingest;

/**
 * A validated row, in the compact form it is spooled in until its file's fate is known
 * (indexes into the registry and the catalogue instead of strings). Mutable and reused:
 * one instance per file being read.
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

	/**
	 * A copy that keeps this row's values once the instance is reused (for tests that
	 * collect rows).
	 */
	AcceptedRow copy() {
		AcceptedRow copy = new AcceptedRow();
		copy.pole = pole;
		copy.year = year;
		copy.quarter = quarter;
		copy.indicator = indicator;
		copy.value = value;
		copy.status = status;
		copy.comment = comment;
		copy.line = line;
		copy.key = key;
		copy.previousCurrent = previousCurrent;
		return copy;
	}

}
