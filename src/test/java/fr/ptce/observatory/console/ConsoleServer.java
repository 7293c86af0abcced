package fr.ptce.observatory.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.ObservatoryApplication;
import fr.ptce.observatory.cli.ObservatoryCommand;
import fr.ptce.observatory.download.PartnerTokens;
import fr.ptce.observatory.schedule.api.OperatorTokens;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real {@code serve} for the console's tests and benchmark: the demo's data directory
 * (the whole chain run on the bundled samples: ingest, aggregate 2015-2025, report and
 * extracts of 2025), then the server started as {@code serve} starts it, with the
 * pipeline's real jobs, H2 in the data directory, a random port and two schedules.
 */
public final class ConsoleServer implements AutoCloseable {

	public static final String OPERATOR_TOKEN = "console-operator-token-for-tests-0123456789";

	public static final String READ_TOKEN = "console-read-only-token-for-tests-0123456789";

	public final Path dataDir;

	final ConfigurableApplicationContext context;

	public final String base;

	private ConsoleServer(Path dataDir, ConfigurableApplicationContext context) {
		this.dataDir = dataDir;
		this.context = context;
		this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	/**
	 * Runs the demo into the folder (which must be empty), then starts the server on it.
	 * With {@code -Dconsole.demo.cache=DIR}, the demo's data directory is kept in DIR the
	 * first time and copied from it the next times (the demo takes minutes on a loaded
	 * machine).
	 */
	public static ConsoleServer demo(Path dataDir) throws IOException {
		String cache = System.getProperty("console.demo.cache", "");
		if (!cache.isBlank() && Files.isDirectory(Path.of(cache))) {
			copy(Path.of(cache), dataDir);
		}
		else {
			StringWriter out = new StringWriter();
			int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(out, true),
					"--data-dir", dataDir.toString(), "demo");
			if (status != 0) {
				throw new IllegalStateException("demo failed: " + out);
			}
			if (!cache.isBlank()) {
				copy(dataDir, Path.of(cache));
			}
		}
		Path schedules = dataDir.resolve("schedules-test.yml");
		Files.writeString(schedules, """
				schedules:
				  - name: ingest-inbox
				    job: ingest
				    cron: "0 0/15 * * * ?"
				    misfire: skip
				  - name: aggregate-nightly
				    job: aggregate
				    cron: "0 30 2 * * ?"
				    parameters: {from: previous-year, to: current-year}
				""");
		Map<String, String> p = new LinkedHashMap<>();
		p.put("observatory.data-dir", dataDir.toAbsolutePath().toString());
		p.put("spring.quartz.auto-startup", "true");
		p.put("observatory.serve.enabled", "true");
		p.put("observatory.serve.schedules", schedules.toString());
		p.put("server.port", "0");
		p.put("logging.level.fr.ptce.observatory", "WARN");
		// the console's sign-in lines, which the tests read to see that no token is ever
		// logged
		p.put("logging.level.fr.ptce.observatory.console", "INFO");
		p.put("observatory.operations.shutdown-wait", "20s");
		p.put("observatory.api.token-sha256", OperatorTokens.sha256(OPERATOR_TOKEN));
		p.put("observatory.api.read-token-sha256", OperatorTokens.sha256(READ_TOKEN));
		List<String> args = new ArrayList<>();
		p.forEach((k, v) -> args.add("--" + k + "=" + v));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ObservatoryApplication.class)
			.web(WebApplicationType.SERVLET)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
		return new ConsoleServer(dataDir, context);
	}

	private static void copy(Path from, Path to) throws IOException {
		try (var files = Files.walk(from)) {
			for (Path p : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	public String issue(String partner) {
		return context.getBean(PartnerTokens.class)
			.issue(partner, PartnerTokens.DEFAULT_VALIDITY, "console test")
			.token();
	}

	@Override
	public void close() {
		context.close();
	}

}
