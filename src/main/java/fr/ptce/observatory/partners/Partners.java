package fr.ptce.observatory.partners;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import fr.ptce.observatory.referential.CsvTable;
import fr.ptce.observatory.referential.ReferentialException;
import fr.ptce.observatory.referential.Registry;

/**
 * The partners file (extracts.md), checked whole like the registry: a duplicate code, a
 * code that is not upper-case letters, digits and {@code _}, an unknown network or a
 * malformed address stops the command with the file, the line and the reason, and nothing
 * of the file is loaded.
 */
public final class Partners {

	/**
	 * The partners file bundled with the software: the one of data-samples/, used when no
	 * --partners is given.
	 */
	public static final String BUNDLED_RESOURCE = "/samples/partners.csv";

	public static final Pattern CODE = Pattern.compile("[A-Z0-9_]+");

	/**
	 * A plain address: one {@code @}, no blank, a dot in the domain. Deliberately simple:
	 * it catches the mistakes a person makes in a spreadsheet (a name instead of an
	 * address, two addresses, a missing domain), and the mail server decides the rest.
	 */
	static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>.]+(\\.[^@\\s,;<>.]+)+");

	private final String source;

	private final String sha256;

	private final Map<String, Partner> byCode;

	private Partners(String source, String sha256, List<Partner> partners) {
		this.source = source;
		this.sha256 = sha256;
		this.byCode = new LinkedHashMap<>();
		partners.forEach(p -> byCode.put(p.code(), p));
	}

	public static Partners load(Path file) {
		if (!Files.isReadable(file)) {
			throw new ReferentialException(file + ": the partners file does not exist or cannot be read");
		}
		try {
			return read(file.toString(), Files.newInputStream(file));
		}
		catch (IOException ex) {
			throw new ReferentialException(file + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	public static Partners bundled() {
		InputStream in = Partners.class.getResourceAsStream(BUNDLED_RESOURCE);
		if (in == null) {
			throw new ReferentialException(
					"the bundled partners file " + BUNDLED_RESOURCE + " is missing from the build");
		}
		return read("data-samples/partners.csv", in);
	}

	public static Partners read(String source, InputStream in) {
		CsvTable table = CsvTable.read(source, in, "partner", "name", "networks", "contact");
		List<Partner> partners = new ArrayList<>();
		Map<String, Long> seen = new LinkedHashMap<>();
		for (CsvTable.Row row : table.rows()) {
			long line = row.line();
			String code = row.get("partner");
			if (!CODE.matcher(code).matches()) {
				throw ReferentialException.at(source, line,
						"partner '" + code + "' is not a code of upper-case letters, digits and _");
			}
			Long first = seen.putIfAbsent(code, line);
			if (first != null) {
				throw ReferentialException.at(source, line,
						"duplicate partner " + code + " (first on line " + first + ")");
			}
			String name = row.get("name");
			if (name.isEmpty()) {
				throw ReferentialException.at(source, line, "empty name for partner " + code);
			}
			List<String> networks = networks(row.get("networks"), source, line);
			String contact = row.get("contact");
			if (!contact.isEmpty() && !EMAIL.matcher(contact).matches()) {
				throw ReferentialException.at(source, line,
						"contact '" + contact + "' of " + code + " is not an e-mail address");
			}
			partners.add(new Partner(code, name, networks, contact));
		}
		return new Partners(source, table.sha256(), partners);
	}

	/**
	 * The networks column, spelled as in the registry (case-insensitive, separated by |),
	 * each a registry network.
	 */
	private static List<String> networks(String value, String source, long line) {
		List<String> networks = Arrays.stream(value.split("\\|"))
			.map(s -> s.strip().toUpperCase(Locale.ROOT))
			.filter(s -> !s.isEmpty())
			.distinct()
			.toList();
		for (String network : networks) {
			if (!Registry.NETWORKS.contains(network)) {
				throw ReferentialException.at(source, line, "unknown network '" + network + "' (expected one of "
						+ String.join(", ", Registry.NETWORKS) + ")");
			}
		}
		return networks;
	}

	/**
	 * @return the partner of that code, or null
	 */
	public Partner find(String code) {
		return byCode.get(code);
	}

	/** Every partner, in the order of the file. */
	public List<Partner> all() {
		return List.copyOf(byCode.values());
	}

	public String sha256() {
		return sha256;
	}

	public String source() {
		return source;
	}

}
