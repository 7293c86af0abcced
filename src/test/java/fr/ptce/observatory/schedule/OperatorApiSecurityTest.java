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
 * What a token holder must not be able to do through the operator API, over real HTTP on
 * a real server (H2, test jobs): touch the host's files, launch runs on absurd years or
 * instants, read the server's internals in errors.
 */
class OperatorApiSecurityTest {

	static final String TOKEN = "s3cret-operator-token";

	static final String READ_TOKEN = "read-only-token";

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
		server = TestServers.serve(dataDir, TestServers.Database.h2(), true,
				Map.of("observatory.serve.schedules", schedules.toString(), "observatory.api.token-sha256",
						OperatorTokenFilter.sha256(TOKEN), "observatory.operations.run-threads", "1",
						"observatory.operations.run-queue", "1", "observatory.api.read-token-sha256",
						OperatorTokenFilter.sha256(READ_TOKEN)));
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
		b.method(method,
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(r.statusCode(), r.body(), r);
	}

	static Answer as(String token, String method, String path) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		b.header("Content-Type", "application/json");
		b.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
				: HttpRequest.BodyPublishers.noBody());
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
		// given folders the server can write: one outside the data directory, and its own
		// database
		Files.writeString(elsewhere.resolve("precious.csv"), "a,b\n");
		List<Path> db = files(dataDir.resolve("db"));
		assertThat(db).isNotEmpty();

		// when ingest is pointed at them, absolutely or relatively
		for (String inbox : new String[] { elsewhere.toString(), "../..", dataDir.resolve("db").toString(), "db" }) {
			Answer a = post("/api/runs",
					"{\"job\":\"ingest\",\"parameters\":{\"inbox\":\"" + inbox.replace("\\", "\\\\") + "\"}}");

			// then the run is refused with a message that says why, and nothing was
			// started
			assertThat(a.status()).as(inbox).isEqualTo(400);
			assertThat(a.body()).contains("\"error\"").contains("inbox").contains("not accepted from the API");
		}
		assertThat(files(elsewhere)).containsExactly(elsewhere.resolve("precious.csv"));
		assertThat(files(dataDir.resolve("db"))).containsAll(db);
		assertThat(Files.exists(dataDir.resolve("markers").resolve("ingest.log"))).isFalse();
	}

	@Test
	void yearsAndInstantsOutOfBoundsAreRefusedBeforeAnyRun() throws Exception {
		String huge = "+999999999-12-31T23:59:59Z";
		String[] bodies = { "{\"job\":\"aggregate\",\"parameters\":{\"from\":\"3000\",\"to\":\"9999\"}}",
				"{\"job\":\"aggregate\",\"parameters\":{\"from\":\"0000\",\"to\":\"0000\"}}",
				"{\"job\":\"aggregate\",\"parameters\":{\"from\":1900,\"to\":2020}}",
				"{\"job\":\"report\",\"parameters\":{\"year\":1999}}",
				"{\"job\":\"report\",\"parameters\":{\"year\":2020,\"asOf\":\"" + huge + "\"}}" };
		for (String body : bodies) {
			Answer a = post("/api/runs", body);
			assertThat(a.status()).as(body).isEqualTo(400);
			assertThat(a.body()).as(body).startsWith("{\"error\":\"").doesNotContain("Exception");
		}
		assertThat(post("/api/runs", bodies[4]).body()).contains("outside 1970 to 2099");
		assertThat(post("/api/runs", bodies[0]).body()).contains("outside the years the observatory covers");
		// before the registry's first pole (2012 in the bundled one), through a backfill
		// too
		assertThat(post("/api/runs", bodies[3]).body()).contains("(2012 to ");
		Answer backfill = post("/api/backfills", "{\"from\":2020,\"to\":2020,\"asOf\":\"" + huge + "\"}");
		assertThat(backfill.status()).isEqualTo(400);
		Answer early = post("/api/backfills", "{\"from\":2000,\"to\":2020,\"dryRun\":true}");
		assertThat(early.status()).as(early.body()).isEqualTo(400);
		assertThat(TestJobs.markers(dataDir, "aggregate")).noneMatch(l -> l.matches("aggregate (0000|1900|3000).*"));
		assertThat(TestJobs.markers(dataDir, "report")).noneMatch(l -> l.matches("report (1999|2020).*"));
	}

	@Test
	void theCommandLineHasTheSameBounds() {
		String huge = "+999999999-12-31T23:59:59Z";
		String[][] commands = { { "aggregate", "--from", "3000", "--to", "3001" },
				{ "aggregate", "--from", "1900", "--to", "2020" }, { "report", "--year", "2020", "--as-of", huge },
				{ "backfill", "--from", "2020", "--to", "2020", "--as-of", huge, "--dry-run" } };
		for (String[] command : commands) {
			java.io.StringWriter out = new java.io.StringWriter();
			java.io.StringWriter err = new java.io.StringWriter();
			String[] args = Stream.concat(Stream.of("--data-dir", elsewhere.toString()), Stream.of(command))
				.toArray(String[]::new);
			int status = fr.ptce.observatory.cli.ObservatoryCommand.execute(new java.io.PrintWriter(out, true),
					new java.io.PrintWriter(err, true), args);
			assertThat(status).as(String.join(" ", command) + "\n" + err).isEqualTo(2);
			assertThat(err.toString()).as(String.join(" ", command))
				.containsAnyOf("outside the years", "outside 1970 to 2099", "at most 100 years");
		}
	}

	@Test
	void errorsAreJsonWithTheirStatusAndAnswersAreNeitherSniffedNorCached() throws Exception {
		// a body that is not JSON, an Accept the API cannot answer, /error itself, an
		// unknown path
		Answer text = call("POST", "/api/runs", "job=ingest", Map.of("Content-Type", "text/plain"));
		Answer html = call("GET", "/api/runs", null, Map.of("Accept", "text/html"));
		Answer error = call("GET", "/error", null, Map.of());
		Answer unknown = call("GET", "/nothing-here", null, Map.of());
		assertThat(text.status()).isEqualTo(415);
		assertThat(html.status()).isEqualTo(406);
		assertThat(error.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		for (Answer a : new Answer[] { text, html, error, unknown }) {
			assertThat(a.body()).startsWith("{\"error\":\"").doesNotContain("Whitelabel").doesNotContain("timestamp");
			assertThat(a.response().headers().firstValue("Content-Type"))
				.hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
		}
		// every API answer, success or not
		for (Answer a : new Answer[] { call("GET", "/api/runs", null, Map.of()), text }) {
			assertThat(a.response().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
			assertThat(a.response().headers().firstValue("Cache-Control")).contains("no-store");
		}
	}

	@Test
	void metricsAreNotExposedAndLargeBodiesAreNeitherReadNorEchoed() throws Exception {
		assertThat(call("GET", "/actuator/metrics", null, Map.of()).status()).isEqualTo(404);
		assertThat(call("GET", "/actuator/prometheus", null, Map.of()).status()).isEqualTo(200);

		String big = "{\"job\":\"" + "x".repeat(2_000_000) + "\"}";
		Answer a = post("/api/runs", big);
		assertThat(a.status()).isEqualTo(413);
		assertThat(a.body()).startsWith("{\"error\":\"").hasSizeLessThan(300);
		// under the limit, a wrong body is answered without being echoed whole
		Answer wrong = post("/api/runs", "{\"job\": " + "x".repeat(10_000) + "}");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).hasSizeLessThan(500);
	}

	@Test
	void aFailedRunShowsWhyWithoutStackFramesOrJavaTypeNames() throws Exception {
		TestJobs.control(dataDir, "fail-report-2021", "");
		Answer started = post("/api/runs", "{\"job\":\"report\",\"parameters\":{\"year\":2021}}");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		String id = started.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
		Answer detail = null;
		for (int i = 0; i < 200; i++) {
			detail = call("GET", "/api/runs/" + id, null, Map.of());
			if (detail.body().contains("\"status\":\"FAILED\"")) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(detail.body()).contains("FAILED")
			.contains("failure asked for report 2021")
			.doesNotContain("Exception")
			.doesNotContain("java.")
			.doesNotContain("\\tat ")
			.doesNotContain("\\n");
		// nor in a 409
		Answer conflict = post("/api/runs/" + id + "/abandon", null);
		Answer again = post("/api/runs/" + id + "/restart", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).doesNotContain("Exception").doesNotContain("java.");
		assertThat(conflict.status()).isEqualTo(200);
	}

	@Test
	void aFullRunQueueAnswers503WithRetryAfterAndRecordsNothing() throws Exception {
		// given one run thread busy and the one place of the queue taken
		TestJobs.control(dataDir, "slow-aggregate", "100");
		Answer running = post("/api/runs", "{\"job\":\"aggregate\",\"parameters\":{\"from\":2020,\"to\":2020}}");
		Answer queued = post("/api/runs", "{\"job\":\"aggregate\",\"parameters\":{\"from\":2022,\"to\":2022}}");
		assertThat(running.status()).as(running.body()).isEqualTo(202);
		assertThat(queued.status()).as(queued.body()).isEqualTo(202);
		try {
			// when one more is asked
			Answer refused = post("/api/runs", "{\"job\":\"aggregate\",\"parameters\":{\"from\":2024,\"to\":2024}}");

			// then: come back later, and no FAILED run was recorded for it
			assertThat(refused.status()).as(refused.body()).isEqualTo(503);
			assertThat(refused.response().headers().firstValue("Retry-After")).contains("30");
			assertThat(refused.body()).contains("try again later");
			assertThat(call("GET", "/api/runs?job=aggregate", null, Map.of()).body()).doesNotContain("2024");
		}
		finally {
			TestJobs.control(dataDir, "slow-aggregate", null);
			for (Answer a : new Answer[] { running, queued }) {
				String id = a.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
				server.getBean(JobRuns.class).await(Long.parseLong(id), Duration.ofSeconds(30));
			}
		}
	}

	@Test
	void aClientLeavingMidAnswerLogsNoError() throws Exception {
		// given an answer of megabytes: a thousand runs with long parameters (of a job no
		// test starts)
		var repository = server.getBean(org.springframework.batch.core.repository.JobRepository.class);
		String note = "n".repeat(2_400);
		for (int i = 0; i < 1000; i++) {
			var params = new org.springframework.batch.core.job.parameters.JobParametersBuilder()
				.addLong("run.id", (long) i)
				.addString("a", note, false)
				.addString("b", note, false)
				.toJobParameters();
			repository.createJobExecution(repository.createJobInstance("probeJob", params), params,
					new org.springframework.batch.infrastructure.item.ExecutionContext());
		}
		var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
		appender.start();
		root.addAppender(appender);
		try {
			// when a client asks for it, reads almost nothing, and resets the connection
			try (java.net.Socket socket = new java.net.Socket()) {
				socket.setReceiveBufferSize(1024);
				socket
					.connect(new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(base.replaceAll(".*:", ""))));
				socket.getOutputStream()
					.write(("GET /api/runs?job=probeJob&limit=1000 HTTP/1.1\r\nHost: localhost\r\n"
							+ "Authorization: Bearer " + TOKEN + "\r\n\r\n")
						.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
				socket.getOutputStream().flush();
				socket.getInputStream().read(new byte[512]);
				Thread.sleep(1_500);
				socket.setSoLinger(true, 0);
			}
			Thread.sleep(2_000);

			// then nothing is logged as an error: the server did nothing wrong
			assertThat(appender.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
				.extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
				.isEmpty();
		}
		finally {
			root.detachAppender(appender);
		}
	}

	@Test
	void everyEndpointGivesTheDocumentedAnswerToEachCaller() throws Exception {
		String[] reads = { "/api/runs", "/api/runs/999999", "/api/schedules", "/api/partitions", "/api/backfills",
				"/api/backfills/backfill-0", "/api/deliveries" };
		String[] actions = { "/api/runs", "/api/runs/999999/stop", "/api/runs/999999/restart",
				"/api/runs/999999/abandon", "/api/schedules/none/pause", "/api/schedules/none/resume",
				"/api/backfills" };
		for (String path : reads) {
			assertThat(as(null, "GET", path).status()).as(path).isEqualTo(401);
			assertThat(as("wrong", "GET", path).status()).as(path).isEqualTo(401);
			assertThat(as(READ_TOKEN, "GET", path).status()).as(path).isIn(200, 404);
			assertThat(as(TOKEN, "GET", path).status()).as(path).isIn(200, 404);
		}
		for (String path : actions) {
			assertThat(as(null, "POST", path).status()).as(path).isEqualTo(401);
			assertThat(as("wrong", "POST", path).status()).as(path).isEqualTo(401);
			assertThat(as(READ_TOKEN, "POST", path).status()).as(path).isEqualTo(403);
			// the operator gets through to the action: a refusal of the request itself,
			// never of the caller
			assertThat(as(TOKEN, "POST", path).status()).as(path).isIn(400, 404, 409);
		}
		// without a token: health, info and the Prometheus scrape only
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/info",
				"/actuator/prometheus" }) {
			assertThat(as(null, "GET", path).status()).as(path).isEqualTo(200);
		}
		for (String path : new String[] { "/actuator/metrics", "/actuator/env", "/actuator/beans",
				"/actuator/configprops", "/actuator/heapdump", "/actuator/shutdown" }) {
			assertThat(as(null, "GET", path).status()).as(path).isEqualTo(404);
		}
	}

}
