package fr.ptce.observatory.schedule.delivery;

import fr.ptce.observatory.publish.ReportPublished;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery of a published report through a real SMTP server (GreenMail) and the real
 * OBS_DELIVERY table (H2 migrated by Flyway): the e-mail's content and attachment, a
 * refused connection then a successful retry, attempts exhausted.
 */
class ReportDeliveryTest {

	@TempDir
	Path dir;

	private DeliveryLog deliveries;

	private GreenMail smtp;

	private ReportDelivery delivery;

	private Path pdf;

	@BeforeEach
	void database() throws Exception {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:file:" + dir.resolve("db") + "/delivery");
		ds.setUser("sa");
		Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
		deliveries = new DeliveryLog(new JdbcTemplate((DataSource) ds));
		pdf = dir.resolve("publications/2025/observatoire-2025-national.pdf");
		Files.createDirectories(pdf.getParent());
		Files.write(pdf, "%PDF-1.4 national report of 2025\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
	}

	@AfterEach
	void stop() {
		if (delivery != null) {
			delivery.destroy();
		}
		if (smtp != null) {
			smtp.stop();
		}
	}

	private static int freePort() throws Exception {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	private ReportDelivery delivery(int port, List<String> recipients, int attempts, Duration backoff) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
		delivery = new ReportDelivery(beans.getBeanProvider(JavaMailSender.class), deliveries,
				new DeliveryProperties(recipients, "observatoire@example.org", attempts, backoff));
		return delivery;
	}

	private ReportPublished published() {
		return new ReportPublished(2025, pdf, "Pôles suivis : 42\nEmplois : 1 234,5", pdf.getParent());
	}

	private static GreenMail smtp(int port) {
		GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	@Test
	void eachAnalystReceivesThePdfTheKeyFiguresAndWhereTheOtherFilesAre() throws Exception {
		// given an SMTP server and two analysts
		int port = freePort();
		smtp = smtp(port);
		ReportDelivery delivery = delivery(port, List.of("ana@example.org", " bob@example.org "), 3,
				Duration.ofMillis(100));

		// when the report of 2025 is published
		delivery.published(published());

		// then each receives one e-mail with the PDF attached, the key figures and the
		// publication folder
		assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).extracting(m -> m.getAllRecipients()[0].toString())
			.containsExactlyInAnyOrder("ana@example.org", "bob@example.org");
		MimeMessage message = received[0];
		assertThat(message.getSubject()).isEqualTo("Observatoire national des PTCE : rapport annuel 2025");
		assertThat(message.getFrom()[0].toString()).isEqualTo("observatoire@example.org");
		List<Part> leaves = new java.util.ArrayList<>();
		leaves(message, leaves);
		String body = null;
		byte[] attachment = null;
		String attachmentName = null;
		for (Part part : leaves) {
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				attachmentName = part.getFileName();
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				part.getInputStream().transferTo(bytes);
				attachment = bytes.toByteArray();
			}
			else if (part.isMimeType("text/plain")) {
				body = ((String) part.getContent()).replace("\r\n", "\n");
			}
		}
		assertThat(attachmentName).isEqualTo("observatoire-2025-national.pdf");
		assertThat(attachment).isEqualTo(Files.readAllBytes(pdf));
		assertThat(body).contains("Le rapport annuel 2025")
			.contains("Pôles suivis : 42\nEmplois : 1 234,5")
			.contains(pdf.getParent().toAbsolutePath().toString())
			.contains("Le suivi de la collecte, document interne à ne pas diffuser, est dans : "
					+ pdf.getParent().resolve("interne").toAbsolutePath());
		// and both deliveries are recorded SENT after one attempt
		assertThat(deliveries.list(10)).extracting(r -> r.get("STATUS") + " " + r.get("ATTEMPTS"))
			.containsExactly("SENT 1", "SENT 1");
	}

	private static void leaves(Part part, List<Part> into) throws Exception {
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				leaves(multipart.getBodyPart(i), into);
			}
		}
		else {
			into.add(part);
		}
	}

	@Test
	void aRefusedConnectionIsRecordedThenRetriedUntilSent() throws Exception {
		// given no SMTP server listening yet
		int port = freePort();
		ReportDelivery delivery = delivery(port, List.of("ana@example.org"), 5, Duration.ofMillis(700));

		// when the report is published, then the first attempt fails and is recorded,
		// pending
		delivery.published(published());
		long id = (Long) ((Number) deliveries.list(1).get(0).get("ID")).longValue();
		DeliveryLog.Delivery first = deliveries.find(id);
		assertThat(first.status()).isEqualTo(DeliveryLog.PENDING);
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(first.lastError()).containsIgnoringCase("connect");

		// when the server comes up, then a retry delivers it
		smtp = smtp(port);
		assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
		DeliveryLog.Delivery sent = null;
		for (int i = 0; i < 50; i++) {
			sent = deliveries.find(id);
			if (sent.status().equals(DeliveryLog.SENT)) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(sent.status()).isEqualTo(DeliveryLog.SENT);
		assertThat(sent.attempts()).isGreaterThanOrEqualTo(2);
		assertThat(smtp.getReceivedMessages()[0].getSubject()).endsWith("2025");
	}

	@Test
	void attemptsExhaustedLeaveTheDeliveryFailedWithItsError() throws Exception {
		// given an SMTP server that never comes, two attempts
		int port = freePort();
		ReportDelivery delivery = delivery(port, List.of("ana@example.org"), 2, Duration.ofMillis(100));

		// when published
		delivery.published(published());

		// then after the second attempt the delivery is FAILED, with its attempts and
		// error kept
		DeliveryLog.Delivery d = null;
		for (int i = 0; i < 100; i++) {
			d = deliveries.find(((Number) deliveries.list(1).get(0).get("ID")).longValue());
			if (d.status().equals(DeliveryLog.FAILED)) {
				break;
			}
			Thread.sleep(50);
		}
		assertThat(d.status()).isEqualTo(DeliveryLog.FAILED);
		assertThat(d.attempts()).isEqualTo(2);
		assertThat(d.lastError()).containsIgnoringCase("connect");
		assertThat(deliveries.pending()).isEmpty();
	}

}
