package fr.ptce.observatory.aggregate;

import java.util.Arrays;

/**
 * Methodology section 5: the trend of a cell over its published points (years ascending,
 * totals), by the compound annual growth rate, the Theil–Sen slope and the Mann–Kendall
 * test.
 *
 * @param mkS null with fewer than 2 points
 * @param direction hausse, baisse, stable, or null with fewer than 4 points
 */
public record TrendMeasures(Integer firstYear, Integer lastYear, int nPoints, Integer mkS, Double cagrPct,
		Double theilSenSlope, Double mkZ, Double mkP, String direction) {

	/** Below this two-sided p-value a monotonic trend is called a rise or a fall. */
	public static final double SIGNIFICANCE = 0.05;

	/**
	 * @param years the years of the published points, ascending
	 * @param totals their totals
	 */
	public static TrendMeasures of(int[] years, double[] totals) {
		int n = years.length;
		if (n == 0) {
			return new TrendMeasures(null, null, 0, null, null, null, null, null, null);
		}
		if (n < 2) {
			return new TrendMeasures(years[0], years[0], 1, null, null, null, null, null, null);
		}
		Double cagr = null;
		double first = totals[0];
		double last = totals[n - 1];
		if (first > 0) {
			double value = (Math.pow(last / first, 1.0 / (years[n - 1] - years[0])) - 1) * 100;
			cagr = Double.isFinite(value) ? value : null;
		}
		double[] slopes = new double[n * (n - 1) / 2];
		int k = 0;
		int s = 0;
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				slopes[k++] = (totals[j] - totals[i]) / (years[j] - years[i]);
				s += Double.compare(totals[j], totals[i]) > 0 ? 1 : totals[j] == totals[i] ? 0 : -1;
			}
		}
		Arrays.sort(slopes);
		double slope = Quantiles.median(slopes, slopes.length);
		double variance = varianceOfS(totals);
		double z;
		if (variance <= 0 || s == 0) {
			z = 0;
		}
		else if (s > 0) {
			z = (s - 1) / Math.sqrt(variance);
		}
		else {
			z = (s + 1) / Math.sqrt(variance);
		}
		double p = NormalDistribution.twoSidedP(z);
		String direction = null;
		if (n >= 4) {
			direction = p < SIGNIFICANCE && s > 0 ? "hausse" : p < SIGNIFICANCE && s < 0 ? "baisse" : "stable";
		}
		return new TrendMeasures(years[0], years[n - 1], n, s, cagr, slope, z, p, direction);
	}

	/**
	 * Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18, t over the sizes of groups of tied
	 * totals.
	 */
	static double varianceOfS(double[] totals) {
		int n = totals.length;
		double[] sorted = totals.clone();
		Arrays.sort(sorted);
		double ties = 0;
		int i = 0;
		while (i < n) {
			int j = i;
			while (j + 1 < n && sorted[j + 1] == sorted[i]) {
				j++;
			}
			long t = j - i + 1;
			ties += t * (t - 1) * (2 * t + 5);
			i = j + 1;
		}
		return ((double) n * (n - 1) * (2 * n + 5) - ties) / 18.0;
	}

}
