package fr.ptce.observatory.cli;

import java.time.Clock;

import fr.ptce.observatory.ObservatoryApplication;
import fr.ptce.observatory.ObservatoryProperties;
import fr.ptce.observatory.aggregate.AggregateJobConfiguration;
import fr.ptce.observatory.download.DownloadAudit;
import fr.ptce.observatory.download.PartnerAccess;
import fr.ptce.observatory.download.PartnerTokens;
import fr.ptce.observatory.extract.ExtractJobConfiguration;
import fr.ptce.observatory.ingest.IngestJobConfiguration;
import fr.ptce.observatory.ingest.JdbcSubmissionLedger;
import fr.ptce.observatory.launch.ProcessMarker;
import fr.ptce.observatory.launch.RunHistory;
import fr.ptce.observatory.partners.PartnersConfiguration;
import fr.ptce.observatory.publish.ReportJobConfiguration;
import fr.ptce.observatory.referential.ReferentialConfiguration;
import fr.ptce.observatory.schedule.JobRuns;
import fr.ptce.observatory.schedule.ServeConfiguration;
import fr.ptce.observatory.schedule.backfill.Backfills;
import fr.ptce.observatory.schedule.delivery.DeliveryConfiguration;
import fr.ptce.observatory.schedule.delivery.DeliveryLog;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application of a command-line run: {@link ObservatoryApplication}'s beans with the
 * auto-configurations a job needs and no others (no web server, scheduler, Actuator,
 * metrics or JSON), every bean lazy (only what the command asks for is built:
 * {@code ApplicationContexts} sets spring.main.lazy-initialization). {@code serve} keeps
 * {@link ObservatoryApplication}, with everything.
 *
 * Its components are imported by name, not scanned: a scan reads every class file of the
 * jar at every start (about 0.2 s of a one-row ingest), for a list known when the code is
 * written. {@code CommandApplicationTest} keeps the list equal to what {@code serve}'s
 * scan finds, less the web server's controllers and configurations.
 *
 * Not a {@code @Configuration}: ObservatoryApplication's component scan must not pick it
 * up in {@code serve}.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		AopAutoConfiguration.class, DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
		TransactionManagerCustomizationAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionAutoConfiguration.class, FlywayAutoConfiguration.class, BatchAutoConfiguration.class,
		BatchJdbcAutoConfiguration.class, MailSenderAutoConfiguration.class })
@Import({ ReferentialConfiguration.class, PartnersConfiguration.class, ProcessMarker.class, RunHistory.class,
		IngestJobConfiguration.class, JdbcSubmissionLedger.class, AggregateJobConfiguration.class,
		ReportJobConfiguration.class, ExtractJobConfiguration.class, JobRuns.class, Backfills.class,
		ServeConfiguration.class, DeliveryConfiguration.class, DeliveryLog.class, PartnerTokens.class,
		PartnerAccess.class, DownloadAudit.class })
@EnableConfigurationProperties(ObservatoryProperties.class)
class CommandApplication {

	/** The same clock as ObservatoryApplication's (UTC). */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
