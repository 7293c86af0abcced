package fr.ptce.observatory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The Spring Boot application behind every command: job repository, jobs, referential. The command line
 * ({@link Main}) parses arguments first and starts this context only for commands that need it.
 */
@SpringBootApplication
@EnableConfigurationProperties(ObservatoryProperties.class)
public class ObservatoryApplication {

}
