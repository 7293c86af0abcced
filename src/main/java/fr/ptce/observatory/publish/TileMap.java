package fr.ptce.observatory.publish;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * The tile-grid map of the 18 regions drawn with Java2D (into the PDF as vectors by
 * JasperReports): one tile per region ({@link RegionTiles}) shaded by its class
 * ({@link DensityClasses}), hatched when its figure is secret, white when there is none,
 * with the region's name and printed value, and the legend on the right.
 */
final class TileMap extends AbstractRenderer implements Graphics2DRenderable {

	private static final long serialVersionUID = 1L;

	/**
	 * One region on the map: its code, name, printed value ("1,7", "s", "–") and class.
	 */
	record Entry(String region, String name, String value, int shade) implements java.io.Serializable {
	}

	/**
	 * Blues of increasing density (ColorBrewer "Blues", 4 classes), readable in grey too.
	 */
	static final Color[] SHADES = { new Color(0xDEEBF7), new Color(0x9ECAE1), new Color(0x4292C6),
			new Color(0x08519C) };

	/**
	 * The drawing's own units (points), scaled to the element's box keeping its shape.
	 */
	static final double WIDTH = 555;

	static final double HEIGHT = 365;

	private static final double TILE = 62;

	private static final double GAP = 4;

	private static final double GRID_X = 120;

	private static final double GRID_Y = 14;

	private static final String FONT = "DejaVu Sans";

	private final List<Entry> entries;

	private final String legendTitle;

	private final List<String> classLabels;

	TileMap(List<Entry> entries, String legendTitle, List<String> classLabels) {
		this.entries = List.copyOf(entries);
		this.legendTitle = legendTitle;
		this.classLabels = List.copyOf(classLabels);
	}

	List<Entry> entries() {
		return entries;
	}

	@Override
	public void render(JasperReportsContext context, Graphics2D g, Rectangle2D box) {
		Graphics2D g2 = (Graphics2D) g.create();
		try {
			double scale = Math.min(box.getWidth() / WIDTH, box.getHeight() / HEIGHT);
			g2.translate(box.getX() + (box.getWidth() - WIDTH * scale) / 2, box.getY());
			g2.scale(scale, scale);
			g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			Font plain = font(context, Font.PLAIN, 6.3f);
			Font bold = font(context, Font.BOLD, 8.5f);
			drawInsetFrame(g2, plain);
			for (Entry e : entries) {
				drawTile(g2, e, plain, bold);
			}
			drawLegend(g2, plain, font(context, Font.BOLD, 7f));
		}
		finally {
			g2.dispose();
		}
	}

	/**
	 * DejaVu from the font extension (the PDF's embedded font), whatever fonts the
	 * machine has.
	 */
	private static Font font(JasperReportsContext context, int style, float size) {
		Font f = context == null ? null
				: FontUtil.getInstance(context).getAwtFontFromBundles(FONT, style, size, Locale.FRANCE, true);
		return f != null ? f : new Font(FONT, style, Math.round(size)).deriveFont(size);
	}

	static Rectangle2D tileBounds(RegionTiles.Tile t) {
		double x = t.overseas() ? 14 : GRID_X + t.column() * (TILE + GAP);
		double y = GRID_Y + t.row() * (TILE + GAP) + (t.overseas() ? 8 : 0);
		return new Rectangle2D.Double(x, y, TILE, TILE);
	}

	private static void drawInsetFrame(Graphics2D g, Font font) {
		g.setColor(new Color(0x8FA9C8));
		g.setStroke(new BasicStroke(0.6f));
		g.draw(new Rectangle2D.Double(6, 4, TILE + 16, 5 * (TILE + GAP) + 14));
		g.setFont(font);
		g.setColor(Color.DARK_GRAY);
		g.drawString("Outre-mer", 10, (float) (5 * (TILE + GAP) + 28));
	}

	private void drawTile(Graphics2D g, Entry e, Font plain, Font bold) {
		Rectangle2D r = tileBounds(RegionTiles.of(e.region()));
		boolean dark = e.shade() >= 2;
		g.setColor(e.shade() >= 0 ? SHADES[e.shade()] : Color.WHITE);
		g.fill(r);
		if (e.shade() == DensityClasses.SECRET) {
			hatch(g, r);
		}
		g.setColor(new Color(0x555555));
		g.setStroke(new BasicStroke(0.8f));
		g.draw(r);
		g.setColor(dark ? Color.WHITE : Color.BLACK);
		g.setFont(plain);
		FontMetrics m = g.getFontMetrics();
		double y = r.getY() + 4 + m.getAscent();
		for (String line : wrap(e.name(), m, r.getWidth() - 6)) {
			g.drawString(line, (float) (r.getCenterX() - m.stringWidth(line) / 2.0), (float) y);
			y += m.getHeight();
		}
		g.setFont(bold);
		FontMetrics b = g.getFontMetrics();
		g.drawString(e.value(), (float) (r.getCenterX() - b.stringWidth(e.value()) / 2.0), (float) (r.getMaxY() - 7));
	}

	/**
	 * Grey diagonal lines across a secret tile, so that it reads as "no figure" without
	 * colour.
	 */
	static void hatch(Graphics2D g, Shape area) {
		Rectangle2D r = area.getBounds2D();
		Shape clip = g.getClip();
		g.clip(area);
		g.setColor(new Color(0xB0B0B0));
		g.setStroke(new BasicStroke(0.7f));
		for (double d = -r.getHeight(); d < r.getWidth(); d += 5) {
			g.draw(new Line2D.Double(r.getX() + d, r.getMaxY(), r.getX() + d + r.getHeight(), r.getY()));
		}
		g.setClip(clip);
	}

	/**
	 * Words on lines no wider than the width, cutting after a hyphen when a word is too
	 * long.
	 */
	static List<String> wrap(String text, FontMetrics m, double width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.replace("-", "- ").split(" ")) {
			String candidate = line.isEmpty() ? word : line + (line.toString().endsWith("-") ? "" : " ") + word;
			if (!line.isEmpty() && m.stringWidth(candidate) > width) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	private void drawLegend(Graphics2D g, Font plain, Font bold) {
		double x = GRID_X + 4 * (TILE + GAP) + 22;
		double y = GRID_Y + 6;
		g.setColor(Color.BLACK);
		g.setFont(bold);
		FontMetrics bm = g.getFontMetrics();
		for (String line : wrap(legendTitle, bm, WIDTH - x - 2)) {
			g.drawString(line, (float) x, (float) (y + bm.getAscent()));
			y += bm.getHeight();
		}
		y += 6;
		g.setFont(plain);
		FontMetrics m = g.getFontMetrics();
		List<String> labels = new ArrayList<>(classLabels);
		labels.add("s : secret statistique");
		labels.add("\u2013 : non disponible");
		for (int i = 0; i < labels.size(); i++) {
			Rectangle2D key = new Rectangle2D.Double(x, y, 16, 11);
			g.setColor(i < SHADES.length ? SHADES[i] : Color.WHITE);
			g.fill(key);
			if (i == SHADES.length) {
				hatch(g, key);
			}
			g.setColor(new Color(0x555555));
			g.setStroke(new BasicStroke(0.6f));
			g.draw(key);
			g.setColor(Color.BLACK);
			g.drawString(labels.get(i), (float) (x + 21), (float) (y + 5.5 + m.getAscent() / 2.0 - 1));
			y += 17;
		}
	}

}
