package fr.ptce.observatory.download;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.schedule.TestServers;
import fr.ptce.observatory.warehouse.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import static fr.ptce.observatory.download.ExtractFixture.LATEST;
import static fr.ptce.observatory.download.ExtractFixture.OLD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download service over real HTTP (Java's HttpClient, and raw sockets for targets
 * HttpClient would normalise or refuse) against a real server on extract folders made by
 * {@link ExtractFixture}: the listing, files with their headers, conditional and range
 * requests, tokens refused, scope (every name that is not exactly a listed one of the
 * token's partner answers the same 404), signed links.
 */
class DownloadServiceTest {

	@TempDir
	static Path dataDir;

	static DownloadServer server;

	static String token;

	static Path latest;

	@BeforeAll
	static void start() throws Exception {
		ExtractFixture.standard(dataDir);
		Path extracts = dataDir.resolve("extracts");
		ExtractFixture.write(extracts.resolve("RTES/2023/20240331T060000Z"), "RTES", 2023, 3, true);
		latest = extracts.resolve("LABO_ESS/2025").resolve(LATEST);
		// the extract job's versions keep the as-of's microseconds: this one is later
		// than 20250331T060000Z, though
		// it sorts before it as a name; a name of that shape that is no instant is no
		// extract
		ExtractFixture.write(extracts.resolve("LABO_ESS/2024/20250331T060000.500000Z"), "LABO_ESS", 2024, 4, true);
		ExtractFixture.write(extracts.resolve("LABO_ESS/2024/20251399T000000Z"), "LABO_ESS", 2024, 4, true);
		// links planted in LABO_ESS's folders, towards RTES's files and outside the data
		// directory
		Path rtesFile = extracts.resolve("RTES/2025").resolve(LATEST).resolve("aggregates.parquet");
		Files.createSymbolicLink(latest.resolve("leak.parquet"), rtesFile);
		Files.createSymbolicLink(latest.resolve("passwd.csv"), Path.of("/etc/passwd"));
		Files.createSymbolicLink(extracts.resolve("LABO_ESS/2025/20991231T000000Z"),
				extracts.resolve("RTES/2025").resolve(LATEST));
		Files.createSymbolicLink(extracts.resolve("LABO_ESS/2023"), extracts.resolve("RTES/2023"));
		server = new DownloadServer(dataDir, TestServers.Database.h2(),
				Map.of("observatory.partners.requests-per-minute", "100000"));
		token = server.issue("LABO_ESS");
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	static String file(String year, String version, String path) {
		return "/partners/v1/extracts/" + year + "/" + version + "/" + path;
	}

	@Test
	void theListingGivesThePartnersExtractsLatestFirstWithSizesHashesAndLinks() throws Exception {
		JsonNode listing = server.listing(token);

		assertThat(listing.get("partner").asString()).isEqualTo("LABO_ESS");
		List<String> versions = new ArrayList<>();
		listing.get("extracts").forEach(e -> versions.add(e.get("year").asInt() + "/" + e.get("version").asString()));
		// latest first; the hidden folder, the linked version and the linked year are not
		// extracts
		assertThat(versions).containsExactly("2025/" + LATEST, "2025/" + OLD, "2024/20250331T060000.500000Z",
				"2024/20250331T060000Z");
		JsonNode first = listing.get("extracts").get(0);
		assertThat(first.get("as_of").asString()).isEqualTo("2026-03-31T06:00:00Z");
		List<String> paths = new ArrayList<>();
		for (JsonNode f : first.get("files")) {
			paths.add(f.get("path").asString());
			Path onDisk = latest.resolve(f.get("path").asString());
			assertThat(f.get("bytes").asLong()).isEqualTo(Files.size(onDisk));
			assertThat(f.get("sha256").asString()).isEqualTo(Sha256.of(onDisk));
			assertThat(f.get("url").asString()).isEqualTo(server.base + file("2025", LATEST, f.get("path").asString()));
			assertThat(f.get("signed_url").asString())
				.startsWith(server.base + "/partners/v1/dl/LABO_ESS/2025/" + LATEST + "/" + f.get("path").asString()
						+ "?expires=")
				.contains("&sig=");
		}
		// the links planted beside the files are not listed, even though the datapackage
		// does not name them
		assertThat(paths).containsExactly("aggregates.parquet", "csv/aggregates.csv", "csv/poles.csv",
				"datapackage.json", "poles.parquet");
		// an extract without datapackage.json: its files, hashed by the server
		JsonNode old = listing.get("extracts").get(3);
		Path oldFolder = dataDir.resolve("extracts/LABO_ESS/2024/20250331T060000Z");
		assertThat(old.get("files").get(0).get("sha256").asString())
			.isEqualTo(Sha256.of(oldFolder.resolve(old.get("files").get(0).get("path").asString())));
	}

	@Test
	void aFileComesWithItsHeadersAndItsExactBytes() throws Exception {
		for (String path : List.of("aggregates.parquet", "csv/poles.csv", "datapackage.json")) {
			HttpResponse<byte[]> r = server.get(file("2025", "latest", path), token);
			byte[] expected = Files.readAllBytes(latest.resolve(path));

			assertThat(r.statusCode()).isEqualTo(200);
			assertThat(r.body()).isEqualTo(expected);
			assertThat(header(r, "ETag")).isEqualTo("\"" + Sha256.of(expected) + "\"");
			assertThat(header(r, "Content-Length")).isEqualTo(Long.toString(expected.length));
			assertThat(header(r, "Accept-Ranges")).isEqualTo("bytes");
			assertThat(header(r, "Cache-Control")).isEqualTo("private");
			assertThat(header(r, "Last-Modified")).endsWith("GMT");
			assertThat(header(r, "Content-Disposition"))
				.isEqualTo("attachment; filename=\"LABO_ESS-2025-" + LATEST + "-" + path.replace('/', '-') + "\"");
			// Tomcat writes "text/csv;charset=utf-8", the same media type as "text/csv;
			// charset=utf-8" (RFC 9110 8.3.1)
			assertThat(header(r, "Content-Type").replace(" ", ""))
				.isEqualTo(path.endsWith(".parquet") ? "application/vnd.apache.parquet"
						: path.endsWith(".csv") ? "text/csv;charset=utf-8" : "application/json");
		}
		// latest by instant, microseconds included
		HttpResponse<byte[]> micro = server.get(file("2024", "latest", "poles.parquet"), token);
		assertThat(micro.body()).isEqualTo(
				Files.readAllBytes(dataDir.resolve("extracts/LABO_ESS/2024/20250331T060000.500000Z/poles.parquet")));
		assertThat(header(micro, "Content-Disposition"))
			.contains("LABO_ESS-2024-20250331T060000.500000Z-poles.parquet");
		// an older version by its name, and HEAD: the same headers, no body
		HttpResponse<byte[]> old = server.get(file("2025", OLD, "poles.parquet"), token);
		assertThat(old.body()).isEqualTo(Files.readAllBytes(latest.resolveSibling(OLD).resolve("poles.parquet")));
		HttpResponse<byte[]> head = server.send("HEAD", file("2025", "latest", "aggregates.parquet"), token);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(header(head, "Content-Length"))
			.isEqualTo(Long.toString(Files.size(latest.resolve("aggregates.parquet"))));
		assertThat(header(head, "ETag")).isNotNull();
	}

	@Test
	void conditionalAndRangeRequestsFollowRfc9110() throws Exception {
		String path = file("2025", "latest", "csv/aggregates.csv");
		byte[] whole = Files.readAllBytes(latest.resolve("csv/aggregates.csv"));
		String etag = "\"" + Sha256.of(whole) + "\"";
		int n = whole.length;

		assertThat(server.get(path, token, "If-None-Match", etag).statusCode()).isEqualTo(304);
		assertThat(server.get(path, token, "If-None-Match", "W/" + etag + ", \"other\"").statusCode()).isEqualTo(304);
		assertThat(server.get(path, token, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);

		HttpResponse<byte[]> middle = server.get(path, token, "Range", "bytes=10-19");
		assertThat(middle.statusCode()).isEqualTo(206);
		assertThat(header(middle, "Content-Range")).isEqualTo("bytes 10-19/" + n);
		assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(whole, 10, 20));
		HttpResponse<byte[]> from = server.get(path, token, "Range", "bytes=5-");
		assertThat(from.body()).isEqualTo(Arrays.copyOfRange(whole, 5, n));
		assertThat(header(from, "Content-Length")).isEqualTo(Integer.toString(n - 5));
		HttpResponse<byte[]> suffix = server.get(path, token, "Range", "bytes=-7");
		assertThat(header(suffix, "Content-Range")).isEqualTo("bytes " + (n - 7) + "-" + (n - 1) + "/" + n);
		assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(whole, n - 7, n));
		HttpResponse<byte[]> beyond = server.get(path, token, "Range", "bytes=" + n + "-");
		assertThat(beyond.statusCode()).isEqualTo(416);
		assertThat(header(beyond, "Content-Range")).isEqualTo("bytes */" + n);
		HttpResponse<byte[]> several = server.get(path, token, "Range", "bytes=0-1,5-6");
		assertThat(several.statusCode()).isEqualTo(200);
		assertThat(several.body()).isEqualTo(whole);
		// If-Range: the range only while the file is still the one the client has
		assertThat(server.get(path, token, "Range", "bytes=0-1", "If-Range", etag).statusCode()).isEqualTo(206);
		assertThat(server.get(path, token, "Range", "bytes=0-1", "If-Range", "\"old\"").statusCode()).isEqualTo(200);
	}

	@Test
	void missingWrongExpiredAndRevokedTokensAreAllRefusedAlike() throws Exception {
		PartnerTokens tokens = server.context.getBean(PartnerTokens.class);
		String expired = tokens.issue("LABO_ESS", Duration.ofMillis(1), "short").token();
		PartnerTokens.Issued revoked = tokens.issue("LABO_ESS", Duration.ofDays(1), "revoked");
		String path = file("2025", "latest", "aggregates.parquet");
		assertThat(server.get(path, revoked.token()).statusCode()).isEqualTo(200);
		tokens.revoke(revoked.record().id());
		Thread.sleep(5);

		List<HttpResponse<byte[]>> refused = List.of(server.get(path, null), server.get(path, "wrong"),
				server.get(path, expired), server.get(path, revoked.token()),
				server.get("/partners/v1/extracts", expired),
				server.get(path, null, "Authorization", "Basic " + token));
		for (HttpResponse<byte[]> r : refused) {
			assertThat(r.statusCode()).isEqualTo(401);
			assertThat(header(r, "WWW-Authenticate")).isEqualTo("Bearer");
			assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"unauthorized\"}");
		}
		// a token of a code that is not (or no longer) in the partners file gives
		// nothing, even with files on disk
		ExtractFixture.write(dataDir.resolve("extracts/GHOST/2025").resolve(LATEST), "GHOST", 2025, 2, true);
		String ghost = tokens.issue("GHOST", Duration.ofDays(1), "left the partners file").token();
		HttpResponse<byte[]> gone = server.get("/partners/v1/extracts", ghost);
		assertThat(gone.statusCode()).isEqualTo(401);
		LinkSigner signer = server.context.getBean(LinkSigner.class);
		long later = System.currentTimeMillis() / 1000 + 600;
		assertThat(server
			.get("/partners/v1/dl/GHOST/2025/" + LATEST + "/aggregates.parquet?expires=" + later + "&sig="
					+ signer.sign("GHOST", "2025", LATEST, "aggregates.parquet", later), null)
			.statusCode()).isEqualTo(403);
		// last use is kept, for the list
		assertThat(tokens.find(revoked.record().id()).orElseThrow().lastUsed()).isNotNull();
		assertThat(tokens.find(revoked.record().id()).orElseThrow().state(tokens.now())).isEqualTo("revoked");
	}

	@Test
	void everyNameThatIsNotExactlyOneOfThePartnersListedNamesIsTheSame404() throws Exception {
		String p = "/partners/v1/extracts/2025/latest/";
		List<String> targets = List.of(
				// another partner's year and file, unknown year, version and file
				"/partners/v1/extracts/2023/latest/aggregates.parquet",
				"/partners/v1/extracts/2019/latest/aggregates.parquet",
				"/partners/v1/extracts/2025/20200101T000000Z/aggregates.parquet", p + "nothing.parquet",
				"/partners/v1/extracts/2025/LATEST/aggregates.parquet", p + "csv", p + "csv/",
				// symbolic links planted in the extracts folder
				p + "leak.parquet", p + "passwd.csv", "/partners/v1/extracts/2025/20991231T000000Z/aggregates.parquet",
				// dot segments, plain and encoded, once or twice
				p + "../../../RTES/2025/latest/aggregates.parquet", p + "%2e%2e/%2e%2e/2023/latest/aggregates.parquet",
				p + "%2E%2E%2F%2E%2E%2F2023%2Flatest%2Faggregates.parquet",
				p + "%252e%252e%252f2023/aggregates.parquet",
				p + "..%2f..%2f..%2f..%2fRTES%2f2025%2flatest%2faggregates.parquet", p + "./aggregates.parquet",
				p + "csv/../aggregates.parquet", p + "%2e/aggregates.parquet",
				"/partners/v1/extracts/2025/latest/../../../../../../../../etc/passwd",
				// encoded slashes, backslashes, absolute paths
				p + "csv%2fpoles.csv", p + "csv%2Fpoles.csv", p + "csv\\poles.csv", p + "csv%5cpoles.csv",
				p + "..\\..\\..\\RTES\\2025\\latest\\aggregates.parquet", p + "/etc/passwd", p + "%2fetc%2fpasswd",
				p + "C:%5cWindows%5cwin.ini", "/partners/v1/extracts/" + dataDir.resolve("extracts/LABO_ESS/2025"),
				// NUL bytes, path parameters, over-long targets, decoded forms of a
				// listed name
				p + "aggregates.parquet%00", p + "aggregates.parquet%00.csv", p + "%00", p + "aggregates.parquet;x=1",
				p + "a".repeat(600), p + "a".repeat(9000), p + "a".repeat(70_000), p + "%61ggregates.parquet",
				"/%70artners/v1/extracts/2025/latest/aggregates.parquet",
				"/partners/v1/extracts/2025/latest//aggregates.parquet", "/partners//v1/extracts",
				"/partners/v1/extracts/", "/partners/v1", "/partners/v2/extracts",
				"/partners/v1/extracts/2025/latest/aggregates.parquet/", p + "datapackage.json.bak", p + "é.parquet");
		for (String target : targets) {
			RawHttp.Answer a = server.raw("GET", target, token);
			assertThat(a.status()).as(target).isEqualTo(404);
			assertThat(a.body()).as(target).isEqualTo(DownloadFilter.NOT_FOUND);
			assertThat(a.header("content-type")).as(target).startsWith("application/json");
		}
		// a raw NUL byte in the target, and the same bodies through HttpClient for what
		// it can send
		assertThat(server.raw("GET", p + "aggregates.parquet\u0000.csv", token).body())
			.isEqualTo(DownloadFilter.NOT_FOUND);
		HttpResponse<byte[]> viaClient = server.get(p + "%2e%2e/%2e%2e/2023/latest/aggregates.parquet", token);
		assertThat(viaClient.statusCode()).isEqualTo(404);
		assertThat(new String(viaClient.body(), StandardCharsets.UTF_8)).isEqualTo(DownloadFilter.NOT_FOUND);
		// while the listed names answer, through the same raw client
		assertThat(server.raw("GET", p + "aggregates.parquet", token).status()).isEqualTo(200);
		assertThat(server.raw("GET", p + "csv/poles.csv", token).status()).isEqualTo(200);
	}

	@Test
	void otherMethodsAndLargeBodiesAreRefused() throws Exception {
		String path = file("2025", "latest", "aggregates.parquet");
		HttpResponse<byte[]> post = server.send("POST", path, token);
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(header(post, "Allow")).isEqualTo("GET, HEAD");
		RawHttp.Answer big = RawHttp.sendBody(server.port, "POST", path,
				Map.of("Authorization", "Bearer " + token, "Content-Length", "2048"), "x".repeat(2048));
		assertThat(big.status()).isEqualTo(413);
		RawHttp.Answer chunked = RawHttp.sendBody(server.port, "PUT", path,
				Map.of("Authorization", "Bearer " + token, "Transfer-Encoding", "chunked"),
				"800\r\n" + "x".repeat(0x800) + "\r\n0\r\n\r\n");
		assertThat(chunked.status()).isEqualTo(413);
		RawHttp.Answer small = RawHttp.sendBody(server.port, "POST", path,
				Map.of("Authorization", "Bearer " + token, "Content-Length", "10"), "0123456789");
		assertThat(small.status()).isEqualTo(405);
	}

	@Test
	void aSignedLinkAnswersAsTheTokenDoesUntilItExpiresAndOnlyForItsFile() throws Exception {
		JsonNode files = server.listing(token).get("extracts").get(0).get("files");
		String signed = files.get(0).get("signed_url").asString();
		byte[] expected = Files.readAllBytes(latest.resolve(files.get(0).get("path").asString()));

		HttpResponse<byte[]> r = server.get(signed, null);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).isEqualTo(expected);
		assertThat(header(r, "ETag")).isEqualTo("\"" + Sha256.of(expected) + "\"");
		HttpResponse<byte[]> range = server.get(signed, null, "Range", "bytes=4-9");
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(expected, 4, 10));
		assertThat(server.send("HEAD", signed, null).statusCode()).isEqualTo(200);

		LinkSigner signer = server.context.getBean(LinkSigner.class);
		long past = System.currentTimeMillis() / 1000 - 1;
		String expiredSig = signer.sign("LABO_ESS", "2025", LATEST, "aggregates.parquet", past);
		String sig = signed.substring(signed.indexOf("&sig=") + 5);
		String expires = signed.substring(signed.indexOf("expires=") + 8, signed.indexOf("&sig="));
		List<String> forbidden = List.of(
				// expired, wrong, missing
				"/partners/v1/dl/LABO_ESS/2025/" + LATEST + "/aggregates.parquet?expires=" + past + "&sig="
						+ expiredSig,
				signed.replace("&sig=" + sig, "&sig=" + sig.substring(1) + "A"), signed.replace("&sig=" + sig, ""),
				signed.substring(0, signed.indexOf('?')),
				// moved: to another file, version, partner, or a later expiry
				signed.replace("aggregates.parquet?", "poles.parquet?"), signed.replace(LATEST, OLD),
				signed.replace("/LABO_ESS/", "/RTES/"),
				signed.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 60)));
		assertThat(files.get(0).get("path").asString()).isEqualTo("aggregates.parquet");
		for (String target : forbidden) {
			HttpResponse<byte[]> f = server.get(target, null);
			assertThat(f.statusCode()).as(target).isEqualTo(403);
		}
		// a valid signature for a name that is not listed is still the 404
		long later = System.currentTimeMillis() / 1000 + 600;
		String unlisted = "/partners/v1/dl/LABO_ESS/2025/" + LATEST + "/leak.parquet?expires=" + later + "&sig="
				+ signer.sign("LABO_ESS", "2025", LATEST, "leak.parquet", later);
		assertThat(server.get(unlisted, null).statusCode()).isEqualTo(404);
	}

	@Test
	void theLinkSecretIsOwnerOnlyAndKeptAcrossRestarts() throws Exception {
		Path secret = dataDir.resolve("secrets/link-secret");
		assertThat(Files.getPosixFilePermissions(secret)).extracting(Object::toString)
			.containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
		assertThat(Files.getPosixFilePermissions(secret.getParent())).extracting(Object::toString)
			.containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
		// what the next start reads signs as the running server does
		String now = server.context.getBean(LinkSigner.class).sign("LABO_ESS", "2025", LATEST, "x", 1);
		assertThat(LinkSigner.create("", secret.getParent()).sign("LABO_ESS", "2025", LATEST, "x", 1)).isEqualTo(now);
		assertThat(LinkSigner.create("a configured secret of enough length", secret.getParent())
			.sign("LABO_ESS", "2025", LATEST, "x", 1)).isNotEqualTo(now);
		assertThat(HexFormat.of().formatHex(Files.readAllBytes(secret))).doesNotContain("00000000");
	}

	static String header(HttpResponse<?> r, String name) {
		return r.headers().firstValue(name).orElse(null);
	}

}
