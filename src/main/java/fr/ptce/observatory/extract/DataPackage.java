package fr.ptce.observatory.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.ptce.observatory.partners.Partner;
import fr.ptce.observatory.warehouse.Sha256;
import fr.ptce.observatory.warehouse.Timestamps;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * datapackage.json (extracts.md): a Frictionless Data Package (v1) describing every file
 * of an extract with its size and SHA-256, so that a partner can check a download, and
 * each table's columns with their French description; plus the observatory's own
 * provenance keys.
 */
final class DataPackage {

	static final String FILE = "datapackage.json";

	static final String PARQUET_MEDIATYPE = "application/vnd.apache.parquet";

	/**
	 * The licence of the observatory's open data: Etalab's, as French public bodies
	 * publish theirs.
	 */
	private static final Map<String, Object> LICENCE = licence();

	/** What is known of the extract before its files are hashed. */
	record Header(Partner partner, int year, String version, Instant created, WarehouseWindow window,
			String softwareVersion) {
	}

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private DataPackage() {
	}

	private static Map<String, Object> licence() {
		Map<String, Object> l = new LinkedHashMap<>();
		l.put("name", "etalab-2.0");
		l.put("path", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
		l.put("title", "Licence Ouverte / Open Licence 2.0");
		return l;
	}

	static void write(Path folder, Header h) throws IOException {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("profile", "tabular-data-package");
		p.put("name", ("observatoire-ptce-" + h.partner().code() + "-" + h.year()).toLowerCase(Locale.ROOT)
			.replace('_', '-'));
		p.put("title", "Observatoire national des PTCE : extrait " + h.year() + " pour " + h.partner().name());
		p.put("version", h.version());
		p.put("created", Timestamps.format(h.created()));
		p.put("licenses", List.of(LICENCE));
		p.put("sources", List.of(Map.of("title", "Observatoire national des pôles territoriaux de coopération "
				+ "économique (PTCE) : entrepôt de données, années " + h.window().years().get(0) + " à " + h.year())));
		p.put("resources", resources(folder));
		Map<String, String> asOf = new LinkedHashMap<>();
		h.window().asOfByYear().forEach((y, instant) -> asOf.put(Integer.toString(y), Timestamps.format(instant)));
		p.put("observatory:partner", h.partner().code());
		p.put("observatory:year", h.year());
		p.put("observatory:as_of", asOf);
		p.put("observatory:catalogue_sha256", h.window().metadata("observatory.catalogue_sha256"));
		p.put("observatory:registry_sha256", h.window().metadata("observatory.registry_sha256"));
		p.put("observatory:software_version", h.softwareVersion());
		String json = MAPPER.writeValueAsString(p);
		Files.writeString(folder.resolve(FILE), json + "\n");
	}

	private static List<Map<String, Object>> resources(Path folder) throws IOException {
		List<Map<String, Object>> resources = new ArrayList<>();
		for (ExtractTable<?> table : ExtractTables.ALL) {
			resources.add(resource(folder, table.name(), table.parquetFile(), "parquet", PARQUET_MEDIATYPE, table));
		}
		Map<String, Object> sdmx = resource(folder, "aggregates-sdmx", SdmxCsv.FILE, "csv", "text/csv", null);
		sdmx.put("description", "Les cellules agrégées au format SDMX-CSV 2.0 (une ligne par cellule, mesure total)");
		resources.add(sdmx);
		for (ExtractTable<?> table : ExtractTables.ALL) {
			resources.add(resource(folder, table.name() + "-csv", table.csvFile(), "csv", "text/csv", table));
		}
		return resources;
	}

	private static Map<String, Object> resource(Path folder, String name, String path, String format, String mediatype,
			ExtractTable<?> table) throws IOException {
		Path file = folder.resolve(path);
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("name", name.replace('_', '-'));
		r.put("path", path);
		r.put("profile", "tabular-data-resource");
		r.put("format", format);
		r.put("mediatype", mediatype);
		if ("csv".equals(format)) {
			r.put("encoding", "utf-8");
			r.put("dialect", Map.of("delimiter", ",", "header", true));
		}
		r.put("bytes", Files.size(file));
		r.put("hash", "sha256:" + Sha256.of(file));
		if (table != null) {
			r.put("title", table.title());
			r.put("schema", table.schema());
		}
		return r;
	}

}
