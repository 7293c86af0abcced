package fr.ptce.observatory.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The issues of receipts with their French and English texts, written for a pole's staff:
 * what is wrong on the line and what to do about it. The texts are in
 * {@code messages_fr.properties} and {@code messages_en.properties}
 * ({@link MessageTexts}); one factory method per code gives both languages the same
 * arguments. Called only for a row with an issue, never for a valid one.
 */
final class Messages {

	private static final MessageTexts FR = MessageTexts.FR;

	private static final MessageTexts EN = MessageTexts.EN;

	private Messages() {
	}

	private static Issue error(long line, RowReason reason, String column, String key, String... args) {
		byte[][] encoded = MessageTexts.encode(args);
		return new Issue(line, Issue.Severity.ERROR, reason.name(), column, FR.utf8(key, encoded),
				EN.utf8(key, encoded));
	}

	private static Issue warning(long line, RowWarning warning, String column, String key, String... args) {
		byte[][] encoded = MessageTexts.encode(args);
		return new Issue(line, Issue.Severity.WARNING, warning.name(), column, FR.utf8(key, encoded),
				EN.utf8(key, encoded));
	}

	static Issue fieldCount(long line, int found, int expected) {
		return error(line, RowReason.MALFORMED_ROW, null, "fieldCount", Integer.toString(found),
				Integer.toString(expected));
	}

	static Issue openQuote(long line) {
		return error(line, RowReason.MALFORMED_ROW, null, "openQuote");
	}

	static Issue unreadableRest(long line) {
		return error(line, RowReason.MALFORMED_ROW, null, "unreadableRest");
	}

	static Issue missingField(long line, String column) {
		return "value".equals(column) ? error(line, RowReason.MISSING_FIELD, column, "missingField.value")
				: error(line, RowReason.MISSING_FIELD, column, "missingField", column);
	}

	static Issue unknownPole(long line, String poleId) {
		return error(line, RowReason.UNKNOWN_POLE, "pole_id", "unknownPole", poleId);
	}

	static Issue badPeriod(long line, String period) {
		return error(line, RowReason.BAD_PERIOD, "period", "badPeriod", period);
	}

	static Issue poleInactive(long line, String poleId, Period period, int created, Integer closed) {
		String year = Integer.toString(period.year());
		String since = Integer.toString(created);
		String activityFr = closed == null ? FR.format("poleInactive.since", since)
				: FR.format("poleInactive.between", since, closed.toString());
		String activityEn = closed == null ? EN.format("poleInactive.since", since)
				: EN.format("poleInactive.between", since, closed.toString());
		return new Issue(line, Issue.Severity.ERROR, RowReason.POLE_INACTIVE.name(), "period",
				FR.utf8("poleInactive", poleId, year, activityFr), EN.utf8("poleInactive", poleId, year, activityEn));
	}

	static Issue futurePeriod(long line, Period period, LocalDate day) {
		return error(line, RowReason.FUTURE_PERIOD, "period", "futurePeriod", period.code(), period.end().toString(),
				day.toString());
	}

	static Issue unknownIndicator(long line, String code) {
		return error(line, RowReason.UNKNOWN_INDICATOR, "indicator", "unknownIndicator", code);
	}

	static Issue badStatus(long line, String status) {
		return error(line, RowReason.BAD_STATUS, "status", "badStatus", status);
	}

	static Issue missingWithValue(long line, String value) {
		return error(line, RowReason.BAD_STATUS, "status", "missingWithValue", value);
	}

	static Issue notANumber(long line, String value, boolean commaDecimal) {
		String separators = commaDecimal ? "notANumber.comma" : "notANumber.point";
		return new Issue(line, Issue.Severity.ERROR, RowReason.NOT_A_NUMBER.name(), "value",
				FR.utf8("notANumber", value, FR.format(separators)),
				EN.utf8("notANumber", value, EN.format(separators)));
	}

	static Issue unitMismatch(long line, String unit, String indicator, String catalogueUnit) {
		return error(line, RowReason.UNIT_MISMATCH, "unit", "unitMismatch", unit, indicator, catalogueUnit);
	}

	static Issue notInteger(long line, String value, String indicator) {
		return error(line, RowReason.NOT_INTEGER, "value", "notInteger", value, indicator);
	}

	static Issue outOfRange(long line, double value, String indicator, double min, double max) {
		return error(line, RowReason.OUT_OF_RANGE, "value", "outOfRange", plain(value), indicator, plain(min),
				plain(max));
	}

	static Issue duplicateInFile(long line, String poleId, String period, String indicator) {
		return error(line, RowReason.DUPLICATE_IN_FILE, null, "duplicateInFile", poleId, period, indicator);
	}

	static Issue inconsistentMembers(long line, String poleId, String period, double parts, double total) {
		return warning(line, RowWarning.INCONSISTENT_MEMBERS, null, "inconsistentMembers", poleId, period, plain(parts),
				plain(total));
	}

	static Issue inconsistentVoters(long line, String poleId, String period, double voters, double total) {
		return warning(line, RowWarning.INCONSISTENT_VOTERS, null, "inconsistentVoters", poleId, period, plain(voters),
				plain(total));
	}

	static Issue suspiciousJump(long line, String indicator, String period, double value, String previousPeriod,
			double previous) {
		return warning(line, RowWarning.SUSPICIOUS_JUMP, "value", "suspiciousJump", indicator, plain(value), period,
				plain(previous), previousPeriod);
	}

	static Issue commentTruncated(long line, int length) {
		return warning(line, RowWarning.COMMENT_TRUNCATED, "comment", "commentTruncated", Integer.toString(length));
	}

	static Issue unknownColumn(long line, String column) {
		return warning(line, RowWarning.UNKNOWN_COLUMN, column, "unknownColumn", column);
	}

	static Issue duplicateColumn(long line, String column) {
		return warning(line, RowWarning.UNKNOWN_COLUMN, column, "duplicateColumn", column);
	}

	/**
	 * File-level reasons, for the receipt's message; a reason without a text is given as
	 * it is.
	 */
	static String fileReasonFr(String reason) {
		return fileReason(FR, reason);
	}

	static String fileReasonEn(String reason) {
		return fileReason(EN, reason);
	}

	private static String fileReason(MessageTexts texts, String reason) {
		if (reason.startsWith("MISSING_COLUMN:")) {
			return texts.format("file.MISSING_COLUMN", reason.substring(15));
		}
		return texts.keys().contains("file." + reason) ? texts.format("file." + reason) : reason;
	}

	/**
	 * The note of a quarantined file. It names the configured threshold: "la moitié" /
	 * "half" for 0.5, the value the bundled samples' receipts were written with, else its
	 * percentage.
	 */
	static String quarantinedFr(double threshold, long rejected, long read) {
		return quarantined(FR, threshold, rejected, read);
	}

	static String quarantinedEn(double threshold, long rejected, long read) {
		return quarantined(EN, threshold, rejected, read);
	}

	private static String quarantined(MessageTexts texts, double threshold, long rejected, long read) {
		String share = threshold == 0.5 ? texts.format("quarantined.half") : texts.format("quarantined.percent",
				percent(threshold).replace(".", texts.format("decimal.separator")));
		return texts.format("quarantined", share, Long.toString(rejected), Long.toString(read));
	}

	/**
	 * A share as a percentage, exactly as configured: 0.3 is 30, not 30.000000000000004.
	 */
	private static String percent(double share) {
		return new BigDecimal(Double.toString(share)).movePointRight(2).stripTrailingZeros().toPlainString();
	}

	/** Numbers in messages: no exponent, no useless decimals. */
	static String plain(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		String shortest = Double.toString(value);
		if (shortest.indexOf('E') < 0 && shortest.charAt(shortest.length() - 1) != '0') {
			// already plain, without trailing zeros: what the BigDecimal below gives, at
			// a
			// fraction of its cost (a warning-heavy file formats hundreds of thousands)
			return shortest;
		}
		return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
	}

}
