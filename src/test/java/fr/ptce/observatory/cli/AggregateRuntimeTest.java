package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.launch.ProcessMarker;
import fr.ptce.observatory.launch.StandaloneBatch;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Observation;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * `aggregate` without Spring (docs/startup.md): it runs where the default embedded
 * database applies, writes what the Spring application writes, files and job repository
 * alike, and keeps the command's behaviour (recovery of dead runs, a bad registry said).
 */
class AggregateRuntimeTest {

	private static final String AS_OF = "2026-03-02T00:00:00Z";

	@TempDir
	Path root;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private static Path registry() throws URISyntaxException {
		return Path.of(AggregateRuntimeTest.class.getResource("/fr/ptce/observatory/aggregate/registry.csv").toURI());
	}

	private int run(Path dataDir, String... args) throws Exception {
		List<String> all = new ArrayList<>(
				List.of("--data-dir", dataDir.toString(), "--registry", registry().toString()));
		all.addAll(List.of(args));
		return ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
				all.toArray(String[]::new));
	}

	private static void observe(Path dataDir) {
		DataDirectory dir = new DataDirectory(dataDir);
		for (int year = 2023; year <= 2024; year++) {
			List<Observation> rows = new ArrayList<>();
			for (int p = 1; p <= 5; p++) {
				rows.add(new Observation(year, "PTCE-000" + p, String.valueOf(year), null, "JOBS_FTE",
						10.0 * p + year % 10, "fte", "A", null, "sha", "march", p + 1,
						Timestamps.toMicros(Instant.parse("2026-03-01T08:00:00Z"))));
			}
			Tables.OBSERVATION.writeFile(dir.partition(Tables.OBSERVATIONS, year).resolve("march.parquet"),
					new Provenance(Instant.EPOCH, "c", "r", "test"), rows);
		}
	}

	private static GlobalOptions options(Path dataDir, String... springArguments) throws URISyntaxException {
		GlobalOptions global = new GlobalOptions();
		global.dataDir = dataDir;
		global.registry = registry();
		global.springArguments().addAll(List.of(springArguments));
		return global;
	}

	private static JdbcTemplate database(Path dataDir) {
		return new JdbcTemplate(JdbcConnectionPool.create(DirectDatabase.url(dataDir), "sa", ""));
	}

	@Test
	void withoutSpringItWritesWhatTheSpringApplicationWrites() throws Exception {
		// given the same observations in two data directories
		Path standalone = root.resolve("standalone");
		Path spring = root.resolve("spring");
		observe(standalone);
		observe(spring);
		// the default embedded database runs without Spring; a Spring property given
		// starts the application
		try (AggregateRuntime runtime = AggregateRuntime.standalone(options(standalone)).orElseThrow()) {
			assertThat(runtime.job().getName()).isEqualTo("aggregateJob");
		}
		assertThat(AggregateRuntime.standalone(options(spring, "--spring.main.banner-mode=off"))).isEmpty();

		// when each aggregates 2024 as of the same instant
		assertThat(run(standalone, "aggregate", "--year", "2024", "--as-of", AS_OF)).as(err::toString).isZero();
		assertThat(run(spring, "--spring.main.banner-mode=off", "aggregate", "--year", "2024", "--as-of", AS_OF))
			.as(err::toString)
			.isZero();

		// then the tables are the same, row for row and in their provenance
		for (String table : List.of(Tables.POLE_VALUES, Tables.AGGREGATES, Tables.TRENDS)) {
			Path a = new DataDirectory(standalone).partition(table, 2024).resolve("part-0.parquet");
			Path b = new DataDirectory(spring).partition(table, 2024).resolve("part-0.parquet");
			assertThat(ParquetScan.keyValueMetadata(a)).as(table).isEqualTo(ParquetScan.keyValueMetadata(b));
		}
		assertThat(TableReaders.readPartition(new DataDirectory(standalone), Tables.AGGREGATES, 2024,
				TableReaders::aggregates))
			.isNotEmpty()
			.isEqualTo(TableReaders.readPartition(new DataDirectory(spring), Tables.AGGREGATES, 2024,
					TableReaders::aggregates));
		assertThat(TableReaders.readPartition(new DataDirectory(standalone), Tables.TRENDS, 2024, TableReaders::trends))
			.isEqualTo(
					TableReaders.readPartition(new DataDirectory(spring), Tables.TRENDS, 2024, TableReaders::trends));
		// and so are the job repository's rows, but for their ids and times
		assertThat(repositoryRows(standalone)).isEqualTo(repositoryRows(spring));
	}

	private static List<Map<String, Object>> repositoryRows(Path dataDir) {
		JdbcTemplate jdbc = database(dataDir);
		List<Map<String, Object>> rows = new ArrayList<>();
		rows.addAll(jdbc.queryForList("SELECT I.JOB_NAME, E.STATUS, E.EXIT_CODE, E.EXIT_MESSAGE"
				+ " FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_INSTANCE I ON I.JOB_INSTANCE_ID = E.JOB_INSTANCE_ID"));
		rows.addAll(jdbc.queryForList("SELECT PARAMETER_NAME, PARAMETER_TYPE, IDENTIFYING FROM"
				+ " BATCH_JOB_EXECUTION_PARAMS ORDER BY PARAMETER_NAME"));
		rows.addAll(jdbc.queryForList("SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, COMMIT_COUNT, EXIT_CODE"
				+ " FROM BATCH_STEP_EXECUTION"));
		// the job's context holds the process (ProcessMarker: both ran in this one), the
		// step's the figures
		rows.addAll(jdbc.queryForList("SELECT SHORT_CONTEXT FROM BATCH_JOB_EXECUTION_CONTEXT"));
		rows.addAll(jdbc.queryForList("SELECT SHORT_CONTEXT FROM BATCH_STEP_EXECUTION_CONTEXT"));
		((JdbcConnectionPool) jdbc.getDataSource()).dispose();
		return rows;
	}

	@Test
	void aRunLeftStartedByADeadProcessIsRecovered() throws Exception {
		// given a data directory aggregated once, and an aggregate run left STARTED by a
		// process that is gone
		observe(root);
		assertThat(run(root, "aggregate", "--year", "2024", "--as-of", AS_OF)).as(err::toString).isZero();
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		JdbcConnectionPool pool = JdbcConnectionPool.create(DirectDatabase.url(root), "sa", "");
		long abandoned;
		try {
			JobRepository repository = new StandaloneBatch(pool).repository();
			JobParameters parameters = new JobParametersBuilder().addString("run.id", "abandoned").toJobParameters();
			JobInstance instance = repository.createJobInstance("aggregateJob", parameters);
			JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
			execution.setStatus(BatchStatus.STARTED);
			execution.setStartTime(LocalDateTime.now());
			repository.update(execution);
			execution.getExecutionContext().putString(ProcessMarker.HOST, ProcessMarker.host());
			execution.getExecutionContext().putLong(ProcessMarker.PID, gone.pid());
			repository.updateExecutionContext(execution);
			abandoned = execution.getId();
		}
		finally {
			pool.dispose();
		}

		// when aggregate runs again (without Spring)
		assertThat(run(root, "aggregate", "--year", "2024", "--as-of", AS_OF)).as(err::toString).isZero();

		// then it said so and the run is FAILED, restartable
		assertThat(out.toString()).contains("Recovered run " + abandoned + " of aggregateJob");
		JdbcTemplate jdbc = database(root);
		assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
				String.class, abandoned))
			.isEqualTo("FAILED");
		((JdbcConnectionPool) jdbc.getDataSource()).dispose();
	}

	@Test
	void aDatabaseHeldByAServerIsSaidSo() throws Exception {
		// given the data directory's database held by another process, as serve holds it
		observe(root);
		assertThat(run(root, "aggregate", "--year", "2024", "--as-of", AS_OF)).as(err::toString).isZero();
		Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), PartnerCommandTest.DatabaseHolder.class.getName(),
				root.resolve("db/observatory").toAbsolutePath().toString())
			.redirectErrorStream(true)
			.start();
		try {
			assertThat(new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine())
				.isEqualTo("HOLDING");
			// then aggregate says so, with the way out, and fails
			assertThat(run(root, "aggregate", "--year", "2024")).isEqualTo(1);
			assertThat(err.toString()).contains("held by a running server (observatory serve)");
		}
		finally {
			holder.getOutputStream().close();
			holder.waitFor();
		}
	}

	@Test
	void aBadRegistryIsSaidWithItsLine() throws Exception {
		Path bad = root.resolve("registry.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(registry()));
		lines.set(1, lines.get(1).replaceFirst("^[^,;]*", "NOT-A-POLE-ID"));
		Files.write(bad, lines);
		int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--data-dir",
				root.resolve("data").toString(), "--registry", bad.toString(), "aggregate", "--year", "2024");
		assertThat(status).isNotZero();
		assertThat(err.toString()).contains("registry.csv").contains("line 2");
	}

}
