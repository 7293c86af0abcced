package fr.ptce.observatory.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.partners.Partner;
import fr.ptce.observatory.partners.Partners;
import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The extract job end to end on the real H2 job repository and a warehouse made by the
 * real aggregation engine: counts of the step, the files of every partner, a rerun that
 * writes nothing, and the contacts' e-mails recorded in OBS_DELIVERY (no SMTP server
 * here: they wait PENDING for serve).
 */
@SpringBootTest
class ExtractJobFunctionalTest {

	static final ExtractFixture FIXTURE = new ExtractFixture(createTempDir());

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("observatory.data-dir", FIXTURE.dir.root()::toString);
		registry.add("observatory.registry", FIXTURE.registryFile::toString);
		registry.add("observatory.partners.base-url", () -> "https://observatoire.example/");
	}

	@Autowired
	JobOperator jobOperator;

	@Autowired
	@Qualifier(ExtractJobConfiguration.JOB)
	Job extractJob;

	@Autowired
	Partners partners;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataDirectory dir;

	static Path createTempDir() {
		try {
			return Files.createTempDirectory("extract-job-test");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@BeforeEach
	void noExtractYet() {
		AtomicFiles.deleteTree(dir.root().resolve("extracts"));
		jdbc.update("DELETE FROM OBS_DELIVERY");
	}

	JobExecution extract(Long year, String partner) throws Exception {
		JobParametersBuilder parameters = new JobParametersBuilder().addLong("run.id", System.nanoTime());
		if (year != null) {
			parameters.addLong("year", year);
		}
		if (partner != null) {
			parameters.addString("partner", partner);
		}
		return jobOperator.start(extractJob, parameters.toJobParameters());
	}

	static StepExecution step(JobExecution execution) {
		return execution.getStepExecutions().iterator().next();
	}

	@Test
	void everyPartnerGetsItsExtractAndTheStepCountsWhatWasReadAndWritten() throws Exception {
		// given the warehouse of ten years aggregated as of 31 March 2026, 06:00 UTC
		long cells = 0;
		long values = 0;
		for (int y = ExtractFixture.YEAR - 9; y <= ExtractFixture.YEAR; y++) {
			cells += TableReaders.readPartition(dir, Tables.AGGREGATES, y, TableReaders::aggregates).size();
			values += TableReaders.readPartition(dir, Tables.POLE_VALUES, y, TableReaders::poleValues).size();
		}
		long trends = TableReaders.readPartition(dir, Tables.TRENDS, ExtractFixture.YEAR, TableReaders::trends).size();

		// when the extract job runs for 2025
		JobExecution execution = extract(2025L, null);

		// then it completed, having read every cell, trend and pole value of the window
		// once
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		StepExecution step = step(execution);
		assertThat(step.getReadCount()).isEqualTo(cells + trends + values);
		// and written, per partner, every cell, trend and indicator, and its own poles
		// and pole values
		long written = 0;
		for (Partner p : partners.all()) {
			Path folder = dir.extracts(p.code()).resolve("2025").resolve(ExtractFixture.VERSION);
			assertThat(folder).isDirectory();
			try (var files = Files.walk(folder)) {
				assertThat(files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted())
					.containsExactly("aggregates.parquet", "aggregates.sdmx.csv", "csv/aggregates.csv",
							"csv/indicators.csv", "csv/pole_values.csv", "csv/poles.csv", "csv/trends.csv",
							"datapackage.json", "indicators.parquet", "pole_values.parquet", "poles.parquet",
							"trends.parquet");
			}
			// 17 indicators of the catalogue and 3 ratios
			written += cells + trends + 20 + countRows(folder.resolve("poles.parquet"))
					+ countRows(folder.resolve("pole_values.parquet"));
		}
		assertThat(step.getWriteCount()).isEqualTo(written);
		assertThat(written).isGreaterThan(5 * (cells + trends));
	}

	@Test
	void eachContactIsToldOnceWithALinkToTheListingAndNoData() throws Exception {
		// given no SMTP server: the e-mails wait in OBS_DELIVERY for serve
		// when the extracts of 2025 are built, then built again
		assertThat(extract(2025L, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(extract(2025L, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then each contact has exactly one e-mail: the rerun made no new version
		List<Map<String, Object>> mails = jdbc
			.queryForList("SELECT RECIPIENT, SUBJECT, BODY, ATTACHMENT, STATUS FROM OBS_DELIVERY ORDER BY ID");
		assertThat(mails).extracting(m -> m.get("RECIPIENT"))
			.containsExactlyElementsOf(partners.all().stream().map(Partner::contact).toList());
		for (Map<String, Object> m : mails) {
			assertThat(m.get("STATUS")).isEqualTo("PENDING");
			assertThat(m.get("ATTACHMENT")).isNull();
			assertThat((String) m.get("BODY")).contains("https://observatoire.example/partners/v1/extracts")
				.contains("2025")
				.contains(ExtractFixture.VERSION)
				.doesNotContain(".parquet");
		}
	}

	@Test
	void oneOnlyPartnerAndTheRerunWritesNothing() throws Exception {
		JobExecution first = extract(2025L, "MES");
		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Extracts.list(dir)).extracting(Extracts.Extract::partner).containsExactly("MES");
		Path pv = Extracts.list(dir).get(0).folder().resolve("pole_values.parquet");
		var modified = Files.getLastModifiedTime(pv);

		JobExecution again = extract(2025L, "MES");

		assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(step(again).getWriteCount()).isZero();
		assertThat(Extracts.list(dir)).hasSize(1);
		assertThat(Files.getLastModifiedTime(pv)).isEqualTo(modified);
	}

	@Test
	void aFailedRunIsRestartedAndFinishesTheWork() throws Exception {
		// given the pole values of 2020 unreadable (moved aside, a broken file in their
		// place)
		JobExecution failed;
		Path part = ParquetScan.files(dir.partition(Tables.POLE_VALUES, 2020)).get(0);
		Path aside = part.resolveSibling(".aside");
		Files.move(part, aside);
		try {
			Files.writeString(part, "broken");
			failed = extract(2025L, null);
			assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(step(failed).getFailureExceptions().get(0)).hasMessageContaining("part-0.parquet");
			assertThat(Extracts.list(dir)).isEmpty();
		}
		finally {
			Files.move(aside, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}

		// when the operator restarts the failed run once the file is back
		JobExecution restarted = jobOperator.restart(failed);

		// then it completes with the same parameters and every partner's extract is in
		// place
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Extracts.list(dir)).hasSize(5);
	}

	@Test
	void withoutAYearTheJobFailsAndWritesNothing() throws Exception {
		JobExecution execution = extract(null, null);
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(step(execution).getFailureExceptions().get(0)).hasMessageContaining("needs a year");
		assertThat(Extracts.list(dir)).isEmpty();
	}

	static long countRows(Path parquet) {
		return fr.ptce.observatory.warehouse.ParquetScan.readAll(parquet, g -> {
			g.column(g.has("pole_id") ? "pole_id" : "indicator").next();
			return 1;
		}).size();
	}

}
