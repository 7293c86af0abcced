package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.ptce.observatory.referential.Levels;
import org.junit.jupiter.api.Test;

/**
 * Section 2 and 3 measures that are plain arithmetic: pole ratios, the cell ratio,
 * changes, density.
 */
class CellMeasuresTest {

	@Test
	void aPoleRatioNeedsBothPartsAndAPositiveDenominator() {
		assertThat(CellMeasures.poleRatio(5, 20)).isEqualTo(25.0);
		assertThat(CellMeasures.poleRatio(0, 20)).isEqualTo(0.0);
		assertThat(CellMeasures.poleRatio(5, 0)).isNaN();
		assertThat(CellMeasures.poleRatio(Double.NaN, 20)).isNaN();
		assertThat(CellMeasures.poleRatio(5, Double.NaN)).isNaN();
	}

	@Test
	void aRatioCellIsTheRatioOfSumsNotTheMeanOfRatios() {
		// given pole ratios 50 (5/10) and 100 (40/40)
		Cell cell = new Cell("ESS_SHARE", true, Levels.NATIONAL, "FR", null);
		double[] ratios = { 100, 50 };
		// when measured with Σ numerators 45 and Σ denominators 50
		CellMeasures.measureRatio(cell, ratios, 2, 45, 50);
		// then total 90, mean of the pole ratios 75, no median of two values
		assertThat(cell.total()).isEqualTo(90.0);
		assertThat(cell.mean).isEqualTo(75.0);
		assertThat(cell.median).isNaN();
		assertThat(cell.max).isEqualTo(100.0);
	}

	@Test
	void measuresOfASortedSlice() {
		// given the slice {2, 4, 4, 5, 9} of a larger array
		Cell cell = new Cell("TURNOVER", false, Levels.REGION, "11", null);
		double[] bucket = { -1, 2, 4, 4, 5, 9, 100 };
		CellMeasures.measureSorted(cell, bucket, 1, 5);
		assertThat(cell.nRespondents()).isEqualTo(5);
		assertThat(cell.total()).isEqualTo(24.0);
		assertThat(cell.mean).isCloseTo(4.8, within(1e-15));
		// section 4, Order statistics: the quantiles of 5 values would give three of them
		// back
		assertThat(cell.p25).isNaN();
		assertThat(cell.median).isNaN();
		assertThat(cell.p75).isNaN();
		assertThat(cell.max).isEqualTo(9.0);
	}

	@Test
	void quantilesFromTenRespondents() {
		// given the slice 1..10 (type 7: h = 9 × q)
		Cell cell = new Cell("TURNOVER", false, Levels.REGION, "11", null);
		double[] bucket = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
		CellMeasures.measureSorted(cell, bucket, 1, 10);
		assertThat(cell.p25).isEqualTo(3.25);
		assertThat(cell.median).isEqualTo(5.5);
		assertThat(cell.p75).isEqualTo(7.75);
		// and nine are not enough
		Cell nine = new Cell("TURNOVER", false, Levels.REGION, "11", null);
		CellMeasures.measureSorted(nine, bucket, 1, 9);
		assertThat(nine.median).isNaN();
		assertThat(nine.mean).isEqualTo(5.0);
	}

	@Test
	void changesInPercentAndInPercentagePoints() {
		// (120 − 100) / 100 × 100
		assertThat(CellMeasures.change(120, 100, false)).isCloseTo(20.0, within(1e-12));
		// a zero previous total has no relative change
		assertThat(CellMeasures.change(5, 0, false)).isNaN();
		// ratios: 42.5 % after 40 % is +2.5 points, also from a 0 % year
		assertThat(CellMeasures.change(42.5, 40, true)).isCloseTo(2.5, within(1e-12));
		assertThat(CellMeasures.change(3, 0, true)).isEqualTo(3.0);
		assertThat(CellMeasures.change(Double.NaN, 40, true)).isNaN();
	}

	@Test
	void densityPerTenThousandInhabitants() {
		assertThat(CellMeasures.density(150, 3_000_000)).isCloseTo(0.5, within(1e-15));
		assertThat(CellMeasures.density(150, 0)).isNaN();
	}

	@Test
	void sortByValueKeepsEqualValuesInInputOrder() {
		double[] values = { 3, 1, 3, 2, 1 };
		int[] order = new int[5];
		double[] sorted = new double[5];
		YearCells.sortByValue(values, new int[5], 5, order, sorted, new int[5]);
		assertThat(sorted).containsExactly(1, 1, 2, 3, 3);
		assertThat(order).containsExactly(1, 4, 3, 0, 2);
	}

}
