package fr.ptce.observatory.ingest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;

/**
 * The row rules of submission-format.md for one file: each data row is accepted, or
 * rejected with the first reason that applies in the order of the specification; accepted
 * rows may carry warnings. Cross-row warnings (members and voters of one pole and period)
 * are known at the end of the file.
 *
 * Per-key state lives in arrays of the {@link KeySpace} that are reused from file to file
 * and reset through the list of what a file touched, so memory depends on the registry,
 * not on the file.
 */
final class SubmissionValidation {

	static final int COMMENT_LIMIT = 500;

	static final String[] MEMBER_CODES = { "MEMBERS_TOTAL", "MEMBERS_ESS", "MEMBERS_PRIVATE", "MEMBERS_PUBLIC",
			"MEMBERS_RESEARCH", "GOV_VOTERS" };

	static final int TOTAL = 0;

	static final int VOTERS = 5;

	/** State shared by the files of a run: allocated once, reset after each file. */
	static final class Buffers {

		final KeySpace keys;

		final BitSet accepted;

		/**
		 * member counts are whole numbers of at most 5,000: a float holds them exactly,
		 * in half the memory
		 */
		final float[] members;

		/**
		 * lines of the member rows (files of over two billion lines would saturate; they
		 * are 80 GB)
		 */
		final int[] memberLines;

		final BitSet touchedPeriods = new BitSet();

		final int[] memberSlot;

		/**
		 * Identifiers and codes as the referential spells them, found without a String
		 * per field.
		 */
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
			Arrays.fill(members, Float.NaN);
			this.memberSlot = new int[catalogue.size()];
			Arrays.fill(memberSlot, -1);
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
				Arrays.fill(members, p * MEMBER_CODES.length, (p + 1) * MEMBER_CODES.length, Float.NaN);
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

	/**
	 * FUTURE_PERIOD for the year and each quarter of the ingestion year (earlier years
	 * never, later always).
	 */
	private final boolean[] futureInIngestionYear = new boolean[5];

	SubmissionValidation(Registry registry, Catalogue catalogue, Buffers buffers, LocalDate ingestionDay,
			SubmissionReader.Header header, char delimiter) {
		this.registry = registry;
		this.catalogue = catalogue;
		this.buffers = buffers;
		this.ingestionDay = ingestionDay;
		this.header = header;
		this.commaDecimal = delimiter == ';';
		this.plainNumber = new PlainNumber(commaDecimal);
		this.poleIds = buffers.poleIds;
		this.indicatorCodes = buffers.indicatorCodes;
		for (int q = 0; q < 5; q++) {
			futureInIngestionYear[q] = new Period(ingestionDay.getYear(), q).end().isAfter(ingestionDay);
		}
		buffers.reset();
	}

	/**
	 * What the checks found so far on the row being validated: each check reads the
	 * fields it needs and leaves here what the later ones use, so that a row is validated
	 * without an object per row or per field.
	 */
	private SubmissionReader.Row row;

	private long line;

	private boolean statusM;

	private Pole pole;

	private int year;

	private int quarter;

	private Indicator indicator;

	private char status;

	/**
	 * the value in its canonical form when it is not a simple number (null for a simple
	 * one)
	 */
	private String canonical;

	private boolean simple;

	/** Reads the simple numbers in place (reused from row to row). */
	private final PlainNumber plainNumber;

	private int factor;

	private double number;

	private int key;

	/**
	 * Validates a row: one check per field, in the order of the reasons in
	 * submission-format.md, the first that applies rejecting the row. The common forms
	 * (codes as the referential spells them, YYYY and YYYY-Qn periods, plain decimal
	 * numbers, the catalogue unit) are read in place from the row's characters; any other
	 * form goes through the general rules on Strings, so both paths give the same
	 * verdicts.
	 * @param row the row as read
	 * @param out filled when the row is accepted
	 * @param warnings receives the row's own warnings (comment truncated) when it is
	 * accepted
	 * @return null when the row is accepted, else the reason it is rejected
	 */
	Issue validate(SubmissionReader.Row row, AcceptedRow out, List<Issue> warnings) {
		this.row = row;
		this.line = row.line();
		Issue reason;
		if ((reason = shape()) != null || (reason = requiredFields()) != null || (reason = pole()) != null
				|| (reason = period()) != null || (reason = activity()) != null || (reason = future()) != null
				|| (reason = indicator()) != null || (reason = status()) != null || (reason = number()) != null
				|| (reason = unit()) != null || (reason = value()) != null || (reason = duplicate()) != null) {
			this.row = null;
			return reason;
		}
		out.pole = pole.index();
		out.year = year;
		out.quarter = quarter;
		out.indicator = indicator.index();
		out.value = number;
		out.status = status;
		out.comment = comment(warnings);
		out.line = line;
		out.key = key;
		rememberMembers(out);
		this.row = null;
		return null;
	}

	/** MALFORMED_ROW: the header's number of fields, no quote left open. */
	private Issue shape() {
		if (row.size() != header.size()) {
			return Messages.fieldCount(line, row.size(), header.size());
		}
		return row.openQuote() ? Messages.openQuote(line) : null;
	}

	/**
	 * MISSING_FIELD: the required fields, in the order of the columns; the value may be
	 * empty with status M.
	 */
	private Issue requiredFields() {
		int statusFrom = row.start(header.status());
		int statusTo = row.end(header.status());
		char[] chars = row.chars();
		statusM = statusTo - statusFrom == 1 && (chars[statusFrom] == 'M' || chars[statusFrom] == 'm');
		if (empty(header.poleId())) {
			return Messages.missingField(line, "pole_id");
		}
		if (empty(header.period())) {
			return Messages.missingField(line, "period");
		}
		if (empty(header.indicator())) {
			return Messages.missingField(line, "indicator");
		}
		if (empty(header.value()) && !statusM) {
			return Messages.missingField(line, "value");
		}
		return null;
	}

	private boolean empty(int column) {
		return row.end(column) <= row.start(column);
	}

	/** UNKNOWN_POLE. */
	private Issue pole() {
		int index = poleIds.find(row.chars(), row.start(header.poleId()), row.end(header.poleId()));
		pole = index >= 0 ? buffers.poles[index] : registry.find(row.field(header.poleId()));
		return pole == null ? Messages.unknownPole(line, row.field(header.poleId())) : null;
	}

	/**
	 * BAD_PERIOD: YYYY and YYYY-Qn read in place, the other accepted forms by
	 * {@link Period#parse}.
	 */
	private Issue period() {
		char[] chars = row.chars();
		int from = row.start(header.period());
		int to = row.end(header.period());
		if (to - from == 4 && CharSpans.isDigits(chars, from, to)) {
			year = CharSpans.digits(chars, from, to);
			quarter = 0;
			return null;
		}
		if (to - from == 7 && CharSpans.isDigits(chars, from, from + 4) && chars[from + 4] == '-'
				&& chars[from + 5] == 'Q' && chars[from + 6] >= '1' && chars[from + 6] <= '4') {
			year = CharSpans.digits(chars, from, from + 4);
			quarter = chars[from + 6] - '0';
			return null;
		}
		String text = row.field(header.period());
		Period period = Period.parse(text);
		if (period == null) {
			return Messages.badPeriod(line, text);
		}
		year = period.year();
		quarter = period.quarter();
		return null;
	}

	/** POLE_INACTIVE. */
	private Issue activity() {
		return pole.isActive(year) ? null
				: Messages.poleInactive(line, pole.id(), new Period(year, quarter), pole.created(), pole.closed());
	}

	/** FUTURE_PERIOD: the period ends after the ingestion day. */
	private Issue future() {
		boolean future = year != ingestionDay.getYear() ? year > ingestionDay.getYear()
				: futureInIngestionYear[quarter];
		return future ? Messages.futurePeriod(line, new Period(year, quarter), ingestionDay) : null;
	}

	/** UNKNOWN_INDICATOR. */
	private Issue indicator() {
		int index = indicatorCodes.find(row.chars(), row.start(header.indicator()), row.end(header.indicator()));
		indicator = index >= 0 ? catalogue.get(index) : catalogue.find(row.field(header.indicator()));
		return indicator == null ? Messages.unknownIndicator(line, row.field(header.indicator())) : null;
	}

	/** BAD_STATUS: A (the default), E, P or M in either case, and M without a value. */
	private Issue status() {
		int from = row.start(header.status());
		int to = row.end(header.status());
		if (to == from) {
			status = 'A';
		}
		else {
			status = to - from == 1 ? Character.toUpperCase(row.chars()[from]) : ' ';
			if (status != 'A' && status != 'E' && status != 'P' && status != 'M') {
				return Messages.badStatus(line, row.field(header.status()));
			}
		}
		if (status == 'M' && !empty(header.value())) {
			return Messages.missingWithValue(line, row.field(header.value()));
		}
		return null;
	}

	/**
	 * NOT_A_NUMBER: a simple number read in place, every other accepted form by
	 * {@link SubmittedNumber}.
	 */
	private Issue number() {
		canonical = null;
		simple = false;
		if (status == 'M') {
			return null;
		}
		simple = plainNumber.read(row.chars(), row.start(header.value()), row.end(header.value()));
		if (!simple) {
			canonical = SubmittedNumber.canonical(row.field(header.value()), commaDecimal);
			if (canonical == null) {
				return Messages.notANumber(line, row.field(header.value()), commaDecimal);
			}
		}
		return null;
	}

	/**
	 * UNIT_MISMATCH: an empty unit or the catalogue's as spelled are read in place,
	 * aliases by {@link Units}.
	 */
	private Issue unit() {
		factor = 1;
		int from = row.start(header.unit());
		int to = row.end(header.unit());
		if (to > from && !CharSpans.spells(indicator.unit(), row.chars(), from, to)) {
			String unit = row.field(header.unit());
			factor = Units.factor(indicator.unit(), unit);
			if (factor == 0) {
				return Messages.unitMismatch(line, unit, indicator.code(), indicator.unit());
			}
		}
		return null;
	}

	/** NOT_INTEGER and OUT_OF_RANGE, on the value in the catalogue unit. */
	private Issue value() {
		number = Double.NaN;
		if (status == 'M') {
			return null;
		}
		number = simple ? plainNumber.value(factor) : SubmittedNumber.value(canonical, factor);
		if (indicator.isInteger() && number != Math.rint(number)) {
			return Messages.notInteger(line, row.field(header.value()), indicator.code());
		}
		if (number < indicator.min() || number > indicator.max()) {
			return Messages.outOfRange(line, number, indicator.code(), indicator.min(), indicator.max());
		}
		return null;
	}

	/** DUPLICATE_IN_FILE: the first accepted row of a key stands. */
	private Issue duplicate() {
		key = buffers.keys.key(pole.index(), year, quarter, indicator.index());
		if (buffers.accepted.get(key)) {
			return Messages.duplicateInFile(line, pole.id(), new Period(year, quarter).code(), indicator.code());
		}
		buffers.accepted.set(key);
		return null;
	}

	/**
	 * The comment, cut at {@value #COMMENT_LIMIT} code points with a COMMENT_TRUNCATED
	 * warning.
	 */
	private String comment(List<Issue> warnings) {
		int from = row.start(header.comment());
		int to = row.end(header.comment());
		if (to <= from) {
			return null;
		}
		String comment = new String(row.chars(), from, to - from);
		int length = comment.codePointCount(0, comment.length());
		if (length > COMMENT_LIMIT) {
			comment = comment.substring(0, comment.offsetByCodePoints(0, COMMENT_LIMIT));
			warnings.add(Messages.commentTruncated(line, length));
		}
		return comment;
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
	 * INCONSISTENT_MEMBERS and INCONSISTENT_VOTERS over what this file gave for each pole
	 * and period, in line order ({@link MemberConsistency}).
	 */
	Iterable<Issue> crossRowWarnings() {
		return crossRow().warnings();
	}

	/** The cross-row warnings of the file, once it is read. */
	MemberConsistency crossRow() {
		return new MemberConsistency(buffers, registry);
	}

}
