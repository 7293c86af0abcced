package fr.ptce.observatory.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.ptce.observatory.referential.Levels;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;

/**
 * A few national figures of a year, read back from the aggregates partition (for `demo`
 * and operators).
 */
public final class KeyFigures {

	/** The indicators shown, in this order. */
	public static final List<String> INDICATORS = List.of("MEMBERS_TOTAL", "JOBS_FTE", "TURNOVER", "ESS_SHARE",
			"PUBLIC_FUNDING_SHARE", "GOV_PARTICIPATION");

	private KeyFigures() {
	}

	/**
	 * The national cells of those indicators in the aggregates of the year (empty if not
	 * aggregated).
	 */
	public static List<AggregateCell> national(DataDirectory dir, int year) {
		Map<String, AggregateCell> national = TableReaders
			.readPartition(dir, Tables.AGGREGATES, year, TableReaders::aggregates)
			.stream()
			.filter(c -> Levels.NATIONAL.equals(c.level()))
			.collect(Collectors.toMap(AggregateCell::indicator, Function.identity()));
		List<AggregateCell> figures = new ArrayList<>();
		for (String code : INDICATORS) {
			AggregateCell cell = national.get(code);
			if (cell != null) {
				figures.add(cell);
			}
		}
		return figures;
	}

	/**
	 * One line per figure: "JOBS_FTE : 1 234,5 (12/15 pôles), +2,1 % à champ constant
	 * (évolution brute du total +3,2 %)", or "s" when confidential.
	 */
	public static List<String> describe(List<AggregateCell> figures) {
		List<String> lines = new ArrayList<>();
		for (AggregateCell c : figures) {
			boolean ratio = Ratio.isRatio(c.indicator());
			String total = !"F".equals(c.confStatus()) ? "s"
					: c.total() == null ? "–" : String.format(Locale.FRANCE, ratio ? "%,.1f %%" : "%,.1f", c.total());
			lines.add(c.indicator() + " : " + total + " (" + c.nRespondents() + "/" + c.nExpected() + " pôles)"
					+ changes(c, ratio));
		}
		return lines;
	}

	/**
	 * The change on a constant sample first (the poles that responded both years), the
	 * raw change of the total after it, labelled: a fall in response must not read as a
	 * fall of the poles (methodology section 3, as the publication prints them).
	 */
	private static String changes(AggregateCell c, boolean ratio) {
		String unit = ratio ? " pt" : " %";
		String raw = c.yoyPct() == null ? null
				: "évolution brute du total " + String.format(Locale.FRANCE, "%+.1f", c.yoyPct()) + unit;
		if (c.yoyConstantPct() == null) {
			return raw == null ? "" : ", " + raw;
		}
		String constant = String.format(Locale.FRANCE, ", %+.1f", c.yoyConstantPct()) + unit + " à champ constant";
		return raw == null ? constant : constant + " (" + raw + ")";
	}

}
