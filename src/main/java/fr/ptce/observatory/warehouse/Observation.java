package fr.ptce.observatory.warehouse;

/**
 * One accepted row of a submission, as stored in warehouse/observations (interfaces.md).
 * Every revision is kept; the current one of (pole_id, period, indicator) is the one
 * ingested last, ties between files of one run broken by the file name that sorts last
 * (submission-format.md, Revisions).
 *
 * @param year the period's year: the Hive partition, not a column of the files
 * @param period normalised: YYYY or YYYY-Qn
 * @param quarter 1..4, or null for an annual period
 * @param value in the catalogue unit (after k€ conversion), null for status M
 * @param ingestedAtMicros UTC instant of ingestion in microseconds since the epoch
 */
public record Observation(int year, String poleId, String period, Integer quarter, String indicator, Double value,
		String unit, String status, String comment, String submissionId, String sourceFile, long line,
		long ingestedAtMicros) {

	public boolean isAnnual() {
		return quarter == null;
	}

	public boolean isMissing() {
		return "M".equals(status);
	}

}
