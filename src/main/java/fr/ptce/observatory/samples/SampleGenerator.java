package fr.ptce.observatory.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.samples.Draft.Expect;
import fr.ptce.observatory.samples.Draft.Obs;
import fr.ptce.observatory.samples.Draft.Row;

/**
 * Writes the bundled samples of {@code data-samples/}, or larger sets for benchmarks, from a seed: the same
 * options give byte-identical files on any machine, whatever the date (nothing here reads the clock, the
 * locale or the platform's charset).
 *
 * <p>
 * Samples mode writes into the output directory:
 * <ul>
 * <li>{@code registry.csv}, the pole registry (registry.md);</li>
 * <li>{@code submissions/*.csv}, every pole's submissions, named {@code YYYYMMDD_PTCE-NNNN_<what>.csv} so that
 * names sort in sending order;</li>
 * <li>{@code expected-receipts.csv} and {@code expected-issues.csv}, what ingesting the whole folder in name
 * order must report for each file and each deliberate error;</li>
 * <li>{@code README.md}, which says all this, with the table of deliberate cases.</li>
 * </ul>
 * With {@code scale} K > 1 every submission of the samples is followed by K - 1 full revisions of itself
 * (slightly revised values, sent on the following days), so that the ingestion volume is about K times that of
 * scale 1 over the same registry.
 *
 * <p>
 * Benchmark mode ({@code rows} > 0) writes a registry and one large clean file of exactly that many rows,
 * streamed (memory stays flat whatever the size).
 */
public final class SampleGenerator {

	public static final long DEFAULT_SEED = 42;

	public static final int DEFAULT_POLES = 160;

	public static final int DEFAULT_FIRST_YEAR = 2015;

	public static final int DEFAULT_LAST_YEAR = 2025;

	public static final int MAX_POLES = 9999;

	public static final int MIN_SAMPLE_POLES = 18;

	public static final int MIN_YEAR = 1990;

	public static final int MAX_YEAR = 2098;

	public static final int MAX_SCALE = 100;

	/** Distinct keys a pole has in a year of a benchmark file: the year and its four quarters, 17 indicators. */
	public static final int BENCHMARK_KEYS_PER_YEAR = 5 * Figures.CODES.size();

	/** The files the samples mode writes at the top of the output directory. */
	public static final List<String> TOP_FILES = List.of("registry.csv", "partners.csv", "README.md",
			"expected-receipts.csv", "expected-issues.csv");

	/**
	 * The partners file of the samples (extracts.md): one partner per registry network, fictional contacts on the
	 * reserved {@code .example} domain so that no mail can reach a real address.
	 */
	static final String PARTNERS = """
			partner,name,networks,contact
			LABO_ESS,Le Labo de l'ESS,LABO_ESS,contact@labo-ess.example
			RTES,Réseau des collectivités territoriales pour une économie solidaire,RTES,contact@rtes.example
			COORACE,Coorace,COORACE,contact@coorace.example
			MES,Mouvement pour l'économie solidaire,MES,contact@mes.example
			ESS_FRANCE,ESS France,ESS_FRANCE,contact@ess-france.example
			""";

	/**
	 * @param poles number of poles; 0 in benchmark mode means as many as the rows need
	 * @param rows 0 for the samples; otherwise the number of rows of the benchmark file
	 */
	public record Options(long seed, int poles, int firstYear, int lastYear, int scale, long rows) {

		public static Options defaults() {
			return new Options(DEFAULT_SEED, DEFAULT_POLES, DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR, 1, 0);
		}

		public boolean benchmark() {
			return rows > 0;
		}

		/** @throws IllegalArgumentException saying what is wrong */
		public Options validate() {
			if (firstYear < MIN_YEAR || lastYear > MAX_YEAR || firstYear > lastYear) {
				throw new IllegalArgumentException("years must be a range Y1-Y2 with " + MIN_YEAR + " <= Y1 <= Y2 <= "
						+ MAX_YEAR + ", not " + firstYear + "-" + lastYear);
			}
			if (scale < 1 || scale > MAX_SCALE) {
				throw new IllegalArgumentException("scale must be between 1 and " + MAX_SCALE + ", not " + scale);
			}
			if (poles < 0 || poles > MAX_POLES) {
				throw new IllegalArgumentException("poles must be between 1 and " + MAX_POLES + ", not " + poles);
			}
			if (rows < 0) {
				throw new IllegalArgumentException("rows must be positive, not " + rows);
			}
			if (!benchmark() && poles < MIN_SAMPLE_POLES) {
				throw new IllegalArgumentException("the samples need at least " + MIN_SAMPLE_POLES
						+ " poles (one in each region), not " + poles);
			}
			if (benchmark()) {
				if (scale != 1) {
					throw new IllegalArgumentException("--scale applies to the samples, not to a benchmark file (--rows)");
				}
				long capacity = (long) (poles == 0 ? MAX_POLES : poles) * years() * BENCHMARK_KEYS_PER_YEAR;
				if (rows > capacity) {
					throw new IllegalArgumentException(rows + " rows need more distinct (pole, period, indicator) keys than "
							+ (poles == 0 ? MAX_POLES : poles) + " poles have over " + years() + " years (" + capacity
							+ "): give more poles or a longer --years range");
				}
			}
			return this;
		}

		public int years() {
			return lastYear - firstYear + 1;
		}

		/** Poles of the benchmark registry: as given, or just enough for the rows. */
		int benchmarkPoles() {
			if (poles > 0) {
				return poles;
			}
			long perPole = (long) years() * BENCHMARK_KEYS_PER_YEAR;
			return (int) Math.max(1, (rows + perPole - 1) / perPole);
		}

		/** The command line that writes these options into a directory. */
		public String command(String out) {
			StringBuilder cmd = new StringBuilder("java -jar target/observatory.jar generate-samples --out ").append(out)
				.append(" --seed ")
				.append(seed);
			if (benchmark()) {
				if (poles > 0) {
					cmd.append(" --poles ").append(poles);
				}
				cmd.append(" --years ").append(firstYear).append('-').append(lastYear).append(" --rows ").append(rows);
			}
			else {
				cmd.append(" --poles ").append(poles).append(" --years ").append(firstYear).append('-').append(lastYear);
				if (scale != 1) {
					cmd.append(" --scale ").append(scale);
				}
			}
			return cmd.toString();
		}

	}

	/** What was written. */
	public record Summary(int poles, long files, long rows, long bytes) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private static final String[] COMMENTS = { "Chiffre estimé à partir du bilan provisoire",
			"Inclut le chantier d'insertion \"Les Jardins\"", "Baisse liée à la fin d'un contrat aidé; reprise attendue",
			"Hausse due à l'ouverture du tiers-lieu,\nvoir le rapport d'activité",
			"Données transmises par la trésorière — à confirmer", "Montant hors contributions volontaires en nature",
			"ETP calculés sur l'année civile", "Subventions Région + Département + État (« France 2030 »)",
			"Deux nouveaux membres : une SCOP et une association",
			"Activité « recyclerie »\nActivité « atelier vélo »" };

	private static final String LONG_COMMENT = "Les emplois comptés ici comprennent les salariés des structures "
			+ "membres affectés aux projets coopératifs du pôle, au prorata de leur temps de travail, ainsi que les "
			+ "deux postes de coordination portés directement par l'association support.\n"
			+ "Ne sont pas comptés : les stagiaires, les services civiques, les bénévoles, ni les prestataires "
			+ "extérieurs (comptabilité, entretien, \"maintenance informatique\").\n"
			+ "Le chiffre de l'an dernier avait été calculé autrement (effectifs au 31 décembre au lieu de la moyenne "
			+ "annuelle), d'où l'écart apparent ; nous pouvons transmettre le détail structure par structure, "
			+ "ainsi que la méthode de calcul validée par le conseil d'administration, sur simple demande auprès de "
			+ "la coordinatrice du pôle.";

	private final Options options;

	private final GeoReferential geo;

	private final Catalogue catalogue;

	private final Communes communes;

	private Consumer<String> progress = message -> {
	};

	// written so far
	private long files;

	private long rows;

	private long bytes;

	private Path submissions;

	private Writer receipts;

	private Writer issues;

	private final Map<String, Integer> filesByStyle = new LinkedHashMap<>();

	/** A file of a deliberate case, for the README. */
	record StoryFile(Story story, String file, String status, String reason, List<String> issues) {
	}

	private final List<StoryFile> storyFiles = new ArrayList<>();

	private final Map<String, List<String>> imputationCases = new LinkedHashMap<>();

	private long revisionFiles;

	private boolean uniformValues;

	private long unknownColumnFiles;

	public SampleGenerator(Options options) {
		this.options = options.validate();
		this.geo = Referential.GEO;
		this.catalogue = Referential.CATALOGUE;
		this.communes = Referential.COMMUNES;
	}

	/** The bundled referential, read once (it is immutable). */
	private static final class Referential {

		static final GeoReferential GEO = GeoReferential.bundled();

		static final Catalogue CATALOGUE = Catalogue.bundled();

		static final Communes COMMUNES = new Communes();

	}

	public SampleGenerator progress(Consumer<String> progress) {
		this.progress = progress;
		return this;
	}

	/**
	 * Benchmark mode only: values drawn uniformly in 0-400 instead of each pole's plausible figures. The file stays
	 * valid (every value is in its indicator's range), but about one row in six carries a warning
	 * (SUSPICIOUS_JUMP, INCONSISTENT_MEMBERS, INCONSISTENT_VOTERS): the load on the warning path of ingest.
	 */
	public SampleGenerator uniformValues() {
		this.uniformValues = true;
		return this;
	}

	/**
	 * Writes into {@code out}, which must not already hold generated files unless {@code replace} is set: then
	 * the files of {@code submissions/} and the top files ({@link #TOP_FILES}) are deleted first, and nothing
	 * else.
	 */
	public Summary generate(Path out, boolean replace) throws IOException {
		prepare(out, replace);
		return options.benchmark() ? benchmark(out) : samples(out);
	}

	private static void prepare(Path out, boolean replace) throws IOException {
		Path subs = out.resolve("submissions");
		List<Path> existing = new ArrayList<>();
		if (Files.isDirectory(subs)) {
			try (DirectoryStream<Path> dir = Files.newDirectoryStream(subs)) {
				for (Path p : dir) {
					if (Files.isRegularFile(p)) {
						existing.add(p);
					}
				}
			}
		}
		for (String top : TOP_FILES) {
			if (Files.exists(out.resolve(top))) {
				existing.add(out.resolve(top));
			}
		}
		if (!existing.isEmpty()) {
			if (!replace) {
				throw new IllegalArgumentException(out + " already holds generated files (" + existing.size()
						+ "); give --force to replace them");
			}
			for (Path p : existing) {
				Files.delete(p);
			}
		}
		Files.createDirectories(subs);
	}

	// ------------------------------------------------------------------------------------------------ samples

	private Summary samples(Path out) throws IOException {
		Planner planner = new Planner(options, geo, communes);
		List<PolePlan> poles = planner.registry(options.poles(), false);
		planner.profiles(poles);
		planner.stories(poles, this::figures);
		writeRegistry(out, poles);
		Files.writeString(out.resolve("partners.csv"), PARTNERS, StandardCharsets.UTF_8);
		submissions = out.resolve("submissions");
		try (Writer r = Files.newBufferedWriter(out.resolve("expected-receipts.csv"), StandardCharsets.UTF_8);
				Writer i = Files.newBufferedWriter(out.resolve("expected-issues.csv"), StandardCharsets.UTF_8)) {
			receipts = r;
			issues = i;
			r.write("file,status,reason,rows_read,rows_accepted,rows_rejected,case\n");
			i.write("file,line,severity,code,column,case\n");
			int step = Math.max(1, poles.size() / 10);
			for (PolePlan p : poles) {
				new PoleWriter(p).write();
				if ((p.index + 1) % step == 0 || p.index + 1 == poles.size()) {
					progress.accept(String.format(Locale.ROOT, "%d/%d poles, %d files", p.index + 1, poles.size(), files));
				}
			}
		}
		Files.writeString(out.resolve("README.md"), readme(poles), StandardCharsets.UTF_8);
		return new Summary(poles.size(), files, rows, bytes);
	}

	private Figures figures(PolePlan p) {
		return new Figures(Rng.of(options.seed(), "figures", p.index), p.theme, p.giant, p.firstReport - 1,
				p.lastReport + 1, p.usesKiloEuros() ? 100 : (p.index % 3 == 0 ? 1 : 100));
	}

	private void writeRegistry(Path out, List<PolePlan> poles) throws IOException {
		try (BufferedWriter w = Files.newBufferedWriter(out.resolve("registry.csv"), StandardCharsets.UTF_8)) {
			w.write("pole_id,name,commune,created,closed,legal_form,theme,networks,epci,open_data\n");
			for (PolePlan p : poles) {
				w.write(p.registryLine());
				w.write('\n');
			}
		}
	}

	/** Writes the submissions of one pole, year after year. */
	private final class PoleWriter {

		private final PolePlan pole;

		private final Figures figures;

		private final Rng rng;

		private final Set<String> names = new HashSet<>();

		PoleWriter(PolePlan pole) {
			this.pole = pole;
			this.figures = figures(pole);
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

		private void yearFile(int year, Style style, boolean story) throws IOException {
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
				storyFile(year, style, obs, date);
			}
			else {
				regular(what, style, obs, date, null);
			}
			if (correction) {
				correction(what, style, obs, date.plusDays(rng.between(40, 160)), null);
			}
		}

		private void quarterFiles(int year, Style style, boolean story) throws IOException {
			for (int q = 1; q <= 4; q++) {
				if (story && pole.story == Story.SINGLE_QUARTER && q > 1) {
					imputation(Story.SINGLE_QUARTER, pole.id + " " + year + ": only the Q1 file (the pole closed in "
							+ pole.closed + ")");
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
				Draft draft = regular(what, style, obs, end.plusDays(rng.between(12, 55)), story ? pole.story.name() : null);
			}
		}

		/**
		 * Statuses, missing values and comments as poles write them: estimates (E) for the flows of the latest
		 * year, now and then a value declared missing (M) or left out, a comment here and there.
		 */
		private List<Obs> decorate(List<Obs> obs, Style style, int year, boolean provisional) {
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

		private LocalDate annualDate(int year) {
			LocalDate start = LocalDate.of(year + 1, 1, 10);
			return start.plusDays(rng.chance(0.1) ? rng.between(150, 250) : rng.between(0, 140));
		}

		private String name(LocalDate date, String what) {
			String name = date.format(DAY) + "_" + pole.id + "_" + what + ".csv";
			if (!names.add(name)) {
				throw new IllegalStateException("two sample files named " + name);
			}
			return name;
		}

		private Draft draft(String name, Style style, List<Obs> obs) {
			Draft draft = new Draft(name, style);
			for (Obs o : obs) {
				draft.add(o, fields(style, o));
			}
			return draft;
		}

		private Map<String, String> fields(Style style, Obs o) {
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

		private String value(Style style, String code, long value) {
			if (Figures.EUROS.contains(code)) {
				return style.kiloEuros() && style.has("unit") ? style.number(value, 3, 0)
						: style.number(value, 0, style.eurDecimals());
			}
			return style.number(value, Figures.scale(code), 0);
		}

		/** Blank rows and empty lines where the style's spreadsheets leave them. */
		private void blanks(Draft draft) {
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
		private Draft regular(String what, Style style, List<Obs> obs, LocalDate date, String story) throws IOException {
			Draft draft = draft(name(date, what), style, obs);
			blanks(draft);
			emit(draft, story);
			revisions(what, style, obs, date);
			return draft;
		}

		private void revisions(String what, Style style, List<Obs> obs, LocalDate date) throws IOException {
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
				revisionFiles++;
			}
		}

		private long perturb(String code, long value, double factor) {
			long step = Figures.EUROS.contains(code) ? (pole.usesKiloEuros() ? 100 : 1) : 1;
			return Math.round(value * factor / step) * step;
		}

		/** A later file sending some observations again with final values. */
		private void correction(String what, Style style, List<Obs> obs, LocalDate date, String story)
				throws IOException {
			List<Obs> corrected = new ArrayList<>();
			boolean provisional = obs.stream().anyMatch(o -> o.status().equals("P"));
			List<Obs> candidates = obs.stream()
				.filter(o -> o.value() != null && (provisional ? o.status().equals("P")
						: !Figures.MEMBERS.contains(o.indicator())))
				.toList();
			int n = provisional ? candidates.size() : Math.min(candidates.size(), rng.between(1, 3));
			List<Obs> chosen = new ArrayList<>(candidates);
			if (!provisional) {
				rng.shuffle(chosen);
			}
			for (Obs o : chosen.subList(0, n)) {
				String comment = style.has("comment") && rng.chance(0.5) ? "Correction après approbation des comptes"
						: "";
				corrected.add(new Obs(o.indicator(), o.year(), o.quarter(),
						perturb(o.indicator(), o.value(), 1 + rng.uniform(-0.08, 0.08)), "", comment));
			}
			if (corrected.isEmpty()) {
				return;
			}
			corrected.sort(java.util.Comparator.comparingInt((Obs o) -> o.quarter())
				.thenComparingInt(o -> Figures.CODES.indexOf(o.indicator())));
			Draft draft = draft(name(date, what + "_correction"), style, corrected);
			emit(draft, story);
		}

		// ------------------------------------------------------------------------------------------- stories

		private void storyFile(int year, Style style, List<Obs> obs, LocalDate date) throws IOException {
			Story story = pole.story;
			String what = Integer.toString(year);
			String tag = story.name();
			switch (story) {
				case INACTIVE_AFTER_CLOSED -> {
					Draft d = draft(name(date, what), style, obs);
					Obs next = new Obs("PUBLIC_FUNDING", year + 1, 0, figures.year(year + 1, "PUBLIC_FUNDING"), "", "");
					d.add(next, fields(style, next))
						.expect(Expect.error("POLE_INACTIVE", "period", "year " + (year + 1) + " after the pole closed in "
								+ pole.closed));
					finish(d, tag, what, obs, date);
				}
				case INACTIVE_BEFORE_CREATED -> {
					Draft d = draft(name(date, what), style, List.of());
					Obs before = new Obs("MEMBERS_TOTAL", year - 1, 0, figures.year(year - 1, "MEMBERS_TOTAL"), "", "");
					d.add(before, fields(style, before))
						.expect(Expect.error("POLE_INACTIVE", "period", "year " + (year - 1)
								+ " before the pole was created in " + pole.created));
					for (Obs o : obs) {
						d.add(o, fields(style, o));
					}
					finish(d, tag, what, obs, date);
				}
				case ROW_ERRORS -> {
					Draft d = draft(name(date, what), style, obs);
					Row extra = d.find("PROJECTS_ACTIVE", 0);
					extra.extraAt = d.columns.size();
					extra.extra.add("à vérifier");
					extra.expect(Expect.error("MALFORMED_ROW", "", (d.columns.size() + 1) + " fields, the header has "
							+ d.columns.size()));
					d.find("JOBS_INSERTION", 0)
						.set("value", "")
						.set("status", "")
						.expect(Expect.error("MISSING_FIELD", "value", "empty value without status M"));
					d.find("JOBS_FTE", 0)
						.set("period", "")
						.expect(Expect.error("MISSING_FIELD", "period", "empty period"));
					finish(d, tag, what, obs, date);
				}
				case POLE_AND_PERIOD -> {
					Draft d = draft(name(date, what), style, obs);
					String typo = pole.id.contains("0") ? pole.id.replaceFirst("0", "O") : pole.id + "0";
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
					finish(d, tag, what, obs, date);
				}
				case FUTURE_AND_INDICATOR -> {
					Draft d = draft(name(date, what), style, obs);
					d.find("PROJECTS_ACTIVE", 0)
						.set("period", "2099")
						.expect(Expect.error("FUTURE_PERIOD", "period", "2099 instead of " + year));
					d.find("VOLUNTEERS", 0)
						.set("indicator", "BENEVOLES")
						.expect(Expect.error("UNKNOWN_INDICATOR", "indicator", "French name instead of VOLUNTEERS"));
					Row research = d.find("MEMBERS_RESEARCH", 0);
					long ess = figures.year(year, "MEMBERS_ESS");
					long total = figures.year(year, "MEMBERS_TOTAL");
					Map<String, String> share = new LinkedHashMap<>(research.fields);
					share.put("indicator", "ESS_SHARE");
					share.put("value", style.number(Math.round(1000.0 * ess / total), 1, 0));
					Row row = new Row(Draft.Kind.DATA, null);
					row.fields.putAll(share);
					row.expect(Expect.error("UNKNOWN_INDICATOR", "indicator", "ESS_SHARE is derived, not submitted"));
					d.rows.add(d.indexOf(research) + 1, row);
					finish(d, tag, what, obs, date);
				}
				case STATUS_AND_NUMBERS -> {
					Draft d = draft(name(date, what), style, obs);
					d.find("VOLUNTEERS", 0)
						.set("status", "X")
						.expect(Expect.error("BAD_STATUS", "status", "status X"));
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
					finish(d, tag, what, obs, date);
				}
				case UNITS_AND_RANGES -> {
					Draft d = draft(name(date, what), style, obs);
					d.find("JOBS_FTE", 0)
						.set("unit", "personnes")
						.expect(Expect.error("UNIT_MISMATCH", "unit", "unit personnes for FTE"));
					long turnover = figures.year(year, "TURNOVER");
					d.find("TURNOVER", 0)
						.set("value", style.number(Math.max(1, Math.round(turnover / 100_000.0)), 1, 0))
						.set("unit", "M€")
						.expect(Expect.error("UNIT_MISMATCH", "unit", "unit M€"));
					d.find("VOLUNTEERS", 0)
						.set("value", figures.year(year, "VOLUNTEERS") + ".5")
						.expect(Expect.error("NOT_INTEGER", "value", "half a volunteer"));
					d.find("GOV_MEETINGS", 0)
						.set("value", figures.year(year, "GOV_MEETINGS") + ".5")
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
					finish(d, tag, what, obs, date);
				}
				case DUPLICATES -> {
					Draft d = draft(name(date, what), style, obs);
					Row turnover = d.find("TURNOVER", 1);
					Row again = new Row(Draft.Kind.DATA, turnover.obs);
					again.fields.putAll(turnover.fields);
					again.set("period", "T1 " + year)
						.set("value", value(style, "TURNOVER", perturb("TURNOVER", turnover.obs.value(), 1.02)))
						.expect(Expect.error("DUPLICATE_IN_FILE", "", "same key as the row of " + year
								+ "Q1, written T1 " + year));
					d.rows.add(d.indexOf(turnover) + 1, again);
					Row created = d.find("JOBS_CREATED", 2);
					Row copy = new Row(Draft.Kind.DATA, created.obs);
					copy.fields.putAll(created.fields);
					copy.expect(Expect.error("DUPLICATE_IN_FILE", "", "the previous row copied"));
					d.rows.add(d.indexOf(created) + 1, copy);
					finish(d, tag, what, obs, date);
				}
				case INCONSISTENT -> {
					Draft d = draft(name(date, what), style, obs);
					long total = figures.year(year, "MEMBERS_TOTAL");
					long others = figures.year(year, "MEMBERS_PRIVATE") + figures.year(year, "MEMBERS_PUBLIC")
							+ figures.year(year, "MEMBERS_RESEARCH");
					d.find("MEMBERS_ESS", 0).set("value", style.number(total - others + 3, 0, 0));
					d.find("MEMBERS_TOTAL", 0)
						.expect(Expect.warning("INCONSISTENT_MEMBERS", "", "ESS + PRIVATE + PUBLIC + RESEARCH = "
								+ (total + 3) + " > MEMBERS_TOTAL " + total + " (issue given on the MEMBERS_TOTAL row)"));
					d.find("GOV_VOTERS", 0)
						.set("value", style.number(total + 4, 0, 0))
						.expect(Expect.warning("INCONSISTENT_VOTERS", "", "GOV_VOTERS " + (total + 4)
								+ " > MEMBERS_TOTAL " + total));
					finish(d, tag, what, obs, date);
				}
				case JUMP -> {
					LocalDate sent = LocalDate.of(year + 1, 3, 10).plusDays(rng.between(0, 10));
					Draft d = draft(name(sent, what), style, obs);
					long turnover = figures.year(year, "TURNOVER");
					long before = figures.year(year - 1, "TURNOVER");
					d.find("TURNOVER", 0)
						.set("value", style.number(Math.round(turnover / 1000.0), 0, 0))
						.expect(Expect.warning("SUSPICIOUS_JUMP", "value", "TURNOVER in k€ under the euro unit: "
								+ Math.round(turnover / 1000.0) + " after " + before + " in " + (year - 1)));
					long fte = figures.year(year, "JOBS_FTE");
					d.find("JOBS_FTE", 0)
						.set("value", style.number(fte * 100, 1, 0))
						.expect(Expect.warning("SUSPICIOUS_JUMP", "value", "decimal point lost: "
								+ style.number(fte * 100, 1, 0) + " instead of " + style.number(fte, 1, 0)));
					emit(d, tag);
					revisions(what, style, obs, sent);
					List<Obs> fixed = obs.stream()
						.filter(o -> o.indicator().equals("TURNOVER") || o.indicator().equals("JOBS_FTE"))
						.toList();
					Draft c = draft(name(LocalDate.of(year + 1, 5, 5).plusDays(rng.between(0, 10)), what + "_correction"),
							style, fixed);
					emit(c, tag);
				}
				case COMMENT_AND_COLUMN -> {
					Draft d = draft(name(date, what), style, obs);
					d.find("JOBS_FTE", 0)
						.set("comment", LONG_COMMENT)
						.expect(Expect.warning("COMMENT_TRUNCATED", "comment", LONG_COMMENT.length() + " characters"));
					finish(d, tag, what, obs, date);
				}
				case OPEN_QUOTE -> {
					Draft d = draft(name(date, what), style, obs);
					Row last = d.dataRows().get(d.dataRows().size() - 1);
					last.set("comment", "Chiffres provisoires, en attente de la validation du bilan par le conseil "
							+ "d'administration");
					last.openQuote = "comment";
					last.expect(Expect.error("MALFORMED_ROW", "", "quote left open at the end of the file"));
					finish(d, tag, what, obs, date);
				}
				case QUARANTINE_SHIFTED -> {
					Draft d = draft(name(date, what), style, obs);
					List<Row> data = d.dataRows();
					int poleColumn = d.columns.indexOf("pole_id");
					for (int i = data.size() / 3; i < data.size(); i++) {
						Row row = data.get(i);
						row.extraAt = poleColumn + 1;
						row.extra.add("");
						row.expect(Expect.error("MALFORMED_ROW", "", "a cell inserted after pole_id"));
					}
					emit(d, tag);
					resend(what, style, obs, date.plusDays(rng.between(3, 15)), tag);
				}
				case NOT_CSV -> {
					String name = name(date, what);
					emitBytes(name, fakeWorkbook(), "REJECTED", "NOT_CSV", tag);
					resend(what, style, obs, date.plusDays(rng.between(2, 10)), tag);
				}
				case MISSING_COLUMN -> {
					Draft d = draft(name(date, what), style, obs);
					d.header.set(d.columns.indexOf("value"), "Valeur");
					blanks(d);
					Draft.Written w = d.write();
					emitBytes(d.name, w.bytes(), "REJECTED", "MISSING_COLUMN:value", tag);
					resend(what, style, obs, date.plusDays(rng.between(2, 10)), tag);
				}
				case EMPTY_HEADER_ONLY -> {
					Draft d = draft(name(date, what), style, List.of());
					d.blank();
					d.blank();
					emitBytes(d.name, d.write().bytes(), "REJECTED", "EMPTY_FILE", tag);
					resend(what, style, obs, date.plusDays(rng.between(2, 10)), tag);
				}
				case EMPTY_ZERO_BYTES -> {
					String name = name(date, what);
					emitBytes(name, new byte[0], "REJECTED", "EMPTY_FILE", tag);
					resend(what, style, obs, date.plusDays(rng.between(2, 10)), tag);
				}
				case DUPLICATE_SUBMISSION -> {
					Draft d = draft(name(date, what), style, obs);
					blanks(d);
					Draft.Written w = emit(d, tag);
					revisions(what, style, obs, date);
					String copy = name(date.plusDays(rng.between(20, 40)), what + "_resend");
					emitBytes(copy, w.bytes(), "DUPLICATE_SUBMISSION", "", tag);
				}
				case TWO_QUARTERS -> {
					List<Obs> kept = obs.stream()
						.filter(o -> !(o.quarter() >= 3
								&& (o.indicator().equals("TURNOVER") || o.indicator().equals("OWN_REVENUE"))))
						.toList();
					imputation(story, pole.id + " " + year + ": TURNOVER and OWN_REVENUE for Q1 and Q2 only");
					Draft d = regular(what, style, kept, date, tag);
				}
				case PROVISIONAL_CORRECTED -> {
					Draft d = regular(what, style, obs, date, tag);
					correction(what, style, obs, date.plusDays(rng.between(60, 150)), tag);
				}
				default -> regular(what, style, obs, date, tag);
			}
		}

		/** Blank rows, writing, revisions, and the README's list of the story's files. */
		private void finish(Draft draft, String story, String what, List<Obs> obs, LocalDate date) throws IOException {
			blanks(draft);
			emit(draft, story);
			revisions(what, draft.style, obs, date);
		}

		/** The pole sends its data again after a file that was rejected or quarantined. */
		private void resend(String what, Style style, List<Obs> obs, LocalDate date, String story) throws IOException {
			Draft d = regular(what + "_v2", style, obs, date, story);
		}

		private void imputation(Story story, String text) {
			imputationCases.computeIfAbsent(story.name(), k -> new ArrayList<>()).add(text);
		}

		private Draft.Written emit(Draft draft, String story) throws IOException {
			Draft.Written w = draft.write();
			int accepted = w.rowsRead() - w.rowsRejected();
			String status = w.rowsRejected() * 2 > w.rowsRead() ? "QUARANTINED" : "ACCEPTED";
			writeFile(draft.name, w.bytes());
			receipt(draft.name, status, "", Integer.toString(w.rowsRead()), Integer.toString(accepted),
					Integer.toString(w.rowsRejected()), story);
			List<String> described = new ArrayList<>();
			for (Draft.LineExpect e : w.issues()) {
				issue(draft.name, e.line(), e.expect(), story);
				described.add("line " + e.line() + ": " + e.expect().code()
						+ (e.expect().column().isEmpty() ? "" : " (" + e.expect().column() + ")") + " – "
						+ e.expect().note());
			}
			if (story != null) {
				storyFiles.add(new StoryFile(pole.story, draft.name, status, "", described));
			}
			rows += w.rowsRead();
			filesByStyle.merge(draft.style.key(), 1, Integer::sum);
			if (draft.style.has("source")) {
				unknownColumnFiles++;
			}
			return w;
		}

		private void emitBytes(String name, byte[] content, String status, String reason, String story)
				throws IOException {
			writeFile(name, content);
			boolean empty = reason.equals("EMPTY_FILE");
			receipt(name, status, reason, empty ? "0" : "", empty ? "0" : "", empty ? "0" : "", story);
			storyFiles.add(new StoryFile(pole.story, name, status, reason, List.of()));
		}

	}

	/** A few hundred bytes that look like the start of an .xlsx (a zip archive): NUL bytes, not text. */
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

	private void writeFile(String name, byte[] content) throws IOException {
		Files.write(submissions.resolve(name), content);
		files++;
		bytes += content.length;
	}

	private void receipt(String file, String status, String reason, String read, String accepted, String rejected,
			String story) throws IOException {
		receipts.write(String.join(",", file, status, reason, read, accepted, rejected, story == null ? "" : story));
		receipts.write('\n');
	}

	private void issue(String file, long line, Expect e, String story) throws IOException {
		issues.write(String.join(",", file, Long.toString(line), e.severity(), e.code(), e.column(),
				story == null ? "" : story));
		issues.write('\n');
	}

	// ------------------------------------------------------------------------------------------------ README

	private String readme(List<PolePlan> poles) {
		return new Readme(options, geo, poles, files, rows, bytes, filesByStyle, storyFiles, imputationCases,
				revisionFiles, unknownColumnFiles)
			.text();
	}

	// ------------------------------------------------------------------------------------------------ benchmark

	private Summary benchmark(Path out) throws IOException {
		Planner planner = new Planner(options, geo, communes);
		List<PolePlan> poles = planner.registry(options.benchmarkPoles(), true);
		writeRegistry(out, poles);
		Path file = out.resolve("submissions").resolve("benchmark_" + options.rows() + ".csv");
		long written = 0;
		Style plain = Style.SI_UTF8;
		long step = Math.max(1, options.rows() / 10);
		try (BufferedWriter w = new BufferedWriter(
				new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
			w.write("pole_id,period,indicator,value,unit,status,comment\n");
			outer: for (PolePlan p : poles) {
				Figures f = new Figures(Rng.of(options.seed(), "benchmark-figures", p.index), p.theme, false,
						options.firstYear() - 1, options.lastYear(), 1);
				Rng rng = Rng.of(options.seed(), "benchmark-report", p.index);
				Rng uniform = Rng.of(options.seed(), "benchmark-uniform", p.index);
				for (int year = options.firstYear(); year <= options.lastYear(); year++) {
					for (int q = 0; q <= 4; q++) {
						String period = plain.period(year, q);
						for (String code : Figures.CODES) {
							long v = uniformValues ? uniform.between(0, 400) * pow10(Figures.scale(code))
									: q == 0 ? f.year(year, code) : f.quarter(year, q, code);
							String status = Figures.isFlow(code) && year == options.lastYear() && rng.chance(0.2) ? "E"
									: "A";
							w.write(p.id);
							w.write(',');
							w.write(period);
							w.write(',');
							w.write(code);
							w.write(',');
							w.write(plain.number(v, Figures.scale(code), 0));
							w.write(',');
							w.write(catalogue.find(code).unit());
							w.write(',');
							w.write(status);
							w.write(",\n");
							written++;
							if (written % step == 0) {
								progress.accept(String.format(Locale.ROOT, "%d/%d rows", written, options.rows()));
							}
							if (written == options.rows()) {
								break outer;
							}
						}
					}
				}
			}
		}
		return new Summary(poles.size(), 1, written, Files.size(file));
	}

	private static long pow10(int exponent) {
		long pow = 1;
		for (int i = 0; i < exponent; i++) {
			pow *= 10;
		}
		return pow;
	}

}
