package fr.ptce.observatory.aggregate;

/**
 * Methodology section 1: the yearly value of a pole from its current observations of one
 * year, where an observation with status M counts as absent (callers pass NaN for it).
 */
public final class Annualisation {

	private Annualisation() {
	}

	/**
	 * @param flow true for a flow indicator (quarters add up), false for a stock (the
	 * latest quarter stands)
	 * @param annual the current annual value, NaN when absent
	 * @param quarters the current values of quarters 1..4 (index 0..3), NaN when absent
	 * @return the yearly value, or null when the pole is a non-respondent for the
	 * indicator and year
	 */
	public static YearlyValue yearlyValue(boolean flow, double annual, double[] quarters) {
		// an annual observation wins over any quarter
		if (!Double.isNaN(annual)) {
			return new YearlyValue(annual, false, 0);
		}
		int n = 0;
		double sum = 0;
		double latest = Double.NaN;
		for (int q = 0; q < 4; q++) {
			if (!Double.isNaN(quarters[q])) {
				n++;
				sum += quarters[q];
				latest = quarters[q];
			}
		}
		if (n == 0) {
			return null;
		}
		if (!flow) {
			// a stock is a level at a date: the latest quarter present is the year's
			// level
			return new YearlyValue(latest, false, n);
		}
		if (n == 4) {
			return new YearlyValue(sum, false, 4);
		}
		if (n >= 2) {
			// two or three quarters: scaled to four, and marked as imputed
			return new YearlyValue(sum * 4 / n, true, n);
		}
		return null;
	}

}
