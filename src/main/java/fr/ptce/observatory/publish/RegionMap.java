package fr.ptce.observatory.publish;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontUtil;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * The map of the 18 regions drawn with Java2D (into the PDF as vectors by JasperReports):
 * each region's outline ({@link RegionShapes}) shaded by its class
 * ({@link DensityClasses}), hatched when its figure is secret, white when there is none,
 * its printed value inside it (the overseas regions' names and values under their
 * insets), and the legend on the right.
 */
final class RegionMap extends AbstractRenderer implements Graphics2DRenderable {

	private static final long serialVersionUID = 1L;

	/**
	 * One region on the map: its code, name, printed value ("1,7", "s", "–") and class.
	 */
	record Entry(String region, String name, String value, int shade) implements Serializable {
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

	/** Where the legend starts, right of metropolitan France's frame. */
	private static final double LEGEND_X = 404;

	private static final double LEGEND_Y = 20;

	private static final String FONT = "DejaVu Sans";

	private final List<Entry> entries;

	private final String legendTitle;

	private final List<String> classLabels;

	RegionMap(List<Entry> entries, String legendTitle, List<String> classLabels) {
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
			Font bold = font(context, Font.BOLD, 7.5f);
			for (Entry e : entries) {
				drawRegion(g2, e);
			}
			for (Entry e : entries) {
				drawValue(g2, e, plain, bold);
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

	private static void drawRegion(Graphics2D g, Entry e) {
		RegionShapes.Shape shape = RegionShapes.of(e.region());
		if (shape.inset() != null) {
			g.setColor(new Color(0x8FA9C8));
			g.setStroke(new BasicStroke(0.6f));
			g.draw(shape.inset());
		}
		g.setColor(e.shade() >= 0 ? SHADES[e.shade()] : Color.WHITE);
		g.fill(shape.outline());
		if (e.shade() == DensityClasses.SECRET) {
			hatch(g, shape.outline());
		}
		g.setColor(new Color(0x555555));
		g.setStroke(new BasicStroke(0.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(shape.outline());
	}

	/**
	 * The value inside a metropolitan region, on a white halo so that it reads on any
	 * shade or hatching; an overseas region's name and value under its inset.
	 */
	private static void drawValue(Graphics2D g, Entry e, Font plain, Font bold) {
		RegionShapes.Shape shape = RegionShapes.of(e.region());
		if (shape.inset() != null) {
			Rectangle2D box = shape.inset();
			g.setFont(plain);
			FontMetrics m = g.getFontMetrics();
			float y = (float) (box.getMaxY() - 4);
			g.setColor(Color.BLACK);
			g.drawString(e.name(), (float) box.getX() + 4, y);
			g.setFont(bold);
			FontMetrics b = g.getFontMetrics();
			g.drawString(e.value(), (float) (box.getMaxX() - 4 - b.stringWidth(e.value())), y);
			return;
		}
		g.setFont(bold);
		FontMetrics b = g.getFontMetrics();
		double w = b.stringWidth(e.value());
		Point2D at = shape.label();
		Rectangle2D halo = new Rectangle2D.Double(at.getX() - w / 2 - 1.5, at.getY() - b.getAscent() / 2.0 - 1.5, w + 3,
				b.getAscent() + 2);
		g.setColor(new Color(255, 255, 255, 210));
		g.fill(halo);
		g.setColor(Color.BLACK);
		g.drawString(e.value(), (float) (at.getX() - w / 2), (float) (at.getY() + b.getAscent() / 2.0 - 1));
	}

	/**
	 * Grey diagonal lines across a secret region, so that it reads as "no figure" without
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
		double x = LEGEND_X;
		double y = LEGEND_Y;
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
		labels.add(FrenchFormat.CONFIDENTIAL + " : secret statistique");
		labels.add(FrenchFormat.MISSING + " : non disponible");
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
