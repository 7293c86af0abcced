package fr.ptce.observatory.schedule.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The operator API's token check on /api/*, and the staff tokens it checks, only in a web
 * application (serve).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

	/** The staff tokens, for the API's filter and the console's sign-in. */
	@Bean
	OperatorTokens operatorTokens(@Value("${observatory.api.token-sha256:}") String full,
			@Value("${observatory.api.read-token-sha256:}") String read) {
		return new OperatorTokens(full, read);
	}

	@Bean
	FilterRegistrationBean<OperatorTokenFilter> operatorTokenFilter(OperatorTokens tokens) {
		if (tokens.noneConfigured()) {
			log.warn("no operator token configured (observatory.api.token-sha256): every /api call is refused");
		}
		FilterRegistrationBean<OperatorTokenFilter> registration = new FilterRegistrationBean<>(
				new OperatorTokenFilter(tokens));
		registration.addUrlPatterns("/api/*", "/api");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
