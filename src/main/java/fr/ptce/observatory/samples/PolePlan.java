package fr.ptce.observatory.samples;

import java.util.List;
import java.util.Set;

/**
 * One pole of the samples: its registry line (registry.md) and how it reports (style of
 * its files, annual or quarterly, years it does not answer, indicators it leaves out, and
 * the deliberate case it carries, if any).
 */
final class PolePlan {

	enum Mode {

		/** one file a year with yearly values */
		ANNUAL,
		/** one file a year: stocks as yearly values, flows quarter by quarter */
		QUARTERLY_IN_YEAR_FILE,
		/** one file a quarter with every indicator */
		QUARTERLY_FILES

	}

	int index;

	/** a random key that orders poles created the same year before their ids are given */
	long order;

	String id;

	String name;

	String commune;

	String departement;

	String region;

	int created;

	Integer closed;

	String legalForm;

	String theme;

	List<String> networks;

	/** the registry's epci field as written (empty: the commune's EPCI) */
	String epci;

	boolean openData;

	/**
	 * a pole much bigger than its neighbours, so that the dominance rule (> 85 %) applies
	 */
	boolean giant;

	Style style;

	Style laterStyle;

	int styleSwitchYear = Integer.MAX_VALUE;

	Mode mode = Mode.ANNUAL;

	Mode laterMode;

	int modeSwitchYear = Integer.MAX_VALUE;

	Set<String> omitted = Set.of();

	/** the years it answers (index: year - firstReport) */
	boolean[] responds;

	Story story;

	int storyYear;

	int firstReport;

	int lastReport;

	Style styleOf(int year) {
		return year >= styleSwitchYear ? laterStyle : style;
	}

	Mode modeOf(int year) {
		return year >= modeSwitchYear ? laterMode : mode;
	}

	boolean respondsIn(int year) {
		return year >= firstReport && year <= lastReport && responds[year - firstReport];
	}

	boolean usesKiloEuros() {
		return style.kiloEuros() || (laterStyle != null && laterStyle.kiloEuros());
	}

	String registryLine() {
		return String.join(",", id, csv(name), commune, Integer.toString(created),
				closed == null ? "" : closed.toString(), legalForm, theme, String.join("|", networks), epci,
				openData ? "yes" : "no");
	}

	private static String csv(String value) {
		if (value.contains(",") || value.contains("\"")) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

}
