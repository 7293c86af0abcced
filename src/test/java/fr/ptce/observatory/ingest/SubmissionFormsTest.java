package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The accepted forms of periods, numbers and units (submission-format.md, Columns). */
class SubmissionFormsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "2024|2024", "2024-Q3|2024-Q3", "2024q3|2024-Q3", "2024Q1|2024-Q1",
			"2024-T4|2024-Q4", "2024-t2|2024-Q2", "T3 2024|2024-Q3", "t1  2024|2024-Q1" })
	void acceptedPeriodsAreNormalised(String given, String normalised) {
		assertThat(Period.parse(given).code()).isEqualTo(normalised);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "24", "2024-Q5", "2024-Q0", "2024-3", "T32024", "T5 2024", "2024/Q3", "20245",
			"Q3 2024", "2024 Q3", "année 2024" })
	void otherPeriodsAreRejected(String given) {
		assertThat(Period.parse(given)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "2024|2024-12-31", "2024-Q1|2024-03-31", "2024-Q2|2024-06-30",
			"2024-Q3|2024-09-30", "2024-Q4|2024-12-31" })
	void aPeriodEndsOnItsLastDay(String period, String end) {
		assertThat(Period.parse(period).end()).hasToString(end);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "12|false|12", "-12|false|-12", "+12.50|false|12.50",
			"1 234 567|false|1234567", "1\u00A0234,5|true|1234.5", "1\u202F234,5|true|1234.5", "0,5|true|0.5" })
	void numbersInTheAcceptedForms(String given, boolean commaDecimal, String canonical) {
		assertThat(SubmittedNumber.canonical(given, commaDecimal)).isEqualTo(canonical);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1,5|false", "1.234,5|true", "1e3|false", "12 %|false", "12%|false",
			".5|false", "5.|false", "--5|false", "abc|false", "+|false", "1.2.3|false", "0x10|false" })
	void notNumbers(String given, boolean commaDecimal) {
		assertThat(SubmittedNumber.canonical(given, commaDecimal)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1250.5|1000|1250500", "0.001|1000|1", "12.3|1000|12300", "12.5|1|12.5" })
	void unitFactorsApplyExactly(String canonical, int factor, double expected) {
		assertThat(SubmittedNumber.value(canonical, factor)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "EUR|eur|1", "EUR|€|1", "EUR|Euros|1", "EUR|k€|1000", "EUR|KEUR|1000",
			"fte|ETP|1", "fte|fte|1", "t|tonnes|1", "t|T|1", "h|heures|1", "count|COUNT|1" })
	void catalogueUnitsAndAliases(String catalogueUnit, String given, int factor) {
		assertThat(Units.factor(catalogueUnit, given)).isEqualTo(factor);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "EUR|$", "EUR|k$", "fte|h", "count|personnes", "t|kg", "h|heure" })
	void otherUnitsMismatch(String catalogueUnit, String given) {
		assertThat(Units.factor(catalogueUnit, given)).isZero();
	}

}
