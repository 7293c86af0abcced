package fr.ptce.observatory.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

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

	private static final String[] MEMBER_CODES = { "MEMBERS_TOTAL", "MEMBERS_ESS", "MEMBERS_PRIVATE",
			"MEMBERS_PUBLIC", "MEMBERS_RESEARCH", "GOV_VOTERS" };

	private static final int TOTAL = 0;

	private static final int VOTERS = 5;

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

		Buffers(KeySpace keys, Catalogue catalogue) {
			this.keys = keys;
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

	SubmissionValidation(Registry registry, Catalogue catalogue, Buffers buffers, LocalDate ingestionDay,
			SubmissionReader.Header header, char delimiter) {
		this.registry = registry;
		this.catalogue = catalogue;
		this.buffers = buffers;
		this.ingestionDay = ingestionDay;
		this.header = header;
		this.commaDecimal = delimiter == ';';
		buffers.reset();
	}

	/**
	 * Validates a row.
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
		String poleId = row.field(header.poleId());
		String periodText = row.field(header.period());
		String code = row.field(header.indicator());
		String value = row.field(header.value());
		String status = row.field(header.status()).toUpperCase(Locale.ROOT);
		if (poleId.isEmpty()) {
			return Messages.missingField(line, "pole_id");
		}
		if (periodText.isEmpty()) {
			return Messages.missingField(line, "period");
		}
		if (code.isEmpty()) {
			return Messages.missingField(line, "indicator");
		}
		if (value.isEmpty() && !status.equals("M")) {
			return Messages.missingField(line, "value");
		}
		Pole pole = registry.find(poleId);
		if (pole == null) {
			return Messages.unknownPole(line, poleId);
		}
		Period period = Period.parse(periodText);
		if (period == null) {
			return Messages.badPeriod(line, periodText);
		}
		if (!pole.isActive(period.year())) {
			return Messages.poleInactive(line, pole.id(), period, pole.created(), pole.closed());
		}
		if (period.end().isAfter(ingestionDay)) {
			return Messages.futurePeriod(line, period, ingestionDay);
		}
		Indicator indicator = catalogue.find(code);
		if (indicator == null) {
			return Messages.unknownIndicator(line, code);
		}
		if (status.isEmpty()) {
			status = "A";
		}
		if (status.length() != 1 || "AEPM".indexOf(status.charAt(0)) < 0) {
			return Messages.badStatus(line, row.field(header.status()));
		}
		boolean missing = status.equals("M");
		if (missing && !value.isEmpty()) {
			return Messages.missingWithValue(line, value);
		}
		String canonical = null;
		if (!missing) {
			canonical = SubmittedNumber.canonical(value, commaDecimal);
			if (canonical == null) {
				return Messages.notANumber(line, value, commaDecimal);
			}
		}
		int factor = 1;
		String unit = row.field(header.unit());
		if (!unit.isEmpty()) {
			factor = Units.factor(indicator.unit(), unit);
			if (factor == 0) {
				return Messages.unitMismatch(line, unit, indicator.code(), indicator.unit());
			}
		}
		double number = Double.NaN;
		if (!missing) {
			number = SubmittedNumber.value(canonical, factor);
			if (indicator.isInteger() && number != Math.rint(number)) {
				return Messages.notInteger(line, value, indicator.code());
			}
			if (number < indicator.min() || number > indicator.max()) {
				return Messages.outOfRange(line, number, indicator.code(), indicator.min(), indicator.max());
			}
		}
		int key = buffers.keys.key(pole.index(), period.year(), period.quarter(), indicator.index());
		if (buffers.accepted.get(key)) {
			return Messages.duplicateInFile(line, pole.id(), period.code(), indicator.code());
		}
		buffers.accepted.set(key);

		String comment = row.field(header.comment());
		if (comment.isEmpty()) {
			comment = null;
		}
		else {
			int length = comment.codePointCount(0, comment.length());
			if (length > COMMENT_LIMIT) {
				comment = comment.substring(0, comment.offsetByCodePoints(0, COMMENT_LIMIT));
				warnings.add(Messages.commentTruncated(line, length));
			}
		}
		out.pole = pole.index();
		out.year = period.year();
		out.quarter = period.quarter();
		out.indicator = indicator.index();
		out.value = number;
		out.status = status.charAt(0);
		out.comment = comment;
		out.line = line;
		out.key = key;
		rememberMembers(out);
		return null;
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
	 * INCONSISTENT_MEMBERS (on the MEMBERS_TOTAL row) and INCONSISTENT_VOTERS (on the GOV_VOTERS row), over the
	 * values this file gives for one pole and period. The categories present are added up: a sum that already
	 * exceeds the total is inconsistent whatever the missing ones are.
	 */
	List<Issue> crossRowWarnings() {
		List<Issue> warnings = new ArrayList<>();
		int n = MEMBER_CODES.length;
		for (int p = buffers.touchedPeriods.nextSetBit(0); p >= 0; p = buffers.touchedPeriods.nextSetBit(p + 1)) {
			double total = buffers.members[p * n + TOTAL];
			if (Double.isNaN(total)) {
				continue;
			}
			double parts = 0;
			boolean anyPart = false;
			for (int s = 1; s <= 4; s++) {
				double v = buffers.members[p * n + s];
				if (!Double.isNaN(v)) {
					parts += v;
					anyPart = true;
				}
			}
			int poleIndex = p / 5 / yearsOf();
			String poleId = registry.poles().get(poleIndex).id();
			String periodCode = periodCode(p);
			if (anyPart && parts > total) {
				warnings.add(Messages.inconsistentMembers(buffers.memberLines[p * n + TOTAL], poleId, periodCode,
						parts, total));
			}
			double voters = buffers.members[p * n + VOTERS];
			if (!Double.isNaN(voters) && voters > total) {
				warnings.add(Messages.inconsistentVoters(buffers.memberLines[p * n + VOTERS], poleId, periodCode,
						voters, total));
			}
		}
		return warnings;
	}

	private int yearsOf() {
		return buffers.keys.lastYear() - buffers.keys.firstYear() + 1;
	}

	private String periodCode(int period) {
		int quarter = period % 5;
		int year = buffers.keys.firstYear() + (period / 5) % yearsOf();
		return new Period(year, quarter).code();
	}

}
