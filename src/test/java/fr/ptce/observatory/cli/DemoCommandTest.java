package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * demo, as a newcomer runs it: the whole chain on the bundled samples, from the jar's
 * resources.
 */
class DemoCommandTest {

	@TempDir
	Path dir;

	@Test
	void demoRunsTheWholeChainOnTheBundledSamples() throws IOException {
		// given an empty folder
		Path data = dir.resolve("demo");
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		// when demo runs into it
		int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--data-dir",
				data.toString(), "demo");
		// then the samples are ingested, aggregated and the last complete year published
		assertThat(status).as(err.toString()).isZero();
		assertThat(out.toString()).contains("Copied 1748 sample submission(s)",
				"1748 file(s) processed: 1742 accepted, 1 quarantined, 4 rejected, 1 duplicate submission",
				"National key figures of 2025", "JOBS_FTE", "The national report of 2025: ");
		assertThat(data.resolve("publications/2025/rapport-national-2025.pdf")).isRegularFile();
		assertThat(data.resolve("publications/2025/manifest.json")).isRegularFile();
		assertThat(data.resolve("warehouse/aggregates/year=2025/part-0.parquet")).isRegularFile();
		// and it ends with one partner's extract and a DuckDB line that reads it, which
		// works as printed
		assertThat(out.toString())
			.contains("One partner's extract: " + data.toAbsolutePath().normalize().resolve("extracts/LABO_ESS/2025"));
		String duckdb = out.toString().lines().filter(l -> l.strip().startsWith("duckdb -c")).findFirst().orElseThrow();
		String query = duckdb.substring(duckdb.indexOf('"') + 1, duckdb.lastIndexOf('"'));
		try (var db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
				var st = db.createStatement();
				var rs = st.executeQuery(query)) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString("level")).isEqualTo("national");
		}
		catch (java.sql.SQLException ex) {
			throw new AssertionError(ex);
		}

		// and a second demo starts afresh in the folder it made, but refuses a folder it
		// did not make
		assertThat(ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--data-dir",
				data.toString(), "demo"))
			.isZero();
		Path other = Files.createDirectories(dir.resolve("other"));
		Files.writeString(other.resolve("precious.txt"), "keep me");
		StringWriter refusal = new StringWriter();
		assertThat(ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(refusal, true), "--data-dir",
				other.toString(), "demo"))
			.isEqualTo(2);
		assertThat(refusal.toString()).contains("is not empty and was not made by demo");
		assertThat(other.resolve("precious.txt")).exists();
	}

}
