package fr.ptce.observatory.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Timestamps;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The extracts in place under {@code DATA_DIR/extracts/PARTNER/YYYY/VERSION/}, for
 * status, the operator API and the download service. Hidden folders (drafts being
 * written) and names that are not a partner code, a year or a version are not extracts
 * and are never listed.
 */
public final class Extracts {

	/**
	 * One extract in place.
	 *
	 * @param asOf the version read back as an instant
	 * @param folder its folder, holding datapackage.json and the files it lists
	 */
	public record Extract(String partner, int year, String version, Instant asOf, Path folder) {

		public Path dataPackage() {
			return folder.resolve(DataPackage.FILE);
		}

	}

	/**
	 * Built on first use only: listing extracts (status) reads no JSON, and a mapper
	 * costs a tenth of a second.
	 */
	private static final class Json {

		static final JsonMapper MAPPER = JsonMapper.builder().build();

	}

	private Extracts() {
	}

	/**
	 * Every extract: by partner code, then latest year first, then latest version first.
	 */
	public static List<Extract> list(DataDirectory dir) {
		Path root = dir.root().resolve("extracts");
		List<Extract> found = new ArrayList<>();
		for (Path partner : children(root)) {
			String code = partner.getFileName().toString();
			if (!code.matches("[A-Z0-9_]+")) {
				continue;
			}
			found.addAll(of(dir, code));
		}
		found.sort(Comparator.comparing(Extract::partner)
			.thenComparing(Comparator.comparingInt(Extract::year).reversed())
			.thenComparing(Comparator.comparing(Extract::asOf).reversed()));
		return found;
	}

	/** A partner's extracts, latest year first, then latest version first. */
	public static List<Extract> of(DataDirectory dir, String partner) {
		List<Extract> found = new ArrayList<>();
		if (!partner.matches("[A-Z0-9_]+")) {
			// not a partner code: nothing, and never a path outside extracts/
			return found;
		}
		for (Path year : children(dir.extracts(partner))) {
			String y = year.getFileName().toString();
			if (!y.matches("\\d{4}")) {
				continue;
			}
			for (Path version : children(year)) {
				String v = version.getFileName().toString();
				Instant asOf = ExtractVersion.parse(v);
				if (asOf != null && Files.isRegularFile(version.resolve(DataPackage.FILE))) {
					found.add(new Extract(partner, Integer.parseInt(y), v, asOf, version));
				}
			}
		}
		found.sort(Comparator.comparingInt(Extract::year)
			.reversed()
			.thenComparing(Comparator.comparing(Extract::asOf).reversed()));
		return found;
	}

	/**
	 * An extract as the operator API and status show it: partner, year, version, as_of,
	 * created, folder, and its files (path, bytes, sha256) as datapackage.json lists
	 * them.
	 */
	public static Map<String, Object> describe(Extract e) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("partner", e.partner());
		m.put("year", e.year());
		m.put("version", e.version());
		m.put("as_of", Timestamps.format(e.asOf()));
		JsonNode pkg = Json.MAPPER.readTree(e.dataPackage().toFile());
		m.put("created", pkg.path("created").asString(null));
		m.put("folder", e.folder().toString());
		List<Map<String, Object>> files = new ArrayList<>();
		long bytes = 0;
		for (JsonNode r : pkg.path("resources")) {
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("path", r.path("path").asString());
			f.put("bytes", r.path("bytes").asLong());
			f.put("sha256", r.path("hash").asString().replaceFirst("^sha256:", ""));
			bytes += r.path("bytes").asLong();
			files.add(f);
		}
		m.put("bytes", bytes);
		m.put("files", files);
		return m;
	}

	private static List<Path> children(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(folder)) {
			return list.filter(p -> !p.getFileName().toString().startsWith("."))
				.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + folder + ": " + ex.getMessage(), ex);
		}
	}

}
