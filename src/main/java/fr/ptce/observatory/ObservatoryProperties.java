package fr.ptce.observatory;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The observatory's own settings (prefix {@code observatory}), set by the command line's
 * global options or by application.yml.
 *
 * @param dataDir the data directory of interfaces.md
 * @param registry the registry file; empty for the one bundled from data-samples/
 * @param partnersFile the partners file (extracts.md); empty for the one bundled from
 * data-samples/
 * @param quarantineThreshold share of rejected data rows above which a file is
 * quarantined
 * @param zone the observatory's calendar, for FUTURE_PERIOD and the days told in
 * publications
 */
@ConfigurationProperties("observatory")
public record ObservatoryProperties(Path dataDir, String registry, String partnersFile, Double quarantineThreshold,
		String zone) {

	/** The observatory's calendar when none is set. */
	public static final String DEFAULT_ZONE = "Europe/Paris";

	public ObservatoryProperties {
		dataDir = dataDir == null ? Path.of("var") : dataDir;
		registry = registry == null ? "" : registry;
		partnersFile = partnersFile == null ? "" : partnersFile;
		quarantineThreshold = quarantineThreshold == null ? 0.5 : quarantineThreshold;
		zone = zone == null || zone.isBlank() ? DEFAULT_ZONE : zone;
	}

}
