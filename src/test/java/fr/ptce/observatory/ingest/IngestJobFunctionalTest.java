package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.DataDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest job end to end on the real H2 job repository, with the Parquet store read
 * back by DuckDB. Each test starts from an empty data directory (the database stays; the
 * ledger is emptied).
 */
@SpringBootTest
class IngestJobFunctionalTest {

	static final Path DATA_DIR = createTempDir();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		Path registryFile = IngestTestSupport.copy("registry.csv",
				DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-ref"));
		registry.add("observatory.data-dir", DATA_DIR::toString);
		registry.add("observatory.registry", registryFile::toString);
	}

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	@Qualifier("ingestJob")
	Job ingestJob;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataDirectory dir;

	JobOperatorTestUtils jobs;

	static Path createTempDir() {
		try {
			return Files.createTempDirectory("ingest-job-test");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@BeforeEach
	void emptyDataDirectory() throws IOException {
		for (Path p : List.of(dir.inbox(), dir.archive(), dir.quarantine(), dir.rejected(), dir.receipts(),
				dir.warehouse())) {
			AtomicFiles.deleteTree(p);
		}
		dir.createLayout();
		jdbc.update("DELETE FROM OBS_SUBMISSION");
		jobs = new JobOperatorTestUtils(jobOperator, jobRepository);
		jobs.setJob(ingestJob);
	}

	JobExecution ingest() throws Exception {
		return jobs.startJob(jobs.getUniqueJobParameters());
	}

	StepExecution filesStep(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter(s -> s.getStepName().equals("ingestFilesStep"))
			.findFirst()
			.orElseThrow();
	}

	JsonNode receipt(String file) throws IOException {
		try (var list = Files.list(dir.receipts())) {
			Path json = list
				.filter(p -> p.getFileName().toString().startsWith(file + ".")
						&& p.getFileName().toString().endsWith(".json"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no receipt for " + file));
			return JSON.readTree(json.toFile());
		}
	}

	Connection duckdb() throws SQLException {
		return DriverManager.getConnection("jdbc:duckdb:");
	}

	String observations() {
		return "read_parquet('" + dir.table("observations") + "/*/*.parquet', hive_partitioning = true)";
	}

	@Test
	void acceptedFilesAreStoredAndReadBackByDuckDb() throws Exception {
		// given three clean files in the three encodings and both delimiters
		IngestTestSupport.copy("good-comma.csv", dir.inbox());
		IngestTestSupport.copy("good-cp1252-semicolon.csv", dir.inbox());
		IngestTestSupport.copy("good-bom.csv", dir.inbox());
		byte[] original = Files.readAllBytes(dir.inbox().resolve("good-cp1252-semicolon.csv"));

		// when the job runs
		JobExecution execution = ingest();

		// then every row is read and written, none filtered
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		StepExecution step = filesStep(execution);
		assertThat(step.getReadCount()).isEqualTo(11);
		assertThat(step.getWriteCount()).isEqualTo(11);
		assertThat(step.getFilterCount()).isZero();
		// and each file is archived byte for byte, with its receipt, and the inbox is
		// empty
		assertThat(Files.readAllBytes(dir.archive().resolve("good-cp1252-semicolon.csv"))).isEqualTo(original);
		assertThat(InboxReader.inboxFiles(dir.inbox())).isEmpty();
		JsonNode receipt = receipt("good-cp1252-semicolon.csv");
		assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(receipt.get("rows_read").asLong()).isEqualTo(2);
		assertThat(receipt.get("rows_accepted").asLong()).isEqualTo(2);
		assertThat(receipt.get("issues").get(0).get("code").asString()).isEqualTo("UNKNOWN_COLUMN");
		assertThat(Files.exists(dir.receipts()
			.resolve("good-cp1252-semicolon.csv." + receipt.get("sha256").asString().substring(0, 8) + ".csv")))
			.isTrue();

		// and DuckDB reads the store: counts, sums, types and metadata
		try (Connection db = duckdb(); Statement sql = db.createStatement()) {
			ResultSet rs = sql.executeQuery("SELECT count(*), count(value), sum(value), count(DISTINCT submission_id),"
					+ " min(year), max(year) FROM " + observations());
			rs.next();
			assertThat(rs.getLong(1)).isEqualTo(11);
			assertThat(rs.getLong(2)).isEqualTo(10);
			assertThat(rs.getDouble(3)).isEqualTo(
					15 + 9 + 42.5 + 1_250_500 + 1.5 + 2 + 2.5 + 1_234_567.89 + 12_345.5 + 12,
					org.assertj.core.data.Offset.offset(1e-6));
			assertThat(rs.getLong(4)).isEqualTo(3);
			assertThat(rs.getInt(5)).isEqualTo(2022);
			assertThat(rs.getInt(6)).isEqualTo(2024);

			rs = sql.executeQuery("SELECT pole_id, period, quarter, unit, status, comment, line FROM " + observations()
					+ " WHERE indicator = 'JOBS_CREATED' ORDER BY period");
			List<String> rows = new java.util.ArrayList<>();
			while (rs.next()) {
				rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getObject(3) + "|" + rs.getString(4) + "|"
						+ rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getLong(7));
			}
			assertThat(rows).containsExactly("PTCE-0001|2024-Q1|1|fte|A|null|7", "PTCE-0001|2024-Q2|2|fte|P|null|8",
					"PTCE-0001|2024-Q3|3|fte|A|null|9", "PTCE-0001|2024-Q4|4|fte|M|not known yet|10");

			Map<String, String> types = new HashMap<>();
			rs = sql.executeQuery("DESCRIBE SELECT * FROM " + observations());
			while (rs.next()) {
				types.put(rs.getString(1), rs.getString(2));
			}
			assertThat(types).containsEntry("pole_id", "VARCHAR")
				.containsEntry("quarter", "INTEGER")
				.containsEntry("value", "DOUBLE")
				.containsEntry("line", "BIGINT")
				.containsEntry("ingested_at", "TIMESTAMP WITH TIME ZONE")
				.containsEntry("year", "BIGINT");

			Map<String, String> metadata = new LinkedHashMap<>();
			rs = sql.executeQuery("SELECT decode(key), decode(value) FROM parquet_kv_metadata('"
					+ dir.table("observations") + "/*/*.parquet')");
			while (rs.next()) {
				metadata.put(rs.getString(1), rs.getString(2));
			}
			assertThat(metadata).containsKeys("observatory.schema_version", "observatory.as_of",
					"observatory.catalogue_sha256", "observatory.registry_sha256", "observatory.software_version");

			rs = sql.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('" + dir.table("observations")
					+ "/*/*.parquet')");
			rs.next();
			assertThat(rs.getString(1)).isEqualToIgnoringCase("ZSTD");
		}
		// and the ledger lists the files
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM OBS_SUBMISSION WHERE STATUS = 'ACCEPTED'", Integer.class))
			.isEqualTo(3);
	}

	@Test
	void everyFileLevelCaseIsRejectedWithItsReason() throws Exception {
		// given files that cannot be read as submissions
		IngestTestSupport.copy("not-csv.xlsx", dir.inbox());
		IngestTestSupport.copy("zero-bytes.csv", dir.inbox());
		IngestTestSupport.copy("header-only.csv", dir.inbox());
		IngestTestSupport.copy("missing-value-column.csv", dir.inbox());

		// when the job runs
		JobExecution execution = ingest();

		// then each is rejected whole with its file-level reason, moved to rejected/,
		// nothing stored
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(receipt("not-csv.xlsx").get("reason").asString()).isEqualTo("NOT_CSV");
		assertThat(receipt("zero-bytes.csv").get("reason").asString()).isEqualTo("EMPTY_FILE");
		assertThat(receipt("header-only.csv").get("reason").asString()).isEqualTo("EMPTY_FILE");
		assertThat(receipt("missing-value-column.csv").get("reason").asString()).isEqualTo("MISSING_COLUMN:value");
		assertThat(receipt("not-csv.xlsx").get("status").asString()).isEqualTo("REJECTED");
		assertThat(receipt("missing-value-column.csv").get("message_en").asString()).contains("'value'");
		try (var rejected = Files.list(dir.rejected())) {
			assertThat(rejected.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("not-csv.xlsx",
					"zero-bytes.csv", "header-only.csv", "missing-value-column.csv");
		}
		assertThat(Files.exists(dir.table("observations"))).isFalse();
		assertThat(filesStep(execution).getReadCount()).isZero();
	}

	@Test
	void fileMoreThanHalfRejectedIsQuarantinedAndNothingOfItStored() throws Exception {
		// given a shifted-column file (2 of 3 rows rejected), a file of bad rows, and a
		// good file
		IngestTestSupport.copy("shifted.csv", dir.inbox());
		IngestTestSupport.copy("bad-rows.csv", dir.inbox());
		IngestTestSupport.copy("good-bom.csv", dir.inbox());

		// when the job runs
		JobExecution execution = ingest();

		// then the two are quarantined with every rejected row in their receipts; only
		// the good file is stored
		StepExecution step = filesStep(execution);
		assertThat(step.getReadCount()).isEqualTo(3 + 15 + 1);
		assertThat(step.getWriteCount()).isEqualTo(1);
		assertThat(step.getFilterCount()).isEqualTo(18);
		JsonNode shifted = receipt("shifted.csv");
		assertThat(shifted.get("status").asString()).isEqualTo("QUARANTINED");
		assertThat(shifted.get("rows_accepted").asLong()).isEqualTo(1);
		assertThat(shifted.get("rows_rejected").asLong()).isEqualTo(2);
		assertThat(shifted.get("issues")).hasSize(2);
		assertThat(receipt("bad-rows.csv").get("issues")).hasSize(14);
		assertThat(Files.exists(dir.quarantine().resolve("shifted.csv"))).isTrue();
		assertThat(Files.exists(dir.quarantine().resolve("bad-rows.csv"))).isTrue();
		try (Connection db = duckdb(); Statement sql = db.createStatement()) {
			ResultSet rs = sql.executeQuery("SELECT count(*), min(source_file) FROM " + observations());
			rs.next();
			assertThat(rs.getLong(1)).isEqualTo(1);
			assertThat(rs.getString(2)).isEqualTo("good-bom.csv");
		}
	}

	@Test
	void sameBytesAreNotStoredTwice() throws Exception {
		// given a file and a byte-identical copy under a later name
		IngestTestSupport.copy("good-bom.csv", dir.inbox(), "a.csv");
		IngestTestSupport.copy("good-bom.csv", dir.inbox(), "b.csv");
		// when the job runs twice, the second time with the same file again
		ingest();
		IngestTestSupport.copy("good-bom.csv", dir.inbox(), "a.csv");
		JobExecution second = ingest();
		// then only the first is stored; the copies say DUPLICATE_SUBMISSION and nothing
		// is overwritten
		assertThat(receipt("b.csv").get("status").asString()).isEqualTo("DUPLICATE_SUBMISSION");
		assertThat(filesStep(second).getWriteCount()).isZero();
		assertThat(Files.exists(dir.archive().resolve("a.csv"))).isTrue();
		assertThat(Files.exists(dir.rejected().resolve("b.csv"))).isTrue();
		assertThat(Files.exists(dir.rejected().resolve("a.csv"))).isTrue();
		try (var receipts = Files.list(dir.receipts())) {
			assertThat(receipts.filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(3);
		}
		try (Connection db = duckdb(); Statement sql = db.createStatement()) {
			ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + observations());
			rs.next();
			assertThat(rs.getLong(1)).isEqualTo(1);
		}
	}

	@Test
	void correctionsKeepEveryRevisionAndJumpsAreWarned() throws Exception {
		// given a first submission, then a later run with a correction of 2023 and a
		// tenfold 2024
		Files.writeString(dir.inbox().resolve("1.csv"), "pole_id,period,indicator,value\nPTCE-0001,2023,JOBS_FTE,10\n");
		ingest();
		Files.writeString(dir.inbox().resolve("2.csv"),
				"pole_id,period,indicator,value\nPTCE-0001,2024,JOBS_FTE,130\nPTCE-0001,2023,JOBS_FTE,12\n");
		Files.writeString(dir.inbox().resolve("3.csv"), "pole_id,period,indicator,value\nPTCE-0001,2022,JOBS_FTE,1\n");
		ingest();
		// then both revisions of 2023 are kept, the later one last
		try (Connection db = duckdb(); Statement sql = db.createStatement()) {
			ResultSet rs = sql.executeQuery(
					"SELECT value FROM " + observations() + " WHERE period = '2023' ORDER BY ingested_at, source_file");
			rs.next();
			assertThat(rs.getDouble(1)).isEqualTo(10);
			rs.next();
			assertThat(rs.getDouble(1)).isEqualTo(12);
		}
		// and 2024 is compared with the current 2023 value (12, corrected in the same
		// file): 130 > 120
		JsonNode second = receipt("2.csv");
		assertThat(second.get("rows_with_warnings").asLong()).isEqualTo(1);
		assertThat(second.get("issues").get(0).get("code").asString()).isEqualTo("SUSPICIOUS_JUMP");
		assertThat(second.get("issues").get(0).get("line").asLong()).isEqualTo(2);
		// and 2023's current value (12) is more than 10 times 2022's (1), sent in a later
		// file of the same run
		assertThat(receipt("3.csv").get("issues")).isEmpty();
	}

	@Test
	void quoteOpenedEarlyInALargeFileIsOneMalformedRowNotACrash() throws Exception {
		// given a file whose third line opens a quote never closed, followed by 20 MB of
		// text
		try (var out = Files.newBufferedWriter(dir.inbox().resolve("open.csv"))) {
			out.write("pole_id,period,indicator,value\nPTCE-0001,2020,JOBS_FTE,1\nPTCE-0001,2021,JOBS_FTE,\"2\n");
			String filler = "x".repeat(999) + "\n";
			for (int i = 0; i < 20_000; i++) {
				out.write(filler);
			}
		}
		// when the job runs
		JobExecution execution = ingest();
		// then the rest of the file is one malformed row in the receipt, the first row is
		// stored
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		JsonNode receipt = receipt("open.csv");
		assertThat(receipt.get("rows_read").asLong()).isEqualTo(2);
		assertThat(receipt.get("issues").get(0).get("code").asString()).isEqualTo("MALFORMED_ROW");
		assertThat(filesStep(execution).getWriteCount()).isEqualTo(1);
	}

}
