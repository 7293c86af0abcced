package fr.ptce.observatory.download;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import fr.ptce.observatory.schedule.TestServers;
import fr.ptce.observatory.warehouse.Sha256;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A download server in a child JVM with a heap of the test's choosing, so that what a
 * download costs in memory shows: it starts like {@code serve} (H2 in the data directory
 * given as argument), issues a token of LABO_ESS and prints {@code READY port token},
 * then serves until its standard input closes. {@link #start} runs one from a test,
 * {@link #bigFile} writes the large file it serves.
 */
public final class DownloadServerProcess {

	/** The child as the parent sees it. */
	public record Child(Process process, int port, String token) implements AutoCloseable {

		/** Peak resident memory of the child so far (VmHWM), in bytes. */
		public long peakRss() throws IOException {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
			return -1;
		}

		@Override
		public void close() throws IOException, InterruptedException {
			process.getOutputStream().close();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}

	}

	private DownloadServerProcess() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> props = Map.of("logging.level.fr.ptce.observatory", "WARN",
				"observatory.partners.requests-per-minute", "100000");
		try (ConfigurableApplicationContext server = TestServers.serve(Path.of(args[0]), TestServers.Database.h2(),
				true, props)) {
			String token = server.getBean(PartnerTokens.class)
				.issue("LABO_ESS", PartnerTokens.DEFAULT_VALIDITY, "child")
				.token();
			System.out.println("READY " + server.getEnvironment().getProperty("local.server.port") + " " + token);
			System.out.flush();
			System.in.transferTo(java.io.OutputStream.nullOutputStream());
		}
	}

	public static Child start(Path dataDir, String heap) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
						"--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
						DownloadServerProcess.class.getName(), dataDir.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith("READY ")) {
				String[] parts = line.split(" ");
				// the rest of its output is drained, so that the child never blocks on a
				// full pipe
				Thread drain = new Thread(() -> {
					try {
						out.transferTo(java.io.Writer.nullWriter());
					}
					catch (IOException ignored) {
						// the child ended
					}
				});
				drain.setDaemon(true);
				drain.start();
				return new Child(process, Integer.parseInt(parts[1]), parts[2]);
			}
			seen.append(line).append('\n');
		}
		throw new IllegalStateException("the download server did not start:\n" + seen);
	}

	/**
	 * A file of {@code megabytes} MB of seeded random bytes (no compression helps),
	 * returns its SHA-256.
	 */
	public static String bigFile(Path file, int megabytes) throws IOException {
		Files.createDirectories(file.getParent());
		MessageDigest digest = Sha256.digest();
		Random random = new Random(megabytes);
		byte[] chunk = new byte[1 << 20];
		try (var out = Files.newOutputStream(file)) {
			for (int i = 0; i < megabytes; i++) {
				random.nextBytes(chunk);
				digest.update(chunk);
				out.write(chunk);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
