package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.referential.Levels;

import org.junit.jupiter.api.Test;

/** Methodology section 4, Audit: combinations of published cells, on hand-made cells. */
class ConfidentialityAuditTest {

	/**
	 * Values of poles 0..n−1 (registry indices), pole_id PTCE-0001.. in the same order.
	 */
	private double[] values;

	private boolean[] isProtected;

	private String[] poleIds;

	ConfidentialityAuditTest() {
		poles(10, 20, 30, 40, 50, 60);
	}

	private static ConfidentialityAuditTest with(double... values) {
		ConfidentialityAuditTest scenario = new ConfidentialityAuditTest();
		scenario.poles(values);
		return scenario;
	}

	private void poles(double... values) {
		this.values = values;
		this.isProtected = new boolean[values.length];
		java.util.Arrays.fill(isProtected, true);
		this.poleIds = new String[values.length];
		for (int p = 0; p < values.length; p++) {
			poleIds[p] = String.format("PTCE-%04d", p + 1);
		}
	}

	/**
	 * A cell of TURNOVER over the given poles, with its measures as YearCells sets them.
	 */
	private Cell cell(String level, String area, int... poles) {
		Cell cell = new Cell("TURNOVER", false, level, area, null);
		cell.respondents = poles;
		cell.nRespondents = poles.length;
		cell.nExpected = poles.length;
		cell.total = 0;
		cell.max = Double.NEGATIVE_INFINITY;
		for (int p : poles) {
			cell.total += values[p];
			cell.max = Math.max(cell.max, values[p]);
			if (isProtected[p]) {
				cell.nProtected++;
				cell.protectedTotal += values[p];
				cell.protectedMax = Math.max(cell.protectedMax, values[p]);
			}
		}
		return cell;
	}

	private ConfidentialityAudit.Result audit(List<Cell> cells) {
		return ConfidentialityAudit.audit(cells, p -> values[p], isProtected, poleIds);
	}

	@Test
	void twoNetworksThatDifferByOnePoleGiveItAwayUntilOneIsSuppressed() {
		// given poles 1..6 worth 10..60, all protected; networks LABO_ESS = 1..4, RTES =
		// 1..5
		Cell national = cell(Levels.NATIONAL, "FR", 0, 1, 2, 3, 4, 5);
		Cell labo = cell(Levels.NETWORK, "LABO_ESS", 0, 1, 2, 3);
		Cell rtes = cell(Levels.NETWORK, "RTES", 0, 1, 2, 3, 4);
		List<Cell> cells = new ArrayList<>(List.of(national, labo, rtes));
		// when primary and secondary suppression alone are applied (the rules before the
		// audit)
		Confidentiality.apply(cells);
		// then every cell is published, and RTES − LABO_ESS is pole 5's value, national −
		// RTES pole 6's
		assertThat(cells).allMatch(Cell::isPublished);
		assertThat(rtes.total() - labo.total()).isEqualTo(50.0);
		// when the audit runs
		ConfidentialityAudit.Result result = audit(cells);
		// then poles 5 and 6 were exposed; 5 (the smallest pole_id) is protected by
		// suppressing its cell with the
		// fewest respondents, RTES (5 respondents, against 6 for national); then 5 and 6
		// are one class, {1..4}
		// another: nothing is exposed any more
		assertThat(result.polesAudited()).isEqualTo(6);
		assertThat(result.polesExposed()).isEqualTo(2);
		assertThat(result.suppressions())
			.containsExactly(new ConfidentialityAudit.Suppression(0, Levels.NETWORK, "RTES", 5, "PTCE-0005"));
		assertThat(rtes.status()).isEqualTo(Cell.SECONDARY);
		assertThat(national.isPublished()).isTrue();
		assertThat(labo.isPublished()).isTrue();
	}

	@Test
	void consentingPolesAreKnownSoTheyConstrainNothing() {
		// given the same networks, pole 6 consenting (its 60 is public): national − RTES
		// gives it, harmlessly
		isProtected[5] = false;
		Cell national = cell(Levels.NATIONAL, "FR", 0, 1, 2, 3, 4, 5);
		Cell labo = cell(Levels.NETWORK, "LABO_ESS", 0, 1, 2, 3);
		List<Cell> cells = new ArrayList<>(List.of(national, labo));
		Confidentiality.apply(cells);
		ConfidentialityAudit.Result result = audit(cells);
		// then national minus the known 60 minus LABO_ESS is pole 5's value: exposed, and
		// national (its only cell)
		// is suppressed
		assertThat(result.protectedRespondents()).isEqualTo(5);
		assertThat(result.polesExposed()).isEqualTo(1);
		assertThat(result.suppressions()).extracting(ConfidentialityAudit.Suppression::poleId)
			.containsExactly("PTCE-0005");
		assertThat(national.status()).isEqualTo(Cell.SECONDARY);
	}

	@Test
	void aZeroIsExposedWhenThePublishedCellsForceIt() {
		// given poles 1..4 of a theme with values 0, 0, 0, 9 and the national cell of all
		// six
		ConfidentialityAuditTest zeros = with(0, 0, 0, 9, 50, 60);
		Cell national = zeros.cell(Levels.NATIONAL, "FR", 0, 1, 2, 3, 4, 5);
		Cell theme = zeros.cell(Levels.THEME, "CULTURE", 0, 1, 2);
		Cell region = zeros.cell(Levels.REGION, "11", 0, 1, 2, 3);
		List<Cell> cells = new ArrayList<>(List.of(national, theme, region));
		ConfidentialityAudit.Result result = zeros.audit(cells);
		// then the theme's total 0 says that each of its poles is 0 (x ≥ 0), and the
		// region then gives pole 4:
		// the theme (3 respondents) goes first, for pole 1; then region − nothing still
		// pins nobody alone
		assertThat(result.polesExposed()).isEqualTo(4);
		assertThat(result.suppressions().get(0))
			.isEqualTo(new ConfidentialityAudit.Suppression(0, Levels.THEME, "CULTURE", 3, "PTCE-0001"));
		assertThat(theme.status()).isEqualTo(Cell.SECONDARY);
		assertThat(national.isPublished() && region.isPublished()).isTrue();
	}

	@Test
	void ties_preferNetworkThenThemeThenDepartementThenRegionThenNational() {
		Cell national = cell(Levels.NATIONAL, "FR", 0, 1, 2);
		Cell region = cell(Levels.REGION, "11", 0, 1, 2);
		Cell departement = cell(Levels.DEPARTEMENT, "75", 0, 1, 2);
		Cell theme = cell(Levels.THEME, "CULTURE", 0, 1, 2);
		Cell network = cell(Levels.NETWORK, "MES", 0, 1, 2);
		Cell otherNetwork = cell(Levels.NETWORK, "COORACE", 0, 1, 2);
		List<Cell> ordered = new ArrayList<>(List.of(national, region, departement, theme, network, otherNetwork));
		ordered.sort(ConfidentialityAudit.SUPPRESSION_ORDER);
		assertThat(ordered).containsExactly(otherNetwork, network, theme, departement, region, national);
	}

	@Test
	void nothingChangesWhenEveryProtectedPoleSharesItsCellsWithAnother() {
		// given 8 protected poles in two regions and two themes, two poles in each
		// (region, theme)
		ConfidentialityAuditTest eight = with(5, 7, 11, 13, 17, 19, 23, 29);
		List<Cell> cells = new ArrayList<>(List.of(eight.cell(Levels.NATIONAL, "FR", 0, 1, 2, 3, 4, 5, 6, 7),
				eight.cell(Levels.REGION, "11", 0, 1, 2, 3), eight.cell(Levels.REGION, "84", 4, 5, 6, 7),
				eight.cell(Levels.THEME, "CULTURE", 0, 1, 4, 5), eight.cell(Levels.THEME, "HABITAT", 2, 3, 6, 7)));
		Confidentiality.apply(cells);
		List<Character> before = cells.stream().map(Cell::status).toList();
		ConfidentialityAudit.Result result = eight.audit(cells);
		assertThat(result.polesExposed()).isZero();
		assertThat(result.suppressions()).isEmpty();
		assertThat(cells.stream().map(Cell::status).toList()).isEqualTo(before).containsOnly(Cell.FREE);
	}

}
