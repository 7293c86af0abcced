package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Provenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The direct path of large files (their rows encoded while they are validated, into part
 * files of their own), with a threshold of a few kilobytes so that small test files take
 * it: an accepted large file is stored once, a quarantined one leaves nothing, and a run
 * mixing small and large files keeps scan order = ingestion order.
 */
class IngestDirectPathTest {

	static final long DIRECT_BYTES = 4096;

	static final int POLES = 60;

	@TempDir
	Path work;

	Registry registry;

	Catalogue catalogue = Catalogue.bundled();

	DataDirectory dir;

	@BeforeEach
	void layout() throws IOException {
		Path file = work.resolve("registry.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("pole_id,name,commune,created,closed,legal_form,theme,networks,epci,open_data\n");
			for (int p = 1; p <= POLES; p++) {
				out.write(String.format("PTCE-%04d,Pôle %d,75056,2010,,association,CULTURE,,,yes%n", p, p));
			}
		}
		registry = Registry.load(file, GeoReferential.bundled());
		dir = new DataDirectory(work.resolve("data"));
		dir.createLayout();
	}

	/**
	 * A large file: the given head rows, then distinct filler rows (poles 3 and up, 2016
	 * to 2022).
	 */
	long writeLarge(String name, List<String> head, boolean broken) throws IOException {
		long rows = head.size();
		try (BufferedWriter out = Files.newBufferedWriter(dir.inbox().resolve(name))) {
			out.write("pole_id,period,indicator,value\n");
			for (String row : head) {
				out.write(row + "\n");
			}
			for (int year = 2016; year <= 2022; year++) {
				for (int p = 3; p <= POLES; p++) {
					out.write(String.format("PTCE-%04d,%d,JOBS_FTE,%s%n", p, year, broken ? "lots" : p % 13 + 1));
					rows++;
				}
			}
		}
		assertThat(Files.size(dir.inbox().resolve(name))).isGreaterThan(DIRECT_BYTES);
		return rows;
	}

	void writeSmall(String name, String... rows) throws IOException {
		Files.writeString(dir.inbox().resolve(name),
				"pole_id,period,indicator,value\n" + String.join("\n", rows) + "\n");
		assertThat(Files.size(dir.inbox().resolve(name))).isLessThan(DIRECT_BYTES);
	}

	/**
	 * One run over the inbox, sealed and published; the staged parquet files seen at seal
	 * are returned.
	 */
	List<Path> ingest(List<SubmissionOutcome> outcomes) throws IOException {
		SubmissionLedger ledger = new SubmissionLedger() {
			@Override
			public boolean alreadyIngested(String sha256) {
				return false;
			}

			@Override
			public void record(String runId, Instant at, List<SubmissionOutcome> files, Long id) {
			}
		};
		Path staged;
		try (IngestRun run = new IngestRun(dir, registry, catalogue,
				new Provenance(Instant.now(), catalogue.sha256(), registry.sha256(), "test"), Instant.now(),
				ZoneId.of("Europe/Paris"), 0.5, ledger, DIRECT_BYTES)) {
			for (Path file : InboxReader.inboxFiles(dir.inbox())) {
				ProcessedFile processed = run.process(file);
				run.record(processed);
				outcomes.add(processed.outcome());
			}
			staged = run.seal();
		}
		List<Path> parquet;
		try (Stream<Path> files = Files.walk(staged)) {
			parquet = files.filter(p -> p.getFileName().toString().contains(".parquet")).sorted().toList();
		}
		RunPublication.publish(staged, dir, dir.inbox(), ledger, null);
		return parquet;
	}

	Connection duckdb() throws Exception {
		return DriverManager.getConnection("jdbc:duckdb:");
	}

	String observations() {
		return "read_parquet('" + dir.table("observations")
				+ "/*/*.parquet', hive_partitioning = true, filename = true)";
	}

	List<Path> warehouseParquet() throws IOException {
		try (Stream<Path> files = Files.walk(dir.warehouse())) {
			return files.filter(p -> p.getFileName().toString().contains(".parquet")).sorted().toList();
		}
	}

	JsonNode receipt(SubmissionOutcome outcome) throws IOException {
		return Json.MAPPER.readTree(dir.receipts().resolve(outcome.receipt() + ".json").toFile());
	}

	@Test
	void largeFileAcceptedIsStoredOnceInPartsOfItsOwn() throws Exception {
		// given a large clean file
		long rows = writeLarge("large.csv", List.of(), false);

		// when it is ingested
		List<SubmissionOutcome> outcomes = new ArrayList<>();
		List<Path> staged = ingest(outcomes);

		// then every row is stored once, in part files of the run under
		// observations/year=*/
		assertThat(outcomes).singleElement().satisfies(o -> {
			assertThat(o.status()).isEqualTo(FileStatus.ACCEPTED);
			assertThat(o.rowsAccepted()).isEqualTo(rows);
		});
		assertThat(staged).hasSize(7)
			.allSatisfy(p -> assertThat(p.getFileName().toString()).matches("part-\\d{16}-\\d{3}\\.parquet"));
		List<Path> visible = warehouseParquet();
		assertThat(visible).hasSize(7)
			.allSatisfy(p -> assertThat(p.getParent().getFileName().toString()).matches("year=20(1[6-9]|2[0-2])"));
		assertThat(visible.get(0).getParent().getParent()).isEqualTo(dir.table("observations"));
		try (Connection db = duckdb(); Statement sql = db.createStatement()) {
			ResultSet rs = sql.executeQuery("SELECT count(*), count(DISTINCT (pole_id, period, indicator)),"
					+ " min(source_file), max(source_file), sum(value), min(submission_id), max(submission_id) FROM "
					+ observations());
			rs.next();
			assertThat(rs.getLong(1)).isEqualTo(rows);
			assertThat(rs.getLong(2)).isEqualTo(rows);
			assertThat(rs.getString(3)).isEqualTo("large.csv");
			assertThat(rs.getString(4)).isEqualTo("large.csv");
			// the SHA-256 computed while the file was validated
			assertThat(rs.getString(6)).isEqualTo(rs.getString(7))
				.isEqualTo(outcomes.get(0).sha256())
				.isEqualTo(fr.ptce.observatory.warehouse.Sha256.of(dir.archive().resolve("large.csv")));
		}
		assertThat(dir.archive().resolve("large.csv")).exists();
	}

	@Test
	void largeFileQuarantinedLeavesNothingStored() throws Exception {
		// given a small file, a large file whose rows are nearly all wrong, and a small
		// file after it
		writeSmall("a.csv", "PTCE-0001,2023,JOBS_FTE,3");
		writeLarge("b-large.csv", List.of("PTCE-0001,2023,JOBS_FTE,5", "PTCE-0002,2023,JOBS_FTE,6"), true);
		writeSmall("c.csv", "PTCE-0002,2023,JOBS_FTE,4");

		// when they are ingested in one run
		List<SubmissionOutcome> outcomes = new ArrayList<>();
		List<Path> staged = ingest(outcomes);

		// then the large file is quarantined and none of its rows is stored, no part of
		// it left anywhere
		assertThat(outcomes).extracting(SubmissionOutcome::status)
			.containsExactly(FileStatus.ACCEPTED, FileStatus.QUARANTINED, FileStatus.ACCEPTED);
		assertThat(staged).hasSize(2)
			.allSatisfy(p -> assertThat(p.getFileName().toString()).matches("part-\\d{16}-\\d{3}\\.parquet"));
		assertThat(warehouseParquet()).hasSize(2);
		try (Connection db = duckdb(); Statement sql = db.createStatement()) {
			ResultSet rs = sql.executeQuery("SELECT source_file, value FROM " + observations() + " ORDER BY filename");
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("a.csv");
			assertThat(rs.getDouble(2)).isEqualTo(3);
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("c.csv");
			assertThat(rs.next()).isFalse();
		}
		try (Stream<Path> left = Files.walk(dir.staging())) {
			assertThat(left.filter(Files::isRegularFile)).isEmpty();
		}
		assertThat(dir.quarantine().resolve("b-large.csv")).exists();
	}

	@Test
	void smallLargeSmallKeepIngestionOrderForCurrentValues() throws Exception {
		// given, in one run, a key sent in a small file, then a large one, then a small
		// one, which must win;
		// and another key whose last value comes from the large file
		writeSmall("a.csv", "PTCE-0001,2023,JOBS_FTE,1", "PTCE-0002,2023,JOBS_FTE,1");
		writeLarge("b-large.csv", List.of("PTCE-0001,2023,JOBS_FTE,1000", "PTCE-0002,2023,JOBS_FTE,1000"), false);
		writeSmall("c.csv", "PTCE-0001,2023,JOBS_FTE,10");
		List<SubmissionOutcome> first = new ArrayList<>();
		ingest(first);
		assertThat(first).extracting(SubmissionOutcome::status).containsOnly(FileStatus.ACCEPTED);

		// then in the year partition, files in name order hold the files in processing
		// order
		try (Connection db = duckdb(); Statement sql = db.createStatement()) {
			ResultSet rs = sql.executeQuery("SELECT filename, min(source_file), max(source_file) FROM " + observations()
					+ " WHERE year = 2023 GROUP BY filename ORDER BY filename");
			List<String> order = new ArrayList<>();
			while (rs.next()) {
				assertThat(rs.getString(2)).isEqualTo(rs.getString(3));
				order.add(rs.getString(2));
			}
			assertThat(order).containsExactly("a.csv", "b-large.csv", "c.csv");
		}

		// when a later run sends 2024 values: 50 is no jump from 10 (c.csv), but is from
		// 1000 (b-large.csv)
		writeSmall("d.csv", "PTCE-0001,2024,JOBS_FTE,50", "PTCE-0002,2024,JOBS_FTE,50");
		List<SubmissionOutcome> second = new ArrayList<>();
		ingest(second);

		// then only the second key is warned, against the large file's value, the first
		// against c.csv's
		JsonNode receipt = receipt(second.get(0));
		assertThat(receipt.get("issues")).hasSize(1);
		JsonNode jump = receipt.get("issues").get(0);
		assertThat(jump.get("code").asString()).isEqualTo("SUSPICIOUS_JUMP");
		assertThat(jump.get("line").asLong()).isEqualTo(3);
	}

	@ParameterizedTest(name = "large file: {0}")
	@ValueSource(booleans = { false, true })
	void jumpsAreMeasuredAgainstTheValuesAfterTheWholeFileInAnyRowOrder(boolean large) throws Exception {
		// given stored 2021 and 2022 values of 2, then a file (small or large) whose 2023
		// row (tenfold the stored
		// 2022) comes before its own 2022 row of 400 (so no jump once the file is read),
		// and whose 2022 row of
		// PTCE-0002's GOV_MEETINGS is 100 with its 2021 row of 5 coming only after it (a
		// jump once read)
		writeSmall("a.csv", "PTCE-0001,2022,JOBS_FTE,2", "PTCE-0002,2021,GOV_MEETINGS,2");
		ingest(new ArrayList<>());
		List<String> rows = List.of("PTCE-0001,2023,JOBS_FTE,500", "PTCE-0002,2022,GOV_MEETINGS,100",
				"PTCE-0001,2022,JOBS_FTE,400", "PTCE-0002,2021,GOV_MEETINGS,5");
		if (large) {
			writeLarge("b-large.csv", rows, false);
		}
		else {
			writeSmall("b.csv", rows.toArray(String[]::new));
		}
		List<SubmissionOutcome> outcomes = new ArrayList<>();
		// when it is ingested
		ingest(outcomes);
		// then the only jump is that of line 3, measured against the 5 of line 5
		JsonNode issues = receipt(outcomes.get(0)).get("issues");
		assertThat(issues).hasSize(1);
		assertThat(issues.get(0).get("code").asString()).isEqualTo("SUSPICIOUS_JUMP");
		assertThat(issues.get(0).get("line").asLong()).isEqualTo(3);
		assertThat(issues.get(0).get("message_en").asString()).contains("100").contains("5");
	}

	/**
	 * Over a megabyte (the head a large file is first read on) of distinct valid rows,
	 * then the given tail, in the given encoding.
	 */
	Path writeBeyondHead(String name, String tail, java.nio.charset.Charset charset) throws IOException {
		Path file = dir.inbox().resolve(name);
		try (BufferedWriter out = Files.newBufferedWriter(file, charset)) {
			out.write("pole_id,period,indicator,value,unit,status,comment\n");
			int rows = 0;
			for (Indicator indicator : catalogue.indicators()) {
				for (int p = 1; p <= POLES && rows < 40_000; p++) {
					for (int year = 2016; year <= 2025; year++) {
						for (int q = 0; q <= 4; q++) {
							out.write(String.format("PTCE-%04d,%s,%s,1,,,%n", p, new Period(year, q).code(),
									indicator.code()));
							rows++;
						}
					}
				}
			}
			out.write(tail);
		}
		assertThat(Files.size(file)).isGreaterThan(1 << 20);
		return file;
	}

	@Test
	void largeFileInWindows1252BeyondItsFirstMegabyteIsReadAgainInThatEncoding() throws Exception {
		// given a large file, plain ASCII for over a megabyte, then a comment in
		// Windows-1252
		writeBeyondHead("late-accent.csv", "PTCE-0001,2015-Q1,JOBS_FTE,1,,,Dépôt été\n",
				Charset.forName("windows-1252"));
		// when it is ingested
		List<SubmissionOutcome> outcomes = new ArrayList<>();
		ingest(outcomes);
		// then it is accepted, every row stored once, and the comment decoded as
		// Windows-1252
		assertThat(outcomes.get(0).status()).isEqualTo(FileStatus.ACCEPTED);
		try (Connection db = duckdb();
				Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT (pole_id, period, indicator)), "
						+ "max(comment) FROM " + observations())) {
			rs.next();
			assertThat(rs.getLong(1)).isEqualTo(outcomes.get(0).rowsAccepted()).isEqualTo(rs.getLong(2));
			assertThat(rs.getString(3)).isEqualTo("Dépôt été");
		}
	}

	@Test
	void largeFileWithANulBeyondItsFirstMegabyteIsNotCsvAndLeavesNothing() throws Exception {
		// given a large file with a NUL byte after its first megabyte
		writeBeyondHead("late-nul.csv", "PTCE-0001,2015-Q1,JOBS_FTE,1,,,\u0000\n", StandardCharsets.UTF_8);
		// when it is ingested
		List<SubmissionOutcome> outcomes = new ArrayList<>();
		List<Path> staged = ingest(outcomes);
		// then it is rejected as not CSV and nothing of it is stored
		assertThat(outcomes.get(0).status()).isEqualTo(FileStatus.REJECTED);
		assertThat(outcomes.get(0).reason()).isEqualTo("NOT_CSV");
		assertThat(staged).isEmpty();
		assertThat(warehouseParquet()).isEmpty();
	}

	@Test
	void largeFileSentTwiceIsADuplicateAndStoredOnce() throws Exception {
		// given a large file, and the same bytes under another name
		Path first = writeBeyondHead("a-first.csv", "", StandardCharsets.UTF_8);
		Files.copy(first, dir.inbox().resolve("b-again.csv"));
		// when they are ingested
		List<SubmissionOutcome> outcomes = new ArrayList<>();
		ingest(outcomes);
		// then the second is a duplicate, and every row is stored once
		assertThat(outcomes).extracting(SubmissionOutcome::status)
			.containsExactly(FileStatus.ACCEPTED, FileStatus.DUPLICATE_SUBMISSION);
		try (Connection db = duckdb();
				Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT count(*) FROM " + observations())) {
			rs.next();
			assertThat(rs.getLong(1)).isEqualTo(outcomes.get(0).rowsAccepted());
		}
	}

	@Test
	void largeFileEndingInsideAQuoteHasItsLastRowMalformed() throws Exception {
		// given a large file whose last row opens a quote it never closes
		writeBeyondHead("open-quote.csv", "PTCE-0001,2015-Q1,JOBS_FTE,1,,,\"never closed\n", StandardCharsets.UTF_8);
		// when it is ingested
		List<SubmissionOutcome> outcomes = new ArrayList<>();
		ingest(outcomes);
		// then that row, and only it, is rejected as malformed
		List<JsonNode> malformed = new ArrayList<>();
		receipt(outcomes.get(0)).get("issues").forEach(issue -> {
			if (issue.get("code").asString().equals("MALFORMED_ROW")) {
				malformed.add(issue);
			}
		});
		assertThat(outcomes.get(0).rowsRejected()).isEqualTo(1);
		assertThat(malformed).hasSize(1);
		assertThat(malformed.get(0).get("line").asLong()).isEqualTo(outcomes.get(0).rowsRead() + 1);
	}

	@Test
	void largeFileJumpsAreWarnedFromTheSpool() throws Exception {
		// given a stored 2022 value, then a large file with a tenfold 2023 value for that
		// key
		writeSmall("a.csv", "PTCE-0001,2022,JOBS_FTE,2");
		ingest(new ArrayList<>());
		writeLarge("b-large.csv", List.of("PTCE-0001,2023,JOBS_FTE,500"), false);
		List<SubmissionOutcome> outcomes = new ArrayList<>();
		ingest(outcomes);
		JsonNode receipt = receipt(outcomes.get(0));
		assertThat(receipt.get("issues")).hasSize(1);
		assertThat(receipt.get("issues").get(0).get("code").asString()).isEqualTo("SUSPICIOUS_JUMP");
		assertThat(receipt.get("issues").get(0).get("line").asLong()).isEqualTo(2);
	}

}
