package fr.ptce.observatory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ptce.observatory.samples.SampleGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code observatory generate-samples}: writes the bundled samples, or larger sets for
 * benchmarks, from a seed. Needs no Spring context.
 */
@Command(name = GenerateSamplesCommand.NAME, mixinStandardHelpOptions = true, sortOptions = false,
		usageHelpAutoWidth = true,
		header = "Writes sample registry and submissions from a seed (the bundled samples, or larger sets for benchmarks).",
		description = { "",
				"Writes into DIR a registry of poles on real communes of the 18 regions (fictional names and figures), "
						+ "their submissions in submissions/ (every messy form and every error of the submission "
						+ "format), expected-receipts.csv and expected-issues.csv (what ingesting them must report) and "
						+ "a README.md. The same options always give byte-identical files: data-samples/ is "
						+ "`generate-samples --out data-samples` with the defaults.",
				"",
				"With --rows N it writes instead a registry and one large clean file submissions/benchmark_N.csv of "
						+ "exactly N rows (UTF-8, ',', distinct keys, all valid), streamed.",
				"" },
		footer = { "", "Examples:", "  observatory generate-samples --out data-samples --force",
				"  observatory generate-samples --out /tmp/big --poles 2000 --scale 5",
				"  observatory generate-samples --out /tmp/bench --rows 10000000 --years 2000-2025" })
public class GenerateSamplesCommand implements Callable<Integer> {

	static final String NAME = "generate-samples";

	private static final Pattern YEARS = Pattern.compile("(\\d{4})-(\\d{4})");

	@Spec
	CommandSpec spec;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write into")
	Path out;

	@Option(names = "--seed", paramLabel = "S", description = "seed of the random draws (default: ${DEFAULT-VALUE})",
			defaultValue = "" + SampleGenerator.DEFAULT_SEED)
	long seed;

	@Option(names = "--poles", paramLabel = "N",
			description = "number of poles, at most 9999 (default: 160; with --rows: as many as the rows need)")
	Integer poles;

	@Option(names = "--years", paramLabel = "Y1-Y2",
			description = "years of the submissions (default: ${DEFAULT-VALUE})",
			defaultValue = SampleGenerator.DEFAULT_FIRST_YEAR + "-" + SampleGenerator.DEFAULT_LAST_YEAR)
	String years;

	@Option(names = "--scale", paramLabel = "K", defaultValue = "1",
			description = "volume multiplier: every submission is followed by K-1 full revisions of itself, about K "
					+ "times the files and rows over the same registry (default: ${DEFAULT-VALUE}, at most 100)")
	int scale;

	@Option(names = "--rows", paramLabel = "N",
			description = "benchmark mode: one clean submission file of exactly N rows, and its registry")
	Long rows;

	@Option(names = "--force", description = "replace the files a previous run generated in DIR "
			+ "(submissions/*, registry.csv, README.md, expected-*.csv); nothing else is deleted")
	boolean force;

	@Override
	public Integer call() throws IOException {
		Matcher m = YEARS.matcher(years.strip());
		if (!m.matches()) {
			throw new UsageException("--years must be written Y1-Y2, e.g. 2015-2025, not '" + years + "'");
		}
		boolean benchmark = rows != null;
		int poleCount = poles != null ? poles : benchmark ? 0 : SampleGenerator.DEFAULT_POLES;
		if (poles != null && poles < 1) {
			throw new UsageException("--poles must be at least 1");
		}
		if (benchmark && rows < 1) {
			throw new UsageException("--rows must be at least 1");
		}
		SampleGenerator.Options options = new SampleGenerator.Options(seed, poleCount, Integer.parseInt(m.group(1)),
				Integer.parseInt(m.group(2)), scale, benchmark ? rows : 0);
		SampleGenerator generator;
		try {
			options.validate();
			generator = new SampleGenerator(options);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		PrintWriter console = spec.commandLine().getOut();
		generator.progress(message -> console.println("  " + message));
		SampleGenerator.Summary summary;
		try {
			summary = generator.generate(out, force);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		console
			.println(String.format(Locale.ROOT, "Wrote %d poles, %d files, %d rows (%.1f MB) into %s", summary.poles(),
					summary.files(), summary.rows(), summary.bytes() / 1e6, out.toAbsolutePath().normalize()));
		return 0;
	}

}
