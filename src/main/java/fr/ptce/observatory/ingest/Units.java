package fr.ptce.observatory.ingest;

import java.util.Locale;
import java.util.Map;

/**
 * The unit column (submission-format.md): the catalogue unit of the indicator, or a
 * declared alias, compared case-insensitively. {@code k€}/{@code KEUR} mean thousands of
 * euros.
 */
public final class Units {

	private static final Map<String, Map<String, Integer>> ALIASES = Map.of("eur",
			Map.of("eur", 1, "€", 1, "euros", 1, "k€", 1000, "keur", 1000), "fte", Map.of("fte", 1, "etp", 1), "t",
			Map.of("t", 1, "tonnes", 1), "h", Map.of("h", 1, "heures", 1));

	private Units() {
	}

	/**
	 * @param catalogueUnit the indicator's unit in the catalogue
	 * @param given the submitted unit, trimmed and not empty
	 * @return the factor that converts the value into the catalogue unit, or 0 for a unit
	 * mismatch
	 */
	public static int factor(String catalogueUnit, String given) {
		String unit = catalogueUnit.toLowerCase(Locale.ROOT);
		String g = given.toLowerCase(Locale.ROOT);
		Map<String, Integer> aliases = ALIASES.get(unit);
		if (aliases == null) {
			return g.equals(unit) ? 1 : 0;
		}
		return aliases.getOrDefault(g, 0);
	}

}
