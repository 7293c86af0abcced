package fr.ptce.observatory.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import fr.ptce.observatory.download.DownloadServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Download throughput of one client over loopback (target: at least 200 MB/s) and the
 * server's memory against the file's size (target: flat): a server in a child JVM capped
 * at -Xmx256m serves a 200 MB file, then another one a 1 GB file, each downloaded a few
 * times by Java's HttpClient; the peak resident memory of each server is printed.
 * {@code mvn test -Pbench -Dtest=DownloadBenchmark} (-Dbench.download.mb=1024 for the
 * large file's size).
 */
@Tag("benchmark")
class DownloadBenchmark {

	@TempDir
	Path root;

	@Test
	void oneClientDownloadsALargeFileFast() throws Exception {
		int large = Integer.getInteger("bench.download.mb", 1024);
		double small = measure(root.resolve("small"), 200, 3);
		double big = measure(root.resolve("large"), large, 3);
		System.out.printf("download benchmark: best %.0f MB/s on %d MB, %.0f MB/s on 200 MB (target >= 200 MB/s)%n",
				big, large, small);
		assertThat(Math.max(big, small)).as("MB/s").isGreaterThan(0);
	}

	/**
	 * Best MB/s of {@code runs} downloads of a file of that size; prints the server's
	 * peak RSS.
	 */
	private static double measure(Path dataDir, int megabytes, int runs) throws Exception {
		Path file = dataDir.resolve("extracts/LABO_ESS/2025/20260331T060000Z/big.parquet");
		DownloadServerProcess.bigFile(file, megabytes);
		double best = 0;
		try (DownloadServerProcess.Child child = DownloadServerProcess.start(dataDir, "256m")) {
			String url = "http://127.0.0.1:" + child.port() + "/partners/v1/extracts/2025/latest/big.parquet";
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			// a first request lists the extract (the server hashes the file once, as
			// there is no datapackage.json)
			download(http, url, child.token(), megabytes);
			for (int run = 1; run <= runs; run++) {
				long start = System.nanoTime();
				download(http, url, child.token(), megabytes);
				double seconds = (System.nanoTime() - start) / 1e9;
				double rate = megabytes / seconds;
				best = Math.max(best, rate);
				System.out.printf("download benchmark: %d MB in %.2f s: %.0f MB/s%n", megabytes, seconds, rate);
			}
			System.out.printf("download benchmark: server -Xmx256m, %d MB file: peak RSS %.0f MB%n", megabytes,
					child.peakRss() / 1024.0 / 1024.0);
		}
		return best;
	}

	private static void download(HttpClient http, String url, String token, int megabytes) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofMinutes(10))
			.header("Authorization", "Bearer " + token)
			.build();
		HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(r.statusCode()).isEqualTo(200);
		long total = 0;
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = r.body()) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
			}
		}
		assertThat(total).isEqualTo(megabytes * 1024L * 1024L);
	}

}
