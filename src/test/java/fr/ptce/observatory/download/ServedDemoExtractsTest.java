package fr.ptce.observatory.download;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import fr.ptce.observatory.cli.ObservatoryCommand;
import fr.ptce.observatory.schedule.TestServers;
import fr.ptce.observatory.warehouse.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extracts the real chain writes (the demo: ingest, aggregate, report, extract on the
 * bundled samples), served: every file of each partner's datapackage.json is listed with
 * its size and SHA-256, downloads are those bytes, and DuckDB reads the downloaded
 * aggregates back as the warehouse's cells of the ten years.
 */
class ServedDemoExtractsTest {

	@TempDir
	Path dataDir;

	@TempDir
	Path downloads;

	@Test
	void theExtractsOfTheDemoAreServedWholeAndReadBackByDuckDb() throws Exception {
		StringWriter out = new StringWriter();
		int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(out, true), "--data-dir",
				dataDir.toString(), "demo");
		assertThat(status).as(out.toString()).isZero();
		try (DownloadServer server = new DownloadServer(dataDir, TestServers.Database.h2(), Map.of())) {
			for (String partner : new String[] { "LABO_ESS", "RTES" }) {
				String token = server.issue(partner);
				JsonNode extract = server.listing(token).get("extracts").get(0);
				int year = extract.get("year").asInt();
				Path folder = dataDir.resolve("extracts")
					.resolve(partner)
					.resolve(Integer.toString(year))
					.resolve(extract.get("version").asString());
				JsonNode pkg = DownloadServer.json.readTree(folder.resolve("datapackage.json").toFile());
				assertThat(extract.get("files").size()).isEqualTo(pkg.get("resources").size() + 1);
				for (JsonNode f : extract.get("files")) {
					String path = f.get("path").asString();
					HttpResponse<byte[]> r = server.get(f.get("url").asString(), token);
					assertThat(r.statusCode()).as(path).isEqualTo(200);
					assertThat(Sha256.of(r.body())).as(path)
						.isEqualTo(f.get("sha256").asString())
						.isEqualTo(Sha256.of(folder.resolve(path)));
					assertThat((long) r.body().length).isEqualTo(f.get("bytes").asLong());
					Path saved = downloads.resolve(partner).resolve(path);
					Files.createDirectories(saved.getParent());
					Files.write(saved, r.body());
				}
				assertThat(countDownloaded(downloads.resolve(partner).resolve("aggregates.parquet")))
					.isEqualTo(countWarehouse(dataDir.resolve("warehouse/aggregates"), year - 9, year))
					.isPositive();
			}
		}
	}

	private static long countDownloaded(Path file) throws Exception {
		return count("SELECT count(*) FROM read_parquet('" + file + "')");
	}

	private static long countWarehouse(Path table, int from, int to) throws Exception {
		return count("SELECT count(*) FROM read_parquet('" + table
				+ "/*/*.parquet', hive_partitioning = true) WHERE year" + " BETWEEN " + from + " AND " + to);
	}

	private static long count(String sql) throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
