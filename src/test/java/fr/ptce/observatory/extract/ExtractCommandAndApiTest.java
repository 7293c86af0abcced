package fr.ptce.observatory.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.ObservatoryApplication;
import fr.ptce.observatory.cli.ObservatoryCommand;
import fr.ptce.observatory.schedule.api.OperatorTokenFilter;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code extract} as operators run it: the command line (exit statuses, what it prints,
 * status), and the operator API of a real server (POST /api/runs with job extract, GET
 * /api/extracts) over HTTP.
 */
class ExtractCommandAndApiTest {

	@TempDir
	static Path root;

	static ExtractFixture fixture;

	record Run(int status, String out, String err) {
	}

	@BeforeAll
	static void warehouse() {
		fixture = new ExtractFixture(root);
	}

	static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		List<String> all = new ArrayList<>(
				List.of("--data-dir", fixture.dir.root().toString(), "--registry", fixture.registryFile.toString()));
		all.addAll(List.of(args));
		int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
				all.toArray(String[]::new));
		return new Run(status, out.toString(), err.toString());
	}

	@Test
	void theCommandRefusesWhatItCannotDoThenBuildsKeepsAndLists() {
		// a year without aggregates: exit 2, one line saying what to run first
		Run noYear = run("extract", "--year", "2030");
		assertThat(noYear.status()).isEqualTo(2);
		assertThat(noYear.err().strip())
			.isEqualTo("error: no aggregates for 2030: run 'aggregate --year 2030' first, then 'extract --year 2030'");
		Run unknown = run("extract", "--year", "2025", "--partner", "NOPE");
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err()).contains("unknown partner 'NOPE'");

		// one partner, then all: the first is kept, the four others written
		Run mes = run("extract", "--year", "2025", "--partner", "MES");
		assertThat(mes.status()).as(mes.err()).isZero();
		assertThat(mes.out()).contains("New extract MES 2025 " + ExtractFixture.VERSION + ": "
				+ fixture.dir.extracts("MES").resolve("2025").resolve(ExtractFixture.VERSION));
		Run all = run("extract", "--year", "2025");
		assertThat(all.status()).as(all.err()).isZero();
		assertThat(all.out())
			.contains("Unchanged, kept MES 2025", "New extract RTES 2025", "New extract ESS_FRANCE 2025")
			.contains("(job time)");

		// status lists them per partner and year
		Run status = run("status");
		assertThat(status.out()).contains("Partner extracts", "extractJob")
			.containsPattern("COORACE +2025  " + ExtractFixture.VERSION + "  \\(1 version\\(s\\)\\)");
	}

	@Test
	void operatorsBuildAndListExtractsThroughTheApi() throws Exception {
		String token = "operator-token-for-extracts";
		Path data = root.resolve("api-data");
		// given a server on a copy of the warehouse
		fr.ptce.observatory.warehouse.AtomicFiles.deleteTree(data);
		copy(fixture.dir.warehouse(), data.resolve("warehouse"));
		List<String> args = List.of("--observatory.data-dir=" + data, "--observatory.registry=" + fixture.registryFile,
				"--server.port=0", "--observatory.api.token-sha256=" + OperatorTokenFilter.sha256(token),
				"--logging.level.fr.ptce.observatory=WARN");
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(ObservatoryApplication.class)
			.web(WebApplicationType.SERVLET)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new))) {
			String base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();
			JsonMapper json = JsonMapper.builder().build();

			// when an operator starts the extract job of 2025
			HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"job\":\"extract\",\"parameters\":{\"year\":2025}}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
			long id = json.readTree(started.body()).get("id").asLong();
			String status = "STARTING";
			for (int i = 0; i < 600 && (status.startsWith("START") || status.equals("STOPPING")); i++) {
				Thread.sleep(100);
				status = json.readTree(get(http, base + "/api/runs/" + id, token).body()).get("status").asString();
			}
			assertThat(status).isEqualTo("COMPLETED");

			// then GET /api/extracts lists the five partners' extracts with their files
			HttpResponse<String> listed = get(http, base + "/api/extracts", token);
			assertThat(listed.statusCode()).isEqualTo(200);
			JsonNode extracts = json.readTree(listed.body());
			assertThat(extracts.size()).isEqualTo(5);
			List<String> partners = new ArrayList<>();
			for (JsonNode e : extracts) {
				partners.add(e.get("partner").asString());
				assertThat(e.get("year").asInt()).isEqualTo(2025);
				assertThat(e.get("version").asString()).isEqualTo(ExtractFixture.VERSION);
				assertThat(e.get("as_of").asString()).isEqualTo("2026-03-31T06:00:00Z");
				assertThat(e.get("files").size()).isEqualTo(11);
				assertThat(e.get("files").get(0).get("sha256").asString()).hasSize(64);
			}
			assertThat(partners).containsExactly("COORACE", "ESS_FRANCE", "LABO_ESS", "MES", "RTES");
			// one partner, and a name that is not a code finds nothing rather than a path
			// elsewhere
			assertThat(json.readTree(get(http, base + "/api/extracts?partner=RTES", token).body()).size()).isEqualTo(1);
			assertThat(get(http, base + "/api/extracts?partner=../RTES", token).body()).isEqualTo("[]");
			// and without the operator token, nothing
			assertThat(get(http, base + "/api/extracts", "wrong").statusCode()).isEqualTo(401);
		}
	}

	static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static void copy(Path from, Path to) throws Exception {
		try (var walk = java.nio.file.Files.walk(from)) {
			for (Path p : walk.toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (java.nio.file.Files.isDirectory(p)) {
					java.nio.file.Files.createDirectories(target);
				}
				else {
					java.nio.file.Files.copy(p, target);
				}
			}
		}
	}

}
