package fr.ptce.observatory.schedule.delivery;

import fr.ptce.observatory.publish.ReportPublished;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.ptce.observatory.schedule.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery as wired in the application (Spring Boot's spring.mail.*, the ReportPublished
 * event, OBS_DELIVERY by Flyway): a report published while the SMTP server is down (from
 * a command, which then ends) stays PENDING, and the next serve sends it.
 */
class DeliveryServeTest {

	@TempDir
	Path dataDir;

	@Test
	void aDeliveryLeftPendingByACommandIsSentByTheNextServe() throws Exception {
		int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort();
		}
		Path pdf = dataDir.resolve("publications/2025/national.pdf");
		Files.createDirectories(pdf.getParent());
		Files.writeString(pdf, "%PDF-1.7\n%%EOF\n");
		Map<String, String> mail = Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(port),
				"observatory.delivery.recipients", "ana@example.org", "observatory.delivery.backoff", "60s",
				"observatory.serve.schedules", write("schedules: []\n").toString());

		// given a report published by a command while the SMTP server is down: one
		// attempt, recorded PENDING
		try (ConfigurableApplicationContext command = TestServers.command(dataDir, TestServers.Database.h2(), mail)) {
			command.publishEvent(new ReportPublished(2025, pdf, "Pôles : 3", pdf.getParent()));
			DeliveryLog log = command.getBean(DeliveryLog.class);
			assertThat(log.list(5)).extracting(r -> r.get("STATUS") + " " + r.get("ATTEMPTS"))
				.containsExactly("PENDING 1");
		}

		// when the SMTP server is back and serve starts
		GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try (ConfigurableApplicationContext serve = TestServers.serve(dataDir, TestServers.Database.h2(), false,
				mail)) {
			// then the pending delivery is sent and recorded SENT
			assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
			assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("ana@example.org");
			DeliveryLog log = serve.getBean(DeliveryLog.class);
			String state = null;
			for (int i = 0; i < 50; i++) {
				Map<String, Object> row = log.list(1).get(0);
				state = row.get("STATUS") + " " + row.get("ATTEMPTS");
				if (state.startsWith("SENT")) {
					break;
				}
				Thread.sleep(100);
			}
			assertThat(state).isEqualTo("SENT 2");
		}
		finally {
			smtp.stop();
		}
	}

	private Path write(String text) throws Exception {
		Path file = dataDir.resolve("schedules.yml");
		Files.writeString(file, text);
		return file;
	}

}
