package fr.ptce.observatory.publish;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each of the 18 regions sits on the tile-grid map: no openly licensed boundary
 * file can be fetched where the publication is built, so each region is one square tile,
 * the 13 of metropolitan France on a grid that keeps their neighbours (north at the top;
 * the south-western and south-eastern rows shifted by half a tile, Corsica off the
 * coast), the 5 overseas regions as insets in a column of their own.
 */
final class RegionTiles {

	/**
	 * A region's tile: grid column and row (tile units, may be halves), and whether it is
	 * an overseas inset.
	 */
	record Tile(double column, double row, boolean overseas) {
	}

	static final Map<String, Tile> TILES = new LinkedHashMap<>();

	static {
		// overseas insets, top to bottom in INSEE code order
		TILES.put("01", new Tile(0, 0, true));
		TILES.put("02", new Tile(0, 1, true));
		TILES.put("03", new Tile(0, 2, true));
		TILES.put("04", new Tile(0, 3, true));
		TILES.put("06", new Tile(0, 4, true));
		TILES.put("32", new Tile(2, 0, false));
		TILES.put("28", new Tile(1, 1, false));
		TILES.put("11", new Tile(2, 1, false));
		TILES.put("44", new Tile(3, 1, false));
		TILES.put("53", new Tile(0, 2, false));
		TILES.put("52", new Tile(1, 2, false));
		TILES.put("24", new Tile(2, 2, false));
		TILES.put("27", new Tile(3, 2, false));
		TILES.put("75", new Tile(1.5, 3, false));
		TILES.put("84", new Tile(2.5, 3, false));
		TILES.put("76", new Tile(1.5, 4, false));
		TILES.put("93", new Tile(2.5, 4, false));
		TILES.put("94", new Tile(3.75, 4.25, false));
	}

	private RegionTiles() {
	}

	static Tile of(String region) {
		Tile t = TILES.get(region);
		if (t == null) {
			throw new IllegalArgumentException("region " + region + " has no tile on the map");
		}
		return t;
	}

}
