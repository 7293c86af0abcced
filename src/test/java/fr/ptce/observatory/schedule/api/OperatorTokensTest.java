package fr.ptce.observatory.schedule.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff tokens as the API's filter and the console's sign-in read them. */
class OperatorTokensTest {

	@Test
	void eachTokenGivesItsAccessAndNothingElseGivesAny() {
		OperatorTokens tokens = new OperatorTokens(OperatorTokens.sha256("full"), OperatorTokens.sha256("read"));
		assertThat(tokens.check("full")).contains(OperatorTokens.Access.FULL);
		assertThat(tokens.check("read")).contains(OperatorTokens.Access.READ);
		assertThat(tokens.check("other")).isEmpty();
		assertThat(tokens.check("")).isEmpty();
		assertThat(tokens.check(null)).isEmpty();
		assertThat(OperatorTokens.Access.FULL.mayAct()).isTrue();
		assertThat(OperatorTokens.Access.READ.mayAct()).isFalse();
	}

	@Test
	void withNoTokenConfiguredNothingIsAccepted() {
		OperatorTokens none = new OperatorTokens("", null);
		assertThat(none.noneConfigured()).isTrue();
		assertThat(none.check("")).isEmpty();
		assertThat(none.check("anything")).isEmpty();
		OperatorTokens readOnly = new OperatorTokens(null, OperatorTokens.sha256("read"));
		assertThat(readOnly.check("read")).contains(OperatorTokens.Access.READ);
	}

}
