package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Type-7 quantiles (numpy's default), hand-computed: h = (n − 1) p, interpolate between
 * ranks.
 */
class QuantilesTest {

	@Test
	void fourValues() {
		double[] x = { 1, 2, 3, 4 };
		// h = 0.75 -> 1 + 0.75 × 1; h = 1.5 -> 2.5; h = 2.25 -> 3.25
		assertThat(Quantiles.type7(x, 4, 0.25)).isCloseTo(1.75, within(1e-12));
		assertThat(Quantiles.median(x, 4)).isCloseTo(2.5, within(1e-12));
		assertThat(Quantiles.type7(x, 4, 0.75)).isCloseTo(3.25, within(1e-12));
	}

	@Test
	void threeValuesAndOne() {
		double[] x = { 10, 20, 70 };
		// h = 0.5 -> 15; h = 1 -> 20; h = 1.5 -> 45
		assertThat(Quantiles.type7(x, 3, 0.25)).isCloseTo(15, within(1e-12));
		assertThat(Quantiles.median(x, 3)).isEqualTo(20);
		assertThat(Quantiles.type7(x, 3, 0.75)).isCloseTo(45, within(1e-12));
		assertThat(Quantiles.median(new double[] { 7 }, 1)).isEqualTo(7);
		assertThat(Quantiles.median(new double[0], 0)).isNaN();
	}

	@Test
	void fiveValuesOfTheLowerPartOfAnArray() {
		// only the first n values count: {2, 4, 4, 5, 9}, h(0.25) = 1 -> 4, h(0.75) = 3
		// -> 5
		double[] x = { 2, 4, 4, 5, 9, 1000 };
		assertThat(Quantiles.type7(x, 5, 0.25)).isEqualTo(4);
		assertThat(Quantiles.median(x, 5)).isEqualTo(4);
		assertThat(Quantiles.type7(x, 5, 0.75)).isEqualTo(5);
	}

}
