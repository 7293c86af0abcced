package fr.ptce.observatory.schedule.delivery;

import fr.ptce.observatory.partners.PartnersProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The delivery of published reports; the SMTP server is Spring Boot's
 * {@code spring.mail.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
public class DeliveryConfiguration {

	@Bean
	ReportDelivery reportDelivery(ObjectProvider<JavaMailSender> mail, DeliveryLog deliveries,
			DeliveryProperties properties) {
		return new ReportDelivery(mail, deliveries, properties);
	}

	@Bean
	ExtractAnnouncement extractAnnouncement(ReportDelivery reportDelivery, PartnersProperties partners) {
		return new ExtractAnnouncement(reportDelivery, partners);
	}

}
