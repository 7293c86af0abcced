package fr.ptce.observatory.schedule;

import java.nio.file.Files;
import java.nio.file.Path;

import fr.ptce.observatory.schedule.delivery.ReportDelivery;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What only {@code serve} has: the schedules of the file in the Quartz store and the
 * recovery of dead runs at start-up. Both are switched on by
 * {@code observatory.serve.enabled=true}, which {@code serve} sets together with
 * {@code spring.quartz.auto-startup=true}; command-line runs have neither.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperationsProperties.class)
public class ServeConfiguration {

	/**
	 * The schedule file, checked: a bad file stops the server here, with the file, the
	 * entry and the reason.
	 */
	@Bean
	@ConditionalOnProperty(name = "observatory.serve.enabled", havingValue = "true")
	Schedules schedules(Scheduler scheduler, @Value("${observatory.serve.schedules:}") String file)
			throws SchedulerException {
		Path path = file == null || file.isBlank() ? null : Path.of(file);
		Path local = Path.of("jobs", "schedules.yml");
		Path source = path != null ? path
				: Files.isRegularFile(local) ? local : Path.of("classpath:" + ScheduleFile.BUNDLED);
		Schedules schedules = new Schedules(scheduler, ScheduleFile.load(path), source);
		schedules.synchronize();
		return schedules;
	}

	/**
	 * Deliveries left PENDING by a process that ended (a report run from the command
	 * line, a crash) go again.
	 */
	@Bean
	@ConditionalOnProperty(name = "observatory.serve.enabled", havingValue = "true")
	ApplicationRunner pendingDeliveries(ReportDelivery delivery) {
		return args -> delivery.resumePending();
	}

	@Bean
	@ConditionalOnProperty(name = "observatory.serve.enabled", havingValue = "true")
	StartupRecovery startupRecovery(JobRuns runs, OperationsProperties properties) {
		return new StartupRecovery(runs, properties);
	}

}
