package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import fr.ptce.observatory.warehouse.Timestamps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonGenerator;

/**
 * The receipts {@link ReceiptWriter} writes as bytes are byte for byte those Jackson's
 * pretty-printing generator and FastCSV's writer wrote before (the receipts' format is
 * part of the contract, and acceptance data compares receipts): the reference writers are
 * kept here as they were in the job.
 */
class ReceiptWriterTest {

	@TempDir
	Path dir;

	private static final Instant AT = Instant.parse("2026-12-01T10:03:22.658954Z");

	@Test
	void manyIssuesOfEveryKindAsJacksonAndFastCsvWroteThem() throws IOException {
		List<Issue> issues = everyKind();
		assertThat(issues).hasSizeGreaterThan(5000);
		Receipt receipt = new Receipt("déclaration \"2025\", été.csv", "ab".repeat(32), AT, FileStatus.ACCEPTED, null,
				12345, 12000, 345, 9000, null, null);
		assertSameBytes(receipt, issues);
	}

	@Test
	void fileLevelOutcomesAndNoIssues() throws IOException {
		Receipt quarantined = new Receipt("x.csv", "0".repeat(64), AT, FileStatus.QUARANTINED, "MISSING_COLUMN:value",
				10, 0, 10, 0, Messages.fileReasonFr("MISSING_COLUMN:value"), Messages.fileReasonEn("NOT_CSV"));
		assertSameBytes(quarantined, List.of());
		assertSameBytes(quarantined, List.of(Messages.openQuote(3)));
		Receipt accepted = new Receipt("y.csv", "1".repeat(64), AT, FileStatus.ACCEPTED, null, 0, 0, 0, 0, null, null);
		assertSameBytes(accepted, List.of());
	}

	@Test
	void textsJsonAndCsvMustQuote() throws IOException {
		List<Issue> issues = new ArrayList<>();
		String[] texts = { "", "plain", "a\"b", "back\\slash", "line\nbreak", "cr\rlf\r\n", "tab\tx",
				"\b\f\u0000\u001f", "\u007f del", "slash / and </script>", "#comment first", "comma, here",
				"“quotes” – dash … ", "emoji 😀 and 中文", "\u2028\u2029 separators", "éàçœ ÉÀ Œ ß", "\"", "\"\"", "#",
				",", "question ? mark", "a\tb,c",
				// longer than the writer's 256 KB buffer: quoted or not, with quotes
				// doubled
				"x,\"é".repeat(70_000), "plain".repeat(60_000) };
		long line = 2;
		for (String text : texts) {
			issues.add(new Issue(line++, Issue.Severity.ERROR, "BAD_STATUS", text.isEmpty() ? null : text, text,
					text + " en"));
			issues.add(
					new Issue(line, Issue.Severity.WARNING, text.isEmpty() ? "X" : text, "status", "fr " + text, text));
		}
		Receipt receipt = new Receipt("#a,b\".csv", "2".repeat(64), AT, FileStatus.ACCEPTED, null, 1, 1, 0, 1,
				"note \"fr\"\n", "note\ten");
		assertSameBytes(receipt, issues);
	}

	/** Every kind of issue the job writes, with French texts, many times over. */
	private static List<Issue> everyKind() {
		List<Issue> issues = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			long l = 2 + i * 20L;
			issues.add(Messages.fieldCount(l, 5, 7));
			issues.add(Messages.openQuote(l));
			issues.add(Messages.unreadableRest(l + 1));
			issues.add(Messages.missingField(l + 1, "value"));
			issues.add(Messages.missingField(l + 1, "unit"));
			issues.add(Messages.unknownPole(l + 2, "PTCE-9999 \"é\""));
			issues.add(Messages.badPeriod(l + 2, "2025-Q5"));
			issues.add(Messages.poleInactive(l + 3, "PTCE-0001", new Period(2010, 0), 2012, null));
			issues.add(Messages.poleInactive(l + 3, "PTCE-0001", new Period(2010, 2), 2012, 2015));
			issues.add(Messages.futurePeriod(l + 4, new Period(2030, 1), LocalDate.of(2026, 12, 1)));
			issues.add(Messages.unknownIndicator(l + 4, "MEMBRES,TOTAL"));
			issues.add(Messages.badStatus(l + 5, "Z\t"));
			issues.add(Messages.missingWithValue(l + 5, "12,5"));
			issues.add(Messages.notANumber(l + 6, "1 234,5", true));
			issues.add(Messages.notANumber(l + 6, "abc", false));
			issues.add(Messages.unitMismatch(l + 7, "€", "BUDGET", "EUR"));
			issues.add(Messages.notInteger(l + 7, "12.5", "MEMBERS_TOTAL"));
			issues.add(Messages.outOfRange(l + 8, -0.25, "SHARE", 0, 1));
			issues.add(Messages.duplicateInFile(l + 8, "PTCE-0002", "2024-Q3", "MEMBERS_TOTAL"));
			issues.add(Messages.inconsistentMembers(l + 9, "PTCE-0001", "1990", 631, 178));
			issues.add(Messages.inconsistentVoters(l + 9, "PTCE-0001", "1990-Q1", 397, 178.5));
			issues.add(Messages.suspiciousJump(l + 10, "BUDGET", "2025", 1.25e7, "2024", 3.5));
			issues.add(Messages.commentTruncated(l + 11, 5000));
			issues.add(Messages.unknownColumn(1, "colonne \"inconnue\""));
			issues.add(Messages.duplicateColumn(1, "value"));
		}
		return issues;
	}

	private void assertSameBytes(Receipt receipt, List<Issue> issues) throws IOException {
		Path json = dir.resolve("ours.json");
		Path csv = dir.resolve("ours.csv");
		ReceiptWriter.write(receipt, issues::iterator, json, csv);
		Path refJson = dir.resolve("jackson.json");
		Path refCsv = dir.resolve("fastcsv.csv");
		jackson(receipt, issues, refJson);
		fastCsv(issues, refCsv);
		assertThat(Files.readString(json, StandardCharsets.UTF_8))
			.isEqualTo(Files.readString(refJson, StandardCharsets.UTF_8));
		assertThat(Files.readAllBytes(json)).isEqualTo(Files.readAllBytes(refJson));
		assertThat(Files.readString(csv, StandardCharsets.UTF_8))
			.isEqualTo(Files.readString(refCsv, StandardCharsets.UTF_8));
		assertThat(Files.readAllBytes(csv)).isEqualTo(Files.readAllBytes(refCsv));
	}

	/** The JSON receipt as the job wrote it with Jackson until December 2026. */
	private static void jackson(Receipt r, List<Issue> issues, Path target) throws IOException {
		try (OutputStream out = Files.newOutputStream(target);
				JsonGenerator g = Json.MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out)) {
			g.writeStartObject();
			g.writeStringProperty("file", r.file());
			g.writeStringProperty("sha256", r.sha256());
			g.writeStringProperty("ingested_at", Timestamps.format(r.ingestedAt()));
			g.writeStringProperty("status", r.status().name());
			if (r.reason() == null) {
				g.writeNullProperty("reason");
			}
			else {
				g.writeStringProperty("reason", r.reason());
			}
			g.writeNumberProperty("rows_read", r.rowsRead());
			g.writeNumberProperty("rows_accepted", r.rowsAccepted());
			g.writeNumberProperty("rows_rejected", r.rowsRejected());
			g.writeNumberProperty("rows_with_warnings", r.rowsWithWarnings());
			if (r.noteFr() != null) {
				g.writeStringProperty("message_fr", r.noteFr());
				g.writeStringProperty("message_en", r.noteEn());
			}
			g.writeName("issues");
			g.writeStartArray();
			for (Issue i : issues) {
				g.writeStartObject();
				g.writeNumberProperty("line", i.line());
				g.writeStringProperty("severity", i.severity().label());
				g.writeStringProperty("code", i.code());
				if (i.column() == null) {
					g.writeNullProperty("column");
				}
				else {
					g.writeStringProperty("column", i.column());
				}
				g.writeStringProperty("message_fr", i.messageFr());
				g.writeStringProperty("message_en", i.messageEn());
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeEndObject();
		}
	}

	/** The CSV receipt as the job wrote it with FastCSV until December 2026. */
	private static void fastCsv(List<Issue> issues, Path target) throws IOException {
		try (CsvWriter csv = CsvWriter.builder()
			.lineDelimiter(LineDelimiter.LF)
			.build(target, StandardCharsets.UTF_8)) {
			csv.writeRecord("line", "severity", "code", "column", "message_fr", "message_en");
			for (Issue i : issues) {
				csv.writeRecord(Long.toString(i.line()), i.severity().label(), i.code(),
						i.column() == null ? "" : i.column(), i.messageFr(), i.messageEn());
			}
		}
	}

}
