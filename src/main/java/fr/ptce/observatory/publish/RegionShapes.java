package fr.ptce.observatory.publish;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 18 regions' outlines on the map, in the drawing's points: metropolitan France and
 * Corsica in one frame, the 5 overseas regions each in an inset of the left column. From
 * {@code referential/region-map.txt}, made by {@code tools/region-map.py} from IGN's
 * Admin Express COG 2018 (through france-geojson; Licence Ouverte, credited under the map
 * by {@link #ATTRIBUTION}): projected, simplified and shipped with the jar, so that
 * nothing is fetched when a report is built.
 */
final class RegionShapes {

	/** The credit the licence asks for, printed under the map. */
	static final String ATTRIBUTION = "Fond de carte : IGN, Admin Express COG 2018 (par france\u2011geojson), "
			+ "Licence Ouverte ; contours simplifiés";

	/** A region's outline, the point where its value is printed, and its inset if any. */
	record Shape(Path2D outline, Point2D label, Rectangle2D inset) {
	}

	private static final Map<String, Shape> SHAPES = load();

	private RegionShapes() {
	}

	static Shape of(String region) {
		Shape s = SHAPES.get(region);
		if (s == null) {
			throw new IllegalArgumentException("region " + region + " has no outline on the map");
		}
		return s;
	}

	static Map<String, Shape> all() {
		return SHAPES;
	}

	private static Map<String, Shape> load() {
		Map<String, Path2D> outlines = new LinkedHashMap<>();
		Map<String, Point2D> labels = new LinkedHashMap<>();
		Map<String, Rectangle2D> insets = new LinkedHashMap<>();
		try (InputStream in = RegionShapes.class.getResourceAsStream("/referential/region-map.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] f = line.split(";");
				switch (f[0]) {
					case "inset" -> insets.put(f[1],
							new Rectangle2D.Double(number(f[2]), number(f[3]), number(f[4]), number(f[5])));
					case "label" -> labels.put(f[1], new Point2D.Double(number(f[2]), number(f[3])));
					case "ring" ->
						ring(outlines.computeIfAbsent(f[1], r -> new Path2D.Double(Path2D.WIND_EVEN_ODD)), f[2]);
					default -> {
						// comments
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the map's outlines: " + ex.getMessage(), ex);
		}
		Map<String, Shape> shapes = new LinkedHashMap<>();
		outlines.forEach(
				(region, outline) -> shapes.put(region, new Shape(outline, labels.get(region), insets.get(region))));
		return Map.copyOf(shapes);
	}

	private static void ring(Path2D path, String points) {
		String[] xy = points.split("[ ,]");
		path.moveTo(number(xy[0]), number(xy[1]));
		for (int i = 2; i < xy.length; i += 2) {
			path.lineTo(number(xy[i]), number(xy[i + 1]));
		}
		path.closePath();
	}

	private static double number(String s) {
		return Double.parseDouble(s);
	}

}
