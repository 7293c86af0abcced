package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.ptce.observatory.referential.GeoReferential;

/**
 * The map's rules (outlines, classes, entries, alternative text) and its drawing, read
 * back pixel by pixel.
 */
class DensityMapTest {

	@Test
	void everyReportedRegionHasItsOutlineWithItsValueInsideItAndNoneOverlapsTheLegend() {
		assertThat(RegionShapes.all()).hasSize(18);
		for (GeoReferential.Region r : PublicationFixture.GEO.reportedRegions()) {
			RegionShapes.Shape shape = RegionShapes.of(r.code());
			assertThat(shape.inset() != null).as(r.name()).isEqualTo("drom".equals(r.zone()));
			Rectangle2D bounds = shape.outline().getBounds2D();
			assertThat(bounds.getMinX()).as(r.name()).isGreaterThan(0);
			assertThat(bounds.getMinY()).as(r.name()).isGreaterThan(0);
			assertThat(bounds.getMaxX()).as(r.name()).isLessThan(400);
			assertThat(bounds.getMaxY()).as(r.name()).isLessThan(RegionMap.HEIGHT);
			if (shape.inset() != null) {
				assertThat(shape.inset().contains(bounds)).as(r.name()).isTrue();
			}
			else {
				// the value is printed inside its region, and inside no other
				assertThat(shape.outline().contains(shape.label())).as(r.name()).isTrue();
				RegionShapes.all()
					.forEach((other, o) -> assertThat(!other.equals(r.code()) && o.outline().contains(shape.label()))
						.as(r.name() + " in " + other)
						.isFalse());
			}
		}
		assertThat(RegionShapes.ATTRIBUTION).contains("IGN").contains("Licence Ouverte");
	}

	@Test
	void classesAreSetAgainstTheNationalDensityAsPrinted() {
		// France 1.26 → bounds 0.6, 1.3, 1.9 (half, equal, one and a half, each rounded
		// to one decimal)
		DensityClasses classes = new DensityClasses(1.264);
		assertThat(classes.labels()).containsExactly("moins de 0,6", "0,6 à moins de 1,3", "1,3 à moins de 1,9",
				"1,9 ou plus");
		assertThat(classes.classOf(0.47)).isZero();
		assertThat(classes.classOf(0.63)).isEqualTo(1);
		// printed 1,3 like France: in the class that starts at France's value
		assertThat(classes.classOf(1.251)).isEqualTo(2);
		assertThat(classes.classOf(1.683)).isEqualTo(2);
		assertThat(classes.classOf(1.9)).isEqualTo(3);
	}

	@Test
	void theMapHatchesSecretRegionsAndSaysEveryValueInWords(@TempDir Path root) {
		PublicationData data = PublicationData.load(PublicationFixture.dataDirectoryWithFixture(root),
				PublicationFixture.YEAR);
		PublicationContent content = new PublicationContent(PublicationFixture.CATALOGUE, PublicationFixture.GEO);
		Section map = DensityMap.section(data, content.regionAreas(), "31 mars 2026");
		RegionMap drawing = (RegionMap) map.graphic();
		assertThat(drawing.entries()).hasSize(18);
		// Corsica is A in the fixture: hatched, printed s; the others (102,9 against
		// France's 4,5) in the top class
		RegionMap.Entry corse = drawing.entries()
			.stream()
			.filter(e -> e.region().equals("94"))
			.findFirst()
			.orElseThrow();
		assertThat(corse.value()).isEqualTo("s");
		assertThat(corse.shade()).isEqualTo(DensityClasses.SECRET);
		assertThat(drawing.entries()).filteredOn(e -> !e.region().equals("94"))
			.allSatisfy(e -> assertThat(e.shade()).isEqualTo(3));
		assertThat(map.alternativeText()).startsWith("Carte des 18 régions")
			.contains("France : 4,5")
			.contains("Île-de-France : 102,9")
			.contains("Corse : secret statistique")
			.contains("Mayotte : 102,9");
		// its own source and scope, printed in place of the report's generic lines
		assertThat(map.caption().source()).startsWith("Observatoire national des PTCE").contains("population");
		assertThat(map.caption().scope()).startsWith("emplois (ETP) portés par les pôles répondants en 2025");
		assertThat(map.note()).contains("Classes fixées").contains(RegionShapes.ATTRIBUTION).doesNotContain("Source");
		// drawn: a published region in its class's blue, the secret one white with grey
		// hatching
		BufferedImage image = new BufferedImage((int) RegionMap.WIDTH, (int) RegionMap.HEIGHT,
				BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		drawing.render(null, g, new Rectangle2D.Double(0, 0, RegionMap.WIDTH, RegionMap.HEIGHT));
		g.dispose();
		for (String region : List.of("11", "75", "03")) {
			Point2D p = interior(RegionShapes.of(region));
			assertThat(new Color(image.getRGB((int) p.getX(), (int) p.getY()))).as(region)
				.isEqualTo(RegionMap.SHADES[3]);
		}
		RegionShapes.Shape corsica = RegionShapes.of("94");
		Point2D inside = interior(corsica);
		List<Integer> colours = new ArrayList<>();
		Rectangle2D bounds = corsica.outline().getBounds2D();
		for (int x = (int) bounds.getMinX(); x < bounds.getMaxX(); x++) {
			if (corsica.outline().contains(x + 0.5, inside.getY())) {
				colours.add(image.getRGB(x, (int) inside.getY()) & 0xFFFFFF);
			}
		}
		assertThat(colours).contains(0xFFFFFF).anySatisfy(c -> assertThat(c).isNotEqualTo(0xFFFFFF));
		assertThat(colours).doesNotContain(RegionMap.SHADES[3].getRGB() & 0xFFFFFF);
	}

	/**
	 * A pixel well inside a region (its 7 × 7 neighbours inside too), away from its
	 * printed value.
	 */
	private static Point2D interior(RegionShapes.Shape shape) {
		Rectangle2D b = shape.outline().getBounds2D();
		for (int y = (int) b.getMinY(); y < b.getMaxY(); y++) {
			for (int x = (int) b.getMinX(); x < b.getMaxX(); x++) {
				boolean clear = shape.label() == null || Math.abs(y + 0.5 - shape.label().getY()) > 8;
				if (clear && shape.outline().contains(new Rectangle2D.Double(x - 3, y - 3, 7, 7))) {
					return new Point2D.Double(x + 0.5, y + 0.5);
				}
			}
		}
		throw new AssertionError("no interior point in " + b);
	}

}
