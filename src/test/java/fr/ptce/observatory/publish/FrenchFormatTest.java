package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FrenchFormatTest {

	// U+202F narrow no-break space (thousands), U+00A0 no-break space (before a unit), U+2212 minus sign
	private static final String NNBSP = "\u202F";

	private static final String NBSP = "\u00A0";

	@Test
	void groupsThousandsWithANarrowNoBreakSpaceAndUsesADecimalComma() {
		assertThat(FrenchFormat.number(1234567.0, 0)).isEqualTo("1" + NNBSP + "234" + NNBSP + "567");
		assertThat(FrenchFormat.number(1234.5, 1)).isEqualTo("1" + NNBSP + "234,5");
		assertThat(FrenchFormat.number(999.0, 0)).isEqualTo("999");
		assertThat(FrenchFormat.number(0.0, 1)).isEqualTo("0,0");
	}

	@Test
	void roundsHalfUpOnTheDecimalValueNotTheBinaryOne() {
		// given 2.675, whose binary double is 2.67499999...; BigDecimal.valueOf reads its shortest decimal form
		assertThat(FrenchFormat.number(2.675, 2)).isEqualTo("2,68");
		assertThat(FrenchFormat.number(12.25, 1)).isEqualTo("12,3");
		assertThat(FrenchFormat.number(-1234.56, 1)).isEqualTo("\u22121" + NNBSP + "234,6");
	}

	@Test
	void printsEachCatalogueUnit() {
		assertThat(FrenchFormat.amount(1234.4, "EUR")).isEqualTo("1" + NNBSP + "234" + NBSP + "€");
		assertThat(FrenchFormat.amount(12.34, "%")).isEqualTo("12,3" + NBSP + "%");
		assertThat(FrenchFormat.amount(30874.24, "fte")).isEqualTo("30" + NNBSP + "874,2");
		assertThat(FrenchFormat.amount(6135.0, "count")).isEqualTo("6" + NNBSP + "135");
		// the median of an even number of counts
		assertThat(FrenchFormat.amount(16.5, "count")).isEqualTo("16,5");
		assertThat(FrenchFormat.amount(162496.4, "h")).isEqualTo("162" + NNBSP + "496" + NBSP + "h");
		assertThat(FrenchFormat.amount(11537.25, "t")).isEqualTo("11" + NNBSP + "537,3" + NBSP + "t");
		assertThat(FrenchFormat.rate(0.875)).isEqualTo("87,5" + NBSP + "%");
	}

	@Test
	void marksConfidentialAndMissingFigures() {
		assertThat(FrenchFormat.cell("A", 12.0, v -> FrenchFormat.number(v, 0))).isEqualTo("s");
		assertThat(FrenchFormat.cell("D", null, v -> FrenchFormat.number(v, 0))).isEqualTo("s");
		assertThat(FrenchFormat.cell("F", null, v -> FrenchFormat.number(v, 0))).isEqualTo("\u2013");
		assertThat(FrenchFormat.cell("F", 12.0, v -> FrenchFormat.number(v, 0))).isEqualTo("12");
		assertThat(FrenchFormat.amount(null, "EUR")).isEqualTo("\u2013");
	}

	@Test
	void signsChangesWithArrowsInPercentOrPoints() {
		assertThat(FrenchFormat.change(3.44, false)).isEqualTo("▲ +3,4" + NBSP + "%");
		assertThat(FrenchFormat.change(-2.06, false)).isEqualTo("▼ \u22122,1" + NBSP + "%");
		assertThat(FrenchFormat.change(0.04, true)).isEqualTo("► 0,0" + NBSP + "pt");
		assertThat(FrenchFormat.change(-0.04, false)).isEqualTo("► 0,0" + NBSP + "%");
		assertThat(FrenchFormat.change(1.25, true)).isEqualTo("▲ +1,3" + NBSP + "pt");
		assertThat(FrenchFormat.change(null, true)).isEqualTo("\u2013");
	}

	@Test
	void printsDirectionsInWordsWithArrows() {
		assertThat(FrenchFormat.direction("hausse")).isEqualTo("▲ hausse");
		assertThat(FrenchFormat.direction("baisse")).isEqualTo("▼ baisse");
		assertThat(FrenchFormat.direction("stable")).isEqualTo("► stable");
		assertThat(FrenchFormat.direction(null)).isEqualTo("\u2013");
	}

	@Test
	void printsDatesTheFrenchWay() {
		assertThat(FrenchFormat.date(LocalDate.of(2026, 3, 31))).isEqualTo("31 mars 2026");
		assertThat(FrenchFormat.date(LocalDate.of(2026, 5, 1))).isEqualTo("1er mai 2026");
		assertThat(FrenchFormat.date(LocalDate.of(2025, 8, 15))).isEqualTo("15 août 2025");
		assertThat(FrenchFormat.instant(Instant.parse("2026-03-31T23:59:59.999999Z")))
			.isEqualTo("31 mars 2026 à 23:59:59 UTC");
	}

}
