package fr.ptce.observatory.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

import fr.ptce.observatory.referential.Levels;

/**
 * The audit of methodology section 4, for one (year, indicator that is not a ratio),
 * after primary and secondary suppression: can a protected pole's value be derived by
 * combining published cells (networks overlap, levels nest)? The unknowns are the
 * protected respondents' values x ≥ 0; each published cell gives the equation "its total
 * minus its consenting respondents' known values = Σ of its protected respondents' x". A
 * protected pole of value v is <b>exposed</b> when the least and greatest x_p the
 * equations allow differ by at most 0.2 × v + 10⁻⁶ × max(1, v). While a pole is exposed,
 * the published cell with the fewest respondents among those of the exposed pole with the
 * smallest pole_id becomes D (ties: network, theme, departement, region, national, then
 * the lowest area code), and the audit runs again.
 * <p>
 * How it stays fast without changing any verdict:
 * <ul>
 * <li>a pole in no published cell is unconstrained, so never exposed, and is no
 * unknown;</li>
 * <li>protected poles in exactly the same published cells form a class, one unknown
 * (their sum): any split of the class's sum among its members is possible, so a member's
 * least value is 0 and its greatest the class's;</li>
 * <li>every solution found is a feasible point: a pole whose values seen in feasible
 * points (its true value first) already differ by more than the threshold is not exposed,
 * and needs no linear program of its own; programs over the sum of all the undecided
 * poles give many such points at once;</li>
 * <li>bounds propagated through the equations hold in every solution: a pole they pin
 * within the threshold is exposed without a program (a zero in a cell whose protected
 * total is 0, a pole left alone by a subtraction);</li>
 * <li>suppressing a cell removes an equation, which only widens every range: a pole found
 * not exposed stays so, and the next round audits only the poles exposed in this
 * one.</li>
 * </ul>
 */
public final class ConfidentialityAudit {

	/** Share of a value within which knowing it counts as exposing it (±10 %). */
	public static final double EXPOSURE_SHARE = 0.2;

	/** Slack for rounding, relative to max(1, v). */
	public static final double ROUNDING = 1e-6;

	/**
	 * Level order for ties between cells of equal respondents: the smallest areas go
	 * first.
	 */
	private static final List<String> TIE_ORDER = List.of(Levels.NETWORK, Levels.THEME, Levels.DEPARTEMENT,
			Levels.REGION, Levels.NATIONAL);

	/** A cell the audit made D, and the protected pole it protects. */
	public record Suppression(int round, String level, String area, int nRespondents, String poleId) {
	}

	/**
	 * What the audit of one (year, indicator) found.
	 *
	 * @param protectedRespondents respondents without open-data consent
	 * @param polesAudited protected respondents constrained by at least one published
	 * cell at the start
	 * @param polesExposed poles exposed before any suppression by the audit
	 * @param linearPrograms linear programs solved
	 */
	public record Result(String indicator, int protectedRespondents, int polesAudited, int polesExposed,
			List<Suppression> suppressions, int linearPrograms) {
	}

	private final List<Cell> cells;

	private final IntToDoubleFunction valueOf;

	private final boolean[] isProtected;

	private final String[] poleIds;

	/**
	 * Values seen for each pole in feasible points so far (pole index → [least,
	 * greatest]).
	 */
	private final Map<Integer, double[]> seen = new HashMap<>();

	private int linearPrograms;

	private ConfidentialityAudit(List<Cell> cells, IntToDoubleFunction valueOf, boolean[] isProtected,
			String[] poleIds) {
		this.cells = cells;
		this.valueOf = valueOf;
		this.isProtected = isProtected;
		this.poleIds = poleIds;
	}

	/**
	 * Audits the cells of one (year, indicator), making D the cells the rule says, and
	 * tells what it found.
	 * @param valueOf the yearly value of a pole (by registry index) for the indicator
	 * @param isProtected by registry index, whether the pole is without open-data consent
	 * @param poleIds by registry index, the pole_id (the order in which exposed poles are
	 * protected)
	 */
	public static Result audit(List<Cell> cells, IntToDoubleFunction valueOf, boolean[] isProtected, String[] poleIds) {
		return new ConfidentialityAudit(cells, valueOf, isProtected, poleIds).run();
	}

	private Result run() {
		String indicator = cells.isEmpty() ? null : cells.get(0).indicator;
		BitSet candidates = protectedRespondents();
		int nProtected = candidates.cardinality();
		int audited = -1;
		int exposedBefore = -1;
		List<Suppression> suppressions = new ArrayList<>();
		for (int round = 0;; round++) {
			Equations equations = Equations.of(cells, isProtected, valueOf);
			if (audited < 0) {
				audited = equations.constrained().cardinality();
			}
			BitSet exposed = exposed(equations, candidates);
			if (exposedBefore < 0) {
				exposedBefore = exposed.cardinality();
			}
			if (exposed.isEmpty()) {
				break;
			}
			int pole = exposed.stream().boxed().min(Comparator.comparing(p -> poleIds[p])).orElseThrow();
			Cell cell = cellToSuppress(pole);
			cell.status = Cell.SECONDARY;
			suppressions.add(new Suppression(round, cell.level, cell.area, cell.nRespondents, poleIds[pole]));
			candidates = exposed;
		}
		return new Result(indicator, nProtected, audited, exposedBefore, List.copyOf(suppressions), linearPrograms);
	}

	/**
	 * The protected respondents of the (year, indicator): every respondent is in the
	 * cells of its areas.
	 */
	private BitSet protectedRespondents() {
		BitSet poles = new BitSet();
		for (Cell cell : cells) {
			for (int p : cell.respondents) {
				if (isProtected[p]) {
					poles.set(p);
				}
			}
		}
		return poles;
	}

	/**
	 * Of the candidates, the poles exposed under the equations (linear programs only
	 * where needed).
	 */
	private BitSet exposed(Equations equations, BitSet candidates) {
		LinearBounds lp = equations.linearProgram();
		BitSet undecided = undecided(equations, candidates, lp);
		BitSet exposed = new BitSet();
		double[][] bounds = equations.propagatedBounds();
		for (int p = undecided.nextSetBit(0); p >= 0; p = undecided.nextSetBit(p + 1)) {
			int unknown = equations.unknownOf(p);
			// a member of a class can be 0 (the others taking its share): its range is
			// [0, the class's greatest]
			double least = equations.classSize(unknown) > 1 ? 0 : bounds[0][unknown];
			if (bounds[1][unknown] - least <= threshold(p, lp)) {
				exposed.set(p);
				undecided.clear(p);
			}
		}
		gatherFeasiblePoints(equations, undecided, lp);
		for (int p = undecided.nextSetBit(0); p >= 0; p = undecided.nextSetBit(p + 1)) {
			int unknown = equations.unknownOf(p);
			double threshold = threshold(p, lp);
			double[] range = seen.get(p);
			double[] greatest = solve(lp, equations, new int[] { unknown }, true);
			if (greatest != null && range[1] - range[0] > threshold) {
				continue;
			}
			boolean inClass = equations.classSize(unknown) > 1;
			double[] least = inClass ? null : solve(lp, equations, new int[] { unknown }, false);
			double high = greatest == null ? Double.NaN : greatest[unknown];
			double low = inClass ? 0 : least == null ? Double.NaN : least[unknown];
			// a program the solver could not finish proves nothing: the pole is treated
			// as exposed
			if (Double.isNaN(high) || Double.isNaN(low) || high - low <= threshold) {
				exposed.set(p);
			}
		}
		linearPrograms += lp.solved();
		return exposed;
	}

	/**
	 * The candidates that no published cell leaves unconstrained and whose values seen in
	 * feasible points so far do not yet differ by more than their threshold.
	 */
	private BitSet undecided(Equations equations, BitSet candidates, LinearBounds lp) {
		BitSet undecided = new BitSet();
		for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
			int unknown = equations.unknownOf(p);
			if (unknown < 0) {
				continue; // in no published cell: unconstrained
			}
			double[] range = range(p);
			if (equations.classSize(unknown) > 1) {
				range[0] = 0;
				range[1] = Math.max(range[1], equations.trueValue(unknown));
			}
			if (range[1] - range[0] <= threshold(p, lp)) {
				undecided.set(p);
			}
		}
		return undecided;
	}

	/**
	 * Programs over all the undecided poles at once, least then greatest of their sum:
	 * each solution is a feasible point that typically sets many of them far from their
	 * value (a vertex puts most unknowns at 0), deciding them without a program of their
	 * own. Stops when a program decides nobody; what is left is decided pole by pole.
	 */
	private void gatherFeasiblePoints(Equations equations, BitSet undecided, LinearBounds lp) {
		boolean greatest = false;
		int idle = 0;
		while (undecided.cardinality() > 1 && idle < 2) {
			int before = undecided.cardinality();
			int[] unknowns = undecided.stream().map(equations::unknownOf).distinct().toArray();
			solve(lp, equations, unknowns, greatest);
			for (int p = undecided.nextSetBit(0); p >= 0; p = undecided.nextSetBit(p + 1)) {
				double[] range = seen.get(p);
				if (range[1] - range[0] > threshold(p, lp)) {
					undecided.clear(p);
				}
			}
			idle = undecided.cardinality() == before ? idle + 1 : 0;
			greatest = !greatest;
		}
	}

	/** ±10 % of the pole's value, the rounding slack, and the solver's tolerance. */
	private double threshold(int pole, LinearBounds lp) {
		double v = valueOf.applyAsDouble(pole);
		return EXPOSURE_SHARE * v + ROUNDING * Math.max(1, v) + lp.tolerance();
	}

	/** The values seen for a pole in feasible points, its true value first. */
	private double[] range(int pole) {
		return seen.computeIfAbsent(pole, k -> {
			double v = valueOf.applyAsDouble(k);
			return new double[] { v, v };
		});
	}

	/** Solves one program and records its solution as a feasible point for every pole. */
	private double[] solve(LinearBounds lp, Equations equations, int[] unknowns, boolean greatest) {
		double[] solution = lp.optimise(unknowns, greatest);
		if (solution != null) {
			equations.forEachMember((pole, j) -> {
				double[] range = range(pole);
				double y = solution[j];
				if (equations.classSize(j) > 1) {
					range[0] = 0;
					range[1] = Math.max(range[1], y);
				}
				else {
					range[0] = Math.min(range[0], y);
					range[1] = Math.max(range[1], y);
				}
			});
		}
		return solution;
	}

	/**
	 * Among the published cells the pole responds in, the one with the fewest respondents
	 * (ties: network, theme, departement, region, national, then the lowest area code).
	 */
	private Cell cellToSuppress(int pole) {
		Cell best = null;
		for (Cell cell : cells) {
			if (cell.isPublished() && Arrays.stream(cell.respondents).anyMatch(q -> q == pole)
					&& (best == null || SUPPRESSION_ORDER.compare(cell, best) < 0)) {
				best = cell;
			}
		}
		if (best == null) {
			throw new IllegalStateException("exposed pole " + poleIds[pole] + " is in no published cell");
		}
		return best;
	}

	static final Comparator<Cell> SUPPRESSION_ORDER = Comparator.comparingInt((Cell c) -> c.nRespondents)
		.thenComparingInt(c -> TIE_ORDER.indexOf(c.level))
		.thenComparing(c -> c.area);

}
