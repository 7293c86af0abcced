package fr.ptce.observatory.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.download.ExtractStore;
import fr.ptce.observatory.download.ExtractStore.Extract;
import fr.ptce.observatory.download.ExtractStore.ExtractFile;
import fr.ptce.observatory.download.LinkSigner;
import fr.ptce.observatory.download.PartnerAccess;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partners' extracts, by year and version, as the download service lists them (the
 * same names, sizes and SHA-256), with the tables and columns of their datapackage.json.
 * A partner sees its own page only, with links signed by the download service (valid one
 * hour, audited as such); any other partner's page is the console's one 404, the same as
 * for a partner that does not exist. The staff sees every partner's, without download
 * links (the operator API lists extracts, it does not serve them).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
@Access(Access.Level.SIGNED_IN)
public class ExtractsController {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ExtractStore store;

	private final LinkSigner signer;

	private final PartnerAccess partners;

	private final Clock clock;

	public ExtractsController(ExtractStore store, LinkSigner signer, PartnerAccess partners, Clock clock) {
		this.store = store;
		this.signer = signer;
		this.partners = partners;
		this.clock = clock;
	}

	/**
	 * One file of an extract as the page shows it; {@code link} is null for the staff.
	 */
	public record FileView(String path, long bytes, String sha256, String link) {
	}

	/** One table of the datapackage: its title and columns (name, type, description). */
	public record TableView(String title, List<Map<String, String>> columns) {
	}

	public record ExtractView(int year, String version, String asOf, String created, List<FileView> files,
			List<TableView> tables) {
	}

	@GetMapping("/extraits")
	public String partners(HttpServletRequest request, Model model) {
		Viewer viewer = ConsoleSession.viewer(request);
		if (viewer.isPartner()) {
			return "redirect:/extraits/" + viewer.partner();
		}
		List<Map<String, Object>> list = new ArrayList<>();
		for (String code : partners.partnerCodes()) {
			List<Extract> extracts = store.list(code);
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("code", code);
			m.put("count", extracts.size());
			m.put("latest",
					extracts.isEmpty() ? null : extracts.get(0).year() + " (" + extracts.get(0).version() + ")");
			list.add(m);
		}
		model.addAttribute("partners", list);
		return "console/extraits";
	}

	@GetMapping("/extraits/{partner}")
	public String extracts(@PathVariable String partner, HttpServletRequest request, Model model) {
		Viewer viewer = ConsoleSession.viewer(request);
		if (!viewer.sees(partner) || !partners.partnerCodes().contains(partner)) {
			throw ConsoleException.notFound();
		}
		long expires = signer.expiry(clock.instant());
		Map<Integer, List<ExtractView>> byYear = new LinkedHashMap<>();
		for (Extract e : store.list(partner)) {
			List<FileView> files = new ArrayList<>();
			List<TableView> tables = List.of();
			for (ExtractFile f : e.files()) {
				String year = Integer.toString(e.year());
				String link = viewer.isPartner()
						? "/partners/v1/dl/" + partner + "/" + year + "/" + e.version() + "/" + f.path() + "?expires="
								+ expires + "&sig=" + signer.sign(partner, year, e.version(), f.path(), expires)
						: null;
				files.add(new FileView(f.path(), f.bytes(), f.sha256(), link));
				if (f.path().equals("datapackage.json")) {
					tables = tables(json.readTree(f.file().toFile()));
				}
			}
			byYear.computeIfAbsent(e.year(), y -> new ArrayList<>())
				.add(new ExtractView(e.year(), e.version(), e.asOf().toString(), e.created().toString(), files,
						tables));
		}
		model.addAttribute("partner", partner);
		model.addAttribute("years", byYear);
		return "console/extraits-partenaire";
	}

	/**
	 * The tables of a datapackage, once each (a table is there as Parquet and as CSV,
	 * with the same schema).
	 */
	static List<TableView> tables(JsonNode pkg) {
		Map<String, TableView> tables = new LinkedHashMap<>();
		for (JsonNode resource : pkg.path("resources")) {
			JsonNode fields = resource.path("schema").path("fields");
			if (fields.isEmpty()) {
				continue;
			}
			String title = resource.path("title").asString(resource.path("name").asString(""));
			if (tables.containsKey(title)) {
				continue;
			}
			List<Map<String, String>> columns = new ArrayList<>();
			for (JsonNode f : fields) {
				columns.add(Map.of("name", f.path("name").asString(""), "type", f.path("type").asString(""),
						"description", f.path("description").asString("")));
			}
			tables.put(title, new TableView(title, columns));
		}
		return List.copyOf(tables.values());
	}

}
