package fr.ptce.observatory.schedule;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import fr.ptce.observatory.schedule.api.OperatorTokenFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator API over real HTTP on a real server (random port, H2, test jobs): tokens,
 * malformed requests, runs started, inspected, failed and restarted, stopped and
 * abandoned, schedules paused, partitions, backfills, and Actuator's health and
 * Prometheus metrics.
 */
class OperatorApiTest {

	static final String TOKEN = "s3cret-operator-token";

	static final String READ_TOKEN = "read-only-token";

	@TempDir
	static Path dataDir;

	static ConfigurableApplicationContext server;

	static String base;

	static final HttpClient http = HttpClient.newHttpClient();

	static final JsonMapper json = JsonMapper.builder().build();

	record Answer(int status, String body, HttpResponse<String> response) {

		JsonNode json() {
			return OperatorApiTest.json.readTree(body);
		}

	}

	@BeforeAll
	static void startServer() throws Exception {
		Path schedules = dataDir.resolve("schedules.yml");
		Files.writeString(schedules, """
				schedules:
				  - name: nightly
				    job: aggregate
				    cron: "0 30 2 * * ?"
				    parameters: {from: previous-year, to: current-year}
				""");
		server = TestServers.serve(dataDir, TestServers.Database.h2(), true,
				Map.of("observatory.serve.schedules", schedules.toString(), "observatory.api.token-sha256",
						OperatorTokenFilter.sha256(TOKEN), "observatory.api.read-token-sha256",
						OperatorTokenFilter.sha256(READ_TOKEN)));
		base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	static Answer call(String method, String path, String token, String body, String contentType) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
		if (token != null) {
			b.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
		}
		if (body != null) {
			b.header("Content-Type", contentType);
			b.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			b.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(r.statusCode(), r.body(), r);
	}

	static Answer get(String path) throws Exception {
		return call("GET", path, TOKEN, null, null);
	}

	static Answer post(String path, String body) throws Exception {
		return call("POST", path, TOKEN, body, "application/json");
	}

	static JsonNode awaitEnd(long id) throws Exception {
		for (int i = 0; i < 200; i++) {
			JsonNode run = get("/api/runs/" + id).json();
			String status = run.get("status").asString();
			if (!status.equals("STARTING") && !status.equals("STARTED") && !status.equals("STOPPING")) {
				return run;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("run " + id + " did not end");
	}

	static String awaitStep(long id, String expected) throws Exception {
		String status = null;
		for (int i = 0; i < 100; i++) {
			status = get("/api/runs/" + id).json().get("steps").get(0).get("status").asString();
			if (status.equals(expected)) {
				break;
			}
			Thread.sleep(100);
		}
		return status;
	}

	@Test
	void withoutAValidTokenEveryCallIs401AndSaysNothingMore() throws Exception {
		// given calls without a token, with a wrong one, with another scheme, on existing
		// and unknown resources
		Answer none = call("GET", "/api/runs", null, null, null);
		Answer wrong = call("GET", "/api/runs", "not-the-token", null, null);
		Answer basic = call("GET", "/api/runs", "Basic " + TOKEN, null, null);
		Answer unknownRun = call("GET", "/api/runs/987654", "not-the-token", null, null);
		Answer action = call("POST", "/api/runs", null, "{\"job\":\"ingest\"}", "application/json");

		// then all are 401 with one and the same body: nothing tells whether the resource
		// or the action exists
		for (Answer a : new Answer[] { none, wrong, basic, unknownRun, action }) {
			assertThat(a.status()).isEqualTo(401);
			assertThat(a.body()).isEqualTo("{\"error\":\"unauthorized\"}");
			assertThat(a.response().headers().firstValue("WWW-Authenticate")).contains("Bearer");
		}
		// and with the token, the unknown run is a 404
		assertThat(get("/api/runs/987654").status()).isEqualTo(404);
	}

	@Test
	void theReadOnlyTokenReadsButMayNotAct() throws Exception {
		assertThat(call("GET", "/api/runs", READ_TOKEN, null, null).status()).isEqualTo(200);
		Answer start = call("POST", "/api/runs", READ_TOKEN, "{\"job\":\"ingest\"}", "application/json");
		assertThat(start.status()).isEqualTo(403);
		assertThat(start.json().get("error").asString()).contains("may only read");
		assertThat(call("POST", "/api/schedules/nightly/pause", READ_TOKEN, null, null).status()).isEqualTo(403);
	}

	@Test
	void malformedOrWrongBodiesAre400WithAMessage() throws Exception {
		Answer notJson = post("/api/runs", "{\"job\": \"aggregate\", ");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.json().get("error").asString()).startsWith("malformed JSON body");

		Answer noBody = call("POST", "/api/runs", TOKEN, null, null);
		assertThat(noBody.status()).isIn(400, 415);
		assertThat(noBody.json().has("error")).isTrue();

		Answer wrongType = post("/api/backfills", "{\"from\": \"two thousand\", \"to\": 2024}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("error").asString()).startsWith("malformed JSON body");

		Answer noJob = post("/api/runs", "{}");
		assertThat(noJob.status()).isEqualTo(400);
		assertThat(noJob.json().get("error").asString())
			.isEqualTo("'job' is required (ingest, aggregate, report, extract)");

		Answer unknownJob = post("/api/runs", "{\"job\": \"agregate\"}");
		assertThat(unknownJob.status()).isEqualTo(400);
		assertThat(unknownJob.json().get("error").asString()).contains("unknown job 'agregate'");

		Answer badYear = post("/api/runs", "{\"job\": \"report\", \"parameters\": {\"year\": \"20x4\"}}");
		assertThat(badYear.status()).isEqualTo(400);
		assertThat(badYear.json().get("error").asString())
			.isEqualTo("parameter 'year' of job report must be a year (YYYY), not '20x4'");

		Answer badMode = post("/api/backfills", "{\"from\": 2020, \"to\": 2021, \"mode\": \"some\"}");
		assertThat(badMode.status()).isEqualTo(400);
		assertThat(badMode.json().get("error").asString()).contains("mode must be missing, failed or all");

		Answer text = call("POST", "/api/runs", TOKEN, "job=ingest", "text/plain");
		assertThat(text.status()).isEqualTo(415);
	}

	@Test
	void aReportOrAnExtractOfAYearWithoutAggregatesIs400AndStartsNothing() throws Exception {
		// given a year without aggregates (its stand-in removed)
		Path standIn = dataDir.resolve("warehouse/aggregates/year=2017/part-0.parquet");
		Files.deleteIfExists(standIn);
		int runsBefore = get("/api/runs?limit=500").json().size();

		// when an extract and a report of it are asked
		Answer extract = post("/api/runs", "{\"job\": \"extract\", \"parameters\": {\"year\": 2017}}");
		Answer report = post("/api/runs", "{\"job\": \"report\", \"parameters\": {\"year\": 2017}}");

		// then both are 400 saying what to run first, and no run was recorded
		assertThat(extract.status()).isEqualTo(400);
		assertThat(extract.json().get("error").asString())
			.isEqualTo("no aggregates for 2017: run 'aggregate --year 2017' first, then 'extract --year 2017'");
		assertThat(report.status()).isEqualTo(400);
		assertThat(report.json().get("error").asString()).contains("run 'aggregate --year 2017' first");
		assertThat(get("/api/runs?limit=500").json().size()).isEqualTo(runsBefore);
	}

	@Test
	void aFailedRunShowsItsErrorAndIsRestarted() throws Exception {
		// given an aggregate of 2023 that fails
		TestJobs.control(dataDir, "fail-aggregate-2023", "");
		Answer started = post("/api/runs", "{\"job\": \"aggregate\", \"parameters\": {\"from\": 2023, \"to\": 2023}}");
		assertThat(started.status()).isEqualTo(202);
		long id = started.json().get("id").asLong();

		// when it ends, then it is FAILED with its step, counts and error
		JsonNode failed = awaitEnd(id);
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("job").asString()).isEqualTo("aggregate");
		assertThat(failed.get("parameters").get("from").asLong()).isEqualTo(2023);
		// the aggregate job needs an as-of instant: now when none is given
		assertThat(failed.get("parameters").get("asOf").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(failed.get("steps").get(0).get("name").asString()).isEqualTo("aggregate");
		assertThat(failed.get("steps").get(0).get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("errors").toString()).contains("failure asked for aggregate 2023");
		assertThat(get("/api/partitions?from=2023&to=2023&steps=aggregate").json().get(0).get("state").asString())
			.isEqualTo("FAILED");

		// when the cause is gone and the run restarted
		TestJobs.control(dataDir, "fail-aggregate-2023", null);
		Answer restarted = post("/api/runs/" + id + "/restart", null);
		assertThat(restarted.status()).isEqualTo(202);
		long again = restarted.json().get("id").asLong();

		// then the new execution completes with its counts, and the partition is
		// COMPLETED
		JsonNode completed = awaitEnd(again);
		assertThat(again).isNotEqualTo(id);
		assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(completed.get("steps").get(0).get("written").asLong()).isEqualTo(1);
		assertThat(TestJobs.markers(dataDir, "aggregate")).contains("aggregate 2023 run=" + again);
		JsonNode partition = get("/api/partitions?from=2023&to=2023&steps=aggregate").json().get(0);
		assertThat(partition.get("state").asString()).isEqualTo("COMPLETED");
		assertThat(partition.get("runId").asLong()).isEqualTo(again);
		// and a completed run is not restarted again
		assertThat(post("/api/runs/" + again + "/restart", null).status()).isEqualTo(409);
		assertThat(get("/api/runs?job=aggregate").json().findValuesAsString("status")).contains("COMPLETED", "FAILED");
	}

	@Test
	void aRunningRunIsExclusiveOnItsYearAndCanBeStoppedThenAbandoned() throws Exception {
		// given a slow report of 2022
		TestJobs.control(dataDir, "slow-report", "100");
		try {
			long id = post("/api/runs", "{\"job\": \"report\", \"parameters\": {\"year\": 2022}}").json()
				.get("id")
				.asLong();

			// when the same report is asked again while it runs, then it is refused
			Answer twice = post("/api/runs", "{\"job\": \"report\", \"parameters\": {\"year\": 2022}}");
			assertThat(twice.status()).isEqualTo(409);
			assertThat(twice.json().get("error").asString()).contains("report is already running on [2022]");
			// but another year may run
			long other = post("/api/runs", "{\"job\": \"report\", \"parameters\": {\"year\": 2021}}").json()
				.get("id")
				.asLong();

			// when it is stopped, then it ends STOPPED at a chunk boundary
			assertThat(post("/api/runs/" + id + "/stop", null).status()).isEqualTo(202);
			assertThat(post("/api/runs/" + other + "/stop", null).status()).isEqualTo(202);
			assertThat(awaitEnd(id).get("status").asString()).isEqualTo("STOPPED");
			assertThat(awaitEnd(other).get("status").asString()).isEqualTo("STOPPED");
			// and its step too, once it reached its chunk boundary (not FAILED by a clash
			// of updates)
			assertThat(awaitStep(id, "STOPPED")).isEqualTo("STOPPED");

			// and when abandoned, it is ABANDONED and cannot be restarted
			assertThat(post("/api/runs/" + id + "/abandon", null).json().get("status").asString())
				.isEqualTo("ABANDONED");
			assertThat(post("/api/runs/" + id + "/restart", null).status()).isEqualTo(409);
			assertThat(post("/api/runs/" + id + "/stop", null).status()).isEqualTo(409);
		}
		finally {
			TestJobs.control(dataDir, "slow-report", null);
		}
	}

	@Test
	void schedulesArePausedAndResumed() throws Exception {
		JsonNode list = get("/api/schedules").json();
		assertThat(list.get(0).get("name").asString()).isEqualTo("nightly");
		assertThat(list.get(0).get("state").asString()).isEqualTo("NORMAL");
		assertThat(post("/api/schedules/nightly/pause", null).json().get(0).get("state").asString())
			.isEqualTo("PAUSED");
		assertThat(get("/api/schedules").json().get(0).get("state").asString()).isEqualTo("PAUSED");
		assertThat(post("/api/schedules/nightly/resume", null).json().get(0).get("state").asString())
			.isEqualTo("NORMAL");
		Answer unknown = post("/api/schedules/weekly/pause", null);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("error").asString()).contains("no enabled schedule named 'weekly'");
	}

	@Test
	void backfillsArePlannedAndRun() throws Exception {
		// given a dry run of aggregate 2012-2013
		Answer plan = post("/api/backfills",
				"{\"from\": 2012, \"to\": 2013, \"steps\": [\"aggregate\"], \"dryRun\": true}");
		assertThat(plan.status()).isEqualTo(200);
		assertThat(plan.json().get("partitions").findValuesAsString("status")).containsExactly("PENDING", "PENDING");
		assertThat(TestJobs.markers(dataDir, "aggregate")).noneMatch(l -> l.startsWith("aggregate 2012"));

		// when run
		Answer started = post("/api/backfills",
				"{\"from\": 2012, \"to\": 2013, \"steps\": [\"aggregate\", \"report\"], \"concurrency\": 2}");
		assertThat(started.status()).isEqualTo(202);
		String id = started.json().get("id").asString();
		JsonNode state = null;
		for (int i = 0; i < 100; i++) {
			state = get("/api/backfills/" + id).json();
			if (state.get("finished").asBoolean()) {
				break;
			}
			Thread.sleep(100);
		}

		// then its four partitions completed
		assertThat(state.get("finished").asBoolean()).isTrue();
		assertThat(state.get("counts").get("COMPLETED").asLong()).isEqualTo(4);
		assertThat(get("/api/partitions?from=2012&to=2013").json().findValuesAsString("state"))
			.containsExactly("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "NONE", "NONE");
		assertThat(get("/api/backfills/nope").status()).isEqualTo(404);
	}

	@Test
	void actuatorHealthAndPrometheusMetrics() throws Exception {
		// given an ingest run through the API (the test ingest writes 1 row, filters 1)
		long id = post("/api/runs", "{\"job\": \"ingest\"}").json().get("id").asLong();
		assertThat(awaitEnd(id).get("status").asString()).isEqualTo("COMPLETED");

		// then health (liveness, readiness with the database) answers without a token
		Answer health = call("GET", "/actuator/health", null, null, null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(call("GET", "/actuator/health/liveness", null, null, null).status()).isEqualTo(200);
		assertThat(call("GET", "/actuator/health/readiness", null, null, null).status()).isEqualTo(200);

		// and the metrics are in Prometheus format
		Answer metrics = call("GET", "/actuator/prometheus", null, null, null);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body())
			.contains("observatory_run_duration_seconds_count{job=\"ingestJob\",status=\"COMPLETED\"}")
			.containsPattern("observatory_rows_ingested_total(\\{[^}]*\\})? [1-9]")
			.containsPattern("observatory_rows_rejected_total(\\{[^}]*\\})? [1-9]");
	}

}
