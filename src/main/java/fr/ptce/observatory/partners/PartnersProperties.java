package fr.ptce.observatory.partners;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the partners' side (prefix {@code observatory.partners}).
 *
 * @param baseUrl where partners reach the download service, as written in the e-mails
 * that announce a new extract (the listing is {@code BASE_URL/partners/v1/extracts})
 */
@ConfigurationProperties("observatory.partners")
public record PartnersProperties(String baseUrl) {

	public PartnersProperties {
		baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://127.0.0.1:8080" : stripSlash(baseUrl.strip());
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** The listing of a partner's extracts, the link an e-mail gives. */
	public String listingUrl() {
		return baseUrl + "/partners/v1/extracts";
	}

}
