package fr.ptce.observatory.console;

import fr.ptce.observatory.schedule.api.OperatorTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each kind of token gives in the console: the API's rules (full acts, read-only
 * reads, a partner its own).
 */
class ViewerTest {

	@Test
	void theOperatorActsTheReaderReadsAPartnerSeesItsOwnOnly() {
		Viewer operator = Viewer.staff(OperatorTokens.Access.FULL);
		Viewer reader = Viewer.staff(OperatorTokens.Access.READ);
		Viewer partner = Viewer.partner("RTES", "tk-1");
		assertThat(operator.mayAct()).isTrue();
		assertThat(reader.mayAct()).isFalse();
		assertThat(partner.mayAct()).isFalse();
		assertThat(reader.isStaff()).isTrue();
		assertThat(partner.isStaff()).isFalse();
		assertThat(reader.sees("RTES")).isTrue();
		assertThat(partner.sees("RTES")).isTrue();
		assertThat(partner.sees("LABO_ESS")).isFalse();
	}

}
