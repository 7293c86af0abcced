package fr.ptce.observatory.console;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ptce.observatory.ObservatoryProperties;
import fr.ptce.observatory.aggregate.KeyFigures;
import fr.ptce.observatory.publish.PublicationContent;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.warehouse.DataDirectory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publications by year, for the staff (analysts use the read-only token): the files
 * of each year's manifest.json (national and regional PDFs, XLSX tables, the internal
 * follow-up, the manifest itself), with the key figures of the year. Only names the
 * manifest lists are served, each a regular file reached without a link.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
@Access(Access.Level.STAFF)
public class PublicationsController {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final DataDirectory dir;

	/**
	 * The indicators' labels as the publication prints them (the catalogue's, and the
	 * derived ratios').
	 */
	private final Map<String, String> labels = new LinkedHashMap<>();

	public PublicationsController(ObservatoryProperties properties, Catalogue catalogue, GeoReferential geo) {
		this.dir = new DataDirectory(properties.dataDir());
		new PublicationContent(catalogue, geo).indicators().forEach(p -> labels.put(p.code(), p.label()));
	}

	/** A published file: its name in the manifest, size and SHA-256. */
	public record Published(String path, long size, String sha256) {
	}

	@GetMapping("/publications")
	public String years(Model model) throws IOException {
		List<Map<String, Object>> years = new ArrayList<>();
		for (int year : years()) {
			manifest(year).ifPresent(m -> {
				Map<String, Object> y = new LinkedHashMap<>();
				y.put("year", year);
				y.put("asOf", m.path("as_of").asString(""));
				y.put("generated", m.path("generated_at").asString(""));
				y.put("files", m.path("files").size());
				years.add(y);
			});
		}
		model.addAttribute("years", years);
		return "console/publications";
	}

	@GetMapping("/publications/{year}")
	public String year(@PathVariable String year, Model model) {
		int y = year(year);
		JsonNode manifest = manifest(y).orElseThrow(ConsoleException::notFound);
		model.addAttribute("year", y);
		model.addAttribute("manifest", manifest);
		model.addAttribute("files", files(manifest));
		List<Map<String, String>> figures = new ArrayList<>();
		for (String line : KeyFigures.describe(KeyFigures.national(dir, y))) {
			int colon = line.indexOf(" : ");
			String code = line.substring(0, colon);
			figures.add(Map.of("label", labels.getOrDefault(code, code), "value", line.substring(colon + 3)));
		}
		model.addAttribute("figures", figures);
		return "console/publication";
	}

	@GetMapping("/publications/{year}/fichiers/{*path}")
	public org.springframework.http.ResponseEntity<Resource> file(@PathVariable String year,
			@PathVariable String path) {
		int y = year(year);
		String name = path.startsWith("/") ? path.substring(1) : path;
		JsonNode manifest = manifest(y).orElseThrow(ConsoleException::notFound);
		boolean listed = "manifest.json".equals(name) || files(manifest).stream().anyMatch(f -> f.path().equals(name));
		Path folder = dir.publications(y);
		Path file = folder.resolve(name).normalize();
		if (!listed || !file.startsWith(folder) || !regularFileWithoutLinks(folder, file)) {
			throw ConsoleException.notFound();
		}
		return Downloads.attachment(new FileSystemResource(file), "publication-" + y + "-" + name.replace('/', '-'));
	}

	private static int year(String text) {
		if (!text.matches("[0-9]{4}")) {
			throw ConsoleException.notFound();
		}
		return Integer.parseInt(text);
	}

	private List<Integer> years() throws IOException {
		List<Integer> years = new ArrayList<>();
		Path root = dir.root().resolve("publications");
		if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
			return years;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
			for (Path p : entries) {
				String name = p.getFileName().toString();
				if (name.matches("[0-9]{4}") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
					years.add(Integer.parseInt(name));
				}
			}
		}
		years.sort(Comparator.reverseOrder());
		return years;
	}

	private Optional<JsonNode> manifest(int year) {
		Path file = dir.publications(year).resolve("manifest.json");
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.empty();
		}
		return Optional.of(json.readTree(file.toFile()));
	}

	static List<Published> files(JsonNode manifest) {
		List<Published> files = new ArrayList<>();
		for (JsonNode f : manifest.path("files")) {
			files.add(new Published(f.path("path").asString(""), f.path("size").asLong(-1),
					f.path("sha256").asString("")));
		}
		return files;
	}

	/**
	 * Every folder from the publication's folder to the file, and the file, is itself (no
	 * symbolic link).
	 */
	static boolean regularFileWithoutLinks(Path folder, Path file) {
		Path p = file;
		while (p != null && !p.equals(folder)) {
			if (Files.isSymbolicLink(p)) {
				return false;
			}
			p = p.getParent();
		}
		return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
	}

}
