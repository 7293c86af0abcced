package fr.ptce.observatory.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.warehouse.Sha256;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extract folders as extracts.md lays them out, made by the tests themselves (not by the
 * extract job): real Parquet files written by DuckDB, their CSV beside them in csv/, and
 * a datapackage.json with each file's size and SHA-256.
 */
final class ExtractFixture {

	static final String PARTNER = "LABO_ESS";

	static final String OTHER = "RTES";

	static final String OLD = "20250331T060000Z";

	static final String LATEST = "20260331T060000Z";

	private ExtractFixture() {
	}

	/**
	 * LABO_ESS: 2025 in two versions and 2024 in one; RTES: 2025; a hidden folder being
	 * written aside.
	 */
	static void standard(Path dataDir) throws Exception {
		Path extracts = dataDir.resolve("extracts");
		write(extracts.resolve(PARTNER).resolve("2025").resolve(OLD), PARTNER, 2025, 10, true);
		write(extracts.resolve(PARTNER).resolve("2025").resolve(LATEST), PARTNER, 2025, 20, true);
		write(extracts.resolve(PARTNER).resolve("2024").resolve("20250331T060000Z"), PARTNER, 2024, 5, false);
		write(extracts.resolve(OTHER).resolve("2025").resolve(LATEST), OTHER, 2025, 7, true);
		Path hidden = extracts.resolve(PARTNER).resolve("2025").resolve(".20270101T000000Z.tmp-1");
		Files.createDirectories(hidden);
		Files.writeString(hidden.resolve("aggregates.parquet"), "not yet");
	}

	/**
	 * One extract: aggregates and poles as Parquet and CSV, and (if asked) a
	 * datapackage.json.
	 */
	static void write(Path folder, String partner, int year, int rows, boolean datapackage) throws Exception {
		Files.createDirectories(folder.resolve("csv"));
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
			String aggregates = "SELECT 'MEMBERS_TOTAL' AS indicator, 'region' AS level, lpad(i::VARCHAR, 2, '0') AS area, "
					+ year + " AS year, (i * 10)::DOUBLE AS total, 'F' AS conf_status FROM range(" + rows + ") t(i)";
			String poles = "SELECT 'P' || lpad(i::VARCHAR, 4, '0') AS pole_id, '" + partner
					+ "' || ' pôle ' || i AS name FROM range(" + rows + ") t(i)";
			copy(s, aggregates, folder.resolve("aggregates.parquet"), "parquet");
			copy(s, poles, folder.resolve("poles.parquet"), "parquet");
			copy(s, aggregates, folder.resolve("csv").resolve("aggregates.csv"), "csv");
			copy(s, poles, folder.resolve("csv").resolve("poles.csv"), "csv");
		}
		if (datapackage) {
			datapackage(folder, partner, year);
		}
	}

	private static void copy(Statement s, String query, Path target, String format) throws Exception {
		String options = format.equals("parquet") ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true";
		s.execute("COPY (" + query + ") TO '" + target + "' (" + options + ")");
	}

	static void datapackage(Path folder, String partner, int year) throws IOException {
		List<Map<String, Object>> resources = new ArrayList<>();
		for (String path : List.of("aggregates.parquet", "poles.parquet", "csv/aggregates.csv", "csv/poles.csv")) {
			Path file = folder.resolve(path);
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("name", path.replace("csv/", "csv-").replaceAll("\\.[a-z]+$", ""));
			r.put("path", path);
			r.put("format", path.endsWith(".csv") ? "csv" : "parquet");
			r.put("mediatype", ExtractStore.mediaType(path));
			r.put("bytes", Files.size(file));
			r.put("hash", "sha256:" + Sha256.of(file));
			resources.add(r);
		}
		Map<String, Object> pkg = new LinkedHashMap<>();
		pkg.put("name", "observatoire-ptce-" + partner.toLowerCase() + "-" + year);
		pkg.put("title", "Observatoire des PTCE : extrait " + partner + " " + year);
		pkg.put("version", folder.getFileName().toString());
		pkg.put("created", "2026-03-31T06:05:00Z");
		pkg.put("resources", resources);
		Files.writeString(folder.resolve("datapackage.json"),
				JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(pkg));
	}

}
