package fr.ptce.observatory.schedule;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.ptce.observatory.schedule.api.OperatorTokenFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a token holder must not be able to do through the operator API, over real HTTP on a real server (H2, test
 * jobs): touch the host's files, launch runs on absurd years or instants, read the server's internals in errors.
 */
class OperatorApiSecurityTest {

	static final String TOKEN = "s3cret-operator-token";

	@TempDir
	static Path dataDir;

	@TempDir
	static Path elsewhere;

	static ConfigurableApplicationContext server;

	static String base;

	static final HttpClient http = HttpClient.newHttpClient();

	record Answer(int status, String body, HttpResponse<String> response) {
	}

	@BeforeAll
	static void startServer() throws Exception {
		Path schedules = dataDir.resolve("schedules.yml");
		Files.writeString(schedules, "schedules: []\n");
		server = TestServers.serve(dataDir, TestServers.Database.h2(), true, Map.of("observatory.serve.schedules",
				schedules.toString(), "observatory.api.token-sha256", OperatorTokenFilter.sha256(TOKEN)));
		base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	static Answer call(String method, String path, String body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
		b.header("Authorization", "Bearer " + TOKEN);
		headers.forEach(b::header);
		b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(r.statusCode(), r.body(), r);
	}

	static Answer post(String path, String body) throws Exception {
		return call("POST", path, body, Map.of("Content-Type", "application/json"));
	}

	static List<Path> files(Path dir) throws Exception {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).sorted().toList();
		}
	}

	@Test
	void aTokenGivesNoFileAccessThroughJobParameters() throws Exception {
		// given folders the server can write: one outside the data directory, and its own database
		Files.writeString(elsewhere.resolve("precious.csv"), "a,b\n");
		List<Path> db = files(dataDir.resolve("db"));
		assertThat(db).isNotEmpty();

		// when ingest is pointed at them, absolutely or relatively
		for (String inbox : new String[] { elsewhere.toString(), "../..", dataDir.resolve("db").toString(),
				"db" }) {
			Answer a = post("/api/runs",
					"{\"job\":\"ingest\",\"parameters\":{\"inbox\":\"" + inbox.replace("\\", "\\\\") + "\"}}");

			// then the run is refused with a message that says why, and nothing was started
			assertThat(a.status()).as(inbox).isEqualTo(400);
			assertThat(a.body()).contains("\"error\"").contains("inbox").contains("not accepted from the API");
		}
		assertThat(files(elsewhere)).containsExactly(elsewhere.resolve("precious.csv"));
		assertThat(files(dataDir.resolve("db"))).containsAll(db);
		assertThat(Files.exists(dataDir.resolve("markers").resolve("ingest.log"))).isFalse();
	}

}
