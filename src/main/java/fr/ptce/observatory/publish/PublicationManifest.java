package fr.ptce.observatory.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.ptce.observatory.warehouse.Sha256;
import fr.ptce.observatory.warehouse.Timestamps;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest.json of a publication's folder: every file below it with its SHA-256 and
 * size, and the provenance of the figures. A publication has two: the public one in
 * publications/YYYY/, which lists the public files only (whoever distributes the
 * publication by its manifest distributes nothing internal), and the analysts' one in
 * publications/YYYY/interne/, whose paths are relative to interne/.
 */
final class PublicationManifest {

	static final String FILE = "manifest.json";

	/** The value of "audience" in the public manifest. */
	static final String PUBLIC = "public";

	/** The value of "audience" in the analysts' manifest. */
	static final String INTERNAL = "interne";

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private PublicationManifest() {
	}

	/**
	 * Lists every regular file below the folder (except those below {@code excluded},
	 * when not null) into folder/manifest.json.
	 * @return the files listed, then the manifest itself
	 */
	static List<Path> write(Path folder, String audience, int year, PublicationContent.Provenance provenance,
			Instant generated, Path excluded) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = new ArrayList<>(walk.filter(Files::isRegularFile)
				.filter(f -> excluded == null || !f.startsWith(excluded))
				.sorted()
				.toList());
		}
		List<Map<String, Object>> entries = new ArrayList<>();
		for (Path f : files) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("path", folder.relativize(f).toString().replace('\\', '/'));
			e.put("sha256", Sha256.of(f));
			e.put("size", Files.size(f));
			entries.add(e);
		}
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("year", year);
		manifest.put("audience", audience);
		manifest.put("as_of", Timestamps.format(provenance.asOf()));
		manifest.put("catalogue_sha256", provenance.catalogueSha256());
		manifest.put("registry_sha256", provenance.registrySha256());
		manifest.put("software_version", provenance.softwareVersion());
		manifest.put("generated_at", Timestamps.format(generated));
		manifest.put("files", entries);
		Path manifestFile = folder.resolve(FILE);
		Files.writeString(manifestFile, MAPPER.writeValueAsString(manifest) + "\n");
		files.add(manifestFile);
		return files;
	}

}
