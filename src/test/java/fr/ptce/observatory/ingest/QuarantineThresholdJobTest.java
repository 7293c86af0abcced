package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.ptce.observatory.warehouse.DataDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest job with a quarantine threshold other than the default: the receipt of a
 * quarantined file states that threshold, in both languages (it once said "more than
 * half" whatever the setting).
 */
@SpringBootTest(properties = "observatory.quarantine-threshold=0.3")
class QuarantineThresholdJobTest {

	static final Path DATA_DIR = IngestJobFunctionalTest.createTempDir();

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
	DataDirectory dir;

	@Test
	void quarantinedReceiptStatesTheConfiguredThreshold() throws Exception {
		// given a shifted-column file, 2 of its 3 rows rejected
		dir.createLayout();
		IngestTestSupport.copy("shifted.csv", dir.inbox());

		// when the job runs with a threshold of 30 %
		JobOperatorTestUtils jobs = new JobOperatorTestUtils(jobOperator, jobRepository);
		jobs.setJob(ingestJob);
		JobExecution execution = jobs.startJob(jobs.getUniqueJobParameters());

		// then the file is quarantined and its receipt names 30 %, not half
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		JsonNode receipt = receipt("shifted.csv");
		assertThat(receipt.get("status").asString()).isEqualTo("QUARANTINED");
		assertThat(receipt.get("message_fr").asString())
			.startsWith("Plus de 30 % des lignes sont rejetées (2 sur 3) : le fichier est mis en quarantaine");
		assertThat(receipt.get("message_en").asString())
			.startsWith("More than 30 % of the rows are rejected (2 of 3): the file is quarantined");
	}

	JsonNode receipt(String file) throws IOException {
		try (var list = Files.list(dir.receipts())) {
			Path json = list
				.filter(p -> p.getFileName().toString().startsWith(file + ".")
						&& p.getFileName().toString().endsWith(".json"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no receipt for " + file));
			return JsonMapper.builder().build().readTree(json.toFile());
		}
	}

}
