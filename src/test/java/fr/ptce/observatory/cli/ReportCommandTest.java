package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import fr.ptce.observatory.publish.PublicationFixture;
import fr.ptce.observatory.warehouse.DataDirectory;

/**
 * The report command as an operator runs it: real Spring context, H2 job repository,
 * Parquet inputs.
 */
class ReportCommandTest {

	@TempDir
	Path root;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private String[] args(Path registry, String... command) {
		String[] global = { "--data-dir", root.toString(), "--registry", registry.toString(),
				// an embedded database the test owns, whatever the default URL's options
				"--spring.datasource.url=jdbc:h2:file:" + root.resolve("db/observatory") };
		String[] all = new String[global.length + command.length];
		System.arraycopy(global, 0, all, 0, global.length);
		System.arraycopy(command, 0, all, global.length, command.length);
		return all;
	}

	private Path registryFile() throws Exception {
		Path file = root.resolve("registry.csv");
		try (var in = PublicationFixture.class.getResourceAsStream("registry.csv")) {
			Files.copy(in, file);
		}
		return file;
	}

	@Test
	void publishesTheYearAndPrintsTheNationalPdf() throws Exception {
		// given the aggregates of 2025
		Path registry = registryFile();
		DataDirectory dir = PublicationFixture.dataDirectory(root);
		PublicationFixture.write(dir, PublicationFixture.registry());
		// when
		int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
				args(registry, "report", "--year", "2025", "--as-of", "2026-03-31T23:59:59.999999Z"));
		// then
		assertThat(status).as(err.toString()).isZero();
		Path pdf = dir.publications(2025).resolve("rapport-national-2025.pdf");
		assertThat(out.toString()).contains("Publication of 2025: " + pdf);
		assertThat(pdf).isRegularFile();
		assertThat(dir.publications(2025).resolve("manifest.json")).isRegularFile();

		// and demo's entry point publishes again in a started context, returning the same
		// path
		GlobalOptions global = new GlobalOptions();
		global.registry = registry;
		global.springArguments.add("--spring.datasource.url=jdbc:h2:file:" + root.resolve("db/observatory"));
		try (ConfigurableApplicationContext context = ApplicationContexts.start(global, root)) {
			assertThat(ReportCommand.publish(context, 2025, null)).isEqualTo(pdf);
		}
	}

	@Test
	void aYearWithoutAggregatesIsAUsageErrorThatSaysToAggregateFirst() throws Exception {
		int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
				args(registryFile(), "report", "--year", "2019"));
		assertThat(status).isEqualTo(2);
		assertThat(err.toString()).contains("no aggregates for 2019: run 'aggregate --year 2019' first");
		assertThat(root.resolve("publications")).doesNotExist();
	}

	@Test
	void aBadAsOfIsAUsageError() throws Exception {
		int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
				args(registryFile(), "report", "--year", "2025", "--as-of", "31/03/2026"));
		assertThat(status).isEqualTo(2);
		assertThat(err.toString()).contains("--as-of '31/03/2026' is not an ISO-8601 instant");
	}

	@Test
	void publishingTheReportSendsItToTheAnalysts() throws Exception {
		// given the aggregates of 2025, an SMTP server and an analyst to tell
		Path registry = registryFile();
		DataDirectory dir = PublicationFixture.dataDirectory(root);
		PublicationFixture.write(dir, PublicationFixture.registry());
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
				new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1",
						com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try {
			// when the report command publishes the year
			String[] command = args(registry, "--observatory.delivery.recipients=analyste@example.org",
					"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port, "report", "--year", "2025");
			int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), command);
			// then the analyst receives the national PDF
			assertThat(status).as(err.toString()).isZero();
			assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
			jakarta.mail.internet.MimeMessage message = smtp.getReceivedMessages()[0];
			assertThat(message.getAllRecipients()[0].toString()).isEqualTo("analyste@example.org");
			assertThat(message.getSubject()).endsWith("2025");
			assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(message))
				.contains("rapport-national-2025.pdf");
		}
		finally {
			smtp.stop();
		}
	}

}
