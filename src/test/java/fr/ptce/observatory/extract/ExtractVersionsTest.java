package fr.ptce.observatory.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import fr.ptce.observatory.partners.Partners;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.ProcessLock;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * extracts.md, "Where extracts live": a version is written once, a new as-of gives a new
 * version beside it, and an extract appears whole or not at all (a failed or killed run
 * leaves nothing visible).
 */
class ExtractVersionsTest {

	@TempDir
	Path root;

	ExtractFixture fixture;

	final List<ExtractPublished> told = new ArrayList<>();

	@BeforeEach
	void warehouse() {
		fixture = new ExtractFixture(root);
	}

	ExtractBuilder.Result build(String partner) {
		return new ExtractBuilder(fixture.dir, fixture.registry, fixture.catalogue, Partners.bundled(),
				Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC), told::add, 2)
			.build(ExtractFixture.YEAR, partner);
	}

	/** Every file and folder under extracts/, hidden ones included. */
	List<String> everything() throws IOException {
		Path extracts = fixture.dir.root().resolve("extracts");
		if (!Files.exists(extracts)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(extracts)) {
			return walk.map(p -> extracts.relativize(p).toString()).filter(s -> !s.isEmpty()).sorted().toList();
		}
	}

	@Test
	void theSameDataIsNotWrittenTwiceAndANewAsOfGivesANewVersion() throws Exception {
		// given the extracts of 2025 built once
		assertThat(build(null).outcomes()).allMatch(ExtractBuilder.Outcome::written);
		List<String> before = everything();
		assertThat(told).hasSize(5);

		// when built again: nothing is written, nobody is told
		ExtractBuilder.Result again = build(null);
		assertThat(again.outcomes()).noneMatch(ExtractBuilder.Outcome::written);
		assertThat(again.rowsWritten()).isZero();
		assertThat(everything()).isEqualTo(before);
		assertThat(told).hasSize(5);

		// when the years are aggregated again as of a later instant, with a fraction of a
		// second
		fixture.aggregate(Instant.parse("2026-06-30T12:00:00.250Z"));
		ExtractBuilder.Result later = build("RTES");

		// then RTES gets a second version beside the first, which stays; the latest is
		// listed first
		assertThat(later.outcomes()).singleElement().matches(ExtractBuilder.Outcome::written);
		assertThat(Extracts.of(fixture.dir, "RTES")).extracting(Extracts.Extract::version)
			.containsExactly("20260630T120000.250000Z", ExtractFixture.VERSION);
		assertThat(Extracts.of(fixture.dir, "MES")).extracting(Extracts.Extract::version)
			.containsExactly(ExtractFixture.VERSION);
		assertThat(told).hasSize(6);
		assertThat(told.get(5).version()).isEqualTo("20260630T120000.250000Z");
	}

	@Test
	void aRunThatFailsMidwayLeavesNoExtractVisibleNorAnyDraft() throws Exception {
		// given the pole values of 2021 are not readable: the build fails after every
		// draft was started
		Path partition = fixture.dir.partition(Tables.POLE_VALUES, 2021);
		Files.writeString(partition.resolve("part-0.parquet"), "not parquet at all");

		assertThatThrownBy(() -> build(null)).hasMessageContaining("part-0.parquet");

		// then nothing is under extracts/ but empty year folders: no version, no hidden
		// draft
		assertThat(Extracts.list(fixture.dir)).isEmpty();
		assertThat(everything()).allMatch(p -> !p.contains("2025" + java.io.File.separator));
		assertThat(told).isEmpty();
	}

	@Test
	void aDraftLeftByAKilledRunIsNeverListedAndIsRemovedByTheNextRun() throws Exception {
		// given a hidden draft left by a run killed while writing
		Path draft = fixture.dir.extracts("RTES").resolve("2025").resolve("." + ExtractFixture.VERSION + ".tmp-dead");
		Files.createDirectories(draft.resolve("csv"));
		Files.writeString(draft.resolve("aggregates.parquet"), "half");
		Files.writeString(draft.resolve(DataPackage.FILE), "{}");
		assertThat(Extracts.list(fixture.dir)).isEmpty();

		// when the extract runs
		build("RTES");

		// then the draft is gone and the extract is in place whole
		assertThat(draft).doesNotExist();
		assertThat(everything()).noneMatch(p -> p.contains(".tmp-"));
		assertThat(Extracts.list(fixture.dir)).singleElement()
			.satisfies(e -> assertThat(e.folder().resolve("aggregates.parquet")).isRegularFile());
	}

	@Test
	void aMeasureInAConfidentialCellStopsTheExtractBeforeAnythingIsWritten() throws Exception {
		// given a warehouse partition where a cell that is not F holds a total (a defect
		// upstream)
		Path file = ParquetScan.files(fixture.dir.partition(Tables.AGGREGATES, 2024)).get(0);
		List<AggregateCell> cells = new ArrayList<>(TableReaders.aggregates(file));
		int i = 0;
		while (cells.get(i).confStatus().equals("F")) {
			i++;
		}
		AggregateCell c = cells.get(i);
		cells.set(i, new AggregateCell(c.indicator(), c.level(), c.area(), c.nExpected(), c.nRespondents(),
				c.nImputed(), c.responseRate(), 123.0, null, null, null, null, null, null, null, null, c.confStatus()));
		Tables.AGGREGATE.writeFile(file,
				new Provenance(Instant.parse("2026-03-31T06:00:00Z"), "c", fixture.registry.sha256(), "t"), cells);

		assertThatThrownBy(() -> build(null))
			.hasMessageContaining("confidential cell " + c.indicator() + "/" + c.level() + "/" + c.area())
			.hasMessageContaining("2024");
		assertThat(Extracts.list(fixture.dir)).isEmpty();
		assertThat(everything()).noneMatch(p -> p.contains(".tmp-"));
	}

	@Test
	void internalFilesOfTheWarehouseNeverReachAnExtract() throws Exception {
		// given the staff's audit beside the aggregates, and a Parquet file of it inside
		// the partition itself,
		// with a cell whose total (31415926.535) appears nowhere else
		AggregateCell secret = new AggregateCell("JOBS_FTE", "national", "FR", 1, 1, 0, 100.0, 31415926.535, null, null,
				null, null, null, null, null, null, "F");
		Provenance provenance = new Provenance(ExtractFixture.AS_OF, "c", fixture.registry.sha256(), "t");
		Tables.AGGREGATE.writeFile(fixture.dir.partition(Tables.AGGREGATES, 2025).resolve("audit.parquet"), provenance,
				List.of(secret));
		Tables.AGGREGATE.writeFile(fixture.dir.warehouse().resolve("audit/year=2025/part-0.parquet"), provenance,
				List.of(secret));
		Files.writeString(fixture.dir.partition(Tables.POLE_VALUES, 2025).resolve("audit.json"),
				"{\"exposed\": 31415926.535}");

		// when every extract is built
		build(null);

		// then no file of any extract holds the figure, and each extract holds its own
		// files only
		for (Extracts.Extract e : Extracts.list(fixture.dir)) {
			try (Stream<Path> files = Files.walk(e.folder())) {
				for (Path f : files.filter(Files::isRegularFile).toList()) {
					assertThat(f.getFileName().toString()).doesNotContain("audit");
					if (f.toString().endsWith(".csv") || f.toString().endsWith(".json")) {
						// as a whole field: a digit string may well occur inside another
						// number
						assertThat(Files.readString(f).split("[,\\n: ]")).doesNotContain("31415926.535");
					}
				}
			}
			assertThat(TableReaders.aggregates(e.folder().resolve("aggregates.parquet"))
				.stream()
				.map(AggregateCell::total)).doesNotContain(31415926.535);
		}
		assertThat(Extracts.list(fixture.dir)).hasSize(5);
	}

	@Test
	void twoRunsOfTheSameYearAtOnceWriteEachVersionOnceAndLoseNothing() throws Exception {
		// given two runs of 2025 started together in this JVM
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<ExtractBuilder.Result> first = pool.submit(() -> build(null));
			Future<ExtractBuilder.Result> second = pool.submit(() -> build(null));

			// then each partner's version is written by one of them, the other finds it
			// in place
			List<ExtractBuilder.Outcome> outcomes = new ArrayList<>(first.get(2, TimeUnit.MINUTES).outcomes());
			outcomes.addAll(second.get(2, TimeUnit.MINUTES).outcomes());
			assertThat(outcomes.stream().filter(ExtractBuilder.Outcome::written).map(ExtractBuilder.Outcome::partner))
				.containsExactlyInAnyOrder("LABO_ESS", "RTES", "COORACE", "MES", "ESS_FRANCE");
			assertThat(told).hasSize(5);
			assertThat(everything()).noneMatch(name -> name.contains(".tmp-"));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aRunWaitsWhileAnotherProcessBuildsTheSameYear() throws Exception {
		// given another process holding the lock of 2025
		Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LockHolder.class.getName(),
				fixture.dir.root().resolve("locks").toString(), Integer.toString(ExtractFixture.YEAR))
			.redirectErrorStream(true)
			.start();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()));
			assertThat(out.readLine()).isEqualTo("held");

			// when a run starts: it waits, writing nothing
			Future<ExtractBuilder.Result> run = pool.submit(() -> build(null));
			Thread.sleep(1500);
			assertThat(run).isNotDone();
			assertThat(everything()).noneMatch(name -> name.startsWith("LABO_ESS/2025/2"));

			// then it goes on once the other process has ended (killed: the system
			// releases its lock)
			holder.destroyForcibly().waitFor();
			assertThat(run.get(2, TimeUnit.MINUTES).outcomes()).allMatch(ExtractBuilder.Outcome::written);
		}
		finally {
			holder.destroyForcibly();
			pool.shutdownNow();
		}
	}

	/**
	 * Another process that builds the extracts of a year: holds its lock until killed.
	 */
	public static final class LockHolder {

		public static void main(String[] args) throws Exception {
			try (ProcessLock lock = ProcessLock.acquire(Path.of(args[0]).resolve("extract-" + args[1] + ".lock"))) {
				System.out.println("held");
				System.out.flush();
				Thread.sleep(Long.MAX_VALUE);
			}
		}

	}

	@Test
	void aYearWithoutAggregatesOrAnUnknownPartnerIsRefusedWithWhatToDo() {
		ExtractBuilder builder = new ExtractBuilder(fixture.dir, fixture.registry, fixture.catalogue,
				Partners.bundled(), Clock.systemUTC(), told::add, 1);
		assertThatThrownBy(() -> builder.check(2030, null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("no aggregates for 2030: run 'aggregate --year 2030' first, then 'extract --year 2030'");
		assertThatThrownBy(() -> builder.check(2025, "NOPE")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("unknown partner 'NOPE'")
			.hasMessageContaining("LABO_ESS, RTES");
	}

}
