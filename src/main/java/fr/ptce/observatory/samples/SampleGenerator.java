package fr.ptce.observatory.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;

/**
 * Writes the bundled samples of {@code data-samples/}, or larger sets for benchmarks,
 * from a seed: the same options give byte-identical files on any machine, whatever the
 * date (nothing here reads the clock, the locale or the platform's charset).
 *
 * <p>
 * Samples mode writes into the output directory:
 * <ul>
 * <li>{@code registry.csv}, the pole registry (registry.md);</li>
 * <li>{@code submissions/*.csv}, every pole's submissions, named
 * {@code YYYYMMDD_PTCE-NNNN_<what>.csv} so that names sort in sending order;</li>
 * <li>{@code expected-receipts.csv} and {@code expected-issues.csv}, what ingesting the
 * whole folder in name order must report for each file and each deliberate error;</li>
 * <li>{@code README.md}, which says all this, with the table of deliberate cases.</li>
 * </ul>
 * With {@code scale} K > 1 every submission of the samples is followed by K - 1 full
 * revisions of itself (slightly revised values, sent on the following days), so that the
 * ingestion volume is about K times that of scale 1 over the same registry.
 *
 * <p>
 * Benchmark mode ({@code rows} > 0) writes a registry and one large clean file of exactly
 * that many rows, streamed (memory stays flat whatever the size).
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

	/**
	 * Distinct keys a pole has in a year of a benchmark file: the year and its four
	 * quarters, 17 indicators.
	 */
	public static final int BENCHMARK_KEYS_PER_YEAR = 5 * Figures.CODES.size();

	/** The files the samples mode writes at the top of the output directory. */
	public static final List<String> TOP_FILES = List.of("registry.csv", "partners.csv", "README.md",
			"expected-receipts.csv", "expected-issues.csv");

	/**
	 * The partners file of the samples (extracts.md): one partner per registry network,
	 * fictional contacts on the reserved {@code .example} domain so that no mail can
	 * reach a real address.
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

		/**
		 * @throws IllegalArgumentException saying what is wrong
		 */
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
				throw new IllegalArgumentException(
						"the samples need at least " + MIN_SAMPLE_POLES + " poles (one in each region), not " + poles);
			}
			if (benchmark()) {
				if (scale != 1) {
					throw new IllegalArgumentException(
							"--scale applies to the samples, not to a benchmark file (--rows)");
				}
				long capacity = (long) (poles == 0 ? MAX_POLES : poles) * years() * BENCHMARK_KEYS_PER_YEAR;
				if (rows > capacity) {
					throw new IllegalArgumentException(
							rows + " rows need more distinct (pole, period, indicator) keys than "
									+ (poles == 0 ? MAX_POLES : poles) + " poles have over " + years() + " years ("
									+ capacity + "): give more poles or a longer --years range");
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
			StringBuilder cmd = new StringBuilder("java -jar target/observatory.jar generate-samples --out ")
				.append(out)
				.append(" --seed ")
				.append(seed);
			if (benchmark()) {
				if (poles > 0) {
					cmd.append(" --poles ").append(poles);
				}
				cmd.append(" --years ").append(firstYear).append('-').append(lastYear).append(" --rows ").append(rows);
			}
			else {
				cmd.append(" --poles ")
					.append(poles)
					.append(" --years ")
					.append(firstYear)
					.append('-')
					.append(lastYear);
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

	private final Options options;

	private final GeoReferential geo;

	private final Catalogue catalogue;

	private final Communes communes;

	private Consumer<String> progress = message -> {
	};

	/** What was written, set while the samples are written. */
	private SampleOutput output;

	/** A file of a deliberate case, for the README. */
	record StoryFile(Story story, String file, String status, String reason, List<String> issues) {
	}

	private boolean uniformValues;

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
	 * Benchmark mode only: values drawn uniformly in 0-400 instead of each pole's
	 * plausible figures. The file stays valid (every value is in its indicator's range),
	 * but about one row in six carries a warning (SUSPICIOUS_JUMP, INCONSISTENT_MEMBERS,
	 * INCONSISTENT_VOTERS): the load on the warning path of ingest.
	 */
	public SampleGenerator uniformValues() {
		this.uniformValues = true;
		return this;
	}

	/**
	 * Writes into {@code out}, which must not already hold generated files unless
	 * {@code replace} is set: then the files of {@code submissions/} and the top files
	 * ({@link #TOP_FILES}) are deleted first, and nothing else.
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
				throw new IllegalArgumentException(
						out + " already holds generated files (" + existing.size() + "); give --force to replace them");
			}
			for (Path p : existing) {
				Files.delete(p);
			}
		}
		Files.createDirectories(subs);
	}

	// ------------------------------------------------------------------------------------------------
	// samples

	private Summary samples(Path out) throws IOException {
		Planner planner = new Planner(options, geo, communes);
		List<PolePlan> poles = planner.registry(options.poles(), false);
		planner.profiles(poles);
		planner.stories(poles, this::figures);
		writeRegistry(out, poles);
		Files.writeString(out.resolve("partners.csv"), PARTNERS, StandardCharsets.UTF_8);
		try (Writer r = Files.newBufferedWriter(out.resolve("expected-receipts.csv"), StandardCharsets.UTF_8);
				Writer i = Files.newBufferedWriter(out.resolve("expected-issues.csv"), StandardCharsets.UTF_8)) {
			output = new SampleOutput(out.resolve("submissions"), r, i);
			r.write("file,status,reason,rows_read,rows_accepted,rows_rejected,case\n");
			i.write("file,line,severity,code,column,case\n");
			int step = Math.max(1, poles.size() / 10);
			for (PolePlan p : poles) {
				new PoleWriter(options, catalogue, output, p, figures(p)).write();
				if ((p.index + 1) % step == 0 || p.index + 1 == poles.size()) {
					progress.accept(String.format(Locale.ROOT, "%d/%d poles, %d files", p.index + 1, poles.size(),
							output.files));
				}
			}
		}
		Files.writeString(out.resolve("README.md"), readme(poles), StandardCharsets.UTF_8);
		return new Summary(poles.size(), output.files, output.rows, output.bytes);
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

	// ------------------------------------------------------------------------------------------------
	// README

	private String readme(List<PolePlan> poles) {
		return new Readme(options, geo, poles, output.files, output.rows, output.bytes, output.filesByStyle,
				output.storyFiles, output.imputationCases, output.revisionFiles, output.unknownColumnFiles)
			.text();
	}

	// ------------------------------------------------------------------------------------------------
	// benchmark

	private Summary benchmark(Path out) throws IOException {
		Planner planner = new Planner(options, geo, communes);
		List<PolePlan> poles = planner.registry(options.benchmarkPoles(), true);
		writeRegistry(out, poles);
		Path file = out.resolve("submissions").resolve("benchmark_" + options.rows() + ".csv");
		long written = 0;
		Style plain = Style.SI_UTF8;
		long step = Math.max(1, options.rows() / 10);
		try (BufferedWriter w = new BufferedWriter(
				new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
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
