package fr.ptce.observatory.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The reference of the start-up benchmark: a JVM that opens DuckDB and runs one query
 * (the observations of a warehouse counted), what a partner reading the warehouse with
 * DuckDB's JDBC driver pays for one answer.
 */
public final class DuckDbQuery {

	private DuckDbQuery() {
	}

	public static void main(String[] args) throws Exception {
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
				Statement sql = db.createStatement();
				ResultSet rs = sql.executeQuery("SELECT count(*) FROM read_parquet('" + args[0] + "')")) {
			rs.next();
			System.out.println("observations: " + rs.getLong(1));
		}
	}

}
