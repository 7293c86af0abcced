package fr.ptce.observatory.schedule.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The operator API's token check on /api/*, only in a web application (serve). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

	@Bean
	FilterRegistrationBean<OperatorTokenFilter> operatorTokenFilter(
			@Value("${observatory.api.token-sha256:}") String full,
			@Value("${observatory.api.read-token-sha256:}") String read) {
		if (full.isBlank() && read.isBlank()) {
			log.warn("no operator token configured (observatory.api.token-sha256): every /api call is refused");
		}
		FilterRegistrationBean<OperatorTokenFilter> registration = new FilterRegistrationBean<>(
				new OperatorTokenFilter(full, read));
		registration.addUrlPatterns("/api/*", "/api");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
