package fr.ptce.observatory.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;

/**
 * The aggregate cells of one year (methodology section 3) with their confidentiality (section 4), from the
 * poles' yearly values. The measures that need earlier years (yoy, constant sample, ma3) are set later by
 * {@link History}.
 */
public final class YearCells {

	/** The indicator whose density per 10,000 inhabitants is published. */
	public static final String DENSITY_INDICATOR = "JOBS_FTE";

	final int year;

	/** Every cell, grouped by indicator in the order of the codes. */
	final List<Cell> cells;

	private YearCells(int year, List<Cell> cells) {
		this.year = year;
		this.cells = cells;
	}

	public List<Cell> cells() {
		return cells;
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
		departements.forEach((a, m) -> areas.add(new Area(Levels.DEPARTEMENT, a, departementRegion.get(a), toArray(m))));
		themes.forEach((a, m) -> areas.add(new Area(Levels.THEME, a, null, toArray(m))));
		networks.forEach((a, m) -> areas.add(new Area(Levels.NETWORK, a, null, toArray(m))));
		return areas;
	}

	private static int[] toArray(List<Integer> list) {
		return list.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * @param codes the indicator codes, in the order of the columns of {@link YearValues}: catalogue then ratios
	 */
	public static YearCells compute(YearValues values, Registry registry, GeoReferential geo, List<String> codes) {
		List<Area> areas = areas(values.year, registry);
		List<Cell> all = new ArrayList<>(areas.size() * codes.size());
		double[] scratch = new double[values.nPoles];
		int[] respondents = new int[values.nPoles];
		int nRatios = Ratio.ALL.size();
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i);
			boolean ratio = i >= values.nCatalogue;
			int r = i - values.nCatalogue;
			List<Cell> cells = new ArrayList<>(areas.size());
			for (Area area : areas) {
				Cell cell = new Cell(code, i, ratio, area.level(), area.area(), area.group());
				cell.nExpected = area.members().length;
				int n = 0;
				int nImputed = 0;
				double sumNum = 0;
				double sumDen = 0;
				for (int p : area.members()) {
					int k = p * values.nIndicators + i;
					double v = values.value[k];
					if (Double.isNaN(v)) {
						continue;
					}
					scratch[n] = v;
					respondents[n] = p;
					n++;
					if (values.imputed[k]) {
						nImputed++;
					}
					if (ratio) {
						sumNum += values.numerator[p * nRatios + r];
						sumDen += values.denominator[p * nRatios + r];
					}
				}
				cell.nImputed = nImputed;
				cell.respondents = Arrays.copyOf(respondents, n);
				if (ratio) {
					CellMeasures.measureRatio(cell, scratch, n, sumNum, sumDen);
				}
				else {
					CellMeasures.measure(cell, scratch, n);
				}
				if (DENSITY_INDICATOR.equals(code) && !Levels.THEME.equals(area.level())
						&& !Levels.NETWORK.equals(area.level()) && n > 0) {
					cell.density = CellMeasures.density(cell.total, geo.population(area.level(), area.area()));
				}
				cells.add(cell);
			}
			Confidentiality.apply(cells);
			all.addAll(cells);
		}
		return new YearCells(values.year, all);
	}

}
