package fr.ptce.observatory.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ptce.observatory.console.ConsoleConfiguration;
import fr.ptce.observatory.console.ConsoleServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Response times of the console's pages over a running server on the samples (the demo's
 * data directory: 1,748 files processed, eleven years aggregated, the 2025 publication
 * and extracts), target < 200 ms a page: each page asked 5 times to warm up, then 30
 * times, one client over loopback, signed in as the operator (and as a partner for its
 * page); median, 95th percentile and worst printed.
 * {@code mvn test -Pbench -Dtest=ConsoleBenchmark} ({@code -Dconsole.demo.cache=DIR}
 * keeps the demo's data directory between runs).
 */
@Tag("benchmark")
class ConsoleBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final int WARM_UP = 5;

	private static final int RUNS = 30;

	@TempDir
	Path dataDir;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void pagesAnswerInUnder200Milliseconds() throws Exception {
		try (ConsoleServer server = ConsoleServer.demo(dataDir)) {
			String operator = signIn(server.base, ConsoleServer.OPERATOR_TOKEN);
			String partner = signIn(server.base, server.issue("LABO_ESS"));
			String[] pages = { "/executions", "/executions/1", "/partitions", "/rattrapages", "/lancer",
					"/planifications", "/fichiers", "/fichiers/1", "/publications", "/publications/2025", "/extraits",
					"/extraits/LABO_ESS", "/jetons", "/telechargements" };
			double worstMedian = 0;
			for (String page : pages) {
				worstMedian = Math.max(worstMedian, measure(server.base, page, operator, "operator"));
			}
			worstMedian = Math.max(worstMedian, measure(server.base, "/extraits/LABO_ESS", partner, "partner"));
			System.out.printf("console benchmark: slowest median %.1f ms (target < 200 ms)%n", worstMedian);
			assertThat(worstMedian).isPositive();
		}
	}

	private double measure(String base, String page, String cookie, String who) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			get(base + page, cookie);
		}
		double[] ms = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			HttpResponse<byte[]> r = get(base + page, cookie);
			ms[i] = (System.nanoTime() - start) / 1e6;
			assertThat(r.statusCode()).as(page).isEqualTo(200);
		}
		Arrays.sort(ms);
		double median = ms[RUNS / 2];
		System.out.printf("console benchmark: %-22s %-8s median %6.1f ms, p95 %6.1f ms, worst %6.1f ms%n", page, who,
				median, ms[(int) Math.ceil(RUNS * 0.95) - 1], ms[RUNS - 1]);
		return median;
	}

	private HttpResponse<byte[]> get(String url, String cookie) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (cookie != null) {
			b.header("Cookie", ConsoleConfiguration.COOKIE + "=" + cookie);
		}
		return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * Signs in as a browser does (the form's CSRF token, then the token posted); returns
	 * the session cookie.
	 */
	private String signIn(String base, String token) throws Exception {
		HttpResponse<byte[]> form = get(base + "/connexion", null);
		String before = cookie(form.headers().allValues("Set-Cookie"));
		Matcher m = CSRF.matcher(new String(form.body(), java.nio.charset.StandardCharsets.UTF_8));
		assertThat(m.find()).isTrue();
		HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/connexion"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", ConsoleConfiguration.COOKIE + "=" + before)
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + m.group(1) + "&token=" + token))
			.build();
		HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(302);
		return cookie(answer.headers().allValues("Set-Cookie"));
	}

	private static String cookie(List<String> setCookies) {
		List<String> values = new ArrayList<>();
		for (String c : setCookies) {
			if (c.startsWith(ConsoleConfiguration.COOKIE + "=")) {
				values.add(c.substring(c.indexOf('=') + 1, c.indexOf(';')));
			}
		}
		return values.get(values.size() - 1);
	}

}
