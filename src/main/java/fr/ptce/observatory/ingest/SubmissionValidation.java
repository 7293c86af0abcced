package fr.ptce.observatory.ingest;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;

/**
 * The row rules of submission-format.md for one file: each data row is accepted, or rejected with the first
 * reason that applies in the order of the specification; accepted rows may carry warnings. Cross-row warnings
 * (members and voters of one pole and period) are known at the end of the file.
 *
 * Per-key state lives in arrays of the {@link KeySpace} that are reused from file to file and reset through the
 * list of what a file touched, so memory depends on the registry, not on the file.
 */
final class SubmissionValidation {

	static final int COMMENT_LIMIT = 500;

	static final String[] MEMBER_CODES = { "MEMBERS_TOTAL", "MEMBERS_ESS", "MEMBERS_PRIVATE",
			"MEMBERS_PUBLIC", "MEMBERS_RESEARCH", "GOV_VOTERS" };

	static final int TOTAL = 0;

	static final int VOTERS = 5;

	/** State shared by the files of a run: allocated once, reset after each file. */
	static final class Buffers {

		final KeySpace keys;

		final BitSet accepted;

		/** member counts are whole numbers of at most 5,000: a float holds them exactly, in half the memory */
		final float[] members;

		/** lines of the member rows (files of over two billion lines would saturate; they are 80 GB) */
		final int[] memberLines;

		final BitSet touchedPeriods = new BitSet();

		final int[] memberSlot;

		/** Identifiers and codes as the referential spells them, found without a String per field. */
		final CodeTable poleIds;

		final CodeTable indicatorCodes;

		/** The registry's poles by index (its list view is made anew at each call). */
		final Pole[] poles;

		Buffers(KeySpace keys, Registry registry, Catalogue catalogue) {
			this.keys = keys;
			this.poles = registry.poles().toArray(Pole[]::new);
			this.poleIds = new CodeTable(registry.poles().stream().map(Pole::id).toList());
			this.indicatorCodes = new CodeTable(catalogue.indicators().stream().map(Indicator::code).toList());
			this.accepted = new BitSet(keys.size());
			this.members = new float[keys.periodSize() * MEMBER_CODES.length];
			this.memberLines = new int[keys.periodSize() * MEMBER_CODES.length];
			java.util.Arrays.fill(members, Float.NaN);
			this.memberSlot = new int[catalogue.size()];
			java.util.Arrays.fill(memberSlot, -1);
			for (int i = 0; i < MEMBER_CODES.length; i++) {
				Indicator indicator = catalogue.find(MEMBER_CODES[i]);
				if (indicator != null) {
					memberSlot[indicator.index()] = i;
				}
			}
		}

		void reset() {
			accepted.clear();
			for (int p = touchedPeriods.nextSetBit(0); p >= 0; p = touchedPeriods.nextSetBit(p + 1)) {
				java.util.Arrays.fill(members, p * MEMBER_CODES.length, (p + 1) * MEMBER_CODES.length, Float.NaN);
			}
			touchedPeriods.clear();
		}

	}

	private final Registry registry;

	private final Catalogue catalogue;

	private final Buffers buffers;

	private final LocalDate ingestionDay;

	private final SubmissionReader.Header header;

	private final boolean commaDecimal;

	private final CodeTable poleIds;

	private final CodeTable indicatorCodes;

	/** FUTURE_PERIOD for the year and each quarter of the ingestion year (earlier years never, later always). */
	private final boolean[] futureInIngestionYear = new boolean[5];

	SubmissionValidation(Registry registry, Catalogue catalogue, Buffers buffers, LocalDate ingestionDay,
			SubmissionReader.Header header, char delimiter) {
		this.registry = registry;
		this.catalogue = catalogue;
		this.buffers = buffers;
		this.ingestionDay = ingestionDay;
		this.header = header;
		this.commaDecimal = delimiter == ';';
		this.poleIds = buffers.poleIds;
		this.indicatorCodes = buffers.indicatorCodes;
		for (int q = 0; q < 5; q++) {
			futureInIngestionYear[q] = new Period(ingestionDay.getYear(), q).end().isAfter(ingestionDay);
		}
		buffers.reset();
	}

	/**
	 * Validates a row. The common forms (codes as the referential spells them, YYYY and YYYY-Qn periods, plain
	 * decimal numbers, the catalogue unit) are read in place from the row's characters; any other form goes
	 * through the general rules on Strings, so both paths give the same verdicts.
	 * @param row the row as read
	 * @param out filled when the row is accepted
	 * @param warnings receives the row's own warnings (comment truncated) when it is accepted
	 * @return null when the row is accepted, else the reason it is rejected
	 */
	Issue validate(SubmissionReader.Row row, AcceptedRow out, List<Issue> warnings) {
		long line = row.line();
		if (row.size() != header.size()) {
			return Messages.fieldCount(line, row.size(), header.size());
		}
		if (row.openQuote()) {
			return Messages.openQuote(line);
		}
		char[] chars = row.chars();
		int poleFrom = row.start(header.poleId());
		int poleTo = row.end(header.poleId());
		int periodFrom = row.start(header.period());
		int periodTo = row.end(header.period());
		int codeFrom = row.start(header.indicator());
		int codeTo = row.end(header.indicator());
		int valueFrom = row.start(header.value());
		int valueTo = row.end(header.value());
		int statusFrom = row.start(header.status());
		int statusTo = row.end(header.status());
		boolean statusM = statusTo - statusFrom == 1 && (chars[statusFrom] == 'M' || chars[statusFrom] == 'm');
		if (poleTo <= poleFrom) {
			return Messages.missingField(line, "pole_id");
		}
		if (periodTo <= periodFrom) {
			return Messages.missingField(line, "period");
		}
		if (codeTo <= codeFrom) {
			return Messages.missingField(line, "indicator");
		}
		if (valueTo <= valueFrom && !statusM) {
			return Messages.missingField(line, "value");
		}
		int poleIndex = poleIds.find(chars, poleFrom, poleTo);
		Pole pole = poleIndex >= 0 ? buffers.poles[poleIndex] : registry.find(row.field(header.poleId()));
		if (pole == null) {
			return Messages.unknownPole(line, row.field(header.poleId()));
		}
		int year;
		int quarter;
		int periodLength = periodTo - periodFrom;
		if (periodLength == 4 && isDigits(chars, periodFrom, periodTo)) {
			year = digits(chars, periodFrom, periodTo);
			quarter = 0;
		}
		else if (periodLength == 7 && isDigits(chars, periodFrom, periodFrom + 4) && chars[periodFrom + 4] == '-'
				&& chars[periodFrom + 5] == 'Q' && chars[periodFrom + 6] >= '1' && chars[periodFrom + 6] <= '4') {
			year = digits(chars, periodFrom, periodFrom + 4);
			quarter = chars[periodFrom + 6] - '0';
		}
		else {
			String periodText = row.field(header.period());
			Period period = Period.parse(periodText);
			if (period == null) {
				return Messages.badPeriod(line, periodText);
			}
			year = period.year();
			quarter = period.quarter();
		}
		if (!pole.isActive(year)) {
			return Messages.poleInactive(line, pole.id(), new Period(year, quarter), pole.created(), pole.closed());
		}
		if (isFuture(year, quarter)) {
			return Messages.futurePeriod(line, new Period(year, quarter), ingestionDay);
		}
		int indicatorIndex = indicatorCodes.find(chars, codeFrom, codeTo);
		Indicator indicator = indicatorIndex >= 0 ? catalogue.get(indicatorIndex)
				: catalogue.find(row.field(header.indicator()));
		if (indicator == null) {
			return Messages.unknownIndicator(line, row.field(header.indicator()));
		}
		char status;
		if (statusTo == statusFrom) {
			status = 'A';
		}
		else {
			status = statusTo - statusFrom == 1 ? Character.toUpperCase(chars[statusFrom]) : ' ';
			if (status != 'A' && status != 'E' && status != 'P' && status != 'M') {
				return Messages.badStatus(line, row.field(header.status()));
			}
		}
		boolean missing = status == 'M';
		if (missing && valueTo > valueFrom) {
			return Messages.missingWithValue(line, row.field(header.value()));
		}
		String canonical = null;
		boolean simple = false;
		if (!missing) {
			simple = simpleNumber(chars, valueFrom, valueTo);
			if (!simple) {
				canonical = SubmittedNumber.canonical(row.field(header.value()), commaDecimal);
				if (canonical == null) {
					return Messages.notANumber(line, row.field(header.value()), commaDecimal);
				}
			}
		}
		int factor = 1;
		int unitFrom = row.start(header.unit());
		int unitTo = row.end(header.unit());
		if (unitTo > unitFrom && !spells(indicator.unit(), chars, unitFrom, unitTo)) {
			String unit = row.field(header.unit());
			factor = Units.factor(indicator.unit(), unit);
			if (factor == 0) {
				return Messages.unitMismatch(line, unit, indicator.code(), indicator.unit());
			}
		}
		double number = Double.NaN;
		if (!missing) {
			number = simple ? simpleValue(factor) : SubmittedNumber.value(canonical, factor);
			if (indicator.isInteger() && number != Math.rint(number)) {
				return Messages.notInteger(line, row.field(header.value()), indicator.code());
			}
			if (number < indicator.min() || number > indicator.max()) {
				return Messages.outOfRange(line, number, indicator.code(), indicator.min(), indicator.max());
			}
		}
		int key = buffers.keys.key(pole.index(), year, quarter, indicator.index());
		if (buffers.accepted.get(key)) {
			return Messages.duplicateInFile(line, pole.id(), new Period(year, quarter).code(), indicator.code());
		}
		buffers.accepted.set(key);

		String comment = null;
		int commentFrom = row.start(header.comment());
		int commentTo = row.end(header.comment());
		if (commentTo > commentFrom) {
			comment = new String(chars, commentFrom, commentTo - commentFrom);
			int length = comment.codePointCount(0, comment.length());
			if (length > COMMENT_LIMIT) {
				comment = comment.substring(0, comment.offsetByCodePoints(0, COMMENT_LIMIT));
				warnings.add(Messages.commentTruncated(line, length));
			}
		}
		out.pole = pole.index();
		out.year = year;
		out.quarter = quarter;
		out.indicator = indicator.index();
		out.value = number;
		out.status = status;
		out.comment = comment;
		out.line = line;
		out.key = key;
		rememberMembers(out);
		return null;
	}

	private static boolean spells(String text, char[] chars, int from, int to) {
		if (text.length() != to - from) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) != chars[from + i]) {
				return false;
			}
		}
		return true;
	}

	/** FUTURE_PERIOD: the period ends after the ingestion day. */
	private boolean isFuture(int year, int quarter) {
		if (year != ingestionDay.getYear()) {
			return year > ingestionDay.getYear();
		}
		return futureInIngestionYear[quarter];
	}

	private static boolean isDigits(char[] chars, int from, int to) {
		for (int i = from; i < to; i++) {
			if (chars[i] < '0' || chars[i] > '9') {
				return false;
			}
		}
		return true;
	}

	private static int digits(char[] chars, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + (chars[i] - '0');
		}
		return value;
	}

	/** Powers of ten up to 10^12, all exact in a double. */
	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
			1e12 };

	/** The number read by {@link #simpleNumber}: its digits as an integer, how many are decimals, its sign. */
	private long mantissa;

	private int decimals;

	private boolean negative;

	/**
	 * A number in the simplest accepted form: an optional sign, at most 12 digits, at most one separator followed
	 * by digits, no blank inside. Other forms (thousands separators, longer numbers) go through
	 * {@link SubmittedNumber}.
	 */
	private boolean simpleNumber(char[] chars, int from, int to) {
		int i = from;
		negative = false;
		if (i < to && (chars[i] == '-' || chars[i] == '+')) {
			negative = chars[i] == '-';
			i++;
		}
		long m = 0;
		int before = 0;
		int after = -1;
		for (; i < to; i++) {
			char c = chars[i];
			if (c >= '0' && c <= '9') {
				m = m * 10 + (c - '0');
				if (after >= 0) {
					after++;
				}
				else {
					before++;
				}
			}
			else if ((c == '.' || (c == ',' && commaDecimal)) && after < 0) {
				after = 0;
			}
			else {
				return false;
			}
		}
		if (before == 0 || after == 0 || before + Math.max(after, 0) > 12) {
			return false;
		}
		mantissa = m;
		decimals = Math.max(after, 0);
		return true;
	}

	/**
	 * The value of the last simple number times a unit factor: the integer of its digits times the factor is
	 * exact (below 2^53), and so is the power of ten, so their quotient is the correctly rounded double of the
	 * exact decimal, the same as {@link SubmittedNumber#value} gives (which, through BigDecimal, has no -0 when
	 * a factor applies).
	 */
	private double simpleValue(int factor) {
		double magnitude = (mantissa * factor) / POWERS_OF_TEN[decimals];
		if (!negative) {
			return magnitude;
		}
		return factor != 1 && magnitude == 0 ? 0.0 : -magnitude;
	}

	private void rememberMembers(AcceptedRow row) {
		int slot = buffers.memberSlot[row.indicator];
		if (slot < 0 || !row.hasValue()) {
			return;
		}
		int period = buffers.keys.period(row.pole, row.year, row.quarter);
		buffers.touchedPeriods.set(period);
		buffers.members[period * MEMBER_CODES.length + slot] = (float) row.value;
		buffers.memberLines[period * MEMBER_CODES.length + slot] = (int) Math.min(row.line, Integer.MAX_VALUE);
	}

	/**
	 * INCONSISTENT_MEMBERS and INCONSISTENT_VOTERS over what this file gave for each pole and period, in line order
	 * ({@link MemberConsistency}).
	 */
	Iterable<Issue> crossRowWarnings() {
		return new MemberConsistency(buffers, registry).warnings();
	}

}
