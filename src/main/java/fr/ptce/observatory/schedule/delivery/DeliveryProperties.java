package fr.ptce.observatory.schedule.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail delivery of published reports (prefix {@code observatory.delivery}); the SMTP
 * server is Spring Boot's {@code spring.mail.*} (host, port, username, password,
 * {@code properties.mail.smtp.starttls.enable} or {@code spring.mail.protocol=smtps} for
 * TLS).
 *
 * @param recipients the analysts' addresses; empty: nothing is sent
 * @param from the sender's address
 * @param attempts attempts per recipient before the delivery is recorded FAILED
 * @param backoff wait before the first retry, doubled at each further one
 */
@ConfigurationProperties("observatory.delivery")
public record DeliveryProperties(List<String> recipients, String from, Integer attempts, Duration backoff) {

	public DeliveryProperties {
		recipients = recipients == null ? List.of()
				: recipients.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
		from = from == null || from.isBlank() ? "observatoire-ptce@localhost" : from.trim();
		attempts = attempts == null || attempts < 1 ? 4 : attempts;
		backoff = backoff == null ? Duration.ofSeconds(30) : backoff;
	}

}
