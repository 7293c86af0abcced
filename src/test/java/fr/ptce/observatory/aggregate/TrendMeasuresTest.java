package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Methodology section 5, each measure with ties and short series; expectations computed
 * by hand.
 */
class TrendMeasuresTest {

	@Test
	void fourPointsWithATie() {
		// given 10, 12, 12, 15 over 2018..2021
		TrendMeasures t = TrendMeasures.of(new int[] { 2018, 2019, 2020, 2021 }, new double[] { 10, 12, 12, 15 });
		// then S = 5 (five rises, one tie), Var(S) = (4·3·13 − 2·1·9) / 18 = 138/18, Z =
		// 4 / √(138/18)
		assertThat(t.nPoints()).isEqualTo(4);
		assertThat(t.firstYear()).isEqualTo(2018);
		assertThat(t.lastYear()).isEqualTo(2021);
		assertThat(t.mkS()).isEqualTo(5);
		assertThat(TrendMeasures.varianceOfS(new double[] { 10, 12, 12, 15 })).isCloseTo(138.0 / 18, within(1e-12));
		assertThat(t.mkZ()).isCloseTo(1.4446302370292303, within(1e-14));
		assertThat(t.mkP()).isCloseTo(0.1485617748918687, within(1e-15));
		// CAGR (15/10)^(1/3) − 1; slopes {2, 1, 5/3, 0, 1.5, 3}: median (1.5 + 5/3) / 2
		assertThat(t.cagrPct()).isCloseTo(14.471424255333186, within(1e-12));
		assertThat(t.theilSenSlope()).isCloseTo(1.5833333333333335, within(1e-14));
		assertThat(t.direction()).isEqualTo("stable");
	}

	@Test
	void sixRisingPointsWithAGapAreARise() {
		// given six strictly rising totals (a year left out of the window's points)
		TrendMeasures t = TrendMeasures.of(new int[] { 2015, 2016, 2017, 2019, 2020, 2021 },
				new double[] { 1, 2, 3, 4, 5, 7 });
		// then S = 15, Var = 6·5·17/18, Z = 14/√Var
		assertThat(t.mkS()).isEqualTo(15);
		assertThat(t.mkZ()).isCloseTo(2.630142022557628, within(1e-14));
		assertThat(t.mkP()).isCloseTo(0.00853492041422708, within(1e-15));
		assertThat(t.direction()).isEqualTo("hausse");
		// CAGR over 6 years: 7^(1/6) − 1
		assertThat(t.cagrPct()).isCloseTo((Math.pow(7, 1.0 / 6) - 1) * 100, within(1e-12));
	}

	@Test
	void sixFallingPointsAreAFall() {
		TrendMeasures t = TrendMeasures.of(new int[] { 2016, 2017, 2018, 2019, 2020, 2021 },
				new double[] { 7, 5, 4, 3, 2, 1 });
		assertThat(t.mkS()).isEqualTo(-15);
		assertThat(t.mkZ()).isCloseTo(-2.630142022557628, within(1e-14));
		assertThat(t.direction()).isEqualTo("baisse");
	}

	@Test
	void allTiedHasZeroVarianceAndZeroZ() {
		TrendMeasures t = TrendMeasures.of(new int[] { 2018, 2019, 2020, 2021 }, new double[] { 5, 5, 5, 5 });
		// Var = (4·3·13 − 4·3·13)/18 = 0
		assertThat(t.mkS()).isZero();
		assertThat(t.mkZ()).isEqualTo(0.0);
		assertThat(t.mkP()).isEqualTo(1.0);
		assertThat(t.theilSenSlope()).isEqualTo(0.0);
		assertThat(t.cagrPct()).isCloseTo(0.0, within(1e-12));
		assertThat(t.direction()).isEqualTo("stable");
	}

	@Test
	void twoPointsHaveMeasuresButNoDirection() {
		// given 0 then 4: CAGR undefined (first total ≤ 0), S = 1, Var = 2·1·9/18 = 1, Z
		// = 0
		TrendMeasures t = TrendMeasures.of(new int[] { 2019, 2021 }, new double[] { 0, 4 });
		assertThat(t.cagrPct()).isNull();
		assertThat(t.theilSenSlope()).isEqualTo(2.0);
		assertThat(t.mkS()).isEqualTo(1);
		assertThat(t.mkZ()).isEqualTo(0.0);
		assertThat(t.mkP()).isEqualTo(1.0);
		assertThat(t.direction()).isNull();
	}

	@Test
	void threePointsHaveNoDirection() {
		TrendMeasures t = TrendMeasures.of(new int[] { 2019, 2020, 2021 }, new double[] { 1, 2, 3 });
		assertThat(t.mkS()).isEqualTo(3);
		assertThat(t.direction()).isNull();
	}

	@Test
	void onePointOrNone() {
		TrendMeasures one = TrendMeasures.of(new int[] { 2021 }, new double[] { 3 });
		assertThat(one).isEqualTo(new TrendMeasures(2021, 2021, 1, null, null, null, null, null, null));
		TrendMeasures none = TrendMeasures.of(new int[0], new double[0]);
		assertThat(none).isEqualTo(new TrendMeasures(null, null, 0, null, null, null, null, null, null));
	}

}
