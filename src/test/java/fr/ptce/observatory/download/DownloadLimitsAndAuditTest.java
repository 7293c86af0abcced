package fr.ptce.observatory.download;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.ptce.observatory.schedule.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import static fr.ptce.observatory.download.ExtractFixture.LATEST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download service's limits (120 requests a minute per token or per signed link's
 * partner, the rest of the server unaffected, no limiter state for unknown credentials),
 * its audit (every request, answered or refused, in the database and through the operator
 * API) and its secrets: no token and no signature in any log line, audit row or access
 * log line. The server logs at DEBUG for the observatory and Spring's web layer, with
 * Tomcat's access log on, so that a leak would show.
 */
@ExtendWith(OutputCaptureExtension.class)
class DownloadLimitsAndAuditTest {

	@TempDir
	static Path dataDir;

	static DownloadServer server;

	@BeforeAll
	static void start() throws Exception {
		ExtractFixture.standard(dataDir);
		server = new DownloadServer(dataDir, TestServers.Database.h2(),
				Map.of("logging.level.fr.ptce.observatory", "DEBUG", "logging.level.org.springframework.web", "DEBUG",
						"server.tomcat.accesslog.enabled", "true", "server.tomcat.accesslog.buffered", "false",
						"server.tomcat.accesslog.directory", dataDir.resolve("access").toString()));
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void aThrottledPartnerGets429WhileTheServerAndOtherPartnersGoOn() throws Exception {
		String token = server.issue("LABO_ESS");
		String other = server.issue("RTES");
		String path = "/partners/v1/extracts/2025/latest/datapackage.json";
		int ok = 0;
		HttpResponse<byte[]> refused = null;
		long start = System.nanoTime();
		for (int i = 0; i < 1000 && refused == null; i++) {
			HttpResponse<byte[]> r = server.send("HEAD", path, token);
			if (r.statusCode() == 429) {
				refused = r;
			}
			else {
				assertThat(r.statusCode()).isEqualTo(200);
				ok++;
			}
		}
		// a full bucket is a minute's worth: 120, plus what refilled while they were sent
		// (2 a second)
		assertThat(refused).isNotNull();
		assertThat(ok).isBetween(120, 121 + refilled(start));
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		assertThat(server.get(path, token).statusCode()).isEqualTo(429);

		assertThat(server.get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(server.get(path, other).statusCode()).isEqualTo(200);
		assertThat(server.operator("GET", "/api/partners/tokens", null).statusCode()).isEqualTo(200);
		// a second token of the same partner has its own budget
		assertThat(server.get(path, server.issue("LABO_ESS")).statusCode()).isEqualTo(200);
	}

	@Test
	void signedLinksShareOneBudgetPerPartner() throws Exception {
		String token = server.issue("MES");
		ExtractFixture.write(dataDir.resolve("extracts/MES/2025").resolve(LATEST), "MES", 2025, 2, true);
		String signed = server.listing(token).get("extracts").get(0).get("files").get(0).get("signed_url").asString();
		int status = 0;
		int sent = 0;
		long start = System.nanoTime();
		while (status != 429 && sent < 1000) {
			status = server.send("HEAD", signed, null).statusCode();
			sent++;
		}
		assertThat(status).isEqualTo(429);
		assertThat(sent).isBetween(121, 122 + refilled(start));
		// the token of that partner is limited on its own
		assertThat(server.get("/partners/v1/extracts", token).statusCode()).isEqualTo(200);
	}

	/** What the bucket refilled since then: 2 a second at 120 a minute. */
	static int refilled(long startNanos) {
		return (int) Math.ceil((System.nanoTime() - startNanos) / 1e9 * 2);
	}

	@Test
	void unknownTokensAndWrongSignaturesMakeNoLimiterState() throws Exception {
		RateLimiter limiter = server.context.getBean(RateLimiter.class);
		int before = limiter.size();
		for (int i = 0; i < 300; i++) {
			assertThat(server.get("/partners/v1/extracts", UUID.randomUUID().toString()).statusCode()).isEqualTo(401);
		}
		for (int i = 0; i < 50; i++) {
			assertThat(server
				.get("/partners/v1/dl/LABO_ESS/2025/" + LATEST + "/aggregates.parquet?expires=9999999999&sig=x" + i,
						null)
				.statusCode()).isEqualTo(403);
		}
		assertThat(limiter.size()).isEqualTo(before);
		// and the limiter itself never keeps more than its bound
		RateLimiter small = new RateLimiter(120, 3, System::nanoTime);
		for (int i = 0; i < 100; i++) {
			small.acquire("key-" + i);
		}
		assertThat(small.size()).isEqualTo(3);
	}

	@Test
	void everyRequestIsAuditedAndNoSecretIsEverWrittenDown(CapturedOutput output) throws Exception {
		Instant start = Instant.now().minusSeconds(1);
		String token = server.issue("COORACE");
		ExtractFixture.write(dataDir.resolve("extracts/COORACE/2025").resolve(LATEST), "COORACE", 2025, 2, true);
		String tokenId = server.context.getBean(PartnerTokens.class).authenticate(token).orElseThrow().id();
		JsonNode files = server.listing(token).get("extracts").get(0).get("files");
		String signed = files.get(0).get("signed_url").asString();
		String sig = signed.substring(signed.indexOf("&sig=") + 5);
		String file = "/partners/v1/extracts/2025/latest/" + files.get(0).get("path").asString();

		assertThat(server.get(file, token, "Range", "bytes=0-9", "User-Agent", "audit-test/1.0").statusCode())
			.isEqualTo(206);
		assertThat(server.get(signed, null).statusCode()).isEqualTo(200);
		// a signature one character off (not "A" for "A": one signature in 64 begins
		// with it, and the request was then the signed one, 200)
		String forged = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
		assertThat(server.get(signed.replace(sig, forged), null).statusCode()).isEqualTo(403);
		assertThat(server.get(file, token + "x").statusCode()).isEqualTo(401);
		assertThat(server.raw("GET", "/partners/v1/extracts/2025/latest/%00", token).status()).isEqualTo(404);

		List<DownloadAudit.Entry> rows = server.context.getBean(DownloadAudit.class).list(null, start, 1000);
		DownloadAudit.Entry range = rows.stream().filter(e -> "bytes=0-9".equals(e.range())).findFirst().orElseThrow();
		assertThat(range.partner()).isEqualTo("COORACE");
		assertThat(range.tokenId()).isEqualTo(tokenId);
		assertThat(range.via()).isEqualTo("token");
		assertThat(range.status()).isEqualTo(206);
		assertThat(range.bytesSent()).isEqualTo(10);
		assertThat(range.path()).isEqualTo(file);
		assertThat(range.method()).isEqualTo("GET");
		assertThat(range.client()).isEqualTo("127.0.0.1");
		assertThat(range.userAgent()).isEqualTo("audit-test/1.0");
		assertThat(rows).anySatisfy(e -> {
			assertThat(e.via()).isEqualTo("link");
			assertThat(e.partner()).isEqualTo("COORACE");
			assertThat(e.status()).isEqualTo(200);
			assertThat(e.bytesSent()).isEqualTo(files.get(0).get("bytes").asLong());
		});
		assertThat(rows).anySatisfy(e -> assertThat(e.status()).isEqualTo(403));
		assertThat(rows).anySatisfy(e -> {
			assertThat(e.status()).isEqualTo(401);
			assertThat(e.partner()).isNull();
			assertThat(e.tokenId()).isNull();
		});
		assertThat(rows).anySatisfy(e -> {
			assertThat(e.status()).isEqualTo(404);
			assertThat(e.path()).endsWith("/latest/%00");
		});

		// through the operator API, latest first, by partner
		HttpResponse<String> api = server.operator("GET",
				"/api/partner-downloads?partner=COORACE&limit=50&since=" + start, null);
		assertThat(api.statusCode()).isEqualTo(200);
		JsonNode records = DownloadServer.json.readTree(api.body());
		assertThat(records.size()).isGreaterThanOrEqualTo(3);
		assertThat(records.get(0).get("at").asString()).isGreaterThanOrEqualTo(records.get(1).get("at").asString());
		records.forEach(r -> assertThat(r.get("partner").asString()).isEqualTo("COORACE"));

		// nothing secret anywhere: every audit row, every log line, the access log
		List<String> everything = new ArrayList<>();
		server.context.getBean(JdbcTemplate.class)
			.queryForList("SELECT * FROM OBS_PARTNER_DOWNLOAD")
			.forEach(row -> everything.add(row.toString()));
		everything.add(output.getAll());
		everything.add(api.body());
		StringBuilder access = new StringBuilder();
		try (var logs = Files.list(dataDir.resolve("access"))) {
			for (Path log : logs.toList()) {
				access.append(Files.readString(log));
			}
		}
		everything.add(access.toString());
		// the scan has something to scan: the access log has the signed link's request,
		// the log its DEBUG lines
		assertThat(access.toString()).contains("/partners/v1/dl/COORACE/2025/" + LATEST);
		assertThat(output.getAll()).contains("DEBUG");
		assertThat(String.join("\n", everything)).contains(file)
			.doesNotContain(token)
			.doesNotContain(sig)
			.doesNotContain(PartnerTokens.digest(token));
	}

	@Test
	void operatorsIssueListAndRevokeTokensThroughTheApi() throws Exception {
		HttpResponse<String> issued = server.operator("POST", "/api/partners/ESS_FRANCE/tokens",
				"{\"expires\": \"30d\", \"label\": \"tableau de bord\"}");
		assertThat(issued.statusCode()).isEqualTo(201);
		JsonNode body = DownloadServer.json.readTree(issued.body());
		String token = body.get("token").asString();
		String id = body.get("id").asString();
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(body.get("state").asString()).isEqualTo("active");
		assertThat(server.get("/partners/v1/extracts", token).statusCode()).isEqualTo(200);

		HttpResponse<String> list = server.operator("GET", "/api/partners/tokens", null);
		JsonNode mine = null;
		for (JsonNode t : DownloadServer.json.readTree(list.body())) {
			if (t.get("id").asString().equals(id)) {
				mine = t;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("partner").asString()).isEqualTo("ESS_FRANCE");
		assertThat(mine.get("label").asString()).isEqualTo("tableau de bord");
		assertThat(mine.get("last_used").isNull()).isFalse();
		assertThat(list.body()).doesNotContain(token).doesNotContain("\"token\"");

		assertThat(server.operator("DELETE", "/api/partners/tokens/" + id, null).statusCode()).isEqualTo(200);
		assertThat(server.get("/partners/v1/extracts", token).statusCode()).isEqualTo(401);
		assertThat(server.operator("DELETE", "/api/partners/tokens/tk-nothing", null).statusCode()).isEqualTo(404);
		HttpResponse<String> unknown = server.operator("POST", "/api/partners/NOBODY/tokens", null);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("unknown partner 'NOBODY'");
		assertThat(server.operator("POST", "/api/partners/MES/tokens", "{\"expires\": \"soon\"}").statusCode())
			.isEqualTo(400);
		// the operator token is needed
		assertThat(server.send("POST", "/api/partners/MES/tokens", "whatever").statusCode()).isEqualTo(401);
		assertThat(new String(server.get("/api/partner-downloads", token).body(), StandardCharsets.UTF_8))
			.contains("unauthorized");
	}

}
