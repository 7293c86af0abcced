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
		return registry(properties.registry(), geo);
	}

	@Bean
	DataDirectory dataDirectory(ObservatoryProperties properties) {
		return dataDirectory(properties.dataDir());
	}

	@Bean
	Provenance provenance(Catalogue catalogue, Registry registry) {
		return provenanceOf(catalogue, registry);
	}

	/**
	 * The registry of observatory.registry (a path; blank: the bundled one), also for a
	 * command that runs without an application context.
	 */
	public static Registry registry(String path, GeoReferential geo) {
		return path.isBlank() ? Registry.bundled(geo) : Registry.load(Path.of(path), geo);
	}

	/** The data directory, its layout created. */
	public static DataDirectory dataDirectory(Path root) {
		DataDirectory dir = new DataDirectory(root);
		dir.createLayout();
		return dir;
	}

	/**
	 * Provenance of artefacts computed now; jobs replace the as-of instant with theirs.
	 */
	public static Provenance provenanceOf(Catalogue catalogue, Registry registry) {
		return new Provenance(Instant.EPOCH, catalogue.sha256(), registry.sha256(), SoftwareVersion.get());
	}

}
