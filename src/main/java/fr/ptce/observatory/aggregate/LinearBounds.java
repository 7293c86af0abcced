package fr.ptce.observatory.aggregate;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The linear programs of the confidentiality audit: unknowns y ≥ 0, equations Σ_{j ∈ row} y_j = b_row, and the
 * least or greatest value of one unknown under them. Solved with ojAlgo (pure Java, no native set-up).
 * <p>
 * The right-hand sides are scaled by a power of two so that the largest is about 1: the solver's tolerances are
 * made for numbers of that size, and a power of two changes no digit of the values.
 */
final class LinearBounds {

	private final int nVariables;

	private final int[][] rows;

	private final double[] rhs;

	private final double scale;

	private int solved;

	/**
	 * @param rows for each equation, the indices of its unknowns (each with coefficient 1)
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
	 * How far a solution may be from the exact optimum, in the units of the right-hand sides: the solver's
	 * tolerance on numbers of about 1, scaled back. Ranges are compared with their threshold plus this, so that
	 * the solver's rounding never hides an exposed value (a zero value pinned at 0 by a cell whose protected
	 * total is 0 must not look free because a solution says 2e-6).
	 */
	double tolerance() {
		return 1e-9 / scale;
	}

	/** Linear programs solved so far. */
	int solved() {
		return solved;
	}

	/**
	 * A solution where unknown {@code target} is the greatest (or least) the equations allow, in the units of the
	 * right-hand sides, or null when the solver did not reach an optimum.
	 */
	double[] optimise(int target, boolean greatest) {
		ExpressionsBasedModel model = new ExpressionsBasedModel();
		Variable[] y = new Variable[nVariables];
		for (int j = 0; j < nVariables; j++) {
			y[j] = model.addVariable("y" + j).lower(0).weight(j == target ? 1 : 0);
		}
		for (int r = 0; r < rows.length; r++) {
			Expression equation = model.addExpression("e" + r).level(rhs[r] * scale);
			for (int j : rows[r]) {
				equation.set(y[j], 1);
			}
		}
		Optimisation.Result result = greatest ? model.maximise() : model.minimise();
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
