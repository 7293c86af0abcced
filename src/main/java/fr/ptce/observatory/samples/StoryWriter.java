package fr.ptce.observatory.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.ptce.observatory.samples.Draft.Expect;
import fr.ptce.observatory.samples.Draft.Obs;
import fr.ptce.observatory.samples.Draft.Row;

/**
 * The deliberate cases of the samples ({@link Story}): the file of a pole's story year,
 * with the errors and warnings of its case written in and expected in the receipts, and
 * what the pole sends after it. One method per case, each drawing from the pole's random
 * stream in the order the case needs.
 */
final class StoryWriter {

	private static final String LONG_COMMENT = "Les emplois comptés ici comprennent les salariés des structures "
			+ "membres affectés aux projets coopératifs du pôle, au prorata de leur temps de travail, ainsi que les "
			+ "deux postes de coordination portés directement par l'association support.\n"
			+ "Ne sont pas comptés : les stagiaires, les services civiques, les bénévoles, ni les prestataires "
			+ "extérieurs (comptabilité, entretien, \"maintenance informatique\").\n"
			+ "Le chiffre de l'an dernier avait été calculé autrement (effectifs au 31 décembre au lieu de la moyenne "
			+ "annuelle), d'où l'écart apparent ; nous pouvons transmettre le détail structure par structure, "
			+ "ainsi que la méthode de calcul validée par le conseil d'administration, sur simple demande auprès de "
			+ "la coordinatrice du pôle.";

	private final PoleWriter writer;

	StoryWriter(PoleWriter writer) {
		this.writer = writer;
	}

	/**
	 * The story file of the pole's story year, {@code obs} being what the pole has to
	 * send that year.
	 */
	void write(int year, Style style, List<Obs> obs, LocalDate date) throws IOException {
		Story story = writer.pole.story;
		String what = Integer.toString(year);
		String tag = story.name();
		switch (story) {
			case INACTIVE_AFTER_CLOSED -> inactiveAfterClosed(year, style, obs, date, what, tag);
			case INACTIVE_BEFORE_CREATED -> inactiveBeforeCreated(year, style, obs, date, what, tag);
			case ROW_ERRORS -> rowErrors(year, style, obs, date, what, tag);
			case POLE_AND_PERIOD -> poleAndPeriod(year, style, obs, date, what, tag);
			case FUTURE_AND_INDICATOR -> futureAndIndicator(year, style, obs, date, what, tag);
			case STATUS_AND_NUMBERS -> statusAndNumbers(year, style, obs, date, what, tag);
			case UNITS_AND_RANGES -> unitsAndRanges(year, style, obs, date, what, tag);
			case DUPLICATES -> duplicates(year, style, obs, date, what, tag);
			case INCONSISTENT -> inconsistent(year, style, obs, date, what, tag);
			case JUMP -> jump(year, style, obs, date, what, tag);
			case COMMENT_AND_COLUMN -> commentAndColumn(year, style, obs, date, what, tag);
			case OPEN_QUOTE -> openQuote(year, style, obs, date, what, tag);
			case QUARANTINE_SHIFTED -> quarantineShifted(year, style, obs, date, what, tag);
			case NOT_CSV -> notCsv(year, style, obs, date, what, tag);
			case MISSING_COLUMN -> missingColumn(year, style, obs, date, what, tag);
			case EMPTY_HEADER_ONLY -> emptyHeaderOnly(year, style, obs, date, what, tag);
			case EMPTY_ZERO_BYTES -> emptyZeroBytes(year, style, obs, date, what, tag);
			case DUPLICATE_SUBMISSION -> duplicateSubmission(year, style, obs, date, what, tag);
			case TWO_QUARTERS -> twoQuarters(year, style, obs, date, what, tag);
			case PROVISIONAL_CORRECTED -> provisionalCorrected(year, style, obs, date, what, tag);
			default -> writer.regular(what, style, obs, date, tag);
		}
	}

	private void inactiveAfterClosed(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		Obs next = new Obs("PUBLIC_FUNDING", year + 1, 0, writer.figures.year(year + 1, "PUBLIC_FUNDING"), "", "");
		d.add(next, writer.fields(style, next))
			.expect(Expect.error("POLE_INACTIVE", "period",
					"year " + (year + 1) + " after the pole closed in " + writer.pole.closed));
		writer.finish(d, tag, what, obs, date);
	}

	private void inactiveBeforeCreated(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, List.of());
		Obs before = new Obs("MEMBERS_TOTAL", year - 1, 0, writer.figures.year(year - 1, "MEMBERS_TOTAL"), "", "");
		d.add(before, writer.fields(style, before))
			.expect(Expect.error("POLE_INACTIVE", "period",
					"year " + (year - 1) + " before the pole was created in " + writer.pole.created));
		for (Obs o : obs) {
			d.add(o, writer.fields(style, o));
		}
		writer.finish(d, tag, what, obs, date);
	}

	private void rowErrors(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		Row extra = d.find("PROJECTS_ACTIVE", 0);
		extra.extraAt = d.columns.size();
		extra.extra.add("à vérifier");
		extra.expect(Expect.error("MALFORMED_ROW", "",
				(d.columns.size() + 1) + " fields, the header has " + d.columns.size()));
		d.find("JOBS_INSERTION", 0)
			.set("value", "")
			.set("status", "")
			.expect(Expect.error("MISSING_FIELD", "value", "empty value without status M"));
		d.find("JOBS_FTE", 0).set("period", "").expect(Expect.error("MISSING_FIELD", "period", "empty period"));
		writer.finish(d, tag, what, obs, date);
	}

	private void poleAndPeriod(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		String typo = writer.pole.id.contains("0") ? writer.pole.id.replaceFirst("0", "O") : writer.pole.id + "0";
		d.find("VOLUNTEERS", 0)
			.set("pole_id", typo)
			.expect(Expect.error("UNKNOWN_POLE", "pole_id", typo + " is not in the registry"));
		d.find("GOV_MEETINGS", 0)
			.set("period", year + "-S1")
			.expect(Expect.error("BAD_PERIOD", "period", "half-year " + year + "-S1"));
		String shortYear = String.format(Locale.ROOT, "%02d", year % 100);
		d.find("TRAINING_HOURS", 0)
			.set("period", shortYear)
			.expect(Expect.error("BAD_PERIOD", "period", "two-digit year " + shortYear));
		writer.finish(d, tag, what, obs, date);
	}

	private void futureAndIndicator(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		d.find("PROJECTS_ACTIVE", 0)
			.set("period", "2099")
			.expect(Expect.error("FUTURE_PERIOD", "period", "2099 instead of " + year));
		d.find("VOLUNTEERS", 0)
			.set("indicator", "BENEVOLES")
			.expect(Expect.error("UNKNOWN_INDICATOR", "indicator", "French name instead of VOLUNTEERS"));
		Row research = d.find("MEMBERS_RESEARCH", 0);
		long ess = writer.figures.year(year, "MEMBERS_ESS");
		long total = writer.figures.year(year, "MEMBERS_TOTAL");
		Map<String, String> share = new LinkedHashMap<>(research.fields);
		share.put("indicator", "ESS_SHARE");
		share.put("value", style.number(Math.round(1000.0 * ess / total), 1, 0));
		Row row = new Row(Draft.Kind.DATA, null);
		row.fields.putAll(share);
		row.expect(Expect.error("UNKNOWN_INDICATOR", "indicator", "ESS_SHARE is derived, not submitted"));
		d.rows.add(d.indexOf(research) + 1, row);
		writer.finish(d, tag, what, obs, date);
	}

	private void statusAndNumbers(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		d.find("VOLUNTEERS", 0).set("status", "X").expect(Expect.error("BAD_STATUS", "status", "status X"));
		d.find("GOV_MEETINGS", 0)
			.set("status", "M")
			.expect(Expect.error("BAD_STATUS", "status", "status M with a value"));
		String[][] bad = { { "TURNOVER", "1,5e3" }, { "PUBLIC_FUNDING", "38 %" }, { "OWN_REVENUE", "1.234,5" },
				{ "JOBS_CREATED", "n.c." } };
		for (String[] b : bad) {
			d.find(b[0], 0)
				.set("value", b[1])
				.set("status", "")
				.expect(Expect.error("NOT_A_NUMBER", "value", "value " + b[1]));
		}
		writer.finish(d, tag, what, obs, date);
	}

	private void unitsAndRanges(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		d.find("JOBS_FTE", 0)
			.set("unit", "personnes")
			.expect(Expect.error("UNIT_MISMATCH", "unit", "unit personnes for FTE"));
		long turnover = writer.figures.year(year, "TURNOVER");
		d.find("TURNOVER", 0)
			.set("value", style.number(Math.max(1, Math.round(turnover / 100_000.0)), 1, 0))
			.set("unit", "M€")
			.expect(Expect.error("UNIT_MISMATCH", "unit", "unit M€"));
		d.find("VOLUNTEERS", 0)
			.set("value", writer.figures.year(year, "VOLUNTEERS") + ".5")
			.expect(Expect.error("NOT_INTEGER", "value", "half a volunteer"));
		d.find("GOV_MEETINGS", 0)
			.set("value", writer.figures.year(year, "GOV_MEETINGS") + ".5")
			.expect(Expect.error("NOT_INTEGER", "value", "half a meeting"));
		d.find("OWN_REVENUE", 0)
			.set("value", "-" + d.find("OWN_REVENUE", 0).get("value"))
			.expect(Expect.error("OUT_OF_RANGE", "value", "negative amount"));
		d.find("PUBLIC_FUNDING", 0)
			.set("value", "150000")
			.set("unit", "k€")
			.expect(Expect.error("OUT_OF_RANGE", "value", "150000 k€ = 150 M€, above the maximum 100 M€"));
		d.find("TRAINING_HOURS", 0)
			.set("value", "2500000")
			.expect(Expect.error("OUT_OF_RANGE", "value", "above the maximum 2000000 h"));
		writer.finish(d, tag, what, obs, date);
	}

	private void duplicates(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		Row turnover = d.find("TURNOVER", 1);
		Row again = new Row(Draft.Kind.DATA, turnover.obs);
		again.fields.putAll(turnover.fields);
		again.set("period", "T1 " + year)
			.set("value", writer.value(style, "TURNOVER", writer.perturb("TURNOVER", turnover.obs.value(), 1.02)))
			.expect(Expect.error("DUPLICATE_IN_FILE", "", "same key as the row of " + year + "Q1, written T1 " + year));
		d.rows.add(d.indexOf(turnover) + 1, again);
		Row created = d.find("JOBS_CREATED", 2);
		Row copy = new Row(Draft.Kind.DATA, created.obs);
		copy.fields.putAll(created.fields);
		copy.expect(Expect.error("DUPLICATE_IN_FILE", "", "the previous row copied"));
		d.rows.add(d.indexOf(created) + 1, copy);
		writer.finish(d, tag, what, obs, date);
	}

	private void inconsistent(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		long total = writer.figures.year(year, "MEMBERS_TOTAL");
		long others = writer.figures.year(year, "MEMBERS_PRIVATE") + writer.figures.year(year, "MEMBERS_PUBLIC")
				+ writer.figures.year(year, "MEMBERS_RESEARCH");
		d.find("MEMBERS_ESS", 0).set("value", style.number(total - others + 3, 0, 0));
		d.find("MEMBERS_TOTAL", 0)
			.expect(Expect.warning("INCONSISTENT_MEMBERS", "", "ESS + PRIVATE + PUBLIC + RESEARCH = " + (total + 3)
					+ " > MEMBERS_TOTAL " + total + " (issue given on the MEMBERS_TOTAL row)"));
		d.find("GOV_VOTERS", 0)
			.set("value", style.number(total + 4, 0, 0))
			.expect(Expect.warning("INCONSISTENT_VOTERS", "",
					"GOV_VOTERS " + (total + 4) + " > MEMBERS_TOTAL " + total));
		writer.finish(d, tag, what, obs, date);
	}

	private void jump(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		LocalDate sent = LocalDate.of(year + 1, 3, 10).plusDays(writer.rng.between(0, 10));
		Draft d = writer.draft(writer.name(sent, what), style, obs);
		long turnover = writer.figures.year(year, "TURNOVER");
		long before = writer.figures.year(year - 1, "TURNOVER");
		d.find("TURNOVER", 0)
			.set("value", style.number(Math.round(turnover / 1000.0), 0, 0))
			.expect(Expect.warning("SUSPICIOUS_JUMP", "value", "TURNOVER in k€ under the euro unit: "
					+ Math.round(turnover / 1000.0) + " after " + before + " in " + (year - 1)));
		long fte = writer.figures.year(year, "JOBS_FTE");
		d.find("JOBS_FTE", 0)
			.set("value", style.number(fte * 100, 1, 0))
			.expect(Expect.warning("SUSPICIOUS_JUMP", "value",
					"decimal point lost: " + style.number(fte * 100, 1, 0) + " instead of " + style.number(fte, 1, 0)));
		writer.emit(d, tag);
		writer.revisions(what, style, obs, sent);
		List<Obs> fixed = obs.stream()
			.filter(o -> o.indicator().equals("TURNOVER") || o.indicator().equals("JOBS_FTE"))
			.toList();
		Draft c = writer.draft(
				writer.name(LocalDate.of(year + 1, 5, 5).plusDays(writer.rng.between(0, 10)), what + "_correction"),
				style, fixed);
		writer.emit(c, tag);
	}

	private void commentAndColumn(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		d.find("JOBS_FTE", 0)
			.set("comment", LONG_COMMENT)
			.expect(Expect.warning("COMMENT_TRUNCATED", "comment", LONG_COMMENT.length() + " characters"));
		writer.finish(d, tag, what, obs, date);
	}

	private void openQuote(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		Row last = d.dataRows().get(d.dataRows().size() - 1);
		last.set("comment",
				"Chiffres provisoires, en attente de la validation du bilan par le conseil " + "d'administration");
		last.openQuote = "comment";
		last.expect(Expect.error("MALFORMED_ROW", "", "quote left open at the end of the file"));
		writer.finish(d, tag, what, obs, date);
	}

	private void quarantineShifted(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		List<Row> data = d.dataRows();
		int poleColumn = d.columns.indexOf("pole_id");
		for (int i = data.size() / 3; i < data.size(); i++) {
			Row row = data.get(i);
			row.extraAt = poleColumn + 1;
			row.extra.add("");
			row.expect(Expect.error("MALFORMED_ROW", "", "a cell inserted after pole_id"));
		}
		writer.emit(d, tag);
		writer.resend(what, style, obs, date.plusDays(writer.rng.between(3, 15)), tag);
	}

	private void notCsv(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		String name = writer.name(date, what);
		writer.emitBytes(name, fakeWorkbook(), "REJECTED", "NOT_CSV", tag);
		writer.resend(what, style, obs, date.plusDays(writer.rng.between(2, 10)), tag);
	}

	private void missingColumn(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		d.header.set(d.columns.indexOf("value"), "Valeur");
		writer.blanks(d);
		Draft.Written written = d.write();
		writer.emitBytes(d.name, written.bytes(), "REJECTED", "MISSING_COLUMN:value", tag);
		writer.resend(what, style, obs, date.plusDays(writer.rng.between(2, 10)), tag);
	}

	private void emptyHeaderOnly(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, List.of());
		d.blank();
		d.blank();
		writer.emitBytes(d.name, d.write().bytes(), "REJECTED", "EMPTY_FILE", tag);
		writer.resend(what, style, obs, date.plusDays(writer.rng.between(2, 10)), tag);
	}

	private void emptyZeroBytes(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		String name = writer.name(date, what);
		writer.emitBytes(name, new byte[0], "REJECTED", "EMPTY_FILE", tag);
		writer.resend(what, style, obs, date.plusDays(writer.rng.between(2, 10)), tag);
	}

	private void duplicateSubmission(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.draft(writer.name(date, what), style, obs);
		writer.blanks(d);
		Draft.Written written = writer.emit(d, tag);
		writer.revisions(what, style, obs, date);
		String copy = writer.name(date.plusDays(writer.rng.between(20, 40)), what + "_resend");
		writer.emitBytes(copy, written.bytes(), "DUPLICATE_SUBMISSION", "", tag);
	}

	private void twoQuarters(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		List<Obs> kept = obs.stream()
			.filter(o -> !(o.quarter() >= 3
					&& (o.indicator().equals("TURNOVER") || o.indicator().equals("OWN_REVENUE"))))
			.toList();
		writer.imputation(writer.pole.story,
				writer.pole.id + " " + year + ": TURNOVER and OWN_REVENUE for Q1 and Q2 only");
		Draft d = writer.regular(what, style, kept, date, tag);
	}

	private void provisionalCorrected(int year, Style style, List<Obs> obs, LocalDate date, String what, String tag)
			throws IOException {
		Draft d = writer.regular(what, style, obs, date, tag);
		writer.correction(what, style, obs, date.plusDays(writer.rng.between(60, 150)), tag);
	}

	/**
	 * A few hundred bytes that look like the start of an .xlsx (a zip archive): NUL
	 * bytes, not text.
	 */
	private static byte[] fakeWorkbook() {
		byte[] head = { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00 };
		byte[] name = "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII);
		byte[] out = new byte[256];
		System.arraycopy(head, 0, out, 0, head.length);
		out[26] = (byte) name.length;
		System.arraycopy(name, 0, out, 30, name.length);
		for (int i = 30 + name.length; i < out.length; i++) {
			out[i] = (byte) ((i * 37) % 251);
		}
		return out;
	}

}
