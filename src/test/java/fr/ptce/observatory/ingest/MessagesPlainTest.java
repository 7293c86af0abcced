package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Numbers in receipt texts: the short cut through Double.toString gives what the
 * BigDecimal rule always gave (no exponent, no useless decimals).
 */
class MessagesPlainTest {

	@Test
	void sameTextAsTheBigDecimalRule() {
		SplittableRandom random = new SplittableRandom(13);
		double[] fixed = { 0.5, -0.25, 0.001, 0.0001, 1e-7, 123.45, 400.1, 1e15, 1.5e15, 1e22, 12345678.9, -0.0,
				Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, 2.0 / 3 };
		for (double v : fixed) {
			assertThat(Messages.plain(v)).as("%s", v).isEqualTo(reference(v));
		}
		for (int i = 0; i < 200_000; i++) {
			double v = switch (i % 4) {
				case 0 -> random.nextInt(40_000) / 100.0;
				case 1 -> random.nextDouble() * 400;
				case 2 -> Double.longBitsToDouble(random.nextLong());
				default -> random.nextInt(2_000_000) / 2.0;
			};
			if (Double.isFinite(v)) {
				assertThat(Messages.plain(v)).as("%s", v).isEqualTo(reference(v));
			}
		}
	}

	private static String reference(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
	}

}
