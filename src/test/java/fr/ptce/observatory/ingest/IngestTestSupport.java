package fr.ptce.observatory.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;

/** The test registry and sample files beside these tests. */
final class IngestTestSupport {

	static final GeoReferential GEO = GeoReferential.bundled();

	static final Catalogue CATALOGUE = Catalogue.bundled();

	private IngestTestSupport() {
	}

	static InputStream resource(String name) {
		InputStream in = IngestTestSupport.class.getResourceAsStream(name);
		if (in == null) {
			throw new IllegalArgumentException("no test resource " + name);
		}
		return in;
	}

	static Registry registry() {
		return Registry.read("registry.csv", resource("registry.csv"), GEO);
	}

	/** Copies a test file (under the same or another name) into a folder. */
	static Path copy(String resource, Path folder, String as) {
		try (InputStream in = resource(resource)) {
			Files.createDirectories(folder);
			Path target = folder.resolve(as);
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path copy(String resource, Path folder) {
		return copy(resource, folder, resource);
	}

}
