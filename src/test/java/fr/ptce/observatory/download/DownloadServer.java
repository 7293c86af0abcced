package fr.ptce.observatory.download;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.ptce.observatory.schedule.TestServers;
import fr.ptce.observatory.schedule.api.OperatorTokenFilter;

import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server (random port, H2 in the data directory) with the download service, and a
 * client for it.
 */
final class DownloadServer implements AutoCloseable {

	static final String OPERATOR_TOKEN = "operator-token-for-tests";

	static final JsonMapper json = JsonMapper.builder().build();

	final ConfigurableApplicationContext context;

	final int port;

	final String base;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	DownloadServer(Path dataDir, TestServers.Database db, Map<String, String> extra) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("observatory.api.token-sha256", OperatorTokenFilter.sha256(OPERATOR_TOKEN));
		p.putAll(extra);
		this.context = TestServers.serve(dataDir, db, true, p);
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		this.base = "http://127.0.0.1:" + port;
	}

	String issue(String partner) {
		return context.getBean(PartnerTokens.class).issue(partner, PartnerTokens.DEFAULT_VALIDITY, "test").token();
	}

	HttpResponse<byte[]> send(String method, String path, String token, String... headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<byte[]> get(String path, String token, String... headers) throws Exception {
		return send("GET", path, token, headers);
	}

	JsonNode listing(String token) throws Exception {
		return json.readTree(get("/partners/v1/extracts", token).body());
	}

	HttpResponse<String> operator(String method, String path, String body) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + OPERATOR_TOKEN);
		if (body != null) {
			b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			b.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	RawHttp.Answer raw(String method, String target, String token) throws Exception {
		return RawHttp.send(port, method, target,
				token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
	}

	@Override
	public void close() {
		context.close();
	}

}
