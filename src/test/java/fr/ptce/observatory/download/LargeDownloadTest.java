package fr.ptce.observatory.download;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import fr.ptce.observatory.warehouse.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files are streamed, never loaded whole: a 200 MB file downloaded by 8 clients at once
 * from a server whose heap is capped at 256 MB (a child JVM), each copy checked against
 * the file's SHA-256, and a resumed download (a range from the middle) joined to its
 * first half.
 */
class LargeDownloadTest {

	static final int MEGABYTES = 200;

	static final int CLIENTS = 8;

	@TempDir
	Path dataDir;

	@Test
	void eightClientsDownloadA200MbFileFromA256MbHeap() throws Exception {
		Path folder = dataDir.resolve("extracts/LABO_ESS/2025/20260331T060000Z");
		String sha = DownloadServerProcess.bigFile(folder.resolve("big.parquet"), MEGABYTES);
		try (DownloadServerProcess.Child child = DownloadServerProcess.start(dataDir, "256m")) {
			String url = "http://127.0.0.1:" + child.port() + "/partners/v1/extracts/2025/latest/big.parquet";
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
			List<Future<String>> downloads = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				downloads.add(pool.submit(() -> digest(http, url, child.token(), null, sha)));
			}
			for (Future<String> d : downloads) {
				assertThat(d.get()).isEqualTo(sha);
			}
			pool.shutdown();
			// a download resumed from the middle (curl -C -): the first half and the rest
			// make the file
			MessageDigest whole = Sha256.digest();
			long half = MEGABYTES / 2 * 1024L * 1024L;
			feed(http, url, child.token(), "bytes=0-" + (half - 1), whole);
			feed(http, url, child.token(), "bytes=" + half + "-", whole);
			assertThat(HexFormat.of().formatHex(whole.digest())).isEqualTo(sha);
			System.out.printf("large download: %d clients x %d MB from a -Xmx256m server, peak RSS %.0f MB%n", CLIENTS,
					MEGABYTES, child.peakRss() / 1024.0 / 1024.0);
		}
	}

	private static String digest(HttpClient http, String url, String token, String range, String etag)
			throws Exception {
		MessageDigest md = Sha256.digest();
		HttpResponse<InputStream> r = feed(http, url, token, range, md);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("ETag")).hasValue("\"" + etag + "\"");
		return HexFormat.of().formatHex(md.digest());
	}

	private static HttpResponse<InputStream> feed(HttpClient http, String url, String token, String range,
			MessageDigest md) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofMinutes(5))
			.header("Authorization", "Bearer " + token);
		if (range != null) {
			b.header("Range", range);
		}
		HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = r.body()) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				md.update(buffer, 0, n);
			}
		}
		return r;
	}

}
