package fr.ptce.observatory.referential;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import fr.ptce.observatory.Futures;

/**
 * The pole registry (registry.md), validated whole before anything uses it: a bad
 * registry is an error that names the line and the reason, and nothing of it is loaded.
 */
public final class Registry {

	/**
	 * The registry bundled with the software: the one of data-samples/, used when no
	 * --registry is given.
	 */
	public static final String BUNDLED_RESOURCE = "/samples/registry.csv";

	public static final Pattern POLE_ID = Pattern.compile("PTCE-\\d{4}");

	public static final Set<String> LEGAL_FORMS = Set.of("association", "scic", "scop", "gie", "sas", "other");

	/**
	 * The themes of registry.md, in its order, with the label publications print for
	 * each.
	 */
	public static final Map<String, String> THEME_LABELS = labels("ALIMENTATION", "Alimentation", "ECONOMIE_CIRCULAIRE",
			"Économie circulaire", "MOBILITE", "Mobilité", "CULTURE", "Culture", "HABITAT", "Habitat", "ENERGIE",
			"Énergie", "NUMERIQUE", "Numérique", "SERVICES_PERSONNE", "Services à la personne", "TOURISME", "Tourisme",
			"EMPLOI_INSERTION", "Emploi et insertion");

	/**
	 * The partner networks of registry.md, in its order, with the label publications
	 * print for each.
	 */
	public static final Map<String, String> NETWORK_LABELS = labels("LABO_ESS", "Le Labo de l’ESS", "RTES",
			"Réseau des territoires pour l’économie solidaire", "COORACE", "COORACE", "MES",
			"Mouvement pour l’économie solidaire", "ESS_FRANCE", "ESS France");

	public static final List<String> THEMES = List.copyOf(THEME_LABELS.keySet());

	public static final List<String> NETWORKS = List.copyOf(NETWORK_LABELS.keySet());

	private final List<Pole> poles;

	private final Map<String, Pole> byId;

	private final String sha256;

	private final String source;

	private Registry(String source, List<Pole> poles, Map<String, Pole> byId, String sha256) {
		this.source = source;
		this.poles = List.copyOf(poles);
		this.byId = byId;
		this.sha256 = sha256;
	}

	public static Registry load(Path file, GeoReferential geo) {
		if (!Files.isReadable(file)) {
			throw new ReferentialException(file + ": the registry file does not exist or cannot be read");
		}
		try {
			return read(file.toString(), Files.newInputStream(file), geo);
		}
		catch (IOException ex) {
			throw new ReferentialException(file + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	public static Registry bundled(GeoReferential geo) {
		InputStream in = Registry.class.getResourceAsStream(BUNDLED_RESOURCE);
		if (in == null) {
			throw new ReferentialException("the bundled registry " + BUNDLED_RESOURCE + " is missing from the build");
		}
		return read("data-samples/registry.csv", in, geo);
	}

	public static Registry read(String source, InputStream in, GeoReferential geo) {
		CsvTable table = CsvTable.read(source, in, "pole_id", "name", "commune", "created", "closed", "legal_form",
				"theme", "networks", "epci", "open_data");
		// the file's SHA-256 on the other core while the rows are checked: hashing a
		// 10,000-pole registry was a quarter of its load
		CompletableFuture<String> sha256 = Futures.onNewThread("registry-sha256", table::sha256);
		List<Pole> poles = new ArrayList<>(table.rows().size());
		Map<String, Pole> byId = new HashMap<>(table.rows().size() * 2);
		for (CsvTable.Row row : table.rows()) {
			// one call per row: the JIT compiles it after a few hundred rows, where
			// the body of a loop in a method called once runs interpreted throughout
			Pole pole = pole(source, row, poles.size(), byId, table, geo);
			poles.add(pole);
			byId.put(pole.id(), pole);
		}
		return new Registry(source, poles, byId, Futures.join(sha256));
	}

	/** The pole of one row, checked; {@code before}: the poles of the rows before. */
	private static Pole pole(String source, CsvTable.Row row, int index, Map<String, Pole> before, CsvTable table,
			GeoReferential geo) {
		long line = row.line();
		String id = row.get("pole_id").toUpperCase(Locale.ROOT);
		if (!isPoleId(id)) {
			throw ReferentialException.at(source, line,
					"pole_id '" + row.get("pole_id") + "' is not PTCE- followed by four digits");
		}
		Pole first = before.get(id);
		if (first != null) {
			throw ReferentialException.at(source, line,
					"duplicate pole_id " + id + " (first on line " + table.rows().get(first.index()).line() + ")");
		}
		String name = row.get("name");
		if (name.isEmpty()) {
			throw ReferentialException.at(source, line, "empty name for " + id);
		}
		GeoReferential.Commune commune = geo.commune(row.get("commune"));
		if (commune == null) {
			throw ReferentialException.at(source, line, "unknown commune '" + row.get("commune") + "' for " + id
					+ " (an INSEE code of the COG 2026 is expected)");
		}
		GeoReferential.Region region = geo.region(commune.region());
		if (region == null || !region.isReported()) {
			throw ReferentialException.at(source, line, "commune " + commune.code() + " of " + id
					+ " is outside the 18 regions the observatory reports on");
		}
		int created = parseYear(row.get("created"), source, line, "created");
		Integer closed = row.get("closed").isEmpty() ? null : parseYear(row.get("closed"), source, line, "closed");
		if (closed != null && closed < created) {
			throw ReferentialException.at(source, line, "closed " + closed + " is before created " + created);
		}
		String legalForm = row.get("legal_form").toLowerCase(Locale.ROOT);
		if (!LEGAL_FORMS.contains(legalForm)) {
			throw ReferentialException.at(source, line, "unknown legal_form '" + row.get("legal_form")
					+ "' (expected one of " + String.join(", ", LEGAL_FORMS.stream().sorted().toList()) + ")");
		}
		String theme = row.get("theme").toUpperCase(Locale.ROOT);
		if (!THEMES.contains(theme)) {
			throw ReferentialException.at(source, line, "unknown theme '" + row.get("theme") + "'");
		}
		List<String> networks = split(row.get("networks"));
		for (String network : networks) {
			if (!NETWORKS.contains(network)) {
				throw ReferentialException.at(source, line, "unknown network '" + network + "'");
			}
		}
		List<String> epci = split(row.get("epci"));
		for (String siren : epci) {
			if (geo.epci(siren) == null) {
				throw ReferentialException.at(source, line, "unknown EPCI '" + siren + "'");
			}
		}
		if (epci.isEmpty() && !commune.epci().isEmpty()) {
			epci = List.of(commune.epci());
		}
		String openData = row.get("open_data").toLowerCase(Locale.ROOT);
		if (!openData.equals("yes") && !openData.equals("no")) {
			throw ReferentialException.at(source, line, "open_data '" + row.get("open_data") + "' must be yes or no");
		}
		return new Pole(index, id, name, commune.code(), commune.departement(), commune.region(), created, closed,
				legalForm, theme, networks, epci, openData.equals("yes"));
	}

	/**
	 * POLE_ID without a regular expression: checked for every line of a registry of up to
	 * 9,999 poles.
	 */
	static boolean isPoleId(String id) {
		if (id.length() != 9 || !id.startsWith("PTCE-")) {
			return false;
		}
		for (int i = 5; i < 9; i++) {
			char c = id.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** Four digits, without a regular expression (two per line of the registry). */
	private static int parseYear(String value, String source, long line, String column) {
		int year = 0;
		for (int i = 0; i < value.length() && value.length() == 4; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				break;
			}
			year = year * 10 + (c - '0');
			if (i == 3) {
				return year;
			}
		}
		throw ReferentialException.at(source, line, column + " '" + value + "' is not a year");
	}

	/** The codes of a |-separated list, upper-cased, without empty ones. */
	static List<String> split(String value) {
		if (value.isEmpty()) {
			return List.of();
		}
		List<String> parts = new ArrayList<>(2);
		int start = 0;
		while (start <= value.length()) {
			int end = value.indexOf('|', start);
			if (end < 0) {
				end = value.length();
			}
			String code = value.substring(start, end).strip().toUpperCase(Locale.ROOT);
			if (!code.isEmpty()) {
				parts.add(code);
			}
			start = end + 1;
		}
		return List.copyOf(parts);
	}

	/**
	 * @return the pole of that identifier (upper-cased, as submitted identifiers are
	 * case-insensitive), or null
	 */
	public Pole find(String id) {
		return byId.get(id.toUpperCase(Locale.ROOT));
	}

	public List<Pole> poles() {
		return Collections.unmodifiableList(poles);
	}

	public int size() {
		return poles.size();
	}

	public String sha256() {
		return sha256;
	}

	public String source() {
		return source;
	}

	/** The earliest created year, the lower bound of any period a pole can report. */
	public int firstCreated() {
		return poles.stream().mapToInt(Pole::created).min().orElse(9999);
	}

	/**
	 * An unmodifiable map of codes to labels, in the order given: code, label, code,
	 * label...
	 */
	private static Map<String, String> labels(String... codesAndLabels) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < codesAndLabels.length; i += 2) {
			labels.put(codesAndLabels[i], codesAndLabels[i + 1]);
		}
		return Collections.unmodifiableMap(labels);
	}

}
