package fr.ptce.observatory;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application behind every command: job repository, jobs, referential.
 * The command line ({@link Main}) parses arguments first and starts this context only for
 * commands that need it.
 */
@SpringBootApplication
@EnableConfigurationProperties(ObservatoryProperties.class)
public class ObservatoryApplication {

	/**
	 * The one clock of the application (UTC); tests replace it to place "today" where
	 * they need it.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
