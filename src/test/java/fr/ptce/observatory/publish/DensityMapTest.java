package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.ptce.observatory.referential.GeoReferential;

/**
 * The map's rules (tiles, classes, entries, alternative text) and its drawing, read back
 * pixel by pixel.
 */
class DensityMapTest {

	@Test
	void everyReportedRegionHasATileAndNoTwoTilesOverlap() {
		List<Rectangle2D> tiles = new ArrayList<>();
		for (GeoReferential.Region r : PublicationFixture.GEO.reportedRegions()) {
			RegionTiles.Tile t = RegionTiles.of(r.code());
			assertThat(t.overseas()).as(r.name()).isEqualTo("drom".equals(r.zone()));
			tiles.add(TileMap.tileBounds(t));
		}
		assertThat(tiles).hasSize(18);
		for (int i = 0; i < tiles.size(); i++) {
			for (int j = i + 1; j < tiles.size(); j++) {
				assertThat(tiles.get(i).intersects(tiles.get(j))).as(i + " and " + j).isFalse();
			}
			assertThat(tiles.get(i).getMaxX()).isLessThan(TileMap.WIDTH);
			assertThat(tiles.get(i).getMaxY()).isLessThan(TileMap.HEIGHT);
		}
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
		TileMap drawing = (TileMap) map.graphic();
		assertThat(drawing.entries()).hasSize(18);
		// Corsica is A in the fixture: hatched, printed s; the others (102,9 against
		// France's 4,5) in the top class
		TileMap.Entry corse = drawing.entries().stream().filter(e -> e.region().equals("94")).findFirst().orElseThrow();
		assertThat(corse.value()).isEqualTo("s");
		assertThat(corse.shade()).isEqualTo(DensityClasses.SECRET);
		assertThat(drawing.entries()).filteredOn(e -> !e.region().equals("94"))
			.allSatisfy(e -> assertThat(e.shade()).isEqualTo(3));
		assertThat(map.alternativeText()).startsWith("Carte des 18 régions")
			.contains("France : 4,5")
			.contains("Île-de-France : 102,9")
			.contains("Corse : secret statistique")
			.contains("Mayotte : 102,9");
		assertThat(map.note()).contains("Source : observatoire national des PTCE").contains("Champ : emplois (ETP)");
		// drawn: a published tile in its class's blue, the secret one white with grey
		// hatching
		BufferedImage image = new BufferedImage((int) TileMap.WIDTH, (int) TileMap.HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		drawing.render(null, g, new Rectangle2D.Double(0, 0, TileMap.WIDTH, TileMap.HEIGHT));
		g.dispose();
		Rectangle2D idf = TileMap.tileBounds(RegionTiles.of("11"));
		assertThat(new Color(image.getRGB((int) idf.getX() + 3, (int) idf.getCenterY()))).isEqualTo(TileMap.SHADES[3]);
		Rectangle2D corsica = TileMap.tileBounds(RegionTiles.of("94"));
		List<Integer> colours = new ArrayList<>();
		for (int x = (int) corsica.getX() + 2; x < corsica.getX() + 20; x++) {
			colours.add(image.getRGB(x, (int) corsica.getCenterY()) & 0xFFFFFF);
		}
		assertThat(colours).contains(0xFFFFFF).anySatisfy(c -> assertThat(c).isNotEqualTo(0xFFFFFF));
		assertThat(colours).doesNotContain(TileMap.SHADES[3].getRGB() & 0xFFFFFF);
	}

}
