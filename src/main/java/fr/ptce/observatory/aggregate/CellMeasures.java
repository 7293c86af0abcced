package fr.ptce.observatory.aggregate;

import java.util.Arrays;

/**
 * Methodology section 3: the measures of a cell from the yearly values of its respondents
 * (for a ratio, the pole ratios, with the cell's total the ratio of the summed numerators
 * and denominators, never a mean of ratios).
 */
public final class CellMeasures {

	private CellMeasures() {
	}

	/**
	 * Sets n_respondents, total, mean, the largest value and, with at least 10 values,
	 * median, p25 and p75 from the first {@code n} values. The array is sorted in place.
	 */
	public static void measure(Cell cell, double[] values, int n) {
		cell.nRespondents = n;
		if (n == 0) {
			return;
		}
		double sum = 0;
		for (int i = 0; i < n; i++) {
			sum += values[i];
		}
		Arrays.sort(values, 0, n);
		cell.total = sum;
		cell.mean = sum / n;
		if (n >= Confidentiality.MIN_RESPONDENTS_FOR_QUANTILES) {
			cell.median = Quantiles.type7(values, n, 0.5);
			cell.p25 = Quantiles.type7(values, n, 0.25);
			cell.p75 = Quantiles.type7(values, n, 0.75);
		}
		cell.max = values[n - 1];
	}

	/**
	 * The same from {@code n} values already in ascending order, starting at
	 * {@code from}: the hot path, where the respondents of every cell come out sorted
	 * from one sort per indicator.
	 */
	public static void measureSorted(Cell cell, double[] sorted, int from, int n) {
		cell.nRespondents = n;
		if (n == 0) {
			return;
		}
		double sum = 0;
		for (int i = from; i < from + n; i++) {
			sum += sorted[i];
		}
		cell.total = sum;
		cell.mean = sum / n;
		// section 4, Order statistics: the quantiles of few values are those values
		if (n >= Confidentiality.MIN_RESPONDENTS_FOR_QUANTILES) {
			cell.median = Quantiles.type7(sorted, from, n, 0.5);
			cell.p25 = Quantiles.type7(sorted, from, n, 0.25);
			cell.p75 = Quantiles.type7(sorted, from, n, 0.75);
		}
		cell.max = sorted[from + n - 1];
	}

	/**
	 * A ratio cell: the statistics of the pole ratios, and as total Σ numerator / Σ
	 * denominator × 100 over the same poles.
	 */
	public static void measureRatio(Cell cell, double[] ratios, int n, double sumNumerator, double sumDenominator) {
		measure(cell, ratios, n);
		cell.total = n == 0 || sumDenominator <= 0 ? Double.NaN : sumNumerator / sumDenominator * 100;
	}

	/**
	 * Pole ratio of section 2, NaN unless both parts exist and the denominator is > 0.
	 */
	public static double poleRatio(double numerator, double denominator) {
		if (Double.isNaN(numerator) || Double.isNaN(denominator) || !(denominator > 0)) {
			return Double.NaN;
		}
		return numerator / denominator * 100;
	}

	/**
	 * JOBS_FTE per 10,000 inhabitants of the area; NaN when the population is unknown.
	 */
	public static double density(double total, long population) {
		return population > 0 ? total / population * 10_000 : Double.NaN;
	}

	/**
	 * (total_Y − total_Y−1) / total_Y−1 × 100, or for a ratio the change in percentage
	 * points.
	 */
	public static double change(double current, double previous, boolean ratio) {
		if (Double.isNaN(current) || Double.isNaN(previous)) {
			return Double.NaN;
		}
		if (ratio) {
			return current - previous;
		}
		return previous == 0 ? Double.NaN : (current - previous) / previous * 100;
	}

}
