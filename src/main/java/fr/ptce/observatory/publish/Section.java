package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * One block of a publication, in reading order: a heading, a paragraph, a table of
 * preformatted French text, a chart or a page break. The same sections feed the PDF
 * template and the XLSX workbook (one sheet per table).
 *
 * @param sheet the XLSX sheet name of a table (null: not exported)
 */
public record Section(String kind, String heading, String text, List<String> headers, List<List<String>> rows,
		List<Point> points, String axis, String note, String sheet, boolean totalLast, Graphics2DRenderable graphic,
		Caption caption) {

	/**
	 * What the PDF prints around a table or a figure, each optional: its title after
	 * "Tableau N –" or "Figure N –" (by default a chart's heading, or the heading a table
	 * comes under), its source and its scope (by default those of the document,
	 * {@link Edition#scope()}).
	 */
	public record Caption(String title, String source, String scope) {
	}

	/** Every kind but the map: no drawing of its own, and the default caption. */
	public Section(String kind, String heading, String text, List<String> headers, List<List<String>> rows,
			List<Point> points, String axis, String note, String sheet, boolean totalLast) {
		this(kind, heading, text, headers, rows, points, axis, note, sheet, totalLast, null, null);
	}

	/** Columns of the template's generic table: the first (labels) and seven figures. */
	public static final int MAX_COLUMNS = 8;

	/** Bars of the template's short bar chart variant. */
	public static final int SMALL_BAR_CHART = 5;

	/** Columns of the template's wide table variant. */
	public static final int WIDE_COLUMNS = 5;

	/**
	 * A point of a chart: category (a year, a region...), value (null: not plotted) and
	 * its printed label.
	 */
	public record Point(String category, Double value, String label) {
	}

	public static Section h1(String heading) {
		return new Section("h1", heading, null, List.of(), List.of(), List.of(), null, null, null, false);
	}

	public static Section h2(String heading) {
		return new Section("h2", heading, null, List.of(), List.of(), List.of(), null, null, null, false);
	}

	public static Section text(String text) {
		return new Section("text", null, text, List.of(), List.of(), List.of(), null, null, null, false);
	}

	/**
	 * A line of the colophon, printed small at the end of the document (provenance,
	 * codes).
	 */
	public static Section colophon(String text) {
		return new Section("colophon", null, text, List.of(), List.of(), List.of(), null, null, null, false);
	}

	public static Section pageBreak() {
		return new Section("break", null, null, List.of(), List.of(), List.of(), null, null, null, false);
	}

	public static Section table(String sheet, List<String> headers, List<List<String>> rows, String note) {
		if (headers.size() > MAX_COLUMNS) {
			throw new IllegalArgumentException("a table has at most " + MAX_COLUMNS + " columns: " + headers);
		}
		return new Section("table", null, null, List.copyOf(headers), List.copyOf(rows), List.of(), null, note, sheet,
				false);
	}

	/** The same table whose last row is the whole (France, the region), printed bold. */
	public Section withTotalLast() {
		return new Section(kind, heading, text, headers, rows, points, axis, note, sheet, true, graphic, caption);
	}

	/**
	 * The same table or chart with its own caption (title, source, scope; each null for
	 * the default).
	 */
	public Section withCaption(String title, String source, String scope) {
		return new Section(kind, heading, text, headers, rows, points, axis, note, sheet, totalLast, graphic,
				new Caption(title, source, scope));
	}

	public static Section lineChart(String heading, String axis, List<Point> points) {
		return lineChart(heading, axis, points, null);
	}

	/**
	 * @param note printed under the chart's title (the years marked as breaks in
	 * response), or null
	 */
	public static Section lineChart(String heading, String axis, List<Point> points, String note) {
		return new Section("line", heading, null, List.of(), List.of(), List.copyOf(points), axis, note, null, false);
	}

	/**
	 * A bar chart of areas, its bars by decreasing value (areas compare by their value,
	 * not their code), the bars that cannot be drawn last, in their order.
	 */
	public static Section barChart(String heading, String axis, List<Point> points) {
		List<Point> sorted = new ArrayList<>(points);
		sorted.sort(Comparator.comparing(Point::value, Comparator.nullsLast(Comparator.reverseOrder())));
		return new Section("bar", heading, null, List.of(), List.of(), List.copyOf(sorted), axis, null, null, false);
	}

	/**
	 * A drawing made in Java (the tile map of the regions), drawn as vectors into the PDF
	 * by the template's {@code map} band, with its alternative text (every value it
	 * shows) and a note under it (source, scope).
	 */
	public static Section map(String heading, Graphics2DRenderable drawing, String alternativeText, String note) {
		return new Section("map", heading, alternativeText, List.of(), List.of(), List.of(), null, note, null, false,
				drawing, null);
	}

	/**
	 * What a chart shows, in words, for readers who do not see it: the tagged PDF's
	 * alternative text of the figure, with every plotted value.
	 */
	String alternativeText() {
		if ("map".equals(kind)) {
			return text.replace(FrenchFormat.THOUSANDS, ' ').replace(FrenchFormat.UNIT_SPACE, ' ');
		}
		if (!"line".equals(kind) && !"bar".equals(kind)) {
			return null;
		}
		StringBuilder alt = new StringBuilder("line".equals(kind) ? "Courbe" : "Diagramme en barres").append(" : ")
			.append(heading)
			.append(" (")
			.append(axis)
			.append(") – ");
		for (int i = 0; i < points.size(); i++) {
			Point p = points.get(i);
			alt.append(i == 0 ? "" : " ; ").append(p.category());
			alt.append(" : ").append(p.label() != null ? p.label() : "non publié");
		}
		// the PDF's text strings (PDFDocEncoding) have no narrow or no-break space: plain
		// spaces, still read right
		return alt.append('.').toString().replace(FrenchFormat.THOUSANDS, ' ').replace(FrenchFormat.UNIT_SPACE, ' ');
	}

	/** The fields of the template's data source (reports-templates/publication.jrxml). */
	Map<String, Object> toFields() {
		Map<String, Object> f = new HashMap<>();
		// tables of up to five columns use the template's wide variant, whose figure
		// columns need not wrap
		// and bar charts of a few bars a shorter variant, whose bars are not slabs
		f.put("kind", "table".equals(kind) && headers.size() <= WIDE_COLUMNS ? "table-wide"
				: "bar".equals(kind) && points.size() <= SMALL_BAR_CHART ? "bar-small" : kind);
		f.put("heading", heading);
		f.put("text", "map".equals(kind) ? null : text);
		f.put("graphic", graphic);
		f.put("note", note);
		f.put("axis", axis);
		f.put("alt", alternativeText());
		// a chart with nothing to draw says why rather than leaving empty axes
		// unexplained
		boolean empty = !points.isEmpty() && points.stream().allMatch(p -> p.value() == null);
		f.put("subtitle", empty ? "Aucune valeur publiable : secret statistique ou données non disponibles"
				: "line".equals(kind) ? note : null);
		for (int i = 0; i < MAX_COLUMNS; i++) {
			f.put("h" + i, i < headers.size() ? headers.get(i) : null);
		}
		List<Map<String, ?>> rowMaps = new ArrayList<>();
		for (int n = 0; n < rows.size(); n++) {
			List<String> row = rows.get(n);
			Map<String, Object> r = new HashMap<>();
			r.put("strong", totalLast && n == rows.size() - 1);
			for (int i = 0; i < row.size(); i++) {
				r.put("c" + i, row.get(i));
			}
			rowMaps.add(r);
		}
		f.put("rows", rowMaps);
		List<Map<String, ?>> pointMaps = new ArrayList<>();
		for (Point p : points) {
			Map<String, Object> m = new HashMap<>();
			m.put("series", heading == null ? "" : heading);
			m.put("category", p.category());
			m.put("value", p.value());
			m.put("label", p.label());
			pointMaps.add(m);
		}
		f.put("points", pointMaps);
		return f;
	}

}
