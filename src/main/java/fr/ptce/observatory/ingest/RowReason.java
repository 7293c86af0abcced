package fr.ptce.observatory.ingest;

/**
 * Why a row is rejected (submission-format.md). A row gets exactly one reason: the first
 * that applies, in the order of this enumeration, which is the order of the
 * specification.
 */
public enum RowReason {

	MALFORMED_ROW, MISSING_FIELD, UNKNOWN_POLE, BAD_PERIOD, POLE_INACTIVE, FUTURE_PERIOD, UNKNOWN_INDICATOR, BAD_STATUS,
	NOT_A_NUMBER, UNIT_MISMATCH, NOT_INTEGER, OUT_OF_RANGE, DUPLICATE_IN_FILE

}
