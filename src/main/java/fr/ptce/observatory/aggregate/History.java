package fr.ptce.observatory.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.ptce.observatory.warehouse.Trend;

/**
 * What a year's cells need of the earlier years, computed in the same run (methodology
 * sections 3 and 5): the published totals of the ten years up to it (yoy_pct, ma3,
 * trends) and the poles' yearly values of the year before (yoy_constant_pct). Years are
 * added in ascending order; what is older than the trend window is dropped.
 */
public final class History {

	/** Trends look at the years Y−9 to Y. */
	public static final int TREND_YEARS = 10;

	/** Published totals (F after secondary suppression) by cell key, per year. */
	private final TreeMap<Integer, Map<String, Double>> published = new TreeMap<>();

	private YearValues previousValues;

	/**
	 * The respondents of each cell of the previous year, by cell key (the constant
	 * sample's other side).
	 */
	private Map<String, int[]> previousRespondents = Map.of();

	/** By registry index, whether the pole is protected (without open-data consent). */
	private final boolean[] isProtected;

	public History(boolean[] isProtected) {
		this.isProtected = isProtected;
	}

	/**
	 * Sets yoy_pct, yoy_constant_pct and ma3 on the cells of a year, from the years added
	 * before.
	 */
	public void complete(YearCells year, YearValues values) {
		Map<String, Double> previous = published.getOrDefault(year.year - 1, Map.of());
		Map<String, Double> beforePrevious = published.getOrDefault(year.year - 2, Map.of());
		YearValues prevValues = previousValues != null && previousValues.year == year.year - 1 ? previousValues : null;
		int nRatios = Ratio.ALL.size();
		for (Cell cell : year.cells) {
			if (!cell.isPublished()) {
				continue;
			}
			String key = cell.key();
			Double last = previous.get(key);
			if (last != null) {
				cell.yoyPct = CellMeasures.change(cell.total, last, cell.ratio);
				Double first = beforePrevious.get(key);
				if (first != null) {
					cell.ma3 = (first + last + cell.total) / 3;
				}
			}
			if (prevValues != null) {
				cell.yoyConstantPct = constantSample(cell, values, prevValues,
						previousRespondents.getOrDefault(key, new int[0]), nRatios);
			}
		}
	}

	/**
	 * The change over the cell's poles with a yearly value in both years, each year's
	 * total over them alone; NaN with fewer than 3 such poles or a zero total the year
	 * before. NaN too, with the cell marked {@link Cell#constantSampleWithheld}, when the
	 * rule Constant sample of section 4 withholds it: the difference between a total and
	 * its constant-sample total is the total of the poles outside the sample, so those of
	 * Y and those of Y−1 must each be none or a group that would not be
	 * primary-confidential as a cell.
	 * @param respondentsBefore the respondents of the same cell in Y−1
	 */
	double constantSample(Cell cell, YearValues current, YearValues previous, int[] respondentsBefore, int nRatios) {
		int i = cell.indicatorIndex;
		int n = 0;
		double sumNow = 0;
		double sumBefore = 0;
		double denNow = 0;
		double denBefore = 0;
		RespondentGroup outsideNow = RespondentGroup.NONE;
		for (int p : cell.respondents) {
			double before = previous.value[p * previous.nIndicators + i];
			if (Double.isNaN(before)) {
				outsideNow = outsideNow.with(current.value[p * current.nIndicators + i], isProtected[p]);
				continue;
			}
			n++;
			if (cell.ratio) {
				int r = i - current.nCatalogue;
				sumNow += current.numerator[p * nRatios + r];
				denNow += current.denominator[p * nRatios + r];
				sumBefore += previous.numerator[p * nRatios + r];
				denBefore += previous.denominator[p * nRatios + r];
			}
			else {
				sumNow += current.value[p * current.nIndicators + i];
				sumBefore += before;
			}
		}
		if (n < Confidentiality.MIN_RESPONDENTS) {
			return Double.NaN;
		}
		double change = cell.ratio ? CellMeasures.change(sumNow / denNow * 100, sumBefore / denBefore * 100, true)
				: CellMeasures.change(sumNow, sumBefore, false);
		if (Double.isNaN(change)) {
			return change;
		}
		RespondentGroup outsideBefore = RespondentGroup.NONE;
		for (int p : respondentsBefore) {
			if (Double.isNaN(current.value[p * current.nIndicators + i])) {
				outsideBefore = outsideBefore.with(previous.value[p * previous.nIndicators + i], isProtected[p]);
			}
		}
		if (revealing(outsideNow, cell.ratio) || revealing(outsideBefore, cell.ratio)) {
			cell.constantSampleWithheld = true;
			return Double.NaN;
		}
		return change;
	}

	/**
	 * Poles outside a constant sample that would be primary-confidential as a cell of
	 * their own.
	 */
	private static boolean revealing(RespondentGroup outside, boolean ratio) {
		return outside.n() > 0 && Confidentiality.primary(outside, ratio) != Cell.FREE;
	}

	/** Records a completed year as the latest one. */
	public void add(YearCells year, YearValues values) {
		Map<String, Double> totals = new HashMap<>();
		for (Cell cell : year.cells) {
			if (cell.isPublished() && Double.isFinite(cell.total)) {
				totals.put(cell.key(), cell.total);
			}
		}
		published.put(year.year, totals);
		Map<String, int[]> respondents = new HashMap<>();
		for (Cell cell : year.cells) {
			respondents.put(cell.key(), cell.respondents);
		}
		previousRespondents = respondents;
		while (!published.isEmpty() && published.firstKey() <= year.year - TREND_YEARS) {
			published.pollFirstEntry();
		}
		previousValues = values;
	}

	/**
	 * One trend row per cell of the year, over its published points of Y−9..Y (the year
	 * itself included).
	 */
	public List<Trend> trends(YearCells year) {
		List<Trend> trends = new ArrayList<>(year.cells.size());
		for (Cell cell : year.cells) {
			String key = cell.key();
			List<Integer> years = new ArrayList<>();
			List<Double> totals = new ArrayList<>();
			for (int y = year.year - TREND_YEARS + 1; y < year.year; y++) {
				Double total = published.getOrDefault(y, Map.of()).get(key);
				if (total != null) {
					years.add(y);
					totals.add(total);
				}
			}
			if (cell.isPublished() && Double.isFinite(cell.total)) {
				years.add(year.year);
				totals.add(cell.total);
			}
			TrendMeasures m = TrendMeasures.of(years.stream().mapToInt(Integer::intValue).toArray(),
					totals.stream().mapToDouble(Double::doubleValue).toArray());
			trends.add(new Trend(cell.indicator, cell.level, cell.area, m.firstYear(), m.lastYear(), m.nPoints(),
					m.mkS(), m.cagrPct(), m.theilSenSlope(), m.mkZ(), m.mkP(), m.direction()));
		}
		return trends;
	}

}
