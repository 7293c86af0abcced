package fr.ptce.observatory.console;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.ptce.observatory.ObservatoryProperties;
import fr.ptce.observatory.ingest.JdbcSubmissionLedger;
import fr.ptce.observatory.warehouse.DataDirectory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox (files waiting for the next ingestion) and the files processed, each with its
 * receipt: status, counts, the issues by line (the first {@value #ISSUES_SHOWN}; the
 * receipt files have them all) and the receipt files to download. A receipt is read as a
 * stream (its head, then lines of its CSV), so a receipt of millions of issues costs no
 * more memory than a small one.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
@Access(Access.Level.STAFF)
public class FilesController {

	static final int ISSUES_SHOWN = 500;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final DataDirectory dir;

	private final JdbcSubmissionLedger ledger;

	public FilesController(ObservatoryProperties properties, JdbcSubmissionLedger ledger) {
		this.dir = new DataDirectory(properties.dataDir());
		this.ledger = ledger;
	}

	@GetMapping("/fichiers")
	public String files(Model model) throws IOException {
		List<Map<String, Object>> inbox = new ArrayList<>();
		if (Files.isDirectory(dir.inbox(), LinkOption.NOFOLLOW_LINKS)) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.inbox())) {
				for (Path p : entries) {
					BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
							LinkOption.NOFOLLOW_LINKS);
					if (a.isRegularFile() && !p.getFileName().toString().startsWith(".")) {
						inbox.add(Map.of("name", p.getFileName().toString(), "size", a.size(), "modified",
								a.lastModifiedTime().toInstant()));
					}
				}
			}
		}
		inbox.sort(Comparator.comparing(m -> (String) m.get("name")));
		model.addAttribute("inbox", inbox);
		model.addAttribute("processed", ledger.recent(200));
		return "console/fichiers";
	}

	@GetMapping("/fichiers/{id}")
	public String receipt(@PathVariable long id, Model model) throws IOException {
		Map<String, Object> file = row(id);
		Path receipt = receipt(file);
		model.addAttribute("file", file);
		model.addAttribute("receipt", receipt == null ? null : receipt.getFileName().toString());
		model.addAttribute("note", receipt == null ? null : head(receipt).get("message_fr"));
		List<Map<String, String>> issues = new ArrayList<>();
		boolean more = false;
		Path csv = receipt == null ? null : csvOf(receipt);
		if (csv != null && Files.isRegularFile(csv, LinkOption.NOFOLLOW_LINKS)) {
			try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(csv)) {
				for (NamedCsvRecord r : reader) {
					if (issues.size() == ISSUES_SHOWN) {
						more = true;
						break;
					}
					issues.add(Map.of("line", r.getField("line"), "severity", r.getField("severity"), "code",
							r.getField("code"), "column", r.getField("column"), "message", r.getField("message_fr")));
				}
			}
		}
		model.addAttribute("issues", issues);
		model.addAttribute("more", more);
		return "console/fichier";
	}

	@GetMapping("/fichiers/{id}/recu.{format}")
	public ResponseEntity<Resource> download(@PathVariable long id, @PathVariable String format) throws IOException {
		Path receipt = receipt(row(id));
		if (receipt == null || !(format.equals("json") || format.equals("csv"))) {
			throw ConsoleException.notFound();
		}
		Path file = format.equals("json") ? receipt : csvOf(receipt);
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			throw ConsoleException.notFound();
		}
		return Downloads.attachment(new FileSystemResource(file), file.getFileName().toString());
	}

	private Map<String, Object> row(long id) {
		Map<String, Object> row = ledger.find(id);
		if (row == null) {
			throw ConsoleException.notFound();
		}
		return row;
	}

	private static Path csvOf(Path json) {
		String name = json.getFileName().toString();
		return json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".csv");
	}

	/**
	 * The receipt of this processing of the file: receipts/NAME.SHA8.json, or
	 * NAME.SHA8-N.json when the same name was processed before; the one whose head has
	 * this file, SHA-256 and instant of ingestion.
	 */
	private Path receipt(Map<String, Object> row) throws IOException {
		String base = row.get("FILE_NAME") + "." + ((String) row.get("SHA256")).substring(0, 8);
		Instant at = row.get("INGESTED_AT") instanceof Timestamp t ? t.toInstant() : null;
		for (int n = 1; n < 1000; n++) {
			Path candidate = dir.receipts().resolve(n == 1 ? base + ".json" : base + "-" + n + ".json");
			if (!candidate.normalize().startsWith(dir.receipts())
					|| !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
				return null;
			}
			Map<String, String> head = head(candidate);
			if (row.get("SHA256").equals(head.get("sha256")) && at != null && head.get("ingested_at") != null
					&& Instant.parse(head.get("ingested_at")).equals(at)) {
				return candidate;
			}
		}
		return null;
	}

	/** The fields of a JSON receipt before its issues, read as a stream. */
	static Map<String, String> head(Path receipt) {
		Map<String, String> head = new LinkedHashMap<>();
		try (JsonParser p = json.createParser(receipt.toFile())) {
			if (p.nextToken() != JsonToken.START_OBJECT) {
				return head;
			}
			while (p.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = p.currentName();
				JsonToken value = p.nextToken();
				if (name.equals("issues")) {
					break;
				}
				if (value.isScalarValue()) {
					head.put(name, p.getValueAsString());
				}
				else {
					p.skipChildren();
				}
			}
		}
		return head;
	}

}
