package fr.ptce.observatory.schedule.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token configuration: a digest that is not a SHA-256 in hex is refused with how to
 * make one.
 */
class OperatorTokenFilterTest {

	@Test
	void theDigestIsTheHexSha256OfTheToken() {
		// sha256("abc") from FIPS 180-2's examples
		assertThat(OperatorTokenFilter.sha256("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void aConfiguredTokenInClearOrTruncatedIsRefused() {
		assertThatThrownBy(() -> new OperatorTokenFilter("my-secret-token", null))
			.hasMessageContaining("observatory.api.token-sha256 must be the SHA-256 of the token in hex")
			.hasMessageContaining("sha256sum");
		assertThatThrownBy(() -> new OperatorTokenFilter(null, "ba7816bf"))
			.hasMessageContaining("observatory.api.read-token-sha256");
		// upper-case hex and surrounding spaces are fine
		new OperatorTokenFilter(" BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD ", "");
	}

}
