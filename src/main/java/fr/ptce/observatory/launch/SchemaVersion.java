package fr.ptce.observatory.launch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The newest Flyway migration of db/migration/{vendor}, known when the jar is built, so
 * that a command can tell whether the database's schema is current without Flyway (which
 * would scan the jar and check every migration at each start). {@code SchemaVersionTest}
 * fails when a migration is added and this is not.
 */
public final class SchemaVersion {

	/**
	 * The version of the newest file of db/migration/h2 and db/migration/postgresql
	 * (V5__...).
	 */
	public static final String LATEST = "5";

	private SchemaVersion() {
	}

	/**
	 * Whether the schema history's latest successful migration is {@link #LATEST}; false
	 * when it cannot tell.
	 */
	public static boolean isCurrent(Connection connection) {
		try (Statement sql = connection.createStatement();
				ResultSet rs = sql.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
						+ " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC FETCH FIRST 1 ROWS ONLY")) {
			return rs.next() && LATEST.equals(rs.getString(1));
		}
		catch (SQLException ex) {
			// no history table (a database Flyway never saw) or another layout: let
			// Flyway decide
			return false;
		}
	}

}
