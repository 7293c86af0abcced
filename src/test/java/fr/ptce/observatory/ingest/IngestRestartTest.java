package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import fr.ptce.observatory.cli.ObservatoryCommand;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash at any point of an ingest is finished by the next ingest, with no observation
 * lost or stored twice and no file lost: a real process killed with SIGKILL in the middle
 * of a large file, and a run that died after it was sealed and half published.
 */
class IngestRestartTest {

	static final int POLES = 2000;

	@TempDir
	Path work;

	/** A registry of many poles, so that a large file has distinct keys. */
	Path writeRegistry() throws IOException {
		Path file = work.resolve("registry.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("pole_id,name,commune,created,closed,legal_form,theme,networks,epci,open_data\n");
			for (int p = 1; p <= POLES; p++) {
				out.write(String.format("PTCE-%04d,Pôle %d,75056,2010,,association,CULTURE,,,yes%n", p, p));
			}
		}
		return file;
	}

	/** A clean file of about {@code rows} rows with distinct keys. */
	static long writeLargeSubmission(Path file, int rows) throws IOException {
		List<String> indicators = Catalogue.bundled().indicators().stream().map(i -> i.code()).toList();
		long written = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("pole_id,period,indicator,value\n");
			outer: for (int year = 2010; year <= 2025; year++) {
				for (int q = 0; q <= 4; q++) {
					for (int p = 1; p <= POLES; p++) {
						for (String indicator : indicators) {
							if (written == rows) {
								break outer;
							}
							out.write("PTCE-" + String.format("%04d", p) + "," + (q == 0 ? year + "" : year + "-Q" + q)
									+ "," + indicator + "," + (1 + (written % 97)) + "\n");
							written++;
						}
					}
				}
			}
		}
		return written;
	}

	long countObservations(Path dataDir) throws Exception {
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
			ResultSet rs = sql
				.executeQuery("SELECT count(*), count(DISTINCT (pole_id, period, indicator, submission_id))"
						+ " FROM read_parquet('" + dataDir.resolve("warehouse/observations") + "/*/*.parquet')");
			rs.next();
			assertThat(rs.getLong(2)).as("no row stored twice").isEqualTo(rs.getLong(1));
			return rs.getLong(1);
		}
	}

	static List<Path> visibleParquet(Path dataDir) throws IOException {
		Path table = dataDir.resolve("warehouse/observations");
		if (!Files.exists(table)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(table)) {
			return files.filter(p -> p.toString().endsWith(".parquet") && !p.getFileName().toString().startsWith("."))
				.toList();
		}
	}

	int runCli(String... args) {
		StringWriter out = new StringWriter();
		int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(out, true), args);
		System.out.println(out);
		return status;
	}

	@Test
	void processKilledInTheMiddleOfALargeFileIsFinishedByTheNextIngest() throws Exception {
		// given a small file and a large one in the inbox
		Path registry = writeRegistry();
		Path dataDir = work.resolve("data");
		Path inbox = dataDir.resolve("inbox");
		Files.createDirectories(inbox);
		Files.writeString(inbox.resolve("a-small.csv"), "pole_id,period,indicator,value\nPTCE-0001,2020,JOBS_FTE,3\n");
		long rows = writeLargeSubmission(inbox.resolve("b-large.csv"), 1_500_000);

		// when an ingest process is killed (SIGKILL) while it spools the large file
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
						"fr.ptce.observatory.Main", "--data-dir", dataDir.toString(), "--registry", registry.toString(),
						"ingest"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("child.log").toFile())
			.start();
		boolean killed = false;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline && process.isAlive()) {
			if (spoolBytes(dataDir) > 3_000_000) {
				process.destroyForcibly();
				killed = true;
				break;
			}
			Thread.sleep(5);
		}
		process.waitFor(30, TimeUnit.SECONDS);
		assertThat(killed).as("the child was killed mid-file (see child.log)").isTrue();

		// then nothing is visible and both files are still in the inbox
		assertThat(visibleParquet(dataDir)).isEmpty();
		assertThat(inbox.resolve("a-small.csv")).exists();
		assertThat(inbox.resolve("b-large.csv")).exists();

		// when the next ingest runs
		int status = runCli("--data-dir", dataDir.toString(), "--registry", registry.toString(), "ingest");

		// then it finishes the work: every row once, both files archived, the staging
		// area empty
		assertThat(status).isZero();
		assertThat(countObservations(dataDir)).isEqualTo(rows + 1);
		assertThat(dataDir.resolve("archive/a-small.csv")).exists();
		assertThat(dataDir.resolve("archive/b-large.csv")).exists();
		try (Stream<Path> staging = Files.list(dataDir.resolve("warehouse/_staging"))) {
			assertThat(staging).isEmpty();
		}
	}

	static long spoolBytes(Path dataDir) throws IOException {
		Path staging = dataDir.resolve("warehouse/_staging");
		if (!Files.isDirectory(staging)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(staging)) {
			// the undo spool grows by 8 bytes per accepted row of the file being read
			return files.filter(p -> p.getFileName().toString().equals(".undo.spool")).mapToLong(p -> {
				try {
					return Files.size(p);
				}
				catch (IOException ex) {
					return 0;
				}
			}).sum();
		}
	}

	@Test
	void runSealedThenHalfPublishedIsPublishedOnceByTheNextIngest() throws Exception {
		// given a run that was sealed, then died after moving one of its observation
		// files into place
		Path registryFile = writeRegistry();
		Registry registry = Registry.load(registryFile, GeoReferential.bundled());
		Catalogue catalogue = Catalogue.bundled();
		DataDirectory dir = new DataDirectory(work.resolve("data"));
		dir.createLayout();
		Files.writeString(dir.inbox().resolve("a.csv"),
				"pole_id,period,indicator,value\nPTCE-0001,2020,JOBS_FTE,3\nPTCE-0001,2021,JOBS_FTE,4\n");
		Files.writeString(dir.inbox().resolve("b.csv"), "pole_id,period,indicator,value\nPTCE-0002,2021,JOBS_FTE,5\n");
		List<String> recorded = new ArrayList<>();
		SubmissionLedger forgetful = new SubmissionLedger() {
			@Override
			public boolean alreadyIngested(String sha256) {
				return false;
			}

			@Override
			public void record(String runId, Instant at, List<SubmissionOutcome> outcomes, Long id) {
				throw new IllegalStateException("the process dies before recording");
			}
		};
		Path staged;
		try (IngestRun run = new IngestRun(dir, registry, catalogue,
				new Provenance(Instant.now(), catalogue.sha256(), registry.sha256(), "test"), Instant.now(),
				ZoneId.of("Europe/Paris"), 0.5, forgetful)) {
			for (Path file : InboxReader.inboxFiles(dir.inbox())) {
				run.record(run.process(file));
			}
			staged = run.seal();
		}
		Path firstStaged;
		try (Stream<Path> files = Files.walk(staged.resolve("observations"))) {
			firstStaged = files.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
		}
		Path target = dir.root().resolve("warehouse").resolve(staged.relativize(firstStaged));
		Files.createDirectories(target.getParent());
		Files.move(firstStaged, target);
		assertThat(recorded).isEmpty();

		// when the next ingest runs (through the command line, on the real database)
		int status = runCli("--data-dir", dir.root().toString(), "--registry", registryFile.toString(), "ingest");

		// then the sealed run is published once: 3 rows, 2 files archived, nothing left
		// in staging or inbox
		assertThat(status).isZero();
		assertThat(countObservations(dir.root())).isEqualTo(3);
		assertThat(dir.archive().resolve("a.csv")).exists();
		assertThat(dir.archive().resolve("b.csv")).exists();
		assertThat(InboxReader.inboxFiles(dir.inbox())).isEmpty();
		assertThat(Files.list(dir.staging()).count()).isZero();
	}

}
