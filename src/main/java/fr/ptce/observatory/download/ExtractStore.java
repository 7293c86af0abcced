package fr.ptce.observatory.download;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import fr.ptce.observatory.warehouse.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partners' extracts as they lie on disk,
 * {@code DATA_DIR/extracts/PARTNER/YYYY/VERSION/} (extracts.md), and the only names the
 * download service ever serves: those this class lists. A name is listed when the
 * extract's {@code datapackage.json} describes it (or, for an extract without one, when
 * it is a file of the folder or of its {@code csv/}), and when it is a regular file
 * reached without following any symbolic link: a link planted in the extracts folder is
 * never listed, so never served. Hidden folders (a version being written aside) are
 * skipped.
 *
 * A version never changes once written, so what is learnt of it (sizes, SHA-256 computed
 * when the datapackage does not give them) is kept; the cache is keyed by folders that
 * exist on disk, so nothing a client sends makes it grow, and an entry is dropped when a
 * file's size or time no longer match (an extract deleted and written again).
 */
public class ExtractStore {

	/**
	 * One served file: its listed name, where it is, and what the HTTP answer says of it.
	 */
	public record ExtractFile(String path, Path file, long bytes, String sha256, Instant lastModified,
			String mediaType) {
	}

	/** One extract: a partner's version of a year. */
	public record Extract(String partner, int year, String version, Instant asOf, Instant created,
			List<ExtractFile> files) {

		public Optional<ExtractFile> file(String path) {
			return files.stream().filter(f -> f.path().equals(path)).findFirst();
		}

	}

	public static final Pattern PARTNER = Pattern.compile("[A-Z0-9_]{1,64}");

	public static final Pattern YEAR = Pattern.compile("[0-9]{4}");

	/**
	 * The extract job's version names: the as-of instant, with its microseconds when it
	 * has some.
	 */
	public static final Pattern VERSION = Pattern.compile("[0-9]{8}T[0-9]{6}(\\.[0-9]{6})?Z");

	/** A file name of an extract: no separator, no leading dot (so never "." or ".."). */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}");

	private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

	private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

	private static final Logger log = LoggerFactory.getLogger(ExtractStore.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Path root;

	private final Map<Path, Extract> known = new ConcurrentHashMap<>();

	public ExtractStore(Path extractsRoot) {
		this.root = extractsRoot.toAbsolutePath().normalize();
	}

	/** The partner's extracts, latest first (year, then version, descending). */
	public List<Extract> list(String partner) {
		List<Extract> all = new ArrayList<>();
		for (String year : folders(partnerFolder(partner), YEAR)) {
			for (String version : versions(partner, year)) {
				extract(partner, Integer.parseInt(year), version).ifPresent(all::add);
			}
		}
		all.sort(Comparator.comparingInt(Extract::year).thenComparing(Extract::asOf).reversed());
		return all;
	}

	/**
	 * The file of a listed name, {@code version} being a version or "latest"; empty for
	 * anything else.
	 */
	public Optional<ExtractFile> resolve(String partner, String year, String version, String path) {
		List<String> versions = versions(partner, year);
		String chosen = "latest".equals(version) && !versions.isEmpty() ? versions.get(versions.size() - 1) : version;
		if (!versions.contains(chosen)) {
			return Optional.empty();
		}
		return extract(partner, Integer.parseInt(year), chosen).flatMap(e -> e.file(path));
	}

	/**
	 * The versions of a year, sorted, when the partner's and the year's folders are real
	 * folders (no link).
	 */
	private List<String> versions(String partner, String year) {
		if (!PARTNER.matcher(partner).matches() || !YEAR.matcher(year).matches()
				|| !isDirectory(partnerFolder(partner))) {
			return List.of();
		}
		List<String> versions = new ArrayList<>();
		for (String name : folders(partnerFolder(partner).resolve(year), VERSION)) {
			try {
				versionInstant(name);
				versions.add(name);
			}
			catch (DateTimeParseException ex) {
				// a name of the right shape that is no instant (month 13): not an extract
			}
		}
		// by instant, not by name: "20260331T060000.5Z" is later than "20260331T060000Z"
		// but sorts before it
		versions.sort(Comparator.comparing(ExtractStore::versionInstant));
		return versions;
	}

	/**
	 * The as-of instant a version name says (extracts.md: compact UTC, with microseconds
	 * if any).
	 */
	static Instant versionInstant(String version) {
		int dot = version.indexOf('.');
		String seconds = dot < 0 ? version.substring(0, version.length() - 1) : version.substring(0, dot);
		Instant instant = LocalDateTime.parse(seconds, COMPACT).toInstant(ZoneOffset.UTC);
		if (dot < 0) {
			return instant;
		}
		return instant.plusNanos(Long.parseLong(version.substring(dot + 1, version.length() - 1)) * 1000);
	}

	private Path partnerFolder(String partner) {
		return root.resolve(partner);
	}

	private Optional<Extract> extract(String partner, int year, String version) {
		Path folder = partnerFolder(partner).resolve(Integer.toString(year)).resolve(version);
		Extract cached = known.get(folder);
		if (cached != null && unchanged(cached)) {
			return Optional.of(cached);
		}
		known.remove(folder);
		try {
			Extract read = read(partner, year, version, folder);
			known.put(folder, read);
			return Optional.of(read);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("extract {} {} {} cannot be read, not listed: {}", partner, year, version, ex.toString());
			return Optional.empty();
		}
	}

	private static boolean unchanged(Extract e) {
		for (ExtractFile f : e.files()) {
			BasicFileAttributes a = attributes(f.file());
			if (a == null || !a.isRegularFile() || a.size() != f.bytes()
					|| !a.lastModifiedTime().toInstant().equals(f.lastModified())) {
				return false;
			}
		}
		return true;
	}

	private Extract read(String partner, int year, String version, Path folder) throws IOException {
		Instant asOf = versionInstant(version);
		Path descriptor = folder.resolve("datapackage.json");
		List<ExtractFile> files = new ArrayList<>();
		Instant created = attributes(folder).lastModifiedTime().toInstant();
		BasicFileAttributes da = attributes(descriptor);
		if (da != null && da.isRegularFile()) {
			JsonNode pkg = json.readTree(descriptor.toFile());
			created = instant(pkg.path("created").asString(null), created);
			for (JsonNode resource : pkg.path("resources")) {
				String path = resource.path("path").asString(null);
				long bytes = resource.path("bytes").asLong(-1);
				String hash = resource.path("hash").asString("");
				String sha = hash.startsWith("sha256:") ? hash.substring(7).toLowerCase(Locale.ROOT) : null;
				file(folder, path, bytes, sha).ifPresent(files::add);
			}
			file(folder, "datapackage.json", -1, null).ifPresent(files::add);
		}
		else {
			for (String name : regularFiles(folder)) {
				file(folder, name, -1, null).ifPresent(files::add);
			}
			if (isDirectory(folder.resolve("csv"))) {
				for (String name : regularFiles(folder.resolve("csv"))) {
					file(folder, "csv/" + name, -1, null).ifPresent(files::add);
				}
			}
		}
		files.sort(Comparator.comparing(ExtractFile::path));
		return new Extract(partner, year, version, asOf, created, List.copyOf(files));
	}

	/**
	 * A listed name's file, if it is a regular file reached without a link; the
	 * datapackage's size and SHA-256 are used when its size is the one on disk, else they
	 * are computed.
	 */
	private static Optional<ExtractFile> file(Path folder, String path, long bytes, String sha256) throws IOException {
		if (path == null || !listable(path)) {
			return Optional.empty();
		}
		if (path.startsWith("csv/") && !isDirectory(folder.resolve("csv"))) {
			return Optional.empty();
		}
		Path file = folder.resolve(path);
		BasicFileAttributes a = attributes(file);
		if (a == null || !a.isRegularFile()) {
			return Optional.empty();
		}
		String sha = sha256;
		if (sha == null || !sha.matches("[0-9a-f]{64}") || bytes != a.size()) {
			sha = Sha256.of(file);
		}
		return Optional
			.of(new ExtractFile(path, file, a.size(), sha, a.lastModifiedTime().toInstant(), mediaType(path)));
	}

	/** "NAME" or "csv/NAME": the only shapes of a listed name. */
	static boolean listable(String path) {
		String name = path.startsWith("csv/") ? path.substring(4) : path;
		return NAME.matcher(name).matches();
	}

	static String mediaType(String path) {
		if (path.endsWith(".parquet")) {
			return "application/vnd.apache.parquet";
		}
		if (path.endsWith(".json")) {
			return "application/json";
		}
		if (path.endsWith(".csv")) {
			return "text/csv; charset=utf-8";
		}
		return "application/octet-stream";
	}

	/**
	 * Names of the real (not linked, not hidden) sub-folders matching the pattern,
	 * sorted.
	 */
	private static List<String> folders(Path parent, Pattern pattern) {
		List<String> names = new ArrayList<>();
		if (!isDirectory(parent)) {
			return names;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
			for (Path p : entries) {
				String name = p.getFileName().toString();
				if (pattern.matcher(name).matches() && isDirectory(p)) {
					names.add(name);
				}
			}
		}
		catch (IOException ex) {
			log.warn("cannot list {}: {}", parent, ex.toString());
		}
		names.sort(null);
		return names;
	}

	private static List<String> regularFiles(Path folder) throws IOException {
		List<String> names = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (Path p : entries) {
				BasicFileAttributes a = attributes(p);
				String name = p.getFileName().toString();
				if (a != null && a.isRegularFile() && NAME.matcher(name).matches()) {
					names.add(name);
				}
			}
		}
		return names;
	}

	private static boolean isDirectory(Path p) {
		BasicFileAttributes a = attributes(p);
		return a != null && a.isDirectory();
	}

	/**
	 * The attributes of the entry itself (a link is a link, not what it points to), or
	 * null if none.
	 */
	private static BasicFileAttributes attributes(Path p) {
		try {
			return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static Instant instant(String text, Instant fallback) {
		try {
			return text == null ? fallback : Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

}
