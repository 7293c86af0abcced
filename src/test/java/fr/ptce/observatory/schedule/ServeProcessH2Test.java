package fr.ptce.observatory.schedule;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On H2 also: the embedded database listens on no TCP port (only the HTTP one is open),
 * and a command run while serve holds the database refuses in one line that says to use
 * the API.
 */
class ServeProcessH2Test extends ServeProcessContract {

	@Override
	TestServers.Database database() {
		return TestServers.Database.h2();
	}

	@Test
	void theDatabaseListensOnNoPortAndACommandBesideServeRefusesInOneLine() throws Exception {
		try (ServeChild serve = ServeChild.start(dataDir(), database(), work)) {
			// the database is open (the API read it) and still no port but HTTP's
			assertThat(serve.post("/api/runs", "{\"job\":\"report\",\"parameters\":{\"year\":2020}}").statusCode())
				.isEqualTo(202);
			assertThat(serve.listeningPorts()).as(serve.log()).containsExactly(serve.port);

			for (String command : new String[] { "ingest", "status" }) {
				var output = work.resolve(command + ".out");
				Process p = new ProcessBuilder(ServeChild.java(dataDir(), database(), command))
					.redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.start();
				assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
				List<String> lines = Files.readAllLines(output);
				assertThat(p.exitValue()).as("%s", lines).isEqualTo(1);
				assertThat(lines).as(command)
					.containsExactly("error: the database of this data directory is held by a "
							+ "running server (observatory serve): use its operator API (docs/operations.md), or stop the "
							+ "server first");
			}
		}
	}

}
