package fr.ptce.observatory.samples;

import java.util.List;

/**
 * The "true" figures of one pole, year by year, from which its submissions are written:
 * about 15 member organisations, tens of FTE jobs, a budget of hundreds of thousands to
 * millions of euros of which about 40 % public funding, drifting a little every year. The
 * figures are internally consistent: the member categories add up to at most the total,
 * voters are at most the members, quarterly flows add up to the year, and no value moves
 * by more than a factor of about 1.5 from one year to the next (so that only the
 * deliberate cases raise SUSPICIOUS_JUMP).
 *
 * Values are held as whole numbers at the scale of {@link #scale}: euros, counts and
 * hours as integers, FTE and tonnes in tenths.
 */
final class Figures {

	/** The indicators of the catalogue (indicators.csv), in its order. */
	static final List<String> CODES = List.of("MEMBERS_TOTAL", "MEMBERS_ESS", "MEMBERS_PRIVATE", "MEMBERS_PUBLIC",
			"MEMBERS_RESEARCH", "PROJECTS_ACTIVE", "JOBS_FTE", "JOBS_CREATED", "JOBS_INSERTION", "TRAINING_HOURS",
			"VOLUNTEERS", "GOV_MEETINGS", "GOV_VOTERS", "TURNOVER", "PUBLIC_FUNDING", "OWN_REVENUE", "WASTE_AVOIDED");

	static final List<String> FLOWS = List.of("JOBS_CREATED", "TRAINING_HOURS", "GOV_MEETINGS", "TURNOVER",
			"PUBLIC_FUNDING", "OWN_REVENUE", "WASTE_AVOIDED");

	static final List<String> EUROS = List.of("TURNOVER", "PUBLIC_FUNDING", "OWN_REVENUE");

	static final List<String> MEMBERS = List.of("MEMBERS_TOTAL", "MEMBERS_ESS", "MEMBERS_PRIVATE", "MEMBERS_PUBLIC",
			"MEMBERS_RESEARCH", "GOV_VOTERS");

	private static final int TOTAL = 0, ESS = 1, PRIVATE = 2, PUBLIC = 3, RESEARCH = 4, PROJECTS = 5, FTE = 6,
			CREATED = 7, INSERTION = 8, TRAINING = 9, VOLUNTEERS = 10, MEETINGS = 11, VOTERS = 12, TURNOVER = 13,
			FUNDING = 14, REVENUE = 15, WASTE = 16;

	private final int firstYear;

	private final long[][] annual;

	private final int[] switchQuarter;

	private final double[][][] weights;

	private final long euroStep;

	/**
	 * @param firstYear first year computed (the year before the first reported one, for
	 * quarterly stocks)
	 * @param lastYear last year computed
	 * @param euroStep euro amounts are multiples of it (100 for poles that write k€)
	 */
	Figures(Rng rng, String theme, boolean giant, int firstYear, int lastYear, long euroStep) {
		this.firstYear = firstYear;
		this.euroStep = euroStep;
		int years = lastYear - firstYear + 1;
		this.annual = new long[years][CODES.size()];
		this.switchQuarter = new int[years];
		this.weights = new double[years][CODES.size()][];

		double fte = giant ? rng.uniform(600, 900)
				: clamp(StrictMath.exp(rng.gaussian(StrictMath.log(28), 0.5)), 6, 220);
		int members = giant ? rng.between(60, 120)
				: (int) clamp(Math.round(StrictMath.exp(rng.gaussian(StrictMath.log(15), 0.3))), 6, 45);
		double ess = rng.uniform(0.45, 0.75);
		double priv = rng.uniform(0.05, 0.2);
		double pub = rng.uniform(0.05, 0.15);
		double research = rng.chance(0.6) ? rng.uniform(0.02, 0.1) : 0;
		double projects = rng.uniform(0.3, 0.8);
		double created = rng.uniform(0.04, 0.14);
		double insertion = theme.equals("EMPLOI_INSERTION") ? rng.uniform(0.4, 0.8)
				: rng.chance(0.5) ? rng.uniform(0.02, 0.15) : 0;
		double training = rng.uniform(8, 40);
		double volunteers = rng.uniform(1.5, 10);
		double meetings = rng.uniform(4, 12);
		double voters = rng.uniform(0.55, 0.95);
		double budgetPerFte = rng.uniform(35_000, 55_000);
		double publicShare = clamp(rng.gaussian(0.4, 0.1), 0.15, 0.7);
		double turnover = rng.uniform(0.8, 1.4);
		double waste = switch (theme) {
			case "ECONOMIE_CIRCULAIRE" -> rng.uniform(20, 80);
			case "ALIMENTATION" -> rng.uniform(1, 5);
			default -> rng.uniform(0.05, 0.5);
		};

		for (int i = 0; i < years; i++) {
			if (i > 0) {
				fte *= clamp(StrictMath.exp(rng.gaussian(0.03, 0.06)), 0.85, 1.25);
				members = (int) clamp(members + Math.round(clamp(rng.gaussian(0.5, 1.0), -2, 3)), 5, 5000);
				ess = clamp(ess + rng.gaussian(0, 0.01), 0.3, 0.85);
				voters = clamp(voters + rng.gaussian(0, 0.02), 0.4, 0.98);
				publicShare = clamp(publicShare + rng.gaussian(0, 0.025), 0.15, 0.75);
			}
			double shares = ess + priv + pub + research;
			double norm = shares > 0.97 ? 0.97 / shares : 1;
			long[] v = annual[i];
			v[TOTAL] = members;
			v[ESS] = (long) StrictMath.floor(members * ess * norm);
			v[PRIVATE] = (long) StrictMath.floor(members * priv * norm);
			v[PUBLIC] = (long) StrictMath.floor(members * pub * norm);
			v[RESEARCH] = (long) StrictMath.floor(members * research * norm);
			v[PROJECTS] = Math.max(1, Math.round(members * projects * noise(rng)));
			v[FTE] = Math.round(fte * 10);
			v[CREATED] = Math.round(fte * created * noise(rng) * 10);
			v[INSERTION] = Math.round(fte * insertion * noise(rng));
			v[TRAINING] = Math.round(fte * training * noise(rng));
			v[VOLUNTEERS] = Math.round(members * volunteers * noise(rng));
			v[MEETINGS] = clamp(Math.round(meetings * noise(rng)), 2, 40);
			v[VOTERS] = (long) StrictMath.floor(members * voters);
			double budget = fte * budgetPerFte * noise(rng);
			v[FUNDING] = euros(budget * publicShare);
			v[REVENUE] = euros(budget * (1 - publicShare));
			v[TURNOVER] = euros(v[REVENUE] * turnover * noise(rng));
			v[WASTE] = Math.round(fte * waste * noise(rng) * 10);
			switchQuarter[i] = rng.between(1, 4);
			for (String flow : FLOWS) {
				double[] w = new double[4];
				double sum = 0;
				for (int q = 0; q < 4; q++) {
					w[q] = 0.25 + rng.uniform(-0.06, 0.06);
					sum += w[q];
				}
				for (int q = 0; q < 4; q++) {
					w[q] /= sum;
				}
				weights[i][CODES.indexOf(flow)] = w;
			}
		}
	}

	private static double noise(Rng rng) {
		return clamp(StrictMath.exp(rng.gaussian(0, 0.04)), 0.9, 1.1);
	}

	private long euros(double amount) {
		return Math.round(amount / euroStep) * euroStep;
	}

	private static double clamp(double x, double low, double high) {
		return Math.max(low, Math.min(high, x));
	}

	private static long clamp(long x, long low, long high) {
		return Math.max(low, Math.min(high, x));
	}

	/**
	 * Decimals of the unscaled values of an indicator: FTE and tonnes in tenths, the rest
	 * whole.
	 */
	static int scale(String code) {
		return switch (code) {
			case "JOBS_FTE", "JOBS_CREATED", "WASTE_AVOIDED" -> 1;
			default -> 0;
		};
	}

	static boolean isFlow(String code) {
		return FLOWS.contains(code);
	}

	/** The yearly value of an indicator. */
	long year(int year, String code) {
		return annual[year - firstYear][CODES.indexOf(code)];
	}

	/**
	 * The value reported for a quarter: a stock is the level at the quarter's end (the
	 * previous year's level until the quarter of this year's change, so that each quarter
	 * is a consistent snapshot); a flow is the quarter's share of the year, the four
	 * quarters adding up exactly to the year.
	 */
	long quarter(int year, int quarter, String code) {
		int i = year - firstYear;
		int index = CODES.indexOf(code);
		if (!isFlow(code)) {
			int snapshot = (quarter < switchQuarter[i] && i > 0) ? i - 1 : i;
			return annual[snapshot][index];
		}
		long total = annual[i][index];
		long step = EUROS.contains(code) ? euroStep : 1;
		double[] w = weights[i][index];
		double cumulative = 0;
		long before = 0;
		long upTo = 0;
		for (int q = 1; q <= quarter; q++) {
			cumulative += w[q - 1];
			before = upTo;
			upTo = q == 4 ? total : Math.round(total * cumulative / step) * step;
		}
		return upTo - before;
	}

}
