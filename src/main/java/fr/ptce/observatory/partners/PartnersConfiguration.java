package fr.ptce.observatory.partners;

import java.nio.file.Path;

import fr.ptce.observatory.ObservatoryProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads and checks the partners file once, at start, like the registry: a bad file stops
 * the application with its line and reason before any job runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnersProperties.class)
public class PartnersConfiguration {

	@Bean
	Partners partners(ObservatoryProperties properties) {
		return partners(properties.partnersFile());
	}

	/**
	 * The partners file of observatory.partners-file (a path; blank: the bundled one),
	 * also for a command that runs without Spring.
	 */
	public static Partners partners(String file) {
		return file.isBlank() ? Partners.bundled() : Partners.load(Path.of(file));
	}

}
