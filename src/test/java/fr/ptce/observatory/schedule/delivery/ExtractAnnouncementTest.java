package fr.ptce.observatory.schedule.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.ptce.observatory.extract.ExtractPublished;
import fr.ptce.observatory.partners.PartnersProperties;
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

/**
 * extracts.md: the partner's contact is e-mailed when a new version of its extract is
 * ready, with a link to the listing and no data, through the reports' delivery (real SMTP
 * server GreenMail, real OBS_DELIVERY on H2).
 */
class ExtractAnnouncementTest {

	@TempDir
	Path dir;

	DeliveryLog deliveries;

	GreenMail smtp;

	ReportDelivery delivery;

	@BeforeEach
	void database() {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:file:" + dir.resolve("db") + "/delivery");
		ds.setUser("sa");
		Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
		deliveries = new DeliveryLog(new JdbcTemplate((DataSource) ds));
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

	ExtractAnnouncement announcement(int port, int attempts, Duration backoff) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
		delivery = new ReportDelivery(beans.getBeanProvider(JavaMailSender.class), deliveries,
				new DeliveryProperties(List.of(), "observatoire@example.org", attempts, backoff));
		return new ExtractAnnouncement(delivery, new PartnersProperties("https://observatoire.example/"));
	}

	static ExtractPublished published(String contact) {
		return new ExtractPublished("RTES", "Réseau des collectivités", contact, 2025, "20260331T060000Z",
				Path.of("/data/extracts/RTES/2025/20260331T060000Z"));
	}

	static int freePort() throws Exception {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	static GreenMail smtp(int port) {
		GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	@Test
	void theContactGetsALinkToTheListingAndNoData() throws Exception {
		// given an SMTP server
		int port = freePort();
		smtp = smtp(port);

		// when a new version of RTES's extract is in place
		announcement(port, 3, Duration.ofMillis(100)).published(published("contact@rtes.example"));

		// then its contact gets one plain-text e-mail: the year, the version, the
		// listing's link, no attachment
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage message = smtp.getReceivedMessages()[0];
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo("contact@rtes.example");
		assertThat(message.getSubject()).isEqualTo("Observatoire national des PTCE : nouvel extrait 2025 pour RTES");
		List<Part> leaves = new ArrayList<>();
		leaves(message, leaves);
		assertThat(leaves).singleElement().satisfies(p -> {
			assertThat(p.isMimeType("text/plain")).isTrue();
			assertThat(p.getDisposition()).isNotEqualToIgnoringCase(Part.ATTACHMENT);
		});
		String body = ((String) leaves.get(0).getContent()).replace("\r\n", "\n");
		assertThat(body).contains("https://observatoire.example/partners/v1/extracts\n")
			.contains("année 2025, version 20260331T060000Z")
			.contains("ce message ne contient aucune donnée")
			.doesNotContain("/data/extracts");
		assertThat(deliveries.list(5))
			.extracting(r -> r.get("STATUS") + " " + r.get("ATTEMPTS") + " " + r.get("ATTACHMENT"))
			.containsExactly("SENT 1 null");
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
	void aServerThatIsDownIsRetriedUntilTheMailGoes() throws Exception {
		// given no SMTP server yet
		int port = freePort();
		announcement(port, 5, Duration.ofMillis(500)).published(published("contact@rtes.example"));
		long id = ((Number) deliveries.list(1).get(0).get("ID")).longValue();
		assertThat(deliveries.find(id).status()).isEqualTo(DeliveryLog.PENDING);
		assertThat(deliveries.find(id).lastError()).containsIgnoringCase("connect");

		// when it comes up, a retry sends it
		smtp = smtp(port);
		assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
		DeliveryLog.Delivery sent = deliveries.find(id);
		for (int i = 0; i < 50 && !sent.status().equals(DeliveryLog.SENT); i++) {
			Thread.sleep(100);
			sent = deliveries.find(id);
		}
		assertThat(sent.status()).isEqualTo(DeliveryLog.SENT);
		assertThat(sent.attempts()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aPartnerWithoutContactIsToldNothing() throws Exception {
		int port = freePort();
		smtp = smtp(port);
		announcement(port, 3, Duration.ofMillis(100)).published(published(""));
		assertThat(smtp.waitForIncomingEmail(500, 1)).isFalse();
		assertThat(deliveries.list(5)).isEmpty();
	}

}
