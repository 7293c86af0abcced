package fr.ptce.observatory.samples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;

/** The README.md of a generated samples directory: what is there and how it was made. */
final class Readme {

	private final SampleGenerator.Options options;

	private final GeoReferential geo;

	private final List<PolePlan> poles;

	private final long files;

	private final long rows;

	private final long bytes;

	private final Map<String, Integer> filesByStyle;

	private final List<SampleGenerator.StoryFile> storyFiles;

	private final Map<String, List<String>> imputationCases;

	private final long revisionFiles;

	private final long unknownColumnFiles;

	Readme(SampleGenerator.Options options, GeoReferential geo, List<PolePlan> poles, long files, long rows, long bytes,
			Map<String, Integer> filesByStyle, List<SampleGenerator.StoryFile> storyFiles,
			Map<String, List<String>> imputationCases, long revisionFiles, long unknownColumnFiles) {
		this.options = options;
		this.geo = geo;
		this.poles = poles;
		this.files = files;
		this.rows = rows;
		this.bytes = bytes;
		this.filesByStyle = filesByStyle;
		this.storyFiles = storyFiles;
		this.imputationCases = imputationCases;
		this.revisionFiles = revisionFiles;
		this.unknownColumnFiles = unknownColumnFiles;
	}

	String text() {
		StringBuilder md = new StringBuilder();
		String years = options.firstYear() + "–" + options.lastYear();
		md.append("# Bundled samples\n\n");
		md.append("Sample data of the observatory: a registry of ")
			.append(poles.size())
			.append(" poles and their indicator submissions for ")
			.append(years)
			.append(", as messy as real spreadsheets, with every error of `submission-format.md` made on purpose "
					+ "somewhere. `demo` ingests `submissions/` in name order with `registry.csv` as the registry; "
					+ "`registry.csv` is also the default registry of the software.\n\n");
		md.append("**All pole names and all figures are fictional.** Names are drawn from word lists (invented place "
				+ "names are checked against the real communes' names); any resemblance to a real organisation is "
				+ "coincidental. The communes, departments, regions and EPCI the poles are attached to are real "
				+ "(INSEE COG 2026, `src/main/resources/referential/geo/`).\n\n");
		md.append("These files are generated: do not edit them by hand. `SampleGeneratorTest` regenerates them into "
				+ "a temporary directory and checks that every file is byte for byte the same, so this command is "
				+ "exactly how they were made:\n\n");
		md.append("```\nmvn -q package -DskipTests\n")
			.append(options.command("data-samples"))
			.append(" --force\n```\n\n");
		md.append("(`--force` replaces the previously generated files; the generator reads no clock, locale or "
				+ "platform setting: the same options give the same bytes on any machine.)\n\n");

		md.append("## Files\n\n| file | what |\n| --- | --- |\n");
		md.append("| `registry.csv` | the registry (`registry.md`): ").append(poles.size()).append(" poles |\n");
		md.append("| `partners.csv` | the partners file (`extracts.md`): one partner per network, fictional contacts "
				+ "on the reserved `.example` domain; the default `--partners` of the software |\n");
		md.append("| `submissions/` | ")
			.append(files)
			.append(" files, ")
			.append(rows)
			.append(" data rows, ")
			.append(String.format(Locale.ROOT, "%.1f", bytes / 1e6))
			.append(" MB |\n");
		md.append(
				"| `expected-receipts.csv` | one line per file of `submissions/`: the outcome that ingesting the whole "
						+ "folder in name order into an empty data directory must give: `status` (`ACCEPTED`, `QUARANTINED`, "
						+ "`REJECTED`, `DUPLICATE_SUBMISSION`), the file-level `reason`, `rows_read`, `rows_accepted`, "
						+ "`rows_rejected` (empty where the file is not read as rows), and the deliberate `case` the file "
						+ "belongs to |\n");
		md.append("| `expected-issues.csv` | one line per expected issue of a receipt: `file`, `line` (where the row "
				+ "starts; the header is line 1), `severity`, `code`, `column`, `case`. Every other row of every file "
				+ "is expected to be accepted without warning |\n\n");

		registry(md);
		submissions(md);
		cases(md);
		confidentiality(md);
		larger(md);
		return md.toString();
	}

	private void registry(StringBuilder md) {
		long closed = poles.stream().filter(p -> p.closed != null).count();
		int minCreated = poles.stream().mapToInt(p -> p.created).min().orElse(0);
		int maxCreated = poles.stream().mapToInt(p -> p.created).max().orElse(0);
		md.append("## The registry\n\n");
		md.append("`PTCE-0001` to `")
			.append(poles.get(poles.size() - 1).id)
			.append("`, numbered in order of creation (" + "created ")
			.append(minCreated)
			.append("–")
			.append(maxCreated)
			.append("), ")
			.append(closed)
			.append(" closed. Head offices on real communes drawn by population within each region; `epci` is mostly "
					+ "empty (the commune's EPCI), sometimes written out, and a few poles cover two or three EPCIs. "
					+ "Themes, networks, legal forms and open-data consent vary.\n\n");
		md.append("| region | name | poles | departments with poles | of which with 1 or 2 poles |\n");
		md.append("| --- | --- | --- | --- | --- |\n");
		for (GeoReferential.Region region : geo.reportedRegions()) {
			Map<String, Integer> byDep = new TreeMap<>();
			poles.stream()
				.filter(p -> p.region.equals(region.code()))
				.forEach(p -> byDep.merge(p.departement, 1, Integer::sum));
			int count = byDep.values().stream().mapToInt(Integer::intValue).sum();
			long small = byDep.values().stream().filter(n -> n <= 2).count();
			md.append("| ")
				.append(region.code())
				.append(" | ")
				.append(region.name())
				.append(" | ")
				.append(count)
				.append(" | ")
				.append(byDep.size())
				.append(" | ")
				.append(small)
				.append(" |\n");
		}
		md.append('\n');
		md.append(counts("Themes", Registry.THEMES, p -> List.of(p.theme)));
		md.append(counts("Networks", Registry.NETWORKS, p -> p.networks));
		md.append(counts("Legal forms", List.of("association", "scic", "scop", "gie", "sas", "other"),
				p -> List.of(p.legalForm)));
		long open = poles.stream().filter(p -> p.openData).count();
		long multi = poles.stream().filter(p -> p.epci.contains("|")).count();
		md.append("Open data: ")
			.append(open)
			.append(" poles `yes`, ")
			.append(poles.size() - open)
			.append(" `no`. Poles covering several EPCI: ")
			.append(multi)
			.append(".\n\n");
	}

	private String counts(String title, List<String> values, Function<PolePlan, List<String>> of) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		values.forEach(v -> counts.put(v, 0));
		poles.forEach(p -> of.apply(p).forEach(v -> counts.merge(v, 1, Integer::sum)));
		List<String> parts = new ArrayList<>();
		counts.forEach((k, v) -> parts.add("`" + k + "` " + v));
		return title + ": " + String.join(", ", parts) + ".\n\n";
	}

	private void submissions(StringBuilder md) {
		md.append("## The submissions\n\n");
		md.append("Named `YYYYMMDD_PTCE-NNNN_<what>.csv`: the day the pole sent it, the pole, and what it is: `2019` a "
				+ "year's file, `2019-Q1` a quarter's file, `2019_correction` a later correction, `2019_v2` the data "
				+ "sent again after a rejected or quarantined file, `2019_resend` a file sent twice");
		if (options.scale() > 1) {
			md.append(", `2019_revN` the N-th full revision (scale ")
				.append(options.scale())
				.append(", ")
				.append(revisionFiles)
				.append(" revision files)");
		}
		md.append(". Names sort in sending order, so a correction sorts after what it corrects and ingesting the "
				+ "folder in name order replays the observatory's history.\n\n");
		Map<PolePlan.Mode, Integer> modes = new LinkedHashMap<>();
		int switching = 0;
		for (PolePlan p : poles) {
			modes.merge(p.mode, 1, Integer::sum);
			if (p.laterMode != null) {
				switching++;
			}
		}
		md.append("Every pole reports from `max(created, ")
			.append(options.firstYear())
			.append(")` to `min(closed, ")
			.append(options.lastYear())
			.append(")` the 17 indicators of the catalogue (waste only for circular-economy and food poles), with "
					+ "figures that hold together: about 15 member organisations whose categories add up to at most "
					+ "the total, tens of FTE jobs, budgets of hundreds of thousands to millions of euros of which "
					+ "about 40 % public funding, every figure drifting a little each year. How they report:\n\n");
		md.append("- ")
			.append(modes.getOrDefault(PolePlan.Mode.ANNUAL, 0))
			.append(" poles send one file a year with " + "yearly values (")
			.append(switching)
			.append(" of them switch to one file a quarter at some point);\n");
		md.append("- ")
			.append(modes.getOrDefault(PolePlan.Mode.QUARTERLY_IN_YEAR_FILE, 0))
			.append(" send one file a " + "year with stocks as yearly values and flows quarter by quarter;\n");
		md.append("- ")
			.append(modes.getOrDefault(PolePlan.Mode.QUARTERLY_FILES, 0))
			.append(" send one file a " + "quarter with every indicator;\n");
		md.append("- about 7 % of pole-years are not answered (20 % of the last year), some poles leave one or two "
				+ "indicators out, some values are declared missing (status `M`), flows of the last year are often "
				+ "estimates (`E`), some years are sent provisional (`P`) and corrected later;\n");
		md.append("- quarters are written `2024-Q1`, `2024Q1`, `2024-T1` or `T1 2024`, depending on the pole's "
				+ "software.\n\n");
		md.append("Each pole writes its files in one style (some change style once):\n\n");
		md.append("| style | files | what it imitates |\n| --- | --- | --- |\n");
		for (Style style : Style.ALL) {
			md.append("| `")
				.append(style.key())
				.append("` | ")
				.append(filesByStyle.getOrDefault(style.key(), 0))
				.append(" | ")
				.append(style.description())
				.append(" |\n");
		}
		md.append('\n');
		md.append("Comments are quoted when they hold the delimiter, a `\"` (doubled) or a line break, and all of "
				+ "these occur. Every file of the `export-bi` style (")
			.append(unknownColumnFiles)
			.append(") carries the warning `UNKNOWN_COLUMN` for its `source` column, on line 1.\n\n");
	}

	private void cases(StringBuilder md) {
		md.append("## Deliberate cases\n\n");
		md.append("Each case is carried by one pole in one year, in an otherwise good file (a bad file is followed "
				+ "by a good one). Line numbers are those of the file (the header is line 1); `expected-issues.csv` "
				+ "has the same in machine-readable form. A group warning (`INCONSISTENT_MEMBERS`) is listed on the "
				+ "MEMBERS_TOTAL row of its group.\n\n");
		md.append("| case | file | expected | issues |\n| --- | --- | --- | --- |\n");
		List<SampleGenerator.StoryFile> sorted = new ArrayList<>(storyFiles);
		sorted.sort(Comparator.comparing((SampleGenerator.StoryFile f) -> f.story()).thenComparing(f -> f.file()));
		Story previous = null;
		for (SampleGenerator.StoryFile f : sorted) {
			String story = f.story() == previous ? "" : "`" + f.story().name() + "`: " + f.story().description;
			previous = f.story();
			String expected = f.status() + (f.reason().isEmpty() ? "" : " `" + f.reason() + "`");
			md.append("| ")
				.append(story)
				.append(" | `")
				.append(f.file())
				.append("` | ")
				.append(expected)
				.append(" | ")
				.append(f.issues().isEmpty() ? "" : String.join("<br>", f.issues()).replace("|", "\\|"))
				.append(" |\n");
		}
		md.append('\n');
		List<String> missing = new ArrayList<>();
		for (Story story : Story.values()) {
			if (storyFiles.stream().noneMatch(f -> f.story() == story)) {
				missing.add(story.name());
			}
		}
		if (!missing.isEmpty()) {
			md.append("No pole could carry these cases with these options: ")
				.append(String.join(", ", missing))
				.append(".\n\n");
		}
		if (!imputationCases.isEmpty()) {
			md.append("Quarterly imputation (methodology section 1):\n\n");
			imputationCases.forEach(
					(k, list) -> list.forEach(t -> md.append("- `").append(k).append("`: ").append(t).append('\n')));
			md.append('\n');
		}
	}

	private void confidentiality(StringBuilder md) {
		md.append("## Statistical confidentiality\n\n");
		List<String> smallRegions = new ArrayList<>();
		for (GeoReferential.Region region : geo.reportedRegions()) {
			long n = poles.stream().filter(p -> p.region.equals(region.code())).count();
			if (n < 3) {
				smallRegions.add(region.name() + " (" + n + ")");
			}
		}
		Map<String, Integer> byDep = new TreeMap<>();
		poles.forEach(p -> byDep.merge(p.departement, 1, Integer::sum));
		long smallDeps = byDep.values().stream().filter(n -> n <= 2).count();
		md.append("The registry is made so that every rule of methodology section 4 applies somewhere:\n\n");
		md.append("- regions with fewer than 3 poles (primary `A` every year): ")
			.append(smallRegions.isEmpty() ? "none" : String.join(", ", smallRegions))
			.append(";\n");
		md.append("- ")
			.append(smallDeps)
			.append(" of the ")
			.append(byDep.size())
			.append(" departments with poles have only 1 or 2 (primary `A`), and non-response makes more cells "
					+ "fall below 3 respondents in some years;\n");
		List<String> giants = new ArrayList<>();
		for (PolePlan p : poles) {
			if (p.giant) {
				long inDep = poles.stream().filter(o -> o.departement.equals(p.departement)).count();
				long inRegion = poles.stream().filter(o -> o.region.equals(p.region)).count();
				giants.add("`" + p.id + "` (department " + p.departement + ": " + inDep + " poles, region " + p.region
						+ ": " + inRegion + ")");
			}
		}
		md.append("- poles about 25 times bigger than their neighbours, so that one pole makes more than 85 % of a "
				+ "total (primary `O`): ")
			.append(giants.isEmpty() ? "none" : String.join(", ", giants))
			.append(";\n");
		md.append("- secondary suppression (`D`) then follows in their sibling groups.\n\n");
	}

	private void larger(StringBuilder md) {
		md.append("## Larger sets\n\n");
		md.append("The same generator writes larger sets for benchmarks (see `generate-samples --help`):\n\n");
		md.append("- `--poles N` (up to 9999) and `--years Y1-Y2` give a bigger registry and longer history, with "
				+ "the same mix of styles and the same deliberate cases;\n");
		md.append("- `--scale K` follows every submission with K − 1 full revisions of itself (values revised by up "
				+ "to 3 %, sent on the following days): about K times the files and rows over the same registry;\n");
		md.append("- `--rows N` writes instead one clean file `submissions/benchmark_N.csv` of exactly N rows (UTF-8, "
				+ "`,`, distinct (pole, period, indicator) keys, every row valid for the registry written beside it: "
				+ "each pole-year gives the year and its four quarters, 85 rows), streamed, to compare with "
				+ "DuckDB's CSV to Parquet conversion.\n");
	}

}
