package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.publish.PublicationContent.Published;
import fr.ptce.observatory.warehouse.AggregateCell;

/**
 * The ten-year line charts of an area: the published totals of the window, a year of
 * break in response marked on the category axis and explained under the title (rule of
 * {@link ResponseQuality}), and no chart at all for a series with nothing to draw (a
 * sentence names them instead).
 */
final class TenYearCharts {

	static final List<String> CHARTED = List.of("MEMBERS_TOTAL", "JOBS_FTE", "JOBS_CREATED", "TURNOVER",
			"PUBLIC_FUNDING_SHARE", "ESS_SHARE");

	private TenYearCharts() {
	}

	static List<Section> charts(PublicationContent content, PublicationData data, String level, String area) {
		List<Section> charts = new ArrayList<>();
		List<String> empty = new ArrayList<>();
		for (String code : CHARTED) {
			Section chart = chart(content.indicator(code), data, level, area);
			if (chart == null) {
				empty.add(content.indicator(code).label());
			}
			else {
				charts.add(chart);
			}
		}
		List<Section> out = new ArrayList<>();
		if (!charts.isEmpty()) {
			out.add(Section.text("Totaux publiés des dix dernières années ; une année sans point est une année dont "
					+ "le total est couvert par le secret statistique ou non disponible ; une année marquée "
					+ ResponseQuality.BREAK_MARK + " est une rupture de réponse (taux de réponse en baisse de plus de "
					+ FrenchFormat.number(ResponseQuality.BREAK_POINTS, 0) + " points sur un an)."));
			out.addAll(charts);
		}
		if (!empty.isEmpty()) {
			out.add(Section.text("Aucun total publiable sur les dix dernières années (secret statistique ou données "
					+ "non disponibles), donc pas de courbe, pour : " + String.join(" ; ", empty) + "."));
		}
		return out;
	}

	/**
	 * The chart of one indicator, or null when no year of the window has a published
	 * total.
	 */
	static Section chart(Published p, PublicationData data, String level, String area) {
		boolean millions = "EUR".equals(p.unit());
		List<ResponseQuality.Break> breaks = ResponseQuality.breaks(data, p.code(), level, area);
		List<Section.Point> points = new ArrayList<>();
		for (int y = data.year() - PublicationData.WINDOW + 1; y <= data.year(); y++) {
			AggregateCell c = data.cell(y, p.code(), level, area);
			Double v = c != null && "F".equals(c.confStatus()) ? c.total() : null;
			int year = y;
			// a break in a year that is not drawn is not marked: there is no point to
			// compare
			boolean broken = v != null && breaks.stream().anyMatch(b -> b.year() == year);
			points.add(new Section.Point(y + (broken ? ResponseQuality.BREAK_MARK : ""),
					v == null ? null : millions ? v / 1e6 : v, v == null ? null : FrenchFormat.amount(v, p.unit())));
		}
		if (points.stream().allMatch(pt -> pt.value() == null)) {
			return null;
		}
		List<ResponseQuality.Break> drawn = breaks.stream()
			.filter(b -> points.get(b.year() - data.year() + PublicationData.WINDOW - 1).value() != null)
			.toList();
		return Section.lineChart(p.label(), axisLabel(p.unit(), millions), points, ResponseQuality.breakNote(drawn));
	}

	private static String axisLabel(String unit, boolean millions) {
		if (millions) {
			return "millions d’euros";
		}
		return switch (unit) {
			case "count" -> "nombre";
			case "fte" -> "équivalents temps plein";
			case "%" -> "%";
			case "h" -> "heures";
			case "t" -> "tonnes";
			default -> unit;
		};
	}

}
