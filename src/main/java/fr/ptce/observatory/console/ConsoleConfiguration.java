package fr.ptce.observatory.console;

import java.util.Set;

import fr.ptce.observatory.download.PartnerAccess;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console of {@code serve}, at / on the API's port: its guard, and its session
 * cookie (HttpOnly, SameSite=Strict, Secure when the request came over TLS, which Tomcat
 * decides per request; never a session id in a URL).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConsoleConfiguration implements WebMvcConfigurer {

	/** The session cookie's name. */
	public static final String COOKIE = "observatoire_console";

	private final PartnerAccess partners;

	public ConsoleConfiguration(PartnerAccess partners) {
		this.partners = partners;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ConsoleGuard(partners))
			.excludePathPatterns("/api/**", "/partners/**", "/actuator/**", "/error");
	}

	@Bean
	ServletContextInitializer consoleSessionCookie() {
		return context -> {
			context.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
			SessionCookieConfig cookie = context.getSessionCookieConfig();
			cookie.setName(COOKIE);
			cookie.setHttpOnly(true);
			cookie.setPath("/");
			cookie.setAttribute("SameSite", "Strict");
		};
	}

}
