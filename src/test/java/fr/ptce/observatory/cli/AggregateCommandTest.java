package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Observation;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `aggregate` from the command line, through the real Spring context, job repository (H2)
 * and Parquet files: exit statuses, messages, and reproducibility as of an instant after
 * a later correction.
 */
class AggregateCommandTest {

	@TempDir
	Path root;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private static Path registry() throws URISyntaxException {
		return Path.of(AggregateCommandTest.class.getResource("/fr/ptce/observatory/aggregate/registry.csv").toURI());
	}

	private int run(String... args) throws Exception {
		List<String> all = new ArrayList<>(List.of("--data-dir", root.toString(), "--registry", registry().toString()));
		all.addAll(List.of(args));
		return ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
				all.toArray(String[]::new));
	}

	private void observe(int value, Instant ingestedAt, String file) {
		DataDirectory dir = new DataDirectory(root);
		List<Observation> rows = new ArrayList<>();
		for (int p = 1; p <= 5; p++) {
			rows.add(new Observation(2024, "PTCE-000" + p, "2024", null, "JOBS_FTE", (double) value * p, "fte", "A",
					null, "sha-" + file, file, p + 1, Timestamps.toMicros(ingestedAt)));
		}
		Tables.OBSERVATION.writeFile(dir.partition(Tables.OBSERVATIONS, 2024).resolve(file + ".parquet"),
				new Provenance(Instant.EPOCH, "c", "r", "test"), rows);
	}

	private List<AggregateCell> aggregates2024() {
		return TableReaders.readPartition(new DataDirectory(root), Tables.AGGREGATES, 2024, TableReaders::aggregates);
	}

	@Test
	void fromAfterToIsAUsageError() throws Exception {
		assertThat(run("aggregate", "--from", "2025", "--to", "2024")).isEqualTo(2);
		assertThat(err.toString()).contains("--from 2025 is after --to 2024");
	}

	@Test
	void anUnparsableInstantIsAUsageError() throws Exception {
		assertThat(run("aggregate", "--year", "2024", "--as-of", "yesterday")).isEqualTo(2);
		assertThat(err.toString()).contains("'yesterday' is not an ISO-8601 instant");
	}

	@Test
	void yearAndRangeTogetherOrNeitherAreUsageErrors() throws Exception {
		assertThat(run("aggregate", "--year", "2024", "--from", "2023")).isEqualTo(2);
		assertThat(err.toString()).contains("either --year Y or --from Y1 --to Y2");
		assertThat(run("aggregate", "--from", "2023")).isEqualTo(2);
		assertThat(run("aggregate", "--year", "24")).isEqualTo(2);
		assertThat(err.toString()).contains("--year 24 is not a year");
	}

	@Test
	void aYearWithNoDataIsAUsageError() throws Exception {
		// the test registry's poles start in 2015; nothing was ingested for 2010
		assertThat(run("aggregate", "--year", "2010")).as(err::toString).isEqualTo(2);
		assertThat(err.toString()).contains("no data for year 2010");
		assertThat(Files.exists(new DataDirectory(root).partition(Tables.AGGREGATES, 2010))).isFalse();
	}

	@Test
	void anUnreadableObservationFileFailsTheJobWithItsStepAndReason() throws Exception {
		// given a file in the observations partition that is not Parquet
		Path partition = new DataDirectory(root).partition(Tables.OBSERVATIONS, 2024);
		Files.createDirectories(partition);
		Files.writeString(partition.resolve("broken.parquet"), "not parquet at all");
		// then the job fails: exit status 1, with the step and the file
		assertThat(run("aggregate", "--year", "2024")).isEqualTo(1);
		assertThat(err.toString()).contains("aggregateJob failed in step aggregateStep").contains("broken.parquet");
	}

	@Test
	void keyFiguresForDemo() throws Exception {
		observe(10, Instant.parse("2026-03-01T08:00:00Z"), "march");
		assertThat(run("aggregate", "--year", "2024", "--as-of", "2026-03-02T00:00:00Z")).as(err::toString).isZero();
		GlobalOptions global = new GlobalOptions();
		global.registry = registry();
		try (var context = ApplicationContexts.start(global, root)) {
			List<String> lines = AggregateCommand.nationalKeyFigures(context, 2024);
			// 10 + 20 + 30 + 40 + 50 = 150 over 5 of the 6 poles expected
			assertThat(lines).contains("JOBS_FTE : 150,0 (5/6 pôles)");
			// each change says what it is: the constant sample first, the raw change of
			// the total beside it
			assertThat(lines).allMatch(l -> !l.contains("sur un an"));
			assertThat(lines).anyMatch(l -> l.startsWith("MEMBERS_TOTAL : s (0/6"));
			// and the job can be run on a started context, as `demo` does
			var execution = AggregateCommand.run(context, 2024, 2024, Instant.parse("2026-03-02T00:00:00Z"));
			assertThat(execution.getStatus().isUnsuccessful()).isFalse();
		}
	}

	@Test
	void asOfBeforeACorrectionReproducesWhatWasComputedBeforeIt() throws Exception {
		// given values ingested on 1 March, aggregated then (as of now)
		Instant first = Instant.parse("2026-03-01T08:00:00Z");
		observe(10, first, "march");
		assertThat(run("aggregate", "--year", "2024")).as(err.toString()).isZero();
		assertThat(out.toString()).contains("Aggregating year 2024 as of");
		List<AggregateCell> before = aggregates2024();
		assertThat(before).isNotEmpty();
		// when a correction is ingested on 1 April and the year aggregated again as of 31
		// March
		observe(11, Instant.parse("2026-04-01T08:00:00Z"), "april");
		assertThat(run("aggregate", "--from", "2024", "--to", "2024", "--as-of", "2026-03-31")).as(err.toString())
			.isZero();
		// then the figures are those computed before the correction
		assertThat(aggregates2024()).isEqualTo(before);
		// and as of now they include it: 11 + 22 + 33 + 44 + 55
		assertThat(run("aggregate", "--year", "2024")).isZero();
		AggregateCell fr = aggregates2024().stream()
			.filter(c -> c.indicator().equals("JOBS_FTE") && c.level().equals("national"))
			.findFirst()
			.orElseThrow();
		assertThat(fr.total()).isEqualTo(165.0);
	}

}
