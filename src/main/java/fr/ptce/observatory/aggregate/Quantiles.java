package fr.ptce.observatory.aggregate;

/**
 * Quantiles by linear interpolation between closest ranks (numpy's default, R type 7), as
 * methodology section 3 requires for median, p25 and p75.
 */
public final class Quantiles {

	private Quantiles() {
	}

	/**
	 * @param sorted values in ascending order, the first {@code n} of the array
	 * @param p the probability, 0..1
	 * @return the type-7 quantile, NaN when n is 0
	 */
	public static double type7(double[] sorted, int n, double p) {
		return type7(sorted, 0, n, p);
	}

	/** The same over {@code n} sorted values starting at {@code from}. */
	public static double type7(double[] sorted, int from, int n, double p) {
		if (n == 0) {
			return Double.NaN;
		}
		double h = (n - 1) * p;
		int lo = (int) Math.floor(h);
		if (lo >= n - 1) {
			return sorted[from + n - 1];
		}
		double fraction = h - lo;
		return sorted[from + lo] + fraction * (sorted[from + lo + 1] - sorted[from + lo]);
	}

	public static double median(double[] sorted, int n) {
		return type7(sorted, n, 0.5);
	}

}
