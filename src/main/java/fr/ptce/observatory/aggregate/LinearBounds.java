package fr.ptce.observatory.aggregate;

import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.linear.LinearSolver;

/**
 * The linear programs of the confidentiality audit: unknowns y ≥ 0, equations Σ_{j ∈ row}
 * y_j = b_row, and the least or greatest value of one unknown under them. Solved with
 * ojAlgo (pure Java, no native set-up).
 * <p>
 * The right-hand sides are scaled by a power of two so that the largest is about 1: the
 * solver's tolerances are made for numbers of that size, and a power of two changes no
 * digit of the values.
 */
final class LinearBounds {

	private final int nVariables;

	private final int[][] rows;

	private final double[] rhs;

	private final double scale;

	private int solved;

	/**
	 * @param rows for each equation, the indices of its unknowns (each with coefficient
	 * 1)
	 * @param rhs for each equation, its right-hand side
	 */
	LinearBounds(int nVariables, int[][] rows, double[] rhs) {
		this.nVariables = nVariables;
		this.rows = rows;
		this.rhs = rhs;
		double largest = 0;
		for (double b : rhs) {
			largest = Math.max(largest, Math.abs(b));
		}
		this.scale = largest > 0 ? Math.scalb(1.0, -Math.getExponent(largest)) : 1.0;
	}

	/**
	 * How far a solution may be from the exact optimum, in the units of the right-hand
	 * sides: the solver's tolerance on numbers of about 1, scaled back. Ranges are
	 * compared with their threshold plus this, so that the solver's rounding never hides
	 * an exposed value (a zero value pinned at 0 by a cell whose protected total is 0
	 * must not look free because a solution says 2e-6).
	 */
	double tolerance() {
		return 1e-9 / scale;
	}

	/** Linear programs solved so far. */
	int solved() {
		return solved;
	}

	/**
	 * A solution where the sum of the {@code targets} unknowns is the greatest (or least)
	 * the equations allow, in the units of the right-hand sides, or null when the solver
	 * did not reach an optimum. With one target, that unknown's bound.
	 */
	double[] optimise(int[] targets, boolean greatest) {
		// standard form: least c·y with A y = b, y ≥ 0 (a greatest sum is the least of
		// its opposite), built from
		// dense double rows: ojAlgo's expression model converts every coefficient to
		// BigDecimal and presolves,
		// which costs more than the simplex itself on these programs
		double[] objective = new double[nVariables];
		for (int j : targets) {
			objective[j] = greatest ? -1 : 1;
		}
		LinearSolver.Builder builder = LinearSolver.newStandardBuilder().objective(objective);
		for (int r = 0; r < rows.length; r++) {
			double[] row = new double[nVariables];
			for (int j : rows[r]) {
				row[j] = 1;
			}
			builder.equality(rhs[r] * scale, row);
		}
		Optimisation.Result result = builder.solve();
		solved++;
		if (!result.getState().isOptimal()) {
			return null;
		}
		double[] solution = new double[nVariables];
		for (int j = 0; j < nVariables; j++) {
			solution[j] = Math.max(0, result.doubleValue(j)) / scale;
		}
		return solution;
	}

}
