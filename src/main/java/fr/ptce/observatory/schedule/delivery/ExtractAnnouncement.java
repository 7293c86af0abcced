package fr.ptce.observatory.schedule.delivery;

import fr.ptce.observatory.extract.ExtractPublished;
import fr.ptce.observatory.partners.PartnersProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Tells a partner's contact that a new version of its extract is ready (extracts.md): a
 * link to the download service's listing, never data, through the reports' delivery
 * (OBS_DELIVERY, the same retries).
 */
public class ExtractAnnouncement {

	private static final Logger log = LoggerFactory.getLogger(ExtractAnnouncement.class);

	private final ReportDelivery delivery;

	private final PartnersProperties partners;

	public ExtractAnnouncement(ReportDelivery delivery, PartnersProperties partners) {
		this.delivery = delivery;
		this.partners = partners;
	}

	@EventListener
	public void published(ExtractPublished event) {
		if (event.contact() == null || event.contact().isBlank()) {
			log.info("extract {} {} of {} is ready; the partner has no contact to tell", event.year(), event.version(),
					event.partner());
			return;
		}
		delivery.deliver(event.year(), event.contact(), subject(event), body(event, partners.listingUrl()));
	}

	static String subject(ExtractPublished event) {
		return "Observatoire national des PTCE : nouvel extrait " + event.year() + " pour " + event.partner();
	}

	static String body(ExtractPublished event, String listingUrl) {
		return "Bonjour,\n\n" + "Un nouvel extrait des données de l'observatoire national des PTCE est prêt pour "
				+ event.partnerName() + " (" + event.partner() + ") : année " + event.year() + ", version "
				+ event.version() + ".\n\n"
				+ "La liste de vos extraits, avec les liens de téléchargement, est à l'adresse :\n" + listingUrl + "\n"
				+ "(accès avec le jeton de votre réseau ; ce message ne contient aucune donnée).\n\n"
				+ "-- \nObservatoire national des PTCE (message automatique)\n";
	}

}
