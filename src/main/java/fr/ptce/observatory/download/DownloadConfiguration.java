package fr.ptce.observatory.download;

import java.time.Clock;
import java.time.Duration;

import fr.ptce.observatory.ObservatoryProperties;
import fr.ptce.observatory.partners.Partners;
import fr.ptce.observatory.warehouse.DataDirectory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The partner download service, in {@code serve} only (a web application). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DownloadConfiguration {

	/**
	 * Keys of the rate limiter kept at most: far more than partners' tokens, and bounded
	 * whatever clients send.
	 */
	static final int LIMITER_KEYS = 10_000;

	@Bean
	ExtractStore extractStore(ObservatoryProperties properties) {
		return new ExtractStore(new DataDirectory(properties.dataDir()).root().resolve("extracts"));
	}

	@Bean
	LinkSigner linkSigner(ObservatoryProperties properties,
			@Value("${observatory.partners.link-secret:}") String secret) {
		return LinkSigner.create(secret, new DataDirectory(properties.dataDir()).secrets());
	}

	@Bean
	RateLimiter partnerRateLimiter(@Value("${observatory.partners.requests-per-minute:120}") int perMinute) {
		return new RateLimiter(perMinute, LIMITER_KEYS, System::nanoTime);
	}

	@Bean
	AuditRetention auditRetention(DownloadAudit audit, Clock clock,
			@Value("${observatory.partners.audit-retention:365d}") Duration retention) {
		return new AuditRetention(audit, retention, clock);
	}

	@Bean
	UniformErrors uniformErrors(DownloadAudit audit, Clock clock) {
		return new UniformErrors(audit, clock);
	}

	@Bean
	TomcatConnectorCustomizer relaxedPartnerTargets() {
		return UniformErrors::relax;
	}

	/**
	 * Once Tomcat is up: its error reports under /partners become the service's 404 (see
	 * UniformErrors).
	 */
	@Bean
	ApplicationListener<ServletWebServerInitializedEvent> uniformErrorsInstaller(UniformErrors valve) {
		return event -> {
			if (event.getWebServer() instanceof TomcatWebServer tomcat) {
				valve.install(tomcat.getTomcat().getHost());
			}
		};
	}

	/**
	 * Ahead of every other filter (the operator token's included), on every path: it
	 * picks its own requests.
	 */
	@Bean
	FilterRegistrationBean<DownloadFilter> downloadFilter(ExtractStore store, PartnerTokens tokens, DownloadAudit audit,
			LinkSigner signer, RateLimiter partnerRateLimiter, Clock clock, Partners partners) {
		FilterRegistrationBean<DownloadFilter> registration = new FilterRegistrationBean<>(new DownloadFilter(store,
				tokens, audit, signer, partnerRateLimiter, clock, code -> partners.find(code) != null));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
