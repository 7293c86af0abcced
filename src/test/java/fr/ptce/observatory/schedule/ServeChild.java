package fr.ptce.observatory.schedule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ptce.observatory.Main;
import fr.ptce.observatory.schedule.api.OperatorTokenFilter;

/**
 * The real {@code observatory serve} (its main class, ServeCommand, the signal handler)
 * in a child JVM, with the test jobs: for the tests that send it signals, look at its
 * sockets, or run a command beside it.
 */
final class ServeChild implements AutoCloseable {

	static final String TOKEN = "child-token";

	final Process process;

	final Path log;

	final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private ServeChild(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	static List<String> java(Path dataDir, TestServers.Database db, String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
						Main.class.getName(), "--data-dir", dataDir.toString()));
		command.addAll(List.of(arguments));
		command.addAll(TestServers.commandLineArguments(db));
		return command;
	}

	/**
	 * Starts serve on a free port of the loopback, no schedules, and waits until it
	 * answers.
	 */
	static ServeChild start(Path dataDir, TestServers.Database db, Path work) throws Exception {
		Path schedules = work.resolve("no-schedules.yml");
		Files.writeString(schedules, "schedules: []\n");
		Path log = work.resolve("serve.log");
		ProcessBuilder builder = new ProcessBuilder(
				java(dataDir, db, "serve", "--schedules", schedules.toString(), "--plain-logs", "--server.port=0"));
		// as docs/operations.md says to pass it: in the environment, not on the command
		// line that ps shows
		builder.environment().put("OBSERVATORY_API_TOKEN_SHA256", OperatorTokenFilter.sha256(TOKEN));
		Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Pattern serving = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/api");
		for (int i = 0; i < 1200 && process.isAlive(); i++) {
			Matcher m = serving.matcher(Files.readString(log));
			if (m.find()) {
				return new ServeChild(process, log, Integer.parseInt(m.group(1)));
			}
			Thread.sleep(100);
		}
		process.destroyForcibly();
		throw new AssertionError("serve did not start:\n" + Files.readString(log));
	}

	HttpResponse<String> post(String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	String log() throws IOException {
		return Files.readString(log);
	}

	/** SIGTERM, and the exit status once it ended. */
	int terminate() throws Exception {
		process.destroy();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			throw new AssertionError("serve did not end within 90 s after SIGTERM:\n" + log());
		}
		return process.exitValue();
	}

	/**
	 * The TCP ports the child listens on (Linux: its socket inodes matched in
	 * /proc/net/tcp and tcp6).
	 */
	Set<Integer> listeningPorts() throws IOException {
		Set<String> inodes = new HashSet<>();
		try (var fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
			for (Path fd : fds.toList()) {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(target.substring(8, target.length() - 1));
					}
				}
				catch (IOException ex) {
					// closed meanwhile
				}
			}
		}
		Set<Integer> ports = new TreeSet<>();
		for (String table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
			List<String> lines = Files.readAllLines(Path.of(table));
			for (String line : lines.subList(1, lines.size())) {
				String[] f = line.trim().split("\\s+");
				if (f[3].equals("0A") && inodes.contains(f[9])) {
					ports.add(Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16));
				}
			}
		}
		return ports;
	}

	@Override
	public void close() {
		process.destroyForcibly();
	}

}
