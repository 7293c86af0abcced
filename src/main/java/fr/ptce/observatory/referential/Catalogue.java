package fr.ptce.observatory.referential;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The indicator catalogue (indicators.csv), in its file order. Lookups are by upper-cased
 * code, as submitted codes are case-insensitive.
 */
public final class Catalogue {

	public static final String RESOURCE = "/referential/indicators.csv";

	private final List<Indicator> indicators;

	private final Map<String, Indicator> byCode;

	private final String sha256;

	private Catalogue(List<Indicator> indicators, String sha256) {
		this.indicators = List.copyOf(indicators);
		this.byCode = new LinkedHashMap<>();
		indicators.forEach(i -> byCode.put(i.code(), i));
		this.sha256 = sha256;
	}

	/**
	 * The catalogue shipped with the software (copied from the observatory's published
	 * contract).
	 */
	public static Catalogue bundled() {
		InputStream in = Catalogue.class.getResourceAsStream(RESOURCE);
		if (in == null) {
			throw new ReferentialException(RESOURCE + " is missing from the build");
		}
		return read("indicators.csv", in);
	}

	public static Catalogue read(String source, InputStream in) {
		CsvTable table = CsvTable.read(source, in, "code", "label_fr", "label_en", "unit", "kind", "value_type", "min",
				"max", "domain");
		List<Indicator> list = new ArrayList<>();
		Map<String, Long> seen = new LinkedHashMap<>();
		for (CsvTable.Row row : table.rows()) {
			String code = row.get("code").toUpperCase(Locale.ROOT);
			if (code.isEmpty()) {
				throw ReferentialException.at(source, row.line(), "empty indicator code");
			}
			if (seen.putIfAbsent(code, row.line()) != null) {
				throw ReferentialException.at(source, row.line(), "duplicate indicator code " + code);
			}
			Indicator.Kind kind = parseEnum(Indicator.Kind.class, row.get("kind"), source, row.line(), "kind");
			Indicator.ValueType type = parseEnum(Indicator.ValueType.class, row.get("value_type"), source, row.line(),
					"value_type");
			double min = parseNumber(row.get("min"), source, row.line(), "min");
			double max = parseNumber(row.get("max"), source, row.line(), "max");
			if (min > max) {
				throw ReferentialException.at(source, row.line(), "min " + min + " is above max " + max);
			}
			list.add(new Indicator(list.size(), code, row.get("label_fr"), row.get("label_en"), row.get("unit"), kind,
					type, min, max, row.get("domain")));
		}
		return new Catalogue(list, table.sha256());
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String source, long line,
			String column) {
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ReferentialException.at(source, line, "unknown " + column + " '" + value + "'");
		}
	}

	private static double parseNumber(String value, String source, long line, String column) {
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw ReferentialException.at(source, line, column + " '" + value + "' is not a number");
		}
	}

	/**
	 * @return the indicator, or null for an unknown code (codes are compared upper-cased)
	 */
	public Indicator find(String code) {
		return byCode.get(code.toUpperCase(Locale.ROOT));
	}

	public Indicator get(int index) {
		return indicators.get(index);
	}

	public List<Indicator> indicators() {
		return Collections.unmodifiableList(indicators);
	}

	public int size() {
		return indicators.size();
	}

	public String sha256() {
		return sha256;
	}

}
