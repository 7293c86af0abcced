package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.referential.Levels;

import org.junit.jupiter.api.Test;

/** Methodology section 4: primary and secondary suppression, every case. */
class ConfidentialityTest {

	private static Cell cell(String level, String area, String group, int n, double total, double max) {
		Cell c = new Cell("TURNOVER", false, level, area, group);
		c.nRespondents = n;
		c.nExpected = n;
		c.total = n == 0 ? Double.NaN : total;
		c.max = n == 0 ? Double.NaN : max;
		return c;
	}

	private static Cell region(String area, int n, double total, double max) {
		return cell(Levels.REGION, area, null, n, total, max);
	}

	/** A group of respondents none of which is protected (all consented to open data). */
	private static RespondentGroup open(int n, double total, double max) {
		return new RespondentGroup(n, total, max, 0, 0, Double.NEGATIVE_INFINITY);
	}

	@Test
	void primaryTooFewRespondents() {
		assertThat(Confidentiality.primary(RespondentGroup.NONE, false)).isEqualTo('A');
		assertThat(Confidentiality.primary(open(2, 10, 6), false)).isEqualTo('A');
		assertThat(Confidentiality.primary(open(2, 10, 6), true)).isEqualTo('A');
		assertThat(Confidentiality.primary(open(3, 10, 4), false)).isEqualTo('F');
	}

	@Test
	void primaryOneOrTwoProtectedRespondentsAreTooFew() {
		// the total minus the consenting poles' known values would give them, for a ratio
		// too
		for (boolean ratio : new boolean[] { false, true }) {
			assertThat(Confidentiality.primary(new RespondentGroup(10, 100, 12, 1, 12, 12), ratio)).isEqualTo('A');
			assertThat(Confidentiality.primary(new RespondentGroup(10, 100, 12, 2, 20, 12), ratio)).isEqualTo('A');
			assertThat(Confidentiality.primary(new RespondentGroup(10, 100, 12, 3, 30, 12), ratio)).isEqualTo('F');
			assertThat(Confidentiality.primary(new RespondentGroup(10, 100, 12, 0, 0, Double.NEGATIVE_INFINITY), ratio))
				.isEqualTo('F');
		}
	}

	@Test
	void primaryDominanceIsMoreThan85PercentOfAPositiveTotal() {
		// 86 of 100 dominates, 85 of 100 does not
		assertThat(Confidentiality.primary(open(3, 100, 86), false)).isEqualTo('O');
		assertThat(Confidentiality.primary(open(3, 100, 85), false)).isEqualTo('F');
		// not for a ratio, not for a zero total
		assertThat(Confidentiality.primary(open(3, 100, 86), true)).isEqualTo('F');
		assertThat(Confidentiality.primary(open(3, 0, 0), false)).isEqualTo('F');
	}

	@Test
	void primaryDominanceAmongTheProtectedRespondents() {
		// given 3 protected poles 1, 1, 18 among consenting ones worth 80: 18 is 18 % of
		// the total, but 90 % of
		// what the total minus the known values leaves
		RespondentGroup group = new RespondentGroup(8, 100, 40, 3, 20, 18);
		assertThat(Confidentiality.primary(group, false)).isEqualTo('O');
		// 17 of 20 is exactly 85 %: not dominant; and never for a ratio
		assertThat(Confidentiality.primary(new RespondentGroup(8, 100, 40, 3, 20, 17), false)).isEqualTo('F');
		assertThat(Confidentiality.primary(group, true)).isEqualTo('F');
	}

	@Test
	void secondaryJudgesTheUnionWithItsProtectedRespondents() {
		// given region 11 with one protected respondent (A), and free regions of 5
		// respondents each, the smallest
		// with one protected respondent and the next with none
		Cell r11 = region("11", 5, 50, 20);
		r11.nProtected = 1;
		r11.protectedTotal = 10;
		r11.protectedMax = 10;
		Cell r24 = region("24", 5, 60, 20);
		r24.nProtected = 1;
		r24.protectedTotal = 10;
		r24.protectedMax = 10;
		Cell r27 = region("27", 5, 70, 20);
		Cell r28 = region("28", 5, 80, 20);
		r28.nProtected = 3;
		r28.protectedTotal = 30;
		r28.protectedMax = 10;
		Confidentiality.apply(List.of(r11, r24, r27, r28));
		// then {11} has 1 protected respondent: 24 joins it; {11, 24} has 2: 27 joins;
		// still 2: 28 joins, 5 protected
		assertThat(r11.status()).isEqualTo('A');
		assertThat(r24.status()).isEqualTo('A');
		assertThat(r27.status()).isEqualTo('D');
		assertThat(r28.status()).isEqualTo('D');
	}

	@Test
	void secondarySuppressesTheSmallestFreeCellTiesByLowestAreaCode() {
		// given a region with 2 respondents and three free regions, two tied at the
		// smallest total
		Cell r11 = region("11", 2, 5, 3);
		Cell r84 = region("84", 4, 50, 20);
		Cell r53 = region("53", 3, 50, 20);
		Cell r93 = region("93", 5, 100, 30);
		List<Cell> cells = new ArrayList<>(List.of(r11, r84, r53, r93));
		// when confidentiality is applied
		Confidentiality.apply(cells);
		// then 11 is A; the union {11} has 2 respondents, so the smallest F (53 before 84
		// at 50) becomes D;
		// {11, 53}: 5 respondents, total 55, largest 20: not confidential, so it stops
		assertThat(r11.status()).isEqualTo('A');
		assertThat(r53.status()).isEqualTo('D');
		assertThat(r84.status()).isEqualTo('F');
		assertThat(r93.status()).isEqualTo('F');
	}

	@Test
	void secondaryCanNeedMoreThanOneExtraCell() {
		// given a dominated region: 3 respondents, total 100, one pole 95
		Cell dominated = region("11", 3, 100, 95);
		Cell small = region("24", 3, 5, 2);
		Cell medium = region("27", 3, 10, 4);
		Cell large = region("28", 3, 300, 120);
		List<Cell> cells = List.of(dominated, small, medium, large);
		Confidentiality.apply(cells);
		// then {11, 24}: total 105, 95 > 89.25 still dominated -> 27 too; {11, 24, 27}:
		// 115, 95 ≤ 97.75: stop
		assertThat(dominated.status()).isEqualTo('O');
		assertThat(small.status()).isEqualTo('D');
		assertThat(medium.status()).isEqualTo('D');
		assertThat(large.status()).isEqualTo('F');
	}

	@Test
	void anEmptyRegionStillTriggersSecondarySuppression() {
		// given a region with expected poles but no respondent: A with zero respondents
		Cell empty = region("11", 0, 0, 0);
		Cell a = region("24", 3, 30, 10);
		Cell b = region("27", 3, 20, 10);
		Confidentiality.apply(List.of(empty, a, b));
		// then the union {11} (0 respondents) is confidential: the smallest free cell is
		// suppressed
		assertThat(empty.status()).isEqualTo('A');
		assertThat(b.status()).isEqualTo('D');
		assertThat(a.status()).isEqualTo('F');
	}

	@Test
	void departmentsAreGroupedByRegionAndNetworksAndNationalAreNotSuppressed() {
		// given department cells of two regions, one confidential in region 84 only
		Cell d01 = cell(Levels.DEPARTEMENT, "01", "84", 1, 5, 5);
		Cell d69 = cell(Levels.DEPARTEMENT, "69", "84", 5, 100, 30);
		Cell d73 = cell(Levels.DEPARTEMENT, "73", "84", 4, 60, 20);
		Cell d13 = cell(Levels.DEPARTEMENT, "13", "93", 3, 10, 4);
		Cell d06 = cell(Levels.DEPARTEMENT, "06", "93", 3, 12, 5);
		Cell netA = cell(Levels.NETWORK, "RTES", null, 1, 5, 5);
		Cell netB = cell(Levels.NETWORK, "MES", null, 3, 1, 0.5);
		Cell fr = cell(Levels.NATIONAL, "FR", null, 3, 1, 0.5);
		Confidentiality.apply(List.of(d01, d69, d73, d13, d06, netA, netB, fr));
		// then only region 84's smallest free department is suppressed
		assertThat(d01.status()).isEqualTo('A');
		assertThat(d73.status()).isEqualTo('D');
		assertThat(d69.status()).isEqualTo('F');
		assertThat(d13.status()).isEqualTo('F');
		assertThat(d06.status()).isEqualTo('F');
		// networks overlap: no secondary suppression
		assertThat(netA.status()).isEqualTo('A');
		assertThat(netB.status()).isEqualTo('F');
		assertThat(fr.status()).isEqualTo('F');
	}

	@Test
	void themesFormAGroup() {
		Cell t1 = cell(Levels.THEME, "CULTURE", null, 3, 100, 90);
		Cell t2 = cell(Levels.THEME, "HABITAT", null, 3, 40, 20);
		Cell t3 = cell(Levels.THEME, "ENERGIE", null, 3, 400, 200);
		Confidentiality.apply(List.of(t1, t2, t3));
		// CULTURE dominated (90 > 85); {CULTURE, HABITAT}: 140, 90 ≤ 119: stop
		assertThat(t1.status()).isEqualTo('O');
		assertThat(t2.status()).isEqualTo('D');
		assertThat(t3.status()).isEqualTo('F');
	}

	@Test
	void ratioUnionsOnlyCountRespondents() {
		// given a ratio region with 2 respondents, then free ones
		Cell r1 = new Cell("ESS_SHARE", true, Levels.REGION, "11", null);
		r1.nRespondents = 2;
		r1.total = 50;
		r1.max = 90;
		Cell r2 = new Cell("ESS_SHARE", true, Levels.REGION, "24", null);
		r2.nRespondents = 3;
		r2.total = 40;
		r2.max = 99;
		Cell r3 = new Cell("ESS_SHARE", true, Levels.REGION, "27", null);
		r3.nRespondents = 3;
		r3.total = 60;
		r3.max = 99;
		Confidentiality.apply(List.of(r1, r2, r3));
		// then one extra cell (the smallest ratio) is enough: 5 respondents, and no
		// dominance for ratios
		assertThat(r1.status()).isEqualTo('A');
		assertThat(r2.status()).isEqualTo('D');
		assertThat(r3.status()).isEqualTo('F');
	}

	@Test
	void aConfidentialCellPublishesOnlyItsCounts() {
		Cell c = region("11", 2, 5, 3);
		c.nExpected = 4;
		c.mean = 2.5;
		c.median = 2.5;
		Confidentiality.apply(List.of(c));
		var row = c.toRow();
		assertThat(row.confStatus()).isEqualTo("A");
		assertThat(row.nExpected()).isEqualTo(4);
		assertThat(row.nRespondents()).isEqualTo(2);
		assertThat(row.responseRate()).isEqualTo(0.5);
		assertThat(row.total()).isNull();
		assertThat(row.mean()).isNull();
		assertThat(row.median()).isNull();
	}

}
