package fr.ptce.observatory.schedule;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.ObservatoryApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application as {@code serve} or a command would, with {@link TestJobs} in
 * place of the pipeline's jobs, on H2 (in the data directory) or on PostgreSQL (a fresh
 * schema of OBSERVATORY_TEST_PG_URL).
 */
public final class TestServers {

	public static final String PG_URL = "OBSERVATORY_TEST_PG_URL";

	private TestServers() {
	}

	/** The database of a test: its Spring properties. */
	public record Database(String name, Map<String, String> properties) {

		public static Database h2() {
			return new Database("h2", Map.of());
		}

		/**
		 * A fresh schema (dropped and created) of the PostgreSQL database of
		 * OBSERVATORY_TEST_PG_URL.
		 */
		public static Database postgres(String schema) throws Exception {
			String url = System.getenv(PG_URL);
			String user = env("OBSERVATORY_TEST_PG_USER", "observatory");
			String password = env("OBSERVATORY_TEST_PG_PASSWORD", "observatory");
			try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
				s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
				s.execute("CREATE SCHEMA " + schema);
			}
			Map<String, String> p = new LinkedHashMap<>();
			p.put("spring.profiles.active", "postgres");
			p.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
			p.put("spring.datasource.username", user);
			p.put("spring.datasource.password", password);
			return new Database("postgres", p);
		}

		private static String env(String name, String fallback) {
			String v = System.getenv(name);
			return v == null || v.isBlank() ? fallback : v;
		}

	}

	/** A server: scheduler started, schedules of the file, recovery at start-up. */
	public static ConfigurableApplicationContext serve(Path dataDir, Database db, boolean web,
			Map<String, String> extra) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("spring.quartz.auto-startup", "true");
		p.put("observatory.serve.enabled", "true");
		p.putAll(extra);
		return start(dataDir, db, web ? WebApplicationType.SERVLET : WebApplicationType.NONE, p);
	}

	/** As a command-line run starts it: no web, no scheduler. */
	public static ConfigurableApplicationContext command(Path dataDir, Database db, Map<String, String> extra) {
		return start(dataDir, db, WebApplicationType.NONE, extra);
	}

	private static ConfigurableApplicationContext start(Path dataDir, Database db, WebApplicationType web,
			Map<String, String> extra) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("observatory.data-dir", dataDir.toAbsolutePath().toString());
		p.put("spring.main.allow-bean-definition-overriding", "true");
		p.put("server.port", "0");
		p.put("logging.level.fr.ptce.observatory", "WARN");
		p.put("observatory.operations.shutdown-wait", "20s");
		p.putAll(db.properties());
		p.putAll(extra);
		List<String> args = new ArrayList<>();
		p.forEach((k, v) -> args.add("--" + k + "=" + v));
		return new SpringApplicationBuilder(ObservatoryApplication.class, TestJobs.class).web(web)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
	}

	/**
	 * Spring arguments that put the test jobs into a context started by the command line
	 * (ObservatoryCommand).
	 */
	public static List<String> commandLineArguments(Database db) {
		List<String> args = new ArrayList<>();
		args.add("--spring.main.sources=" + TestJobs.class.getName());
		args.add("--spring.main.allow-bean-definition-overriding=true");
		db.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
		return args;
	}

}
