package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.ptce.observatory.warehouse.AggregateCell;
import org.junit.jupiter.api.Test;

/**
 * The key figures that operators read (aggregate's output, the analysts' e-mail, the
 * console): the change on a constant sample leads, the raw change of the total is
 * labelled as such (issue 11: a fall in response read as a fall of the poles).
 */
class KeyFiguresTest {

	static AggregateCell cell(String indicator, Double total, Double yoy, Double yoyConstant, String status) {
		return new AggregateCell(indicator, "national", "FR", 150, 121, 0, 0.807, total, null, null, null, null, null,
				yoy, yoyConstant, null, status);
	}

	@Test
	void theConstantSampleChangeLeadsAndTheRawChangeIsLabelled() {
		List<String> lines = KeyFigures
			.describe(List.of(cell("MEMBERS_TOTAL", 2763.0, -10.8, 2.5, "F"), cell("ESS_SHARE", 57.8, 0.3, null, "F"),
					cell("JOBS_FTE", null, null, null, "A"), cell("TURNOVER", 1.0, null, null, "F")));

		assertThat(lines).containsExactly(
				"MEMBERS_TOTAL : 2\u202F763,0 (121/150 pôles), +2,5 % à champ constant (évolution brute du total -10,8 %)",
				"ESS_SHARE : 57,8 % (121/150 pôles), évolution brute du total +0,3 pt", "JOBS_FTE : s (121/150 pôles)",
				"TURNOVER : 1,0 (121/150 pôles)");
	}

}
