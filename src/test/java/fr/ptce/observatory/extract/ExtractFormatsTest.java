package fr.ptce.observatory.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.extract.ExtractTables.YearCell;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The small formats of an extract: CSV values, version names, SDMX rows, the footer-only
 * copy of a Parquet file.
 */
class ExtractFormatsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "12500000.0|12500000", "0.5|0.5", "-3.0|-3", "1.0E-7|0.0000001",
			"67.64705882352942|67.64705882352942", "1.0E20|100000000000000000000" })
	void numbersHaveADotNoExponentAndNoUselessFraction(double value, String text) {
		StringBuilder b = new StringBuilder();
		CsvValues.append(b, value);
		assertThat(b).hasToString(text);
	}

	@Test
	void stringsAreQuotedOnlyWhenTheyMustBe() {
		StringBuilder b = new StringBuilder();
		CsvValues.append(b, "Pôle \"Un\", Lyon");
		b.append('|');
		CsvValues.append(b, "plain");
		b.append('|');
		CsvValues.append(b, null);
		b.append('|');
		CsvValues.append(b, true);
		assertThat(b).hasToString("\"Pôle \"\"Un\"\", Lyon\"|plain||true");
	}

	@Test
	void versionsAreTheCompactAsOfAndReadBack() {
		assertThat(ExtractVersion.of(Instant.parse("2026-03-31T06:00:00Z"))).isEqualTo("20260331T060000Z");
		assertThat(ExtractVersion.of(Instant.parse("2026-03-31T23:59:59.999999Z")))
			.isEqualTo("20260331T235959.999999Z");
		assertThat(ExtractVersion.parse("20260331T235959.999999Z"))
			.isEqualTo(Instant.parse("2026-03-31T23:59:59.999999Z"));
		assertThat(ExtractVersion.parse("20260331T060000Z")).isEqualTo(Instant.parse("2026-03-31T06:00:00Z"));
		assertThat(ExtractVersion.parse("latest")).isNull();
		assertThat(ExtractVersion.parse("20261331T060000Z")).isNull();
		assertThat(ExtractVersion.parse(".20260331T060000Z.tmp-x")).isNull();
	}

	@Test
	void sdmxHasOneRowPerCellAndNoValueWhereConfidential() throws Exception {
		AggregateCell free = new AggregateCell("JOBS_FTE", "region", "84", 10, 8, 1, 80.0, 1234.5, 154.3, null, null,
				null, 1.2, 3.4, null, null, "F");
		AggregateCell hidden = new AggregateCell("TURNOVER", "departement", "2A", 2, 2, 0, 100.0, null, null, null,
				null, null, null, null, null, null, "A");
		StringWriter out = new StringWriter();
		SdmxCsv.write(out, List.of(new YearCell(2025, free), new YearCell(2024, hidden)),
				Map.of("JOBS_FTE", "fte", "TURNOVER", "EUR"));
		assertThat(out.toString())
			.isEqualTo(SdmxCsv.HEADER + "dataflow,PTCE:DF_PTCE_AGGREGATES(1.0),A,JOBS_FTE,region,84,2025,1234.5,fte,F\n"
					+ "dataflow,PTCE:DF_PTCE_AGGREGATES(1.0),A,TURNOVER,departement,2A,2024,,EUR,A\n");
	}

	@Test
	void aParquetCopyChangesTheFooterOnlyAndStaysReadable(@TempDir Path dir) throws Exception {
		AggregateCell cell = new AggregateCell("JOBS_FTE", "national", "FR", 10, 8, 1, 80.0, 1234.5, 154.3, 150.0,
				100.0, 200.0, 1.2, 3.4, 2.0, 1200.0, "F");
		Path source = dir.resolve("a.parquet");
		Map<String, String> kv = new java.util.LinkedHashMap<>(
				new Provenance(Instant.parse("2026-03-31T06:00:00Z"), "c", "r", "t").keyValueMetadata());
		kv.put("observatory.partner", "RTES");
		try (var sink = Tables.AGGREGATE.open(source, kv, 1 << 20)) {
			sink.write(cell);
			sink.commit();
		}
		Path copy = dir.resolve("b.parquet");
		ParquetCopy.withMetadata(source, copy, Map.of("observatory.partner", "MES"));
		assertThat(ParquetScan.keyValueMetadata(copy)).containsEntry("observatory.partner", "MES")
			.containsEntry("observatory.as_of", "2026-03-31T06:00:00Z");
		assertThat(TableReaders.aggregates(copy)).containsExactly(cell);
		assertThat(ParquetScan.keyValueMetadata(source)).containsEntry("observatory.partner", "RTES");
	}

}
