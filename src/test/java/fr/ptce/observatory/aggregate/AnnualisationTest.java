package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Methodology section 1, each case of the yearly value of a pole. */
class AnnualisationTest {

	private static final double NA = Double.NaN;

	@Test
	void anAnnualObservationIsTheYearlyValueEvenWithQuarters() {
		// given an annual value of 10 and four quarters summing to 100
		// when annualised as a flow
		YearlyValue v = Annualisation.yearlyValue(true, 10, new double[] { 25, 25, 25, 25 });
		// then the annual observation stands, not imputed, from 0 quarters
		assertThat(v).isEqualTo(new YearlyValue(10, false, 0));
	}

	@Test
	void aStockTakesTheLatestQuarterPresent() {
		// given Q1 = 5 and Q3 = 7 of a stock
		YearlyValue v = Annualisation.yearlyValue(false, NA, new double[] { 5, NA, 7, NA });
		// then the yearly value is Q3's level, not imputed
		assertThat(v).isEqualTo(new YearlyValue(7, false, 2));
	}

	@Test
	void aStockWithOneQuarterHasAValue() {
		YearlyValue v = Annualisation.yearlyValue(false, NA, new double[] { NA, 4, NA, NA });
		assertThat(v).isEqualTo(new YearlyValue(4, false, 1));
	}

	@Test
	void aFlowWithFourQuartersIsTheirSum() {
		YearlyValue v = Annualisation.yearlyValue(true, NA, new double[] { 1, 2, 3, 4 });
		assertThat(v).isEqualTo(new YearlyValue(10, false, 4));
	}

	@Test
	void aFlowWithThreeQuartersIsScaledToFourAndImputed() {
		// given 1 + 2 + 4 = 7 over three quarters
		YearlyValue v = Annualisation.yearlyValue(true, NA, new double[] { 1, 2, NA, 4 });
		// then 7 × 4 / 3
		assertThat(v.value()).isCloseTo(28.0 / 3, within(1e-12));
		assertThat(v.imputed()).isTrue();
		assertThat(v.nQuarters()).isEqualTo(3);
	}

	@Test
	void aFlowWithTwoQuartersIsScaledToFourAndImputed() {
		// given 3 + 5 = 8 over two quarters: 8 × 4 / 2 = 16
		YearlyValue v = Annualisation.yearlyValue(true, NA, new double[] { 3, NA, NA, 5 });
		assertThat(v).isEqualTo(new YearlyValue(16, true, 2));
	}

	@Test
	void aFlowWithOneQuarterOrNoneHasNoValue() {
		assertThat(Annualisation.yearlyValue(true, NA, new double[] { NA, NA, 9, NA })).isNull();
		assertThat(Annualisation.yearlyValue(true, NA, new double[] { NA, NA, NA, NA })).isNull();
		assertThat(Annualisation.yearlyValue(false, NA, new double[] { NA, NA, NA, NA })).isNull();
	}

}
