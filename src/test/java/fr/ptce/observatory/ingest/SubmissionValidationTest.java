package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.referential.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The row rules of submission-format.md, one by one, on real files read as the job reads
 * them.
 */
class SubmissionValidationTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	final Registry registry = IngestTestSupport.registry();

	@TempDir
	Path dir;

	/**
	 * What validating a whole file gave: the issues and the accepted rows, in file order.
	 */
	record Result(List<Issue> errors, List<Issue> warnings, List<AcceptedRow> accepted, FileSniffer.Facts facts) {

		List<String> errorCodes() {
			return errors.stream().map(i -> i.line() + ":" + i.code()).toList();
		}

	}

	Result validate(Path file) throws IOException {
		FileSniffer.Facts facts = FileSniffer.sniff(file);
		KeySpace keys = new KeySpace(registry.size(), registry.firstCreated(), TODAY.getYear(),
				IngestTestSupport.CATALOGUE.size());
		SubmissionValidation.Buffers buffers = new SubmissionValidation.Buffers(keys, registry,
				IngestTestSupport.CATALOGUE);
		List<Issue> errors = new ArrayList<>();
		List<Issue> warnings = new ArrayList<>();
		List<AcceptedRow> accepted = new ArrayList<>();
		try (SubmissionReader reader = new SubmissionReader(file, facts)) {
			warnings.addAll(reader.header().warnings());
			SubmissionValidation validation = new SubmissionValidation(registry, IngestTestSupport.CATALOGUE, buffers,
					TODAY, reader.header(), facts.delimiter());
			// the job's own row loop
			RowLoop.run(file.getFileName().toString(), reader, validation, new RowLoop.Sink() {
				@Override
				public void accepted(AcceptedRow row) {
					accepted.add(row.copy());
				}

				@Override
				public void rejected(Issue reason) {
					errors.add(reason);
				}

				@Override
				public void warning(Issue warning) {
					warnings.add(warning);
				}
			});
			validation.crossRowWarnings().forEach(warnings::add);
		}
		return new Result(errors, warnings, accepted, facts);
	}

	Result validate(String content) throws IOException {
		Path file = dir.resolve("submission.csv");
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return validate(file);
	}

	@Test
	void everyReasonCodeOnItsLine() throws IOException {
		// given a file with one row per reason code, after a good row
		Path file = IngestTestSupport.copy("bad-rows.csv", dir);
		// when it is validated
		Result result = validate(file);
		// then each row gets its reason, in the order of the specification, and the good
		// row is accepted
		assertThat(result.errorCodes()).containsExactly("3:MALFORMED_ROW", "4:MISSING_FIELD", "5:UNKNOWN_POLE",
				"6:BAD_PERIOD", "7:POLE_INACTIVE", "8:FUTURE_PERIOD", "9:UNKNOWN_INDICATOR", "10:BAD_STATUS",
				"11:BAD_STATUS", "12:NOT_A_NUMBER", "13:UNIT_MISMATCH", "14:NOT_INTEGER", "15:OUT_OF_RANGE",
				"16:DUPLICATE_IN_FILE");
		assertThat(result.accepted()).hasSize(1);
		assertThat(result.errors()).allSatisfy(issue -> {
			assertThat(issue.severity()).isEqualTo(Issue.Severity.ERROR);
			assertThat(issue.messageFr()).isNotBlank();
			assertThat(issue.messageEn()).isNotBlank();
		});
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = {
			// the first reason that applies wins, in the order of the specification
			"PTCE-9999,2023-Q9,NOPE,abc,,,|UNKNOWN_POLE", "PTCE-0001,2023-Q9,NOPE,abc,,,|BAD_PERIOD",
			"PTCE-0002,2099,NOPE,abc,,,|POLE_INACTIVE", "PTCE-0001,2099,NOPE,abc,,,|FUTURE_PERIOD",
			"PTCE-0001,2023,NOPE,abc,,X,|UNKNOWN_INDICATOR", "PTCE-0001,2023,JOBS_FTE,abc,,X,|BAD_STATUS",
			"PTCE-0001,2023,JOBS_FTE,abc,$,,|NOT_A_NUMBER", "PTCE-0001,2023,MEMBERS_TOTAL,1.5,$,,|UNIT_MISMATCH",
			"PTCE-0001,2023,MEMBERS_TOTAL,9999.5,,,|NOT_INTEGER", "PTCE-0001,2023,TURNOVER,600000,k€,,|OUT_OF_RANGE",
			"PTCE-0001,2023,TURNOVER,-1,,,|OUT_OF_RANGE", "PTCE-0001,2023|MALFORMED_ROW",
			"PTCE-0001,,JOBS_FTE,1,,,|MISSING_FIELD", "PTCE-0001,2023,,1,,,|MISSING_FIELD",
			"PTCE-0001,2023,JOBS_FTE,,,,|MISSING_FIELD", "PTCE-0001,2023,JOBS_FTE,,,A,|MISSING_FIELD",
			"PTCE-0001,2014,JOBS_FTE,1,,,|POLE_INACTIVE", "PTCE-0001,2026-Q4,JOBS_FTE,1,,,|FUTURE_PERIOD",
			"PTCE-0001,2026,JOBS_FTE,1,,,|FUTURE_PERIOD" })
	void firstApplicableReason(String row, String code) throws IOException {
		Result result = validate("pole_id,period,indicator,value,unit,status,comment,extra\n" + row + ",x\n");
		assertThat(result.errors()).extracting(Issue::code).containsExactly(code);
	}

	@Test
	void numbersReadInPlaceEqualTheGeneralRules() throws IOException {
		// given 30 files of 96 random numbers in every accepted form (signs, decimal
		// points and commas, thousands
		// separators, up to 23 digits), with and without k€, in ';' files where the
		// decimal comma is allowed
		java.util.Random random = new java.util.Random(7);
		String[] units = { "", "EUR", "k€", "eur" };
		int accepted = 0;
		for (int file = 0; file < 30; file++) {
			StringBuilder csv = new StringBuilder("pole_id;period;indicator;value;unit\n");
			List<String> texts = new ArrayList<>();
			List<Integer> factors = new ArrayList<>();
			for (int key = 0; key < 96; key++) {
				StringBuilder number = new StringBuilder(random.nextInt(20) == 0 ? "+" : "");
				int digits = 1 + random.nextInt(random.nextBoolean() ? 6 : 14);
				for (int d = 0; d < digits; d++) {
					number.append((char) ('0' + random.nextInt(10)));
					if (random.nextInt(30) == 0 && d < digits - 1) {
						number.append('\u00A0');
					}
				}
				if (random.nextBoolean()) {
					number.append(random.nextBoolean() ? ',' : '.');
					int decimals = 1 + random.nextInt(random.nextBoolean() ? 3 : 9);
					for (int d = 0; d < decimals; d++) {
						number.append((char) ('0' + random.nextInt(10)));
					}
				}
				String unit = units[random.nextInt(units.length)];
				texts.add(number.toString());
				factors.add(unit.equals("k€") ? 1000 : 1);
				// a distinct key per row: PTCE-0001 and PTCE-0003 (active from 2020),
				// 2020 to 2025, 4 quarters,
				// 2 indicators in euros
				csv.append(key < 48 ? "PTCE-0001;" : "PTCE-0003;")
					.append(2020 + key / 8 % 6)
					.append("-Q")
					.append(1 + key % 4)
					.append(";")
					.append(key / 4 % 2 == 0 ? "TURNOVER" : "OWN_REVENUE")
					.append(";")
					.append(number)
					.append(";")
					.append(unit)
					.append("\n");
			}
			Path path = dir.resolve("numbers-" + file + ".csv");
			Files.writeString(path, csv, StandardCharsets.UTF_8);
			// when the file is validated
			Result result = validate(path);
			// then each accepted row has exactly the value its canonical form gives, and
			// the rows rejected are
			// out of range by that value too
			for (Issue error : result.errors()) {
				assertThat(error.code()).isEqualTo("OUT_OF_RANGE");
				int i = (int) error.line() - 2;
				double value = SubmittedNumber.value(SubmittedNumber.canonical(texts.get(i), true), factors.get(i));
				assertThat(value).as(texts.get(i)).isGreaterThan(500_000_000);
			}
			for (AcceptedRow row : result.accepted()) {
				int i = (int) row.line - 2;
				String canonical = SubmittedNumber.canonical(texts.get(i), true);
				assertThat(row.value).as(texts.get(i)).isEqualTo(SubmittedNumber.value(canonical, factors.get(i)));
				accepted++;
			}
		}
		assertThat(accepted).isGreaterThan(1500);
	}

	@Test
	void quarterEndingBeforeTheIngestionDayIsAccepted() throws IOException {
		Result result = validate("pole_id,period,indicator,value\nPTCE-0001,2026-Q3,JOBS_FTE,1\n");
		assertThat(result.errors()).isEmpty();
	}

	@Test
	void normalisedRowsOfACommaFile() throws IOException {
		// given a clean UTF-8 file with every accepted form of period, unit and status
		Result result = validate(IngestTestSupport.copy("good-comma.csv", dir));
		// then all rows are accepted, values converted into the catalogue unit, M rows
		// without a value
		assertThat(result.errors()).isEmpty();
		assertThat(result.accepted()).hasSize(8);
		AcceptedRow turnover = result.accepted().get(3);
		assertThat(turnover.value).isEqualTo(1_250_500.0);
		assertThat(turnover.status).isEqualTo('E');
		AcceptedRow jobs = result.accepted().get(2);
		assertThat(jobs.comment).isEqualTo("a comment, with a comma\nand a line break");
		assertThat(jobs.line).isEqualTo(4);
		assertThat(result.accepted().get(4).line).isEqualTo(7);
		assertThat(result.accepted()).extracting(r -> r.quarter).containsExactly(0, 0, 0, 0, 1, 2, 3, 4);
		assertThat(result.accepted().get(7).hasValue()).isFalse();
		assertThat(result.accepted().get(7).status).isEqualTo('M');
	}

	@Test
	void windows1252FileWithSemicolonsDecimalCommasAndBlankRows() throws IOException {
		// given what French Excel writes: Windows-1252, ';', decimal commas, no-break
		// spaces, CRLF, blank rows
		Result result = validate(IngestTestSupport.copy("good-cp1252-semicolon.csv", dir));
		// then the encoding and delimiter are detected, blank rows skipped, fields
		// trimmed
		assertThat(result.facts().charset().name()).isEqualTo("windows-1252");
		assertThat(result.facts().delimiter()).isEqualTo(';');
		assertThat(result.errors()).isEmpty();
		assertThat(result.accepted()).extracting(r -> r.value).containsExactly(1_234_567.89, 12_345.5);
		assertThat(result.accepted()).extracting(r -> r.line).containsExactly(2L, 5L);
		// and the unknown column is named as a warning on the header line
		assertThat(result.warnings()).extracting(Issue::code, Issue::line, Issue::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("UNKNOWN_COLUMN", 1L, "Source"));
	}

	@Test
	void byteOrderMarkIsNotPartOfTheFirstColumn() throws IOException {
		Result result = validate(IngestTestSupport.copy("good-bom.csv", dir));
		assertThat(result.facts().bom()).isTrue();
		assertThat(result.errors()).isEmpty();
		assertThat(result.accepted()).hasSize(1);
	}

	@Test
	void quoteLeftOpenAtTheEndOfTheFileIsAMalformedRow() throws IOException {
		Result result = validate(IngestTestSupport.copy("open-quote.csv", dir));
		assertThat(result.facts().openQuoteAtEnd()).isTrue();
		assertThat(result.errorCodes()).containsExactly("3:MALFORMED_ROW");
		assertThat(result.accepted()).hasSize(1);
	}

	@Test
	void commaIsADecimalSeparatorOnlyInSemicolonFiles() throws IOException {
		Result comma = validate("pole_id,period,indicator,value\nPTCE-0001,2023,JOBS_FTE,\"1,5\"\n");
		assertThat(comma.errors()).extracting(Issue::code).containsExactly("NOT_A_NUMBER");
		Result semicolon = validate("pole_id;period;indicator;value\nPTCE-0001;2023;JOBS_FTE;1,5\n");
		assertThat(semicolon.accepted()).extracting(r -> r.value).containsExactly(1.5);
	}

	@Test
	void duplicatesAreComparedAfterNormalisation() throws IOException {
		// given the same key written in two forms
		Result result = validate("pole_id,period,indicator,value\nPTCE-0001,2023-Q3,JOBS_FTE,1\n"
				+ "ptce-0001,T3 2023,jobs_fte,2\nPTCE-0001,2023-Q3,JOBS_FTE,3\n");
		// then the earlier row stands
		assertThat(result.errorCodes()).containsExactly("3:DUPLICATE_IN_FILE", "4:DUPLICATE_IN_FILE");
		assertThat(result.accepted()).extracting(r -> r.value).containsExactly(1.0);
	}

	@Test
	void rejectedRowDoesNotBlockALaterOneWithTheSameKey() throws IOException {
		Result result = validate(
				"pole_id,period,indicator,value\nPTCE-0001,2023,JOBS_FTE,abc\nPTCE-0001,2023,JOBS_FTE,2\n");
		assertThat(result.errorCodes()).containsExactly("2:NOT_A_NUMBER");
		assertThat(result.accepted()).extracting(r -> r.value).containsExactly(2.0);
	}

	@Test
	void membersAndVotersInconsistenciesAreWarnings() throws IOException {
		// given members by category above the total and voters above the total, for one
		// pole and period
		Result result = validate("pole_id,period,indicator,value\n" + "PTCE-0001,2023,MEMBERS_ESS,8\n"
				+ "PTCE-0001,2023,MEMBERS_PRIVATE,5\n" + "PTCE-0001,2023,MEMBERS_TOTAL,12\n"
				+ "PTCE-0001,2023,GOV_VOTERS,13\n" + "PTCE-0001,2022,MEMBERS_TOTAL,12\n"
				+ "PTCE-0001,2022,MEMBERS_ESS,12\n");
		// then the rows are accepted, with warnings on the total's and the voters' lines
		assertThat(result.errors()).isEmpty();
		assertThat(result.warnings()).extracting(i -> i.line() + ":" + i.code())
			.containsExactlyInAnyOrder("4:INCONSISTENT_MEMBERS", "5:INCONSISTENT_VOTERS");
	}

	@Test
	void longCommentIsCutWithAWarning() throws IOException {
		String comment = "é".repeat(501);
		Result result = validate("pole_id,period,indicator,value,comment\nPTCE-0001,2023,JOBS_FTE,1," + comment + "\n");
		assertThat(result.accepted().get(0).comment).hasSize(500);
		assertThat(result.warnings()).extracting(Issue::code).containsExactly("COMMENT_TRUNCATED");
	}

	@Test
	void fileLevelFacts() throws IOException {
		assertThat(FileSniffer.sniff(IngestTestSupport.copy("not-csv.xlsx", dir)).isText()).isFalse();
		Path latin = dir.resolve("undefined.csv");
		Files.write(latin, new byte[] { 'a', ',', 'b', '\n', (byte) 0x81, '\n' });
		assertThat(FileSniffer.sniff(latin).isText()).isFalse();
		Path file = IngestTestSupport.copy("good-comma.csv", dir);
		FileSniffer.Facts facts = FileSniffer.sniff(file);
		assertThat(facts.sha256()).isEqualTo(fr.ptce.observatory.warehouse.Sha256.of(file));
		assertThat(facts.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(facts.openQuoteAtEnd()).isFalse();
	}

	@Test
	void delimiterComesFromTheHeaderRow() {
		byte[] header = "\n\"a,b\";c;d\ne,f,g,h,i\n".getBytes(StandardCharsets.UTF_8);
		assertThat(FileSniffer.detectDelimiter(header, 0, header.length)).isEqualTo(';');
		byte[] single = "pole_id\nx".getBytes(StandardCharsets.UTF_8);
		assertThat(FileSniffer.detectDelimiter(single, 0, single.length)).isEqualTo(',');
	}

}
