package fr.ptce.observatory.aggregate;

/**
 * The standard normal distribution function Φ through the complementary error function,
 * accurate to about 1e-15 (p-values of the Mann–Kendall test are published figure by
 * figure): a positive-term series of erf below 1, the continued fraction of erfc above,
 * where each is exact to double precision in a few dozen terms.
 */
public final class NormalDistribution {

	private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

	private static final double ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);

	/**
	 * Below 1 the series, above the continued fraction: both within 2e-15 relative there.
	 */
	private static final double SERIES_LIMIT = 1.0;

	private NormalDistribution() {
	}

	/** erfc(x) = 1 − erf(x). */
	public static double erfc(double x) {
		if (Double.isNaN(x)) {
			return Double.NaN;
		}
		if (x < 0) {
			return 2 - erfc(-x);
		}
		if (x < SERIES_LIMIT) {
			return 1 - erfSeries(x);
		}
		if (x > 27) {
			return 0;
		}
		return erfcContinuedFraction(x);
	}

	/**
	 * erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)): all terms positive, no
	 * cancellation.
	 */
	private static double erfSeries(double x) {
		double x2 = x * x;
		double term = x;
		double sum = x;
		for (int n = 1; n < 200; n++) {
			term *= 2 * x2 / (2 * n + 1);
			sum += term;
			if (term < sum * 1e-17) {
				break;
			}
		}
		return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
	}

	/**
	 * erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated
	 * by the modified Lentz method.
	 */
	private static double erfcContinuedFraction(double x) {
		double tiny = 1e-300;
		double f = x;
		double c = x;
		double d = 0;
		for (int k = 1; k < 20000; k++) {
			double a = k / 2.0;
			d = x + a * d;
			d = d == 0 ? tiny : d;
			c = x + a / c;
			c = c == 0 ? tiny : c;
			d = 1 / d;
			double delta = c * d;
			f *= delta;
			if (Math.abs(delta - 1) < 1e-16) {
				break;
			}
		}
		return ONE_OVER_SQRT_PI * Math.exp(-x * x) / f;
	}

	/** Φ(z), the probability that a standard normal variable is at most z. */
	public static double cdf(double z) {
		return 0.5 * erfc(-z / Math.sqrt(2));
	}

	/**
	 * 2 × (1 − Φ(|z|)), computed as erfc(|z|/√2) so that small p-values keep their
	 * precision.
	 */
	public static double twoSidedP(double z) {
		return erfc(Math.abs(z) / Math.sqrt(2));
	}

}
