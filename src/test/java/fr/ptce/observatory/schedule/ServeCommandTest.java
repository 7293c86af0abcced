package fr.ptce.observatory.schedule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ptce.observatory.Main;
import fr.ptce.observatory.cli.ObservatoryCommand;
import fr.ptce.observatory.schedule.api.OperatorTokenFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serve command itself: a bad schedule file stops it at once; a real server process
 * answers and ends on SIGTERM.
 */
class ServeCommandTest {

	@TempDir
	Path dir;

	@Test
	void aBadScheduleFileStopsServeWithFileEntryAndReason() throws Exception {
		Path file = dir.resolve("schedules.yml");
		Files.writeString(file, "schedules:\n  - name: nightly\n    job: aggregate\n    cron: \"0 30 2 * * *\"\n"
				+ "    parameters: {from: 2024, to: 2025}\n");
		StringWriter err = new StringWriter();
		int status = ObservatoryCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
				"--data-dir", dir.resolve("data").toString(), "serve", "--schedules", file.toString());
		assertThat(status).isEqualTo(2);
		assertThat(err.toString()).startsWith("error: " + file + ": schedule 'nightly' (#1): invalid cron expression");
	}

	@Test
	void serveAnswersOnLoopbackAndEndsOnSigterm() throws Exception {
		// given `observatory serve` in its own JVM, with the test jobs and an operator
		// token
		Path schedules = dir.resolve("schedules.yml");
		Files.writeString(schedules, "schedules: []\n");
		Path log = dir.resolve("serve.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
						Main.class.getName(), "--data-dir", dir.resolve("data").toString(), "serve", "--schedules",
						schedules.toString(), "--plain-logs", "--server.port=0",
						"--observatory.api.token-sha256=" + OperatorTokenFilter.sha256("tok")));
		command.addAll(TestServers.commandLineArguments(TestServers.Database.h2()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			Pattern serving = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/api");
			String port = null;
			for (int i = 0; i < 1200 && port == null && process.isAlive(); i++) {
				Matcher m = serving.matcher(Files.readString(log));
				if (m.find()) {
					port = m.group(1);
				}
				else {
					Thread.sleep(100);
				}
			}
			assertThat(port).as(Files.readString(log)).isNotNull();

			// then health and the API answer on the loopback address
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> health = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			HttpResponse<String> runs = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs"))
					.header("Authorization", "Bearer tok")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(runs.statusCode()).isEqualTo(200);
			assertThat(runs.body()).isEqualTo("[]");

			// when sent SIGTERM, then it ends (128 + 15)
			process.destroy();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).isEqualTo(143);
		}
		finally {
			process.destroyForcibly();
		}
	}

}
