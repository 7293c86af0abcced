package fr.ptce.observatory.download;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import fr.ptce.observatory.schedule.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The curl recipes of docs/partners.md, exactly as written there, against a real server:
 * the block after the comment naming this test is run by bash (-e, -u, pipefail) with OBS
 * and TOKEN set, as a partner would paste it; so are the pandas and R recipes marked for
 * it. Skipped where the tool is missing (.ci/run installs them all).
 */
class PartnersDocTest {

	@TempDir
	Path dataDir;

	@TempDir
	Path work;

	@Test
	void theCurlRecipesOfTheGuideWorkAsWritten() throws Exception {
		assumeTrue(onPath("curl") && onPath("jq") && onPath("sha256sum") && onPath("bash"),
				"curl, jq, sha256sum and bash are needed");
		String recipes = curlBlock(Files.readString(Path.of("docs/partners.md"), StandardCharsets.UTF_8));
		assertThat(recipes).contains("curl -C - -o", "sha256sum -c");
		String out = runRecipe("set -euo pipefail\n" + recipes, "recipes.sh", "bash");

		Path latest = dataDir.resolve("extracts/LABO_ESS/2025").resolve(ExtractFixture.LATEST);
		byte[] expected = Files.readAllBytes(latest.resolve("aggregates.parquet"));
		assertThat(work.resolve("aggregates.parquet")).hasBinaryContent(expected);
		assertThat(work.resolve("LABO_ESS-2025-" + ExtractFixture.LATEST + "-aggregates.parquet"))
			.hasBinaryContent(expected);
		assertThat(work.resolve("extrait/csv/poles.csv"))
			.hasBinaryContent(Files.readAllBytes(latest.resolve("csv/poles.csv")));
		assertThat(out).contains("aggregates.parquet: OK", "csv/poles.csv: OK", "ETag: \"");
	}

	@Test
	void thePandasRecipeReadsTheCsvThroughASignedLink() throws Exception {
		String python = withPandas();
		assumeTrue(python != null, "python3 with pandas is needed (Debian's python3-pandas, installed by .ci/run)");
		String recipe = block(guide(), "PartnersDocTest.python", "python");
		assertThat(recipe).contains("signed_url", "pd.read_csv");
		String out = runRecipe(recipe + "\nprint(len(agregats), len(publiables), agregats.area.iloc[1])\n", "recipe.py",
				python);
		// 20 cells, all publishable, and the area code kept as text with its leading zero
		assertThat(out.strip()).isEqualTo("20 20 01");
	}

	@Test
	void theRRecipeDownloadsWithTheTokenAndReadsTheCsv() throws Exception {
		assumeTrue(onPath("Rscript"), "Rscript is needed (Debian's r-base-core, installed by .ci/run)");
		String recipe = block(guide(), "PartnersDocTest.r", "r");
		assertThat(recipe).contains("Authorization", "read.csv");
		String out = runRecipe(recipe + "\ncat(nrow(agregats), nrow(publiables), agregats$area[2], \"\\n\")\n",
				"recipe.R", "Rscript");
		assertThat(out.strip()).isEqualTo("20 20 01");
		assertThat(work.resolve("aggregates.csv"))
			.hasBinaryContent(Files.readAllBytes(dataDir.resolve("extracts/LABO_ESS/2025")
				.resolve(ExtractFixture.LATEST)
				.resolve("csv/aggregates.csv")));
	}

	/**
	 * Runs a recipe of the guide against a real server, with OBS and TOKEN set; its
	 * output when it succeeds.
	 */
	private String runRecipe(String recipe, String name, String interpreter) throws Exception {
		ExtractFixture.standard(dataDir);
		try (DownloadServer server = new DownloadServer(dataDir, TestServers.Database.h2(), Map.of())) {
			Path script = work.resolve(name);
			Files.writeString(script, recipe);
			ProcessBuilder pb = new ProcessBuilder(interpreter, script.toString()).directory(work.toFile())
				.redirectErrorStream(true)
				.redirectOutput(work.resolve("out.txt").toFile());
			pb.environment().put("OBS", server.base);
			pb.environment().put("TOKEN", server.issue("LABO_ESS"));
			Process p = pb.start();
			assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
			String out = Files.readString(work.resolve("out.txt"));
			assertThat(p.exitValue()).as(out).isZero();
			return out;
		}
	}

	private static String guide() throws Exception {
		return Files.readString(Path.of("docs/partners.md"), StandardCharsets.UTF_8);
	}

	/** The first ```LANGUAGE block after the comment {@code <!-- MARKER -->}. */
	static String block(String markdown, String marker, String language) {
		int at = markdown.indexOf("<!-- " + marker + " -->");
		assertThat(at).as("docs/partners.md marks a recipe with <!-- " + marker + " -->").isPositive();
		String fence = "```" + language + "\n";
		int start = markdown.indexOf(fence, at) + fence.length();
		return markdown.substring(start, markdown.indexOf("```", start));
	}

	/**
	 * The python on the PATH if it has pandas, else Debian's (where python3-pandas
	 * installs it), else null.
	 */
	private static String withPandas() throws Exception {
		for (String python : List.of("python3", "/usr/bin/python3")) {
			if ((python.startsWith("/") ? Files.isExecutable(Path.of(python)) : onPath(python))
					&& run(List.of(python, "-c", "import pandas")) == 0) {
				return python;
			}
		}
		return null;
	}

	private static int run(List<String> command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
	}

	/** The first ```bash block after the comment that names this test. */
	static String curlBlock(String markdown) {
		int marker = markdown.indexOf("PartnersDocTest");
		assertThat(marker).as("docs/partners.md names PartnersDocTest above its curl recipes").isPositive();
		int start = markdown.indexOf("```bash\n", marker) + "```bash\n".length();
		int end = markdown.indexOf("```", start);
		return markdown.substring(start, end);
	}

	private static boolean onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

}
