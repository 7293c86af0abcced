package fr.ptce.observatory.cli;

import java.time.Clock;

import fr.ptce.observatory.ObservatoryApplication;
import fr.ptce.observatory.ObservatoryProperties;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The application of a command-line run: {@link ObservatoryApplication}'s beans with the
 * auto-configurations a job needs and no others (no web server, scheduler, Actuator,
 * metrics or JSON), every bean lazy (only what the command asks for is built:
 * {@code ApplicationContexts} sets spring.main.lazy-initialization). {@code serve} keeps
 * {@link ObservatoryApplication}, with everything.
 *
 * Not a {@code @Configuration}: ObservatoryApplication's component scan must not pick it
 * up in {@code serve}.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		AopAutoConfiguration.class, DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
		TransactionManagerCustomizationAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionAutoConfiguration.class, FlywayAutoConfiguration.class, BatchAutoConfiguration.class,
		BatchJdbcAutoConfiguration.class, MailSenderAutoConfiguration.class })
@ComponentScan(basePackageClasses = ObservatoryApplication.class,
		excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
				@ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ObservatoryApplication.class) })
@EnableConfigurationProperties(ObservatoryProperties.class)
class CommandApplication {

	/** The same clock as ObservatoryApplication's (UTC). */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
