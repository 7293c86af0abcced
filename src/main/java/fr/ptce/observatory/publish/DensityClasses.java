package fr.ptce.observatory.publish;

import java.util.List;

/**
 * The shading of the map: four classes of jobs density set against the national density,
 * so that the map reads like the findings ("above or below France"): under half of it,
 * from half to the national density, from it to one and a half times it, above. Bounds
 * and densities are compared as printed (one decimal), so that a region printed with
 * France's value is in the class that starts there.
 */
final class DensityClasses {

	/** The bounds of the classes as multiples of the national density. */
	static final double[] MULTIPLES = { 0.5, 1.0, 1.5 };

	/** Class of a confidential density (hatched). */
	static final int SECRET = -1;

	/** Class of an area with no figure at all (no cell, or no population). */
	static final int MISSING = -2;

	private final double[] bounds = new double[MULTIPLES.length];

	DensityClasses(double national) {
		for (int i = 0; i < MULTIPLES.length; i++) {
			bounds[i] = rounded(national * MULTIPLES[i]);
		}
	}

	/** Class 0 to 3 of a printed density. */
	int classOf(double density) {
		double v = rounded(density);
		int c = 0;
		while (c < bounds.length && v >= bounds[c]) {
			c++;
		}
		return c;
	}

	/** The legend's labels of the four classes, as French prints them. */
	List<String> labels() {
		return List.of("moins de " + printed(bounds[0]), printed(bounds[0]) + " à moins de " + printed(bounds[1]),
				printed(bounds[1]) + " à moins de " + printed(bounds[2]), printed(bounds[2]) + " ou plus");
	}

	private static String printed(double v) {
		return FrenchFormat.number(v, 1);
	}

	static double rounded(double v) {
		return Math.round(v * 10) / 10.0;
	}

}
