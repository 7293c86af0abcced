package fr.ptce.observatory.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.warehouse.AggregateCell;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * An attacker who combines every published total of one (year, indicator) with the
 * consenting poles' values, written independently of the pipeline's audit (one unknown
 * per pole, one program per bound, no classes, no shortcut of the audit's own; Apache
 * Commons Math's simplex was tried first and returned non-optimal points on these
 * degenerate programs): each published cell says that the sum of its protected
 * respondents' values is its total minus its known values; the attacker bounds each
 * protected value by linear programming and has it when the bounds are within ±10 % of
 * it.
 */
final class LpAttacker {

	/** A protected pole whose value the published cells pin down. */
	record Exposure(String poleId, double value, double least, double greatest) {
	}

	private LpAttacker() {
	}

	static List<Exposure> exposures(Attacker attacker, int year, List<AggregateCell> cells, Map<String, Double> truth) {
		Map<String, Integer> unknown = new LinkedHashMap<>();
		List<double[]> rows = new ArrayList<>();
		List<Double> rhs = new ArrayList<>();
		List<List<String>> rowPoles = new ArrayList<>();
		for (AggregateCell cell : cells) {
			if (cell.total() == null || !"F".equals(cell.confStatus())) {
				continue;
			}
			double rest = cell.total();
			List<String> hidden = new ArrayList<>();
			for (Pole pole : attacker.respondents(year, cell, truth)) {
				if (pole.openData()) {
					rest -= truth.get(pole.id());
				}
				else {
					hidden.add(pole.id());
					unknown.putIfAbsent(pole.id(), unknown.size());
				}
			}
			if (!hidden.isEmpty()) {
				rowPoles.add(hidden);
				rhs.add(rest);
			}
		}
		int n = unknown.size();
		for (int r = 0; r < rowPoles.size(); r++) {
			double[] a = new double[n];
			rowPoles.get(r).forEach(p -> a[unknown.get(p)] = 1);
			rows.add(a);
		}
		List<Exposure> exposed = new ArrayList<>();
		double largest = rhs.stream().mapToDouble(Math::abs).max().orElse(1);
		// the solver works on numbers of about 1: totals are divided by a power of two
		// near the largest
		double scale = largest > 0 ? Math.scalb(1.0, -Math.getExponent(largest)) : 1;
		List<Double> scaled = rhs.stream().map(b -> b * scale).toList();
		for (Map.Entry<String, Integer> e : unknown.entrySet()) {
			double v = truth.get(e.getKey());
			// ±10 %, plus rounding: 10^-6 of the value, and the solver's own tolerance on
			// the totals
			double threshold = 0.2 * v + 1e-6 * Math.max(1, v) + 1e-10 * largest;
			double greatest = bound(rows, scaled, n, e.getValue(), true) / scale;
			double least = bound(rows, scaled, n, e.getValue(), false) / scale;
			if (greatest - least <= threshold) {
				exposed.add(new Exposure(e.getKey(), v, least, greatest));
			}
		}
		return exposed;
	}

	private static double bound(List<double[]> rows, List<Double> rhs, int n, int j, boolean greatest) {
		ExpressionsBasedModel model = new ExpressionsBasedModel();
		Variable[] x = new Variable[n];
		for (int k = 0; k < n; k++) {
			x[k] = model.addVariable("x" + k).lower(0).weight(k == j ? 1 : 0);
		}
		for (int r = 0; r < rows.size(); r++) {
			Expression e = model.addExpression("cell" + r).level(rhs.get(r));
			for (int k = 0; k < n; k++) {
				if (rows.get(r)[k] != 0) {
					e.set(x[k], 1);
				}
			}
		}
		Optimisation.Result result = greatest ? model.maximise() : model.minimise();
		if (!result.getState().isOptimal()) {
			throw new IllegalStateException("the attacker's program did not solve: " + result.getState());
		}
		return result.doubleValue(j);
	}

}
