package fr.ptce.observatory.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Levels;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;

/**
 * The aggregate cells of one year (methodology section 3) with their confidentiality
 * (section 4), from the poles' yearly values. The measures that need earlier years (yoy,
 * constant sample, ma3) are set later by {@link History}.
 */
public final class YearCells {

	/** The indicator whose density per 10,000 inhabitants is published. */
	public static final String DENSITY_INDICATOR = "JOBS_FTE";

	final int year;

	/** Every cell, grouped by indicator in the order of the codes. */
	final List<Cell> cells;

	/**
	 * The confidentiality audit of each indicator that is not a ratio, in the order of
	 * the codes.
	 */
	final List<ConfidentialityAudit.Result> audits;

	private YearCells(int year, List<Cell> cells, List<ConfidentialityAudit.Result> audits) {
		this.year = year;
		this.cells = cells;
		this.audits = audits;
	}

	public List<Cell> cells() {
		return cells;
	}

	public List<ConfidentialityAudit.Result> audits() {
		return audits;
	}

	/** An area of a level and the poles of the area expected in the year. */
	record Area(String level, String area, String group, int[] members) {
	}

	/** The cells' areas: only those with at least one expected pole get a cell. */
	static List<Area> areas(int year, Registry registry) {
		Map<String, List<Integer>> national = new TreeMap<>();
		Map<String, List<Integer>> regions = new TreeMap<>();
		Map<String, List<Integer>> departements = new TreeMap<>();
		Map<String, String> departementRegion = new TreeMap<>();
		Map<String, List<Integer>> themes = new TreeMap<>();
		Map<String, List<Integer>> networks = new TreeMap<>();
		for (Pole pole : registry.poles()) {
			if (!pole.isExpected(year)) {
				continue;
			}
			int p = pole.index();
			national.computeIfAbsent(GeoReferential.FRANCE, k -> new ArrayList<>()).add(p);
			regions.computeIfAbsent(pole.region(), k -> new ArrayList<>()).add(p);
			departements.computeIfAbsent(pole.departement(), k -> new ArrayList<>()).add(p);
			departementRegion.put(pole.departement(), pole.region());
			themes.computeIfAbsent(pole.theme(), k -> new ArrayList<>()).add(p);
			for (String network : pole.networks()) {
				networks.computeIfAbsent(network, k -> new ArrayList<>()).add(p);
			}
		}
		List<Area> areas = new ArrayList<>();
		national.forEach((a, m) -> areas.add(new Area(Levels.NATIONAL, a, null, toArray(m))));
		regions.forEach((a, m) -> areas.add(new Area(Levels.REGION, a, null, toArray(m))));
		departements
			.forEach((a, m) -> areas.add(new Area(Levels.DEPARTEMENT, a, departementRegion.get(a), toArray(m))));
		themes.forEach((a, m) -> areas.add(new Area(Levels.THEME, a, null, toArray(m))));
		networks.forEach((a, m) -> areas.add(new Area(Levels.NETWORK, a, null, toArray(m))));
		return areas;
	}

	private static int[] toArray(List<Integer> list) {
		return list.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * @param codes the indicator codes, in the order of the columns of
	 * {@link YearValues}: catalogue then ratios
	 */
	public static YearCells compute(YearValues values, Registry registry, GeoReferential geo, List<String> codes) {
		CellPass pass = new CellPass(values, registry, geo, areas(values.year, registry));
		List<Cell> all = new ArrayList<>(pass.areas.size() * codes.size());
		List<ConfidentialityAudit.Result> audits = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			boolean ratio = i >= values.nCatalogue;
			List<Cell> cells = pass.cells(codes.get(i), i, ratio);
			Confidentiality.apply(cells);
			if (!ratio) {
				int column = i;
				audits.add(ConfidentialityAudit.audit(cells, p -> values.value[p * values.nIndicators + column],
						pass.isProtected, pass.poleIds));
			}
			all.addAll(cells);
		}
		return new YearCells(values.year, all, List.copyOf(audits));
	}

	/**
	 * The cells of one year, indicator by indicator, with scratch arrays sized once: each
	 * cell's respondents are a slice of one bucket array (they are at most the cell's
	 * poles), filled from the year's respondents sorted once by value, so that every
	 * slice comes out sorted.
	 */
	private static final class CellPass {

		final YearValues values;

		final GeoReferential geo;

		final List<Area> areas;

		/**
		 * Cell c's slice of the buckets starts at offset[c]; offset[cells] is their total
		 * size.
		 */
		final int[] offset;

		final int[][] cellsOfPole;

		final int[] expected;

		final boolean[] isProtected;

		final String[] poleIds;

		final double[] bucketValues;

		final int[] bucketPoles;

		final int[] fill;

		final double[] respondentValues;

		final int[] respondentPoles;

		final int[] order;

		final double[] sorted;

		final int[] seen;

		CellPass(YearValues values, Registry registry, GeoReferential geo, List<Area> areas) {
			this.values = values;
			this.geo = geo;
			this.areas = areas;
			int nCells = areas.size();
			int nPoles = values.nPoles;
			offset = new int[nCells + 1];
			for (int c = 0; c < nCells; c++) {
				offset[c + 1] = offset[c] + areas.get(c).members().length;
			}
			cellsOfPole = cellsOfPole(areas, nPoles);
			expected = IntStream.range(0, nPoles).filter(p -> values.expected[p]).toArray();
			isProtected = new boolean[nPoles];
			poleIds = new String[nPoles];
			for (Pole pole : registry.poles()) {
				isProtected[pole.index()] = !pole.openData();
				poleIds[pole.index()] = pole.id();
			}
			bucketValues = new double[offset[nCells]];
			bucketPoles = new int[offset[nCells]];
			fill = new int[nCells];
			respondentValues = new double[nPoles];
			respondentPoles = new int[nPoles];
			order = new int[nPoles];
			sorted = new double[nPoles];
			seen = new int[nPoles];
		}

		/** Each pole's cells, in cell order. */
		private static int[][] cellsOfPole(List<Area> areas, int nPoles) {
			int[] cellCount = new int[nPoles];
			for (Area area : areas) {
				for (int p : area.members()) {
					cellCount[p]++;
				}
			}
			int[][] cellsOfPole = new int[nPoles][];
			for (int p = 0; p < nPoles; p++) {
				cellsOfPole[p] = new int[cellCount[p]];
				cellCount[p] = 0;
			}
			for (int c = 0; c < areas.size(); c++) {
				for (int p : areas.get(c).members()) {
					cellsOfPole[p][cellCount[p]++] = c;
				}
			}
			return cellsOfPole;
		}

		/**
		 * The cells of indicator {@code i} (column i of the values), before
		 * confidentiality.
		 */
		List<Cell> cells(String code, int i, boolean ratio) {
			fillBuckets(i);
			List<Cell> cells = new ArrayList<>(areas.size());
			for (int c = 0; c < areas.size(); c++) {
				cells.add(cell(c, code, i, ratio));
			}
			return cells;
		}

		/**
		 * The year's respondents to indicator i, sorted once by value, dealt into their
		 * cells' slices.
		 */
		private void fillBuckets(int i) {
			int n = 0;
			for (int p : expected) {
				double v = values.value[p * values.nIndicators + i];
				if (!Double.isNaN(v)) {
					respondentValues[n] = v;
					respondentPoles[n] = p;
					n++;
				}
			}
			sortByValue(respondentValues, respondentPoles, n, order, sorted, seen);
			System.arraycopy(offset, 0, fill, 0, areas.size());
			for (int k = 0; k < n; k++) {
				int p = respondentPoles[order[k]];
				double v = sorted[k];
				for (int c : cellsOfPole[p]) {
					bucketValues[fill[c]] = v;
					bucketPoles[fill[c]++] = p;
				}
			}
		}

		private Cell cell(int c, String code, int i, boolean ratio) {
			Area area = areas.get(c);
			Cell cell = new Cell(code, i, ratio, area.level(), area.area(), area.group());
			cell.nExpected = area.members().length;
			int from = offset[c];
			int count = fill[c] - from;
			int nRatios = Ratio.ALL.size();
			int r = i - values.nCatalogue;
			int nImputed = 0;
			double sumNum = 0;
			double sumDen = 0;
			for (int k = from; k < from + count; k++) {
				int p = bucketPoles[k];
				if (values.imputed[p * values.nIndicators + i]) {
					nImputed++;
				}
				if (isProtected[p]) {
					// ascending values: the last protected one is the largest
					cell.nProtected++;
					cell.protectedTotal += bucketValues[k];
					cell.protectedMax = bucketValues[k];
				}
				if (ratio) {
					sumNum += values.numerator[p * nRatios + r];
					sumDen += values.denominator[p * nRatios + r];
				}
			}
			cell.nImputed = nImputed;
			cell.respondents = Arrays.copyOfRange(bucketPoles, from, from + count);
			CellMeasures.measureSorted(cell, bucketValues, from, count);
			if (ratio) {
				cell.total = count == 0 || sumDen <= 0 ? Double.NaN : sumNum / sumDen * 100;
			}
			if (DENSITY_INDICATOR.equals(code) && !Levels.THEME.equals(area.level())
					&& !Levels.NETWORK.equals(area.level()) && count > 0) {
				cell.density = CellMeasures.density(cell.total, geo.population(area.level(), area.area()));
			}
			return cell;
		}

	}

	/**
	 * Orders the first n values ascending without boxing: a primitive sort of the values,
	 * then each value's position found by binary search (equal values keep their input
	 * order).
	 * @param order receives the input indices in ascending order of value
	 * @param sorted receives the values in ascending order
	 */
	static void sortByValue(double[] values, int[] poles, int n, int[] order, double[] sorted, int[] seen) {
		System.arraycopy(values, 0, sorted, 0, n);
		Arrays.sort(sorted, 0, n);
		Arrays.fill(seen, 0, n, 0);
		for (int k = 0; k < n; k++) {
			int lo = 0;
			int hi = n;
			double v = values[k];
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (Double.compare(sorted[mid], v) < 0) {
					lo = mid + 1;
				}
				else {
					hi = mid;
				}
			}
			order[lo + seen[lo]++] = k;
		}
	}

}
