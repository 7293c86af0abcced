package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.warehouse.AggregateCell;

/**
 * How far the response of a year can be trusted, by two explicit rules
 * (docs/publication.md):
 * <ul>
 * <li><b>provisional year</b>: the national response rate of MEMBERS_TOTAL (every pole
 * reports its members) is below {@value #PROVISIONAL_BELOW_PCT} %; every document of the
 * year then says "Résultats provisoires";</li>
 * <li><b>break in response</b>: in a ten-year series, a year whose response rate (of the
 * charted cell itself) fell by more than {@value #BREAK_POINTS} points from the year
 * before; its total is not comparable with the year before, and the chart marks it.</li>
 * </ul>
 */
final class ResponseQuality {

	/** Below this national response rate (in %), the year's results are provisional. */
	static final double PROVISIONAL_BELOW_PCT = 80;

	/**
	 * A fall of the response rate of more than this many percentage points in one year is
	 * a break.
	 */
	static final double BREAK_POINTS = 10;

	/** The mark put after the year of a break on the charts' category axis. */
	static final String BREAK_MARK = "*";

	private ResponseQuality() {
	}

	/**
	 * The national response rate of MEMBERS_TOTAL, or null when the year has no such
	 * cell.
	 */
	static Double nationalRate(PublicationData data) {
		AggregateCell core = data.cell(PublicationContent.CORE, PublicationContent.NATIONAL, GeoReferential.FRANCE);
		return core == null ? null : core.responseRate();
	}

	static boolean provisional(PublicationData data) {
		Double rate = nationalRate(data);
		return rate != null && rate * 100 < PROVISIONAL_BELOW_PCT;
	}

	/**
	 * The mark of a provisional year printed on the cover and every page, or null for a
	 * final year.
	 */
	static String provisionalMark(PublicationData data) {
		if (!provisional(data)) {
			return null;
		}
		return "Résultats provisoires : " + FrenchFormat.rate(nationalRate(data)) + " des pôles attendus ont "
				+ "répondu en " + data.year() + " (moins de " + FrenchFormat.number(PROVISIONAL_BELOW_PCT, 0)
				+ FrenchFormat.UNIT_SPACE + "%)";
	}

	/**
	 * A year of the window whose response rate fell by more than {@link #BREAK_POINTS}
	 * points.
	 */
	record Break(int year, double ratePrevious, double rate) {
	}

	/** The breaks in response of a cell's ten-year series, in year order. */
	static List<Break> breaks(PublicationData data, String indicator, String level, String area) {
		List<Break> breaks = new ArrayList<>();
		for (int y = data.year() - PublicationData.WINDOW + 2; y <= data.year(); y++) {
			AggregateCell before = data.cell(y - 1, indicator, level, area);
			AggregateCell now = data.cell(y, indicator, level, area);
			if (before == null || now == null || before.responseRate() == null || now.responseRate() == null) {
				continue;
			}
			if ((before.responseRate() - now.responseRate()) * 100 > BREAK_POINTS) {
				breaks.add(new Break(y, before.responseRate(), now.responseRate()));
			}
		}
		return breaks;
	}

	/**
	 * The sentence under a chart that explains its marked years, or null without a break.
	 */
	static String breakNote(List<Break> breaks) {
		if (breaks.isEmpty()) {
			return null;
		}
		StringBuilder s = new StringBuilder();
		for (Break b : breaks) {
			s.append(s.isEmpty() ? "" : " ; ")
				.append(b.year())
				.append(BREAK_MARK)
				.append(" : rupture de réponse (")
				.append(FrenchFormat.rate(b.ratePrevious()))
				.append(" de répondants en ")
				.append(b.year() - 1)
				.append(", ")
				.append(FrenchFormat.rate(b.rate()))
				.append(" en ")
				.append(b.year())
				.append(')');
		}
		return s.append(", total non comparable à l’année précédente").toString();
	}

}
