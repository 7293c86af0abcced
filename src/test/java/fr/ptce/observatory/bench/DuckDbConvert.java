package fr.ptce.observatory.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The reference: DuckDB's bare CSV to Parquet conversion of the same file, in its own
 * process.
 */
public final class DuckDbConvert {

	private DuckDbConvert() {
	}

	public static void main(String[] args) throws Exception {
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
			long start = System.nanoTime();
			sql.execute("COPY (SELECT * FROM read_csv('" + args[0] + "')) TO '" + args[1]
					+ "' (FORMAT parquet, COMPRESSION zstd)");
			System.out.printf("duckdb copy %.3f s%n", (System.nanoTime() - start) / 1e9);
		}
	}

}
