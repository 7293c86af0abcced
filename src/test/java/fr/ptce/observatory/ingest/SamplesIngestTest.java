package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.ptce.observatory.launch.JobLaunches;
import fr.ptce.observatory.warehouse.DataDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bundled samples, ingested in one run as demo does, give exactly the receipts their
 * generator planned (data-samples/expected-receipts.csv and expected-issues.csv): every
 * deliberate error found on its line with its code, and no other issue.
 */
@SpringBootTest
class SamplesIngestTest {

	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws IOException {
		dataDir = Files.createTempDirectory("samples-ingest");
		registry.add("observatory.data-dir", dataDir::toString);
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	DataDirectory dir;

	static List<NamedCsvRecord> expected(String name) throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("data-samples", name));
				CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
			return csv.stream().toList();
		}
	}

	@Test
	void samplesGiveThePlannedReceipts() throws IOException {
		// given the bundled sample submissions in the inbox
		try (Stream<Path> files = Files.list(Path.of("data-samples", "submissions"))) {
			for (Path f : files.toList()) {
				Files.copy(f, dir.inbox().resolve(f.getFileName()));
			}
		}
		// when they are ingested in one run
		JobExecution execution = JobLaunches.run(context, IngestJobConfiguration.JOB_NAME,
				JobLaunches.newRun().toJobParameters());
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then each file's receipt has the planned status, reason and counts
		JsonMapper json = JsonMapper.builder().build();
		Map<String, JsonNode> receipts = new HashMap<>();
		try (Stream<Path> files = Files.list(dir.receipts())) {
			for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
				JsonNode receipt = json.readTree(f.toFile());
				receipts.put(receipt.get("file").asString(), receipt);
			}
		}
		List<NamedCsvRecord> plannedReceipts = expected("expected-receipts.csv");
		assertThat(receipts).hasSameSizeAs(plannedReceipts);
		List<String> mismatches = new ArrayList<>();
		for (NamedCsvRecord planned : plannedReceipts) {
			JsonNode r = receipts.get(planned.getField("file"));
			String want = planned.getField("status") + "|" + planned.getField("reason") + "|"
					+ orZero(planned.getField("rows_read")) + "|" + orZero(planned.getField("rows_accepted")) + "|"
					+ orZero(planned.getField("rows_rejected"));
			String got = r == null ? "no receipt"
					: r.get("status").asString() + "|" + (r.get("reason").isNull() ? "" : r.get("reason").asString())
							+ "|" + r.get("rows_read").asLong() + "|" + r.get("rows_accepted").asLong() + "|"
							+ r.get("rows_rejected").asLong();
			if (!want.equals(got)) {
				mismatches.add(planned.getField("file") + ": planned " + want + ", got " + got);
			}
		}
		assertThat(mismatches).isEmpty();

		// and every planned issue, and no other, is in the receipts
		TreeSet<String> planned = new TreeSet<>();
		for (NamedCsvRecord i : expected("expected-issues.csv")) {
			planned.add(i.getField("file") + ":" + i.getField("line") + ":" + i.getField("severity") + ":"
					+ i.getField("code") + ":" + i.getField("column"));
		}
		TreeSet<String> found = new TreeSet<>();
		receipts
			.forEach((file, r) -> r.get("issues")
				.forEach(i -> found.add(file + ":" + i.get("line").asLong() + ":" + i.get("severity").asString() + ":"
						+ i.get("code").asString() + ":"
						+ (i.get("column").isNull() ? "" : i.get("column").asString()))));
		assertThat(found).containsExactlyElementsOf(planned);
	}

	private static String orZero(String count) {
		return count.isEmpty() ? "0" : count;
	}

}
