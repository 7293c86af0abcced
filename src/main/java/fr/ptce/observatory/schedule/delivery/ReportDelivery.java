package fr.ptce.observatory.schedule.delivery;

import fr.ptce.observatory.publish.CollectionFollowUp;
import fr.ptce.observatory.publish.ReportPublished;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends a published annual report to the analysts: one e-mail per recipient, the national
 * PDF attached, the key figures in the body and the location of the other files. Each
 * e-mail is recorded in OBS_DELIVERY before the first attempt; the first attempt is made
 * at once, the next ones after a backoff doubling each time, up to
 * {@code observatory.delivery.attempts}; then the delivery is FAILED (with its last
 * error) for the operator. A delivery still PENDING when the process ends is resumed by
 * the next {@code serve}.
 */
public class ReportDelivery implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReportDelivery.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final DeliveryLog deliveries;

	private final DeliveryProperties properties;

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "delivery-retry");
		t.setDaemon(true);
		return t;
	});

	public ReportDelivery(ObjectProvider<JavaMailSender> mail, DeliveryLog deliveries, DeliveryProperties properties) {
		this.mail = mail;
		this.deliveries = deliveries;
		this.properties = properties;
	}

	@EventListener
	public void published(ReportPublished event) {
		if (properties.recipients().isEmpty()) {
			log.info("report {} published; no analyst to tell (observatory.delivery.recipients is empty)",
					event.year());
			return;
		}
		String subject = "Observatoire national des PTCE : rapport annuel " + event.year();
		String body = body(event);
		String attachment = event.nationalPdf() == null ? null : event.nationalPdf().toAbsolutePath().toString();
		for (String recipient : properties.recipients()) {
			long id = deliveries.create(event.year(), recipient, subject, body, attachment);
			attempt(id);
		}
	}

	/**
	 * Records an e-mail without attachment (a partner told of a new extract) and makes
	 * its first attempt, with the same retries as a report. With no SMTP server
	 * configured it is only recorded PENDING: the next {@code serve} that has one sends
	 * it.
	 * @return the delivery's id in OBS_DELIVERY
	 */
	public long deliver(int year, String recipient, String subject, String body) {
		long id = deliveries.create(year, recipient, subject, body, null);
		if (mail.getIfAvailable() == null) {
			log.info("e-mail to {} recorded PENDING (delivery {}): no SMTP server configured (spring.mail.host)",
					recipient, id);
			return id;
		}
		attempt(id);
		return id;
	}

	/**
	 * Sends again the deliveries left PENDING by a process that ended (called when serve
	 * starts).
	 */
	public void resumePending() {
		for (long id : deliveries.pending()) {
			log.info("delivery {} was pending: sending it again", id);
			retries.execute(() -> attempt(id));
		}
	}

	static String body(ReportPublished event) {
		StringBuilder b = new StringBuilder();
		b.append("Bonjour,\n\n");
		b.append("Le rapport annuel ")
			.append(event.year())
			.append(" de l'observatoire national des PTCE est publié. Le rapport national est joint (PDF).\n\n");
		if (event.keyFigures() != null && !event.keyFigures().isBlank()) {
			b.append("Chiffres clés :\n").append(event.keyFigures().strip()).append("\n\n");
		}
		if (event.publicationDir() != null) {
			b.append("Les autres fichiers (éditions régionales, tableaux XLSX, manifeste) sont dans : ")
				.append(event.publicationDir().toAbsolutePath())
				.append("\n\n");
			// the analysts are told where the internal follow-up is: the public manifest
			// does not list it
			b.append("Le suivi de la collecte, document interne à ne pas diffuser, est dans : ")
				.append(event.publicationDir().resolve(CollectionFollowUp.INTERNAL).toAbsolutePath())
				.append("\n\n");
		}
		b.append("-- \nObservatoire national des PTCE (message automatique)\n");
		return b.toString();
	}

	private void attempt(long id) {
		DeliveryLog.Delivery d = deliveries.find(id);
		if (d == null || !DeliveryLog.PENDING.equals(d.status())) {
			return;
		}
		try {
			send(d);
			deliveries.attempted(id, DeliveryLog.SENT, null);
			log.info("\"{}\" sent to {} (delivery {}, attempt {})", d.subject(), d.recipient(), id, d.attempts() + 1);
		}
		catch (Exception ex) {
			String error = describe(ex);
			int attempts = d.attempts() + 1;
			if (attempts >= properties.attempts()) {
				deliveries.attempted(id, DeliveryLog.FAILED, error);
				log.error("\"{}\" could not be sent to {} after {} attempts: {} (delivery {} recorded FAILED)",
						d.subject(), d.recipient(), attempts, error, id);
				return;
			}
			deliveries.attempted(id, DeliveryLog.PENDING, error);
			Duration wait = properties.backoff().multipliedBy(1L << Math.min(attempts - 1, 10));
			log.warn("\"{}\" not sent to {} (attempt {}): {}; next attempt in {} s", d.subject(), d.recipient(),
					attempts, error, wait.toMillis() / 1000.0);
			try {
				retries.schedule(() -> attempt(id), wait.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException stopped) {
				log.warn("delivery {} stays PENDING: the process is stopping; the next serve sends it", id);
			}
		}
	}

	private void send(DeliveryLog.Delivery d) throws Exception {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("no SMTP server configured (spring.mail.host)");
		}
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(properties.from());
		helper.setTo(d.recipient());
		helper.setSubject(d.subject());
		helper.setText(d.body(), false);
		if (d.attachment() != null) {
			Path pdf = Path.of(d.attachment());
			if (!Files.isRegularFile(pdf)) {
				throw new IllegalStateException("the national PDF " + pdf + " is missing");
			}
			// base64 always: a PDF that happens to be ASCII would otherwise go as 7bit,
			// its line ends rewritten
			MimeBodyPart part = new MimeBodyPart();
			part.attachFile(new File(pdf.toString()), "application/pdf", "base64");
			part.setFileName(pdf.getFileName().toString());
			part.setDisposition(jakarta.mail.Part.ATTACHMENT);
			helper.getRootMimeMultipart().addBodyPart(part);
		}
		sender.send(message);
	}

	private static String describe(Throwable ex) {
		StringBuilder b = new StringBuilder(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
		Throwable t = ex.getCause();
		while (t != null && t != t.getCause()) {
			if (t.getMessage() != null && !b.toString().contains(t.getMessage())) {
				b.append(": ").append(t.getMessage());
			}
			t = t.getCause();
		}
		return b.toString();
	}

	@Override
	public void destroy() {
		retries.shutdownNow();
	}

}
