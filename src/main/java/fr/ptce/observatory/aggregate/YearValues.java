package fr.ptce.observatory.aggregate;

import java.util.Arrays;
import java.util.List;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;

/**
 * The yearly values of every pole of the registry for one year (methodology sections 1
 * and 2), in dense primitive arrays indexed by pole × indicator: the catalogue's
 * indicators first, then the ratios of {@link Ratio#ALL}. NaN where a pole has no yearly
 * value.
 */
public final class YearValues {

	final int year;

	final int nPoles;

	/** Catalogue indicators, then ratios. */
	final int nIndicators;

	final int nCatalogue;

	final double[] value;

	final boolean[] imputed;

	final byte[] nQuarters;

	/** Ratio parts, [pole × ratio]: NaN unless the pole ratio exists. */
	final double[] numerator;

	final double[] denominator;

	final boolean[] expected;

	/**
	 * Current observations taken into account (rows of the partition as of the instant).
	 */
	final long observations;

	private YearValues(int year, int nPoles, int nCatalogue, long observations) {
		this.year = year;
		this.nPoles = nPoles;
		this.nCatalogue = nCatalogue;
		this.nIndicators = nCatalogue + Ratio.ALL.size();
		this.observations = observations;
		value = new double[nPoles * nIndicators];
		Arrays.fill(value, Double.NaN);
		imputed = new boolean[nPoles * nIndicators];
		nQuarters = new byte[nPoles * nIndicators];
		numerator = new double[nPoles * Ratio.ALL.size()];
		denominator = new double[nPoles * Ratio.ALL.size()];
		Arrays.fill(numerator, Double.NaN);
		Arrays.fill(denominator, Double.NaN);
		expected = new boolean[nPoles];
	}

	public double value(int pole, int indicator) {
		return value[pole * nIndicators + indicator];
	}

	public int year() {
		return year;
	}

	/**
	 * Selects the current observation of each (pole, period, indicator) among the loaded
	 * rows (the greatest ingested_at, ties broken by the greatest source file name), then
	 * annualises (section 1) and derives the ratios (section 2). Only poles expected in
	 * the year get values.
	 */
	public static YearValues compute(int year, ObservationColumns rows, Registry registry, Catalogue catalogue) {
		int nPoles = registry.size();
		int nCat = catalogue.size();
		YearValues values = new YearValues(year, nPoles, nCat, rows == null ? 0 : rows.rows);
		List<Pole> poles = registry.poles();
		for (Pole pole : poles) {
			values.expected[pole.index()] = pole.isExpected(year);
		}
		int slots = nPoles * nCat * 5;
		int[] best = new int[slots];
		Arrays.fill(best, -1);
		if (rows != null && rows.rows > 0) {
			selectCurrent(rows, nCat, best);
		}
		boolean[] flow = new boolean[nCat];
		for (Indicator indicator : catalogue.indicators()) {
			flow[indicator.index()] = indicator.isFlow();
		}
		double[] quarters = new double[4];
		for (int p = 0; p < nPoles; p++) {
			if (!values.expected[p]) {
				continue;
			}
			for (int i = 0; i < nCat; i++) {
				int base = (p * nCat + i) * 5;
				double annual = current(rows, best[base]);
				boolean anyQuarter = false;
				for (int q = 0; q < 4; q++) {
					quarters[q] = current(rows, best[base + 1 + q]);
					anyQuarter |= !Double.isNaN(quarters[q]);
				}
				if (Double.isNaN(annual) && !anyQuarter) {
					continue;
				}
				YearlyValue yearly = Annualisation.yearlyValue(flow[i], annual, quarters);
				if (yearly != null) {
					int k = p * values.nIndicators + i;
					values.value[k] = yearly.value();
					values.imputed[k] = yearly.imputed();
					values.nQuarters[k] = (byte) yearly.nQuarters();
				}
			}
		}
		values.deriveRatios(catalogue);
		return values;
	}

	private static double current(ObservationColumns rows, int row) {
		if (row < 0 || rows.value.isNull(row)) {
			return Double.NaN;
		}
		return rows.value.get(row);
	}

	/**
	 * The hot loop: one pass over the vectors, keeping the winning row of each (pole,
	 * indicator, period).
	 */
	private static void selectCurrent(ObservationColumns rows, int nCat, int[] best) {
		long[] bestAt = new long[best.length];
		int[] rank = rows.sourceFileRank;
		int n = rows.rows;
		for (int r = 0; r < n; r++) {
			int key = (rows.pole.get(r) * nCat + rows.indicator.get(r)) * 5 + rows.slot.get(r);
			long at = rows.ingestedAt.get(r);
			int previous = best[key];
			if (previous < 0 || at > bestAt[key]
					|| (at == bestAt[key] && rank[rows.sourceFile.get(r)] > rank[rows.sourceFile.get(previous)])) {
				best[key] = r;
				bestAt[key] = at;
			}
		}
	}

	private void deriveRatios(Catalogue catalogue) {
		int nRatios = Ratio.ALL.size();
		for (int r = 0; r < nRatios; r++) {
			Ratio ratio = Ratio.ALL.get(r);
			int num = catalogue.find(ratio.numerator()).index();
			int[] den = ratio.denominator().stream().mapToInt(c -> catalogue.find(c).index()).toArray();
			int target = nCatalogue + r;
			for (int p = 0; p < nPoles; p++) {
				int base = p * nIndicators;
				double n = value[base + num];
				boolean imp = imputed[base + num];
				int quarters = nQuarters[base + num];
				double d = 0;
				for (int part : den) {
					d += value[base + part];
					imp |= imputed[base + part];
					quarters = Math.max(quarters, nQuarters[base + part]);
				}
				double poleRatio = CellMeasures.poleRatio(n, d);
				if (!Double.isNaN(poleRatio)) {
					value[base + target] = poleRatio;
					imputed[base + target] = imp;
					nQuarters[base + target] = (byte) quarters;
					numerator[p * nRatios + r] = n;
					denominator[p * nRatios + r] = d;
				}
			}
		}
	}

}
