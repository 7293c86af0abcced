package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FrenchFormatTest {

	// U+202F narrow no-break space (thousands), U+00A0 no-break space (before a unit),
	// U+2212 minus sign
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
		// given 2.675, whose binary double is 2.67499999...; BigDecimal.valueOf reads its
		// shortest decimal form
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
		assertThat(FrenchFormat.cell("F", null, v -> FrenchFormat.number(v, 0))).isEqualTo("nd");
		assertThat(FrenchFormat.cell("F", 12.0, v -> FrenchFormat.number(v, 0))).isEqualTo("12");
		assertThat(FrenchFormat.amount(null, "EUR")).isEqualTo("nd");
	}

	@Test
	void signsChangesWithArrowsInPercentOrPoints() {
		assertThat(FrenchFormat.change(3.44, false)).isEqualTo("▲ +3,4" + NBSP + "%");
		assertThat(FrenchFormat.change(-2.06, false)).isEqualTo("▼ \u22122,1" + NBSP + "%");
		assertThat(FrenchFormat.change(0.04, true)).isEqualTo("► 0,0" + NBSP + "pt");
		assertThat(FrenchFormat.change(-0.04, false)).isEqualTo("► 0,0" + NBSP + "%");
		assertThat(FrenchFormat.change(1.25, true)).isEqualTo("▲ +1,3" + NBSP + "pt");
		assertThat(FrenchFormat.change(null, true)).isEqualTo("nd");
	}

	@Test
	void printsDirectionsInWordsWithArrows() {
		assertThat(FrenchFormat.direction("hausse")).isEqualTo("▲ hausse");
		assertThat(FrenchFormat.direction("baisse")).isEqualTo("▼ baisse");
		assertThat(FrenchFormat.direction("stable")).isEqualTo("► stable");
		assertThat(FrenchFormat.direction(null)).isEqualTo("nd");
	}

	@Test
	void printsDatesTheFrenchWay() {
		// no-break space between day and month; "er" raised (modifier letters, so the PDF
		// and the XLSX agree)
		assertThat(FrenchFormat.date(LocalDate.of(2026, 3, 31))).isEqualTo("31\u00A0mars 2026");
		assertThat(FrenchFormat.date(LocalDate.of(2026, 5, 1))).isEqualTo("1\u1D49\u02B3\u00A0mai 2026");
		assertThat(FrenchFormat.date(LocalDate.of(2025, 8, 15))).isEqualTo("15\u00A0août 2025");
	}

	@Test
	void printsInstantsInParisTimeToTheMinute() {
		// 23:59 UTC on 31 March is 1:59 on 1 April in Paris (summer time); winter time is
		// one hour ahead of UTC
		assertThat(FrenchFormat.instant(Instant.parse("2026-03-31T23:59:59.999999Z")))
			.isEqualTo("1\u1D49\u02B3\u00A0avril 2026 à 1\u00A0h\u00A059");
		assertThat(FrenchFormat.instant(Instant.parse("2026-01-15T08:05:00Z")))
			.isEqualTo("15\u00A0janvier 2026 à 9\u00A0h\u00A005");
		assertThat(FrenchFormat.date(Instant.parse("2026-03-31T23:59:59Z"))).isEqualTo("1\u1D49\u02B3\u00A0avril 2026");
	}

	@Test
	void notAvailableAndNoPoleAreDistinctMarks() {
		assertThat(FrenchFormat.MISSING).isEqualTo("nd");
		assertThat(FrenchFormat.NO_POLE).isEqualTo("\u2013").isNotEqualTo(FrenchFormat.MISSING);
		assertThat(PublicationContent.expected(null)).isEqualTo("0");
		assertThat(PublicationContent.responseRate(null)).isEqualTo(FrenchFormat.NO_POLE);
		assertThat(PublicationContent.NOTE).contains("nd : donnée non disponible").contains("\u2013 : aucun pôle");
	}

	@Test
	void codesAreNeverBrokenAcrossLines() {
		assertThat(FrenchFormat.code("PTCE-0030")).isEqualTo("PTCE\u20110030").doesNotContain("-");
	}

}
