package fr.ptce.observatory.samples;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one pole's software writes its submission files: the spreadsheet and
 * information-system habits the submission format tolerates (submission-format.md, The
 * file). Every file of the samples is written in one of these styles, so that each
 * tolerated form occurs in many files.
 *
 * @param key short name used in the README
 * @param description what it imitates
 * @param columns the canonical column names in file order (pole_id, period, indicator,
 * value and optionally unit, status, comment, and an unknown column "source")
 * @param header the header cells as written (case varies)
 * @param thousands thousands separator inside numbers, or null
 * @param quarterForm how a quarter is written: {@code %Y} the year, {@code %N} the
 * quarter number
 * @param units the unit written for each catalogue unit (count, fte, h, t, EUR); k€ and
 * KEUR divide by 1000
 * @param eurDecimals minimum decimals of euro amounts (Excel's "1 250 000,00"), 0 for
 * none
 * @param quoteAll quote every text field (LibreOffice's "quote all text cells")
 * @param pad spaces around fields
 * @param lowerCodes pole ids and indicator codes in lower case
 * @param blankRows blank rows (;;;;) and empty lines inside and at the end of the file
 * @param explicitStatus write "A" for a normal observation (others leave the status
 * empty)
 * @param lowerStatus write the status in lower case
 */
record Style(String key, String description, Charset charset, boolean bom, char delimiter, char decimal,
		String thousands, String eol, List<String> columns, List<String> header, String quarterForm,
		Map<String, String> units, int eurDecimals, boolean quoteAll, boolean pad, boolean lowerCodes,
		boolean blankRows, boolean explicitStatus, boolean lowerStatus) {

	static final Charset CP1252 = Charset.forName("windows-1252");

	static final String CRLF = "\r\n";

	static final String LF = "\n";

	static final List<String> REQUIRED = List.of("pole_id", "period", "indicator", "value");

	/**
	 * Excel, French locale: Windows-1252, ';', decimal comma, space thousands, CRLF, k€,
	 * trailing blank rows.
	 */
	static final Style TABLEUR_FR = new Style("tableur-fr", "French Excel: Windows-1252, `;`, decimal comma, "
			+ "space thousands separator, CRLF, `k€`/`ETP`/`heures`/`tonnes`, `T1 2024` quarters, blank rows `;;;;;;` at the end",
			CP1252, false, ';', ',', " ", CRLF,
			List.of("pole_id", "period", "indicator", "value", "unit", "status", "comment"),
			List.of("Pole_ID", "Period", "Indicator", "Value", "Unit", "Status", "Comment"), "T%N %Y",
			Map.of("count", "", "fte", "ETP", "h", "heures", "t", "tonnes", "EUR", "k€"), 0, false, false, false, true,
			false, false);

	/** Excel with padded cells and no-break-space thousands, euros with two decimals. */
	static final Style TABLEUR_FR_NBSP = new Style("tableur-fr-nbsp", "French Excel, hand-edited: Windows-1252, `;`, "
			+ "decimal comma, no-break-space (U+00A0) thousands separator, amounts in `euros` with two decimals, CRLF, "
			+ "spaces around fields, blank rows and empty lines in the middle, `2024-T1` quarters", CP1252, false, ';',
			',', "\u00A0", CRLF, List.of("pole_id", "period", "indicator", "value", "unit", "comment"),
			List.of("pole_id", "period", "indicator", "value", "unit", "comment"), "%Y-T%N",
			Map.of("count", "", "fte", "ETP", "h", "h", "t", "t", "EUR", "euros"), 2, false, true, false, true, false,
			false);

	/**
	 * A regional network's template: columns reordered, upper-case header, KEUR, LF,
	 * lower-case status.
	 */
	static final Style TABLEUR_FR_ORDER = new Style("tableur-fr-order", "a network's spreadsheet template: "
			+ "Windows-1252, `;`, decimal comma, LF, columns in another order with an upper-case header, `KEUR`/`FTE`, "
			+ "`2024Q1` quarters, status in lower case", CP1252, false, ';', ',', null, LF,
			List.of("period", "pole_id", "indicator", "value", "unit", "status"),
			List.of("PERIOD", "POLE_ID", "INDICATOR", "VALUE", "UNIT", "STATUS"), "%YQ%N",
			Map.of("count", "count", "fte", "FTE", "h", "h", "t", "t", "EUR", "KEUR"), 0, false, false, false, false,
			false, true);

	/** A small information system: the canonical form. */
	static final Style SI_UTF8 = new Style("si-utf8", "an information system's export, the canonical form: UTF-8 "
			+ "without BOM, `,`, `.` decimals, LF, every column, catalogue units, explicit status `A`, `2024-Q1` quarters",
			StandardCharsets.UTF_8, false, ',', '.', null, LF,
			List.of("pole_id", "period", "indicator", "value", "unit", "status", "comment"),
			List.of("pole_id", "period", "indicator", "value", "unit", "status", "comment"), "%Y-Q%N",
			Map.of("count", "count", "fte", "fte", "h", "h", "t", "t", "EUR", "EUR"), 0, false, false, false, false,
			true, false);

	/** UTF-8 with a BOM and CRLF, no unit column, space thousands. */
	static final Style SI_BOM_CRLF = new Style("si-bom-crlf",
			"Excel \"CSV UTF-8\": UTF-8 with BOM, `,`, `.` decimals, "
					+ "space thousands separator, CRLF, columns pole_id, indicator, period, value, status (no unit)",
			StandardCharsets.UTF_8, true, ',', '.', " ", CRLF,
			List.of("pole_id", "indicator", "period", "value", "status"),
			List.of("pole_id", "indicator", "period", "value", "status"), "%Y-Q%N", Map.of(), 0, false, false, false,
			false, false, false);

	/**
	 * LibreOffice: UTF-8, ';', narrow no-break-space thousands, every text cell quoted.
	 */
	static final Style LIBRE = new Style("libre",
			"LibreOffice Calc: UTF-8, `;`, decimal comma, narrow no-break space "
					+ "(U+202F) thousands separator, every text field quoted, `€`/`ETP`, `2024-T1` quarters",
			StandardCharsets.UTF_8, false, ';', ',', "\u202F", LF,
			List.of("pole_id", "period", "indicator", "value", "unit", "comment"),
			List.of("pole_id", "period", "indicator", "value", "unit", "comment"), "%Y-T%N",
			Map.of("count", "", "fte", "ETP", "h", "h", "t", "t", "EUR", "€"), 0, true, false, false, false, false,
			false);

	/**
	 * A BI tool's export with an extra "source" column, lower-case codes, padded fields.
	 */
	static final Style EXPORT_BI = new Style("export-bi", "a reporting tool's export: UTF-8 with BOM, `,`, an extra "
			+ "unknown column `source` first, codes in lower case, spaces around fields, `FTE`/`EUR`, `2024Q1` quarters",
			StandardCharsets.UTF_8, true, ',', '.', null, LF,
			List.of("source", "pole_id", "period", "indicator", "value", "unit", "comment"),
			List.of("source", "Pole_Id", "Period", "Indicator", "Value", "Unit", "Comment"), "%YQ%N",
			Map.of("count", "count", "fte", "FTE", "h", "h", "t", "t", "EUR", "EUR"), 0, false, true, true, false,
			false, false);

	/** The four required columns only. */
	static final Style MINIMAL = new Style("minimal", "the four required columns only: UTF-8, `,`, `.` decimals, LF",
			StandardCharsets.UTF_8, false, ',', '.', null, LF, List.of("pole_id", "period", "indicator", "value"),
			List.of("pole_id", "period", "indicator", "value"), "%Y-Q%N", Map.of(), 0, false, false, false, false,
			false, false);

	static final List<Style> ALL = List.of(TABLEUR_FR, TABLEUR_FR_NBSP, TABLEUR_FR_ORDER, SI_UTF8, SI_BOM_CRLF, LIBRE,
			EXPORT_BI, MINIMAL);

	/** How often poles use each style, in the order of {@link #ALL}. */
	static final double[] WEIGHTS = { 0.22, 0.12, 0.08, 0.20, 0.10, 0.10, 0.06, 0.12 };

	/** The value written in the unknown "source" column. */
	static final String SOURCE = "outil-suivi v2.3";

	boolean has(String column) {
		return columns.contains(column);
	}

	/** The header cell written for a canonical column. */
	String headerOf(String column) {
		return header.get(columns.indexOf(column));
	}

	boolean kiloEuros() {
		String eur = units.get("EUR");
		return eur != null && (eur.equals("k€") || eur.equals("KEUR"));
	}

	String unitFor(String catalogueUnit) {
		return has("unit") ? units.getOrDefault(catalogueUnit, catalogueUnit) : "";
	}

	String quarter(int year, int quarter) {
		return quarterForm.replace("%Y", Integer.toString(year)).replace("%N", Integer.toString(quarter));
	}

	String period(int year, int quarter) {
		return quarter == 0 ? Integer.toString(year) : quarter(year, quarter);
	}

	String code(String code) {
		return lowerCodes ? code.toLowerCase(Locale.ROOT) : code;
	}

	String status(String status) {
		if (status.isEmpty() && explicitStatus) {
			return "A";
		}
		return lowerStatus ? status.toLowerCase(Locale.ROOT) : status;
	}

	/**
	 * A number of {@code scale} decimals held as the whole number {@code unscaled} (42.5
	 * is 425 at scale 1), written with this style's separators: trailing zeros of the
	 * fraction dropped, at least {@code minDecimals} decimals kept.
	 */
	String number(long unscaled, int scale, int minDecimals) {
		boolean negative = unscaled < 0;
		long abs = Math.abs(unscaled);
		long pow = 1;
		for (int i = 0; i < scale; i++) {
			pow *= 10;
		}
		String integer = Long.toString(abs / pow);
		StringBuilder fraction = new StringBuilder(scale == 0 ? "" : Long.toString(pow + abs % pow).substring(1));
		while (fraction.length() > minDecimals && fraction.length() > 0
				&& fraction.charAt(fraction.length() - 1) == '0') {
			fraction.setLength(fraction.length() - 1);
		}
		while (fraction.length() < minDecimals) {
			fraction.append('0');
		}
		StringBuilder out = new StringBuilder();
		if (negative) {
			out.append('-');
		}
		if (thousands != null && integer.length() > 3) {
			int first = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
			out.append(integer, 0, first);
			for (int i = first; i < integer.length(); i += 3) {
				out.append(thousands).append(integer, i, i + 3);
			}
		}
		else {
			out.append(integer);
		}
		if (fraction.length() > 0) {
			out.append(decimal).append(fraction);
		}
		return out.toString();
	}

}
