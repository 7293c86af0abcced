package fr.ptce.observatory.download;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import fr.ptce.observatory.schedule.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The curl recipes of docs/partners.md, exactly as written there, against a real server: the block after the
 * comment naming this test is run by bash (-e, -u, pipefail) with OBS and TOKEN set, as a partner would paste it.
 * Skipped where curl, jq or sha256sum is missing.
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
		ExtractFixture.standard(dataDir);
		try (DownloadServer server = new DownloadServer(dataDir, TestServers.Database.h2(), Map.of())) {
			Path script = work.resolve("recipes.sh");
			Files.writeString(script, "set -euo pipefail\n" + recipes);
			ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
				.redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile());
			pb.environment().put("OBS", server.base);
			pb.environment().put("TOKEN", server.issue("LABO_ESS"));
			Process p = pb.start();
			assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
			String out = Files.readString(work.resolve("out.txt"));
			assertThat(p.exitValue()).as(out).isZero();

			Path latest = dataDir.resolve("extracts/LABO_ESS/2025").resolve(ExtractFixture.LATEST);
			byte[] expected = Files.readAllBytes(latest.resolve("aggregates.parquet"));
			assertThat(work.resolve("aggregates.parquet")).hasBinaryContent(expected);
			assertThat(work.resolve("LABO_ESS-2025-" + ExtractFixture.LATEST + "-aggregates.parquet"))
				.hasBinaryContent(expected);
			assertThat(work.resolve("extrait/csv/poles.csv")).hasBinaryContent(
					Files.readAllBytes(latest.resolve("csv/poles.csv")));
			assertThat(out).contains("aggregates.parquet: OK", "csv/poles.csv: OK", "ETag: \"");
		}
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
