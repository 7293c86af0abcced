package fr.ptce.observatory.launch;

import org.flywaydb.core.Flyway;

/** The jar's H2 migrations run by Flyway on a database, up to a version, for tests. */
public final class H2Migrations {

	private H2Migrations() {
	}

	/** Migrates the database of this URL up to and including version {@code target}. */
	public static void migrateTo(String url, String target) {
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/h2")
			.target(target)
			.load()
			.migrate();
	}

}
