package fr.ptce.observatory.referential;

import java.nio.file.Path;
import java.time.Instant;

import fr.ptce.observatory.ObservatoryProperties;
import fr.ptce.observatory.SoftwareVersion;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Provenance;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads and checks the reference data once, at start: a bad registry stops the
 * application with its line and reason before any job runs.
 */
@Configuration(proxyBeanMethods = false)
public class ReferentialConfiguration {

	@Bean
	Catalogue catalogue() {
		return Catalogue.bundled();
	}

	@Bean
	GeoReferential geoReferential() {
		return GeoReferential.bundled();
	}

	@Bean
	Registry registry(ObservatoryProperties properties, GeoReferential geo) {
		return properties.registry().isBlank() ? Registry.bundled(geo)
				: Registry.load(Path.of(properties.registry()), geo);
	}

	@Bean
	DataDirectory dataDirectory(ObservatoryProperties properties) {
		DataDirectory dir = new DataDirectory(properties.dataDir());
		dir.createLayout();
		return dir;
	}

	/**
	 * Provenance of artefacts computed now; jobs replace the as-of instant with theirs.
	 */
	@Bean
	Provenance provenance(Catalogue catalogue, Registry registry) {
		return new Provenance(Instant.EPOCH, catalogue.sha256(), registry.sha256(), SoftwareVersion.get());
	}

}
