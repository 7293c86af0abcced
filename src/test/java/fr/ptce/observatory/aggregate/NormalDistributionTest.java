package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * erfc against reference values (CPython's math.erfc, correctly rounded to ~1 ulp),
 * relative 5e-15.
 */
class NormalDistributionTest {

	@ParameterizedTest
	@CsvSource({ "0.1, 0.8875370839817152", "0.5, 0.4795001221869535", "1, 0.15729920705028513",
			"1.5, 0.033894853524689274", "2, 0.004677734981047265", "2.4, 0.0006885138966450789",
			"2.5, 0.0004069520174449589", "2.6, 0.00023603441652934908", "3, 2.2090496998585438e-05",
			"4, 1.541725790028002e-08", "5, 1.5374597944280351e-12", "6, 2.1519736712498916e-17",
			"10, 2.088487583762545e-45" })
	void erfc(double x, double expected) {
		assertThat(NormalDistribution.erfc(x)).isCloseTo(expected, within(Math.abs(expected) * 5e-15));
	}

	@Test
	void negativeArgumentsAndZero() {
		assertThat(NormalDistribution.erfc(0)).isEqualTo(1.0);
		assertThat(NormalDistribution.erfc(-1)).isCloseTo(2 - 0.15729920705028513, within(1e-15));
	}

	@ParameterizedTest
	@CsvSource({ "0.5, 0.6170750774519738", "1.0, 0.31731050786291415", "1.9599639845400545, 0.05",
			"2.5, 0.012419330651552278", "3.2, 0.001374275875831697", "-2.5, 0.012419330651552278", "0, 1" })
	void twoSidedPValues(double z, double expected) {
		assertThat(NormalDistribution.twoSidedP(z)).isCloseTo(expected, within(expected * 5e-15));
	}

	@Test
	void cdf() {
		// Φ(1.959963984540054) = 0.975
		assertThat(NormalDistribution.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
		assertThat(NormalDistribution.cdf(0)).isEqualTo(0.5);
	}

}
