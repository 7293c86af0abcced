package fr.ptce.observatory.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.partners.Partners;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;

/**
 * The global options of interfaces.md, and the Spring properties given on the command
 * line ({@code --name.with.dots=value}, e.g. {@code --spring.profiles.active=postgres} or
 * {@code --server.port=9090}), which are passed to Spring Boot untouched.
 */
public final class GlobalOptions {

	Path dataDir;

	Path registry;

	Path partners;

	final List<String> springArguments = new ArrayList<>();

	public Path dataDirOr(Path fallback) {
		return dataDir != null ? dataDir : fallback;
	}

	public Path dataDir() {
		return dataDirOr(Path.of("var"));
	}

	public Path registry() {
		return registry;
	}

	public Path partners() {
		return partners;
	}

	public List<String> springArguments() {
		return springArguments;
	}

	/**
	 * Loads and checks the registry and the partners file given on the command line, for
	 * a command that does not otherwise read them (status): a bad file stops every
	 * command with its line and reason, as it always did.
	 */
	public void checkGivenFiles() {
		checkGivenRegistry();
		checkGivenPartners();
	}

	/** Loads and checks the registry given, for a command that does not read it. */
	void checkGivenRegistry() {
		if (registry != null) {
			Registry.load(registry.toAbsolutePath().normalize(), GeoReferential.bundled());
		}
	}

	/** Loads and checks the partners file given, for a command that does not read it. */
	void checkGivenPartners() {
		if (partners != null) {
			Partners.load(partners.toAbsolutePath().normalize());
		}
	}

	/**
	 * The property observatory.registry as the options give it: the absolute path of the
	 * registry given, blank for the bundled one.
	 */
	String registryProperty() {
		return registry == null ? "" : registry.toAbsolutePath().normalize().toString();
	}

	/**
	 * The property observatory.partners-file as the options give it: the absolute path of
	 * the partners file given, blank for the bundled one.
	 */
	String partnersProperty() {
		return partners == null ? "" : partners.toAbsolutePath().normalize().toString();
	}

}
