package fr.ptce.observatory.samples;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.samples.Draft.Obs;
import fr.ptce.observatory.samples.Draft.Row;

/**
 * Writes the submissions of one pole, year after year: plain files, revisions,
 * corrections, and through {@link StoryWriter} the deliberate cases. Each draws from the
 * pole's own random streams, so that the files of a pole do not depend on the other
 * poles.
 */
final class PoleWriter {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private static final String[] COMMENTS = { "Chiffre estimé à partir du bilan provisoire",
			"Inclut le chantier d'insertion \"Les Jardins\"",
			"Baisse liée à la fin d'un contrat aidé; reprise attendue",
			"Hausse due à l'ouverture du tiers-lieu,\nvoir le rapport d'activité",
			"Données transmises par la trésorière — à confirmer", "Montant hors contributions volontaires en nature",
			"ETP calculés sur l'année civile", "Subventions Région + Département + État (« France 2030 »)",
			"Deux nouveaux membres : une SCOP et une association",
			"Activité « recyclerie »\nActivité « atelier vélo »" };

	private final SampleGenerator.Options options;

	private final Catalogue catalogue;

	private final SampleOutput out;

	final PolePlan pole;

	final Figures figures;

	final Rng rng;

	private final Set<String> names = new HashSet<>();

	private final StoryWriter stories = new StoryWriter(this);

	PoleWriter(SampleGenerator.Options options, Catalogue catalogue, SampleOutput out, PolePlan pole, Figures figures) {
		this.options = options;
		this.catalogue = catalogue;
		this.out = out;
		this.pole = pole;
		this.figures = figures;
		this.rng = Rng.of(options.seed(), "report", pole.index);
	}

	void write() throws IOException {
		for (int year = pole.firstReport; year <= pole.lastReport; year++) {
			if (!pole.respondsIn(year)) {
				continue;
			}
			Style style = pole.styleOf(year);
			boolean story = pole.story != null && pole.storyYear == year;
			switch (pole.modeOf(year)) {
				case ANNUAL, QUARTERLY_IN_YEAR_FILE -> yearFile(year, style, story);
				case QUARTERLY_FILES -> quarterFiles(year, style, story);
			}
		}
	}

	void yearFile(int year, Style style, boolean story) throws IOException {
		boolean quarterly = pole.modeOf(year) == PolePlan.Mode.QUARTERLY_IN_YEAR_FILE;
		List<Obs> obs = new ArrayList<>();
		for (String code : Figures.CODES) {
			if (pole.omitted.contains(code)) {
				continue;
			}
			if (quarterly && Figures.isFlow(code)) {
				continue;
			}
			obs.add(new Obs(code, year, 0, figures.year(year, code), "", ""));
		}
		if (quarterly) {
			for (int q = 1; q <= 4; q++) {
				for (String code : Figures.FLOWS) {
					if (!pole.omitted.contains(code)) {
						obs.add(new Obs(code, year, q, figures.quarter(year, q, code), "", ""));
					}
				}
			}
		}
		LocalDate date = annualDate(year);
		boolean correction = !story && pole.story == null && rng.chance(0.05);
		boolean provisional = (correction || (story && pole.story == Story.PROVISIONAL_CORRECTED))
				&& style.has("status");
		obs = decorate(obs, style, year, provisional);
		String what = Integer.toString(year);
		if (story) {
			stories.write(year, style, obs, date);
		}
		else {
			regular(what, style, obs, date, null);
		}
		if (correction) {
			correction(what, style, obs, date.plusDays(rng.between(40, 160)), null);
		}
	}

	void quarterFiles(int year, Style style, boolean story) throws IOException {
		for (int q = 1; q <= 4; q++) {
			if (story && pole.story == Story.SINGLE_QUARTER && q > 1) {
				imputation(Story.SINGLE_QUARTER,
						pole.id + " " + year + ": only the Q1 file (the pole closed in " + pole.closed + ")");
				break;
			}
			if (story && pole.story == Story.THREE_QUARTERS && q == 4) {
				imputation(Story.THREE_QUARTERS, pole.id + " " + year + ": Q1 to Q3 files, no Q4 file");
				continue;
			}
			List<Obs> obs = new ArrayList<>();
			for (String code : Figures.CODES) {
				if (!pole.omitted.contains(code)) {
					obs.add(new Obs(code, year, q, figures.quarter(year, q, code), "", ""));
				}
			}
			obs = decorate(obs, style, year, false);
			LocalDate end = LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
			String what = year + "-Q" + q;
			Draft draft = regular(what, style, obs, end.plusDays(rng.between(12, 55)),
					story ? pole.story.name() : null);
		}
	}

	/**
	 * Statuses, missing values and comments as poles write them: estimates (E) for the
	 * flows of the latest year, now and then a value declared missing (M) or left out, a
	 * comment here and there.
	 */
	List<Obs> decorate(List<Obs> obs, Style style, int year, boolean provisional) {
		boolean storyPole = pole.story != null;
		List<Obs> result = new ArrayList<>(obs.size());
		for (Obs o : obs) {
			boolean member = Figures.MEMBERS.contains(o.indicator());
			if (!storyPole && !member && rng.chance(0.01)) {
				continue;
			}
			if (!storyPole && !member && rng.chance(0.015)) {
				if (style.has("status")) {
					result.add(o.withValue(null).withStatus("M"));
				}
				continue;
			}
			if (style.has("status") && Figures.isFlow(o.indicator())) {
				if (provisional) {
					o = o.withStatus("P");
				}
				else if (year == options.lastYear() && rng.chance(0.3)) {
					o = o.withStatus("E");
				}
			}
			if (style.has("comment")) {
				if (o.status().equals("E") && rng.chance(0.4)) {
					o = o.withComment("Estimation sur " + rng.between(9, 11) + " mois");
				}
				else if (rng.chance(0.03)) {
					o = o.withComment(rng.pick(COMMENTS));
				}
			}
			result.add(o);
		}
		return result;
	}

	LocalDate annualDate(int year) {
		LocalDate start = LocalDate.of(year + 1, 1, 10);
		return start.plusDays(rng.chance(0.1) ? rng.between(150, 250) : rng.between(0, 140));
	}

	String name(LocalDate date, String what) {
		String name = date.format(DAY) + "_" + pole.id + "_" + what + ".csv";
		if (!names.add(name)) {
			throw new IllegalStateException("two sample files named " + name);
		}
		return name;
	}

	Draft draft(String name, Style style, List<Obs> obs) {
		Draft draft = new Draft(name, style);
		for (Obs o : obs) {
			draft.add(o, fields(style, o));
		}
		return draft;
	}

	Map<String, String> fields(Style style, Obs o) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("source", Style.SOURCE);
		f.put("pole_id", style.code(pole.id));
		f.put("period", style.period(o.year(), o.quarter()));
		f.put("indicator", style.code(o.indicator()));
		f.put("value", o.value() == null ? "" : value(style, o.indicator(), o.value()));
		f.put("unit", style.unitFor(catalogue.find(o.indicator()).unit()));
		f.put("status", style.status(o.status()));
		f.put("comment", o.comment());
		return f;
	}

	String value(Style style, String code, long value) {
		if (Figures.EUROS.contains(code)) {
			return style.kiloEuros() && style.has("unit") ? style.number(value, 3, 0)
					: style.number(value, 0, style.eurDecimals());
		}
		return style.number(value, Figures.scale(code), 0);
	}

	/** Blank rows and empty lines where the style's spreadsheets leave them. */
	void blanks(Draft draft) {
		if (draft.style == Style.TABLEUR_FR) {
			int n = rng.between(1, 3);
			for (int i = 0; i < n; i++) {
				draft.blank();
			}
		}
		else if (draft.style == Style.TABLEUR_FR_NBSP && draft.rows.size() > 2) {
			draft.rows.add(rng.between(1, draft.rows.size() - 1), new Row(Draft.Kind.BLANK, null));
			draft.rows.add(rng.between(1, draft.rows.size() - 1), new Row(Draft.Kind.EMPTY_LINE, null));
			draft.emptyLine();
		}
	}

	/** A plain submission, and its revisions at scale > 1. */
	Draft regular(String what, Style style, List<Obs> obs, LocalDate date, String story) throws IOException {
		Draft draft = draft(name(date, what), style, obs);
		blanks(draft);
		emit(draft, story);
		revisions(what, style, obs, date);
		return draft;
	}

	void revisions(String what, Style style, List<Obs> obs, LocalDate date) throws IOException {
		if (options.scale() == 1) {
			return;
		}
		Rng revision = Rng.of(options.seed(), "revision", (long) pole.index * 100_000 + names.size());
		for (int k = 2; k <= options.scale(); k++) {
			List<Obs> revised = new ArrayList<>(obs.size());
			for (Obs o : obs) {
				Obs r = o.withStatus(o.status().equals("M") ? "M" : "").withComment("");
				if (o.value() != null && !Figures.MEMBERS.contains(o.indicator())) {
					r = r.withValue(perturb(o.indicator(), o.value(), 1 + revision.uniform(-0.03, 0.03)));
				}
				revised.add(r);
			}
			Draft draft = draft(name(date.plusDays(k - 1), what + "_rev" + k), style, revised);
			blanks(draft);
			emit(draft, null);
			out.revisionFiles++;
		}
	}

	long perturb(String code, long value, double factor) {
		long step = Figures.EUROS.contains(code) ? (pole.usesKiloEuros() ? 100 : 1) : 1;
		return Math.round(value * factor / step) * step;
	}

	/** A later file sending some observations again with final values. */
	void correction(String what, Style style, List<Obs> obs, LocalDate date, String story) throws IOException {
		List<Obs> corrected = new ArrayList<>();
		boolean provisional = obs.stream().anyMatch(o -> o.status().equals("P"));
		List<Obs> candidates = obs.stream()
			.filter(o -> o.value() != null
					&& (provisional ? o.status().equals("P") : !Figures.MEMBERS.contains(o.indicator())))
			.toList();
		int n = provisional ? candidates.size() : Math.min(candidates.size(), rng.between(1, 3));
		List<Obs> chosen = new ArrayList<>(candidates);
		if (!provisional) {
			rng.shuffle(chosen);
		}
		for (Obs o : chosen.subList(0, n)) {
			String comment = style.has("comment") && rng.chance(0.5) ? "Correction après approbation des comptes" : "";
			corrected.add(new Obs(o.indicator(), o.year(), o.quarter(),
					perturb(o.indicator(), o.value(), 1 + rng.uniform(-0.08, 0.08)), "", comment));
		}
		if (corrected.isEmpty()) {
			return;
		}
		corrected.sort(Comparator.comparingInt((Obs o) -> o.quarter())
			.thenComparingInt(o -> Figures.CODES.indexOf(o.indicator())));
		Draft draft = draft(name(date, what + "_correction"), style, corrected);
		emit(draft, story);
	}

	/** Blank rows, writing, revisions, and the README's list of the story's files. */
	void finish(Draft draft, String story, String what, List<Obs> obs, LocalDate date) throws IOException {
		blanks(draft);
		emit(draft, story);
		revisions(what, draft.style, obs, date);
	}

	/** The pole sends its data again after a file that was rejected or quarantined. */
	void resend(String what, Style style, List<Obs> obs, LocalDate date, String story) throws IOException {
		Draft d = regular(what + "_v2", style, obs, date, story);
	}

	void imputation(Story story, String text) {
		out.imputation(story, text);
	}

	Draft.Written emit(Draft draft, String story) throws IOException {
		Draft.Written w = draft.write();
		int accepted = w.rowsRead() - w.rowsRejected();
		String status = w.rowsRejected() * 2 > w.rowsRead() ? "QUARANTINED" : "ACCEPTED";
		out.writeFile(draft.name, w.bytes());
		out.receipt(draft.name, status, "", Integer.toString(w.rowsRead()), Integer.toString(accepted),
				Integer.toString(w.rowsRejected()), story);
		List<String> described = new ArrayList<>();
		for (Draft.LineExpect e : w.issues()) {
			out.issue(draft.name, e.line(), e.expect(), story);
			described.add("line " + e.line() + ": " + e.expect().code()
					+ (e.expect().column().isEmpty() ? "" : " (" + e.expect().column() + ")") + " – "
					+ e.expect().note());
		}
		if (story != null) {
			out.storyFiles.add(new SampleGenerator.StoryFile(pole.story, draft.name, status, "", described));
		}
		out.rows += w.rowsRead();
		out.filesByStyle.merge(draft.style.key(), 1, Integer::sum);
		if (draft.style.has("source")) {
			out.unknownColumnFiles++;
		}
		return w;
	}

	void emitBytes(String name, byte[] content, String status, String reason, String story) throws IOException {
		out.writeFile(name, content);
		boolean empty = reason.equals("EMPTY_FILE");
		out.receipt(name, status, reason, empty ? "0" : "", empty ? "0" : "", empty ? "0" : "", story);
		out.storyFiles.add(new SampleGenerator.StoryFile(pole.story, name, status, reason, List.of()));
	}

}
