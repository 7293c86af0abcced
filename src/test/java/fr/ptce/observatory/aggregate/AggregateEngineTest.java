package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.InternalTables;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.PoleValue;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Trend;
import fr.ptce.observatory.warehouse.WithheldFigure;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole computation on real Parquet files in a temporary data directory, against
 * hand-computed figures. The test registry (registry.csv beside this class): poles 1, 2,
 * 3 in region 11 (departments 75, 92, 93), 4 and 5 in region 84 (department 69), 6 in
 * region 93 (13, created 2024), 7 in region 53 (closed 2022). None has open-data consent,
 * so every respondent is protected and the rules on protected respondents agree with
 * those on all respondents.
 */
class AggregateEngineTest {

	static final Registry REGISTRY = ObservationFiles.registry("/fr/ptce/observatory/aggregate/registry.csv");

	static final Catalogue CATALOGUE = Catalogue.bundled();

	static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

	@TempDir
	Path root;

	DataDirectory dir;

	AggregateEngine engine;

	@BeforeEach
	void setUp() {
		dir = new DataDirectory(root);
		dir.createLayout();
		engine = new AggregateEngine(REGISTRY, CATALOGUE, ObservationFiles.GEO, dir,
				new Provenance(Instant.EPOCH, CATALOGUE.sha256(), REGISTRY.sha256(), "test"), 2);
	}

	private Map<String, AggregateCell> cells(int year) {
		return TableReaders.readPartition(dir, Tables.AGGREGATES, year, TableReaders::aggregates)
			.stream()
			.collect(Collectors.toMap(c -> c.indicator() + "/" + c.level() + "/" + c.area(), Function.identity()));
	}

	private Map<String, PoleValue> poleValues(int year) {
		return TableReaders.readPartition(dir, Tables.POLE_VALUES, year, TableReaders::poleValues)
			.stream()
			.collect(Collectors.toMap(v -> v.poleId() + "/" + v.indicator(), Function.identity()));
	}

	@Test
	void cellsOfEachLevelWithPrimaryAndSecondaryConfidentiality() {
		// given JOBS_FTE 2024 of poles 1..5 = 10, 20, 30, 40, 50 (pole 6 expected,
		// silent; pole 7 closed)
		ObservationFiles obs = new ObservationFiles();
		for (int p = 1; p <= 5; p++) {
			obs.add("PTCE-000" + p, "2024", "JOBS_FTE", 10.0 * p);
		}
		obs.write(dir);
		// when aggregated
		engine.run(2024, 2024, AS_OF, s -> {
		});
		Map<String, AggregateCell> cells = cells(2024);
		// then the national cell: 6 expected, 5 respondents, 150 in all
		AggregateCell fr = cells.get("JOBS_FTE/national/FR");
		assertThat(fr.nExpected()).isEqualTo(6);
		assertThat(fr.nRespondents()).isEqualTo(5);
		assertThat(fr.responseRate()).isCloseTo(5.0 / 6, within(1e-15));
		assertThat(fr.total()).isEqualTo(150.0);
		assertThat(fr.mean()).isEqualTo(30.0);
		// section 4, Order statistics: no quantile below 10 respondents, even in a
		// published cell
		assertThat(fr.median()).isNull();
		assertThat(fr.p25()).isNull();
		assertThat(fr.p75()).isNull();
		assertThat(fr.density()).isCloseTo(150.0 / ObservationFiles.GEO.population("national", "FR") * 10_000,
				within(1e-15));
		assertThat(fr.confStatus()).isEqualTo("F");
		// regions: 84 has 2 respondents (A), 93 none (A); {84, 93} has 2 respondents, so
		// 11 is suppressed (D)
		assertThat(cells.get("JOBS_FTE/region/84").confStatus()).isEqualTo("A");
		assertThat(cells.get("JOBS_FTE/region/93").confStatus()).isEqualTo("A");
		assertThat(cells.get("JOBS_FTE/region/93").nRespondents()).isZero();
		AggregateCell r11 = cells.get("JOBS_FTE/region/11");
		assertThat(r11.confStatus()).isEqualTo("D");
		assertThat(r11.total()).isNull();
		assertThat(r11.density()).isNull();
		assertThat(r11.nRespondents()).isEqualTo(3);
		// no cell for region 53: its only pole closed in 2022
		assertThat(cells).doesNotContainKey("JOBS_FTE/region/53");
		// themes: CULTURE = 10 + 20 + 50 (F before secondary), HABITAT 2 respondents (A),
		// ENERGIE none (A)
		assertThat(cells.get("JOBS_FTE/theme/HABITAT").confStatus()).isEqualTo("A");
		assertThat(cells.get("JOBS_FTE/theme/CULTURE").confStatus()).isEqualTo("D");
		// networks: RTES = poles 1, 2, 3, published; MES = poles 2, 5, too few
		AggregateCell rtes = cells.get("JOBS_FTE/network/RTES");
		assertThat(rtes.confStatus()).isEqualTo("F");
		assertThat(rtes.total()).isEqualTo(60.0);
		assertThat(rtes.density()).isNull();
		assertThat(cells.get("JOBS_FTE/network/MES").confStatus()).isEqualTo("A");
		// departments: one or two poles each, all A
		assertThat(cells.get("JOBS_FTE/departement/69").confStatus()).isEqualTo("A");
		// an indicator nobody reported: every cell A with 0 respondents
		AggregateCell turnover = cells.get("TURNOVER/national/FR");
		assertThat(turnover.nRespondents()).isZero();
		assertThat(turnover.confStatus()).isEqualTo("A");
		assertThat(turnover.responseRate()).isEqualTo(0.0);
	}

	@Test
	void filesAreSortedAndCarryTheProvenance() throws Exception {
		new ObservationFiles().add("PTCE-0002", "2024", "JOBS_FTE", 3)
			.add("PTCE-0001", "2024", "TURNOVER", 5)
			.add("PTCE-0001", "2024", "JOBS_FTE", 4)
			.write(dir);
		engine.run(2024, 2024, AS_OF, s -> {
		});
		Path aggregates = dir.partition(Tables.AGGREGATES, 2024).resolve("part-0.parquet");
		List<AggregateCell> rows = TableReaders.aggregates(aggregates);
		for (int i = 1; i < rows.size(); i++) {
			AggregateCell a = rows.get(i - 1);
			AggregateCell b = rows.get(i);
			String ka = a.indicator() + "\u0000" + a.level() + "\u0000" + a.area();
			String kb = b.indicator() + "\u0000" + b.level() + "\u0000" + b.area();
			assertThat(ka).isLessThan(kb);
		}
		List<PoleValue> values = TableReaders
			.poleValues(dir.partition(Tables.POLE_VALUES, 2024).resolve("part-0.parquet"));
		assertThat(values).extracting(v -> v.poleId() + "/" + v.indicator())
			.containsExactly("PTCE-0001/JOBS_FTE", "PTCE-0001/TURNOVER", "PTCE-0002/JOBS_FTE");
		Map<String, String> kv = ParquetScan.keyValueMetadata(aggregates);
		assertThat(kv).containsEntry("observatory.as_of", "2026-06-01T00:00:00Z")
			.containsEntry("observatory.registry_sha256", REGISTRY.sha256())
			.containsEntry("observatory.catalogue_sha256", CATALOGUE.sha256())
			.containsKey("observatory.schema_version")
			.containsKey("observatory.software_version");
		assertThat(ParquetScan.keyValueMetadata(dir.partition(Tables.TRENDS, 2024).resolve("part-0.parquet")))
			.containsEntry("observatory.as_of", "2026-06-01T00:00:00Z");
		// the same run again gives byte-identical files, and leaves no temporary file
		// behind
		byte[] first = Files.readAllBytes(aggregates);
		engine.run(2024, 2024, AS_OF, s -> {
		});
		assertThat(Files.readAllBytes(aggregates)).isEqualTo(first);
		try (var list = Files.list(dir.partition(Tables.AGGREGATES, 2024))) {
			assertThat(list.map(p -> p.getFileName().toString())).containsExactly("part-0.parquet");
		}
	}

	@Test
	void currentObservationsAsOfAnInstant() {
		Instant t1 = Instant.parse("2025-02-01T10:00:00Z");
		Instant t2 = Instant.parse("2025-03-01T10:00:00Z");
		Instant t3 = Instant.parse("2025-04-01T10:00:00Z");
		// given pole 1: 10 at t1, corrected at t2 by two files of one run (b.csv 11,
		// c.csv 12: c sorts last)
		// and pole 2: 20 at t1, then a status M at t3 (absent from then on)
		new ObservationFiles().add("PTCE-0001", "2024", "JOBS_FTE", 10.0, "a.csv", t1)
			.add("PTCE-0002", "2024", "JOBS_FTE", 20.0, "a.csv", t1)
			.add("PTCE-0001", "2024", "JOBS_FTE", 12.0, "c.csv", t2)
			.add("PTCE-0001", "2024", "JOBS_FTE", 11.0, "b.csv", t2)
			.add("PTCE-0002", "2024", "JOBS_FTE", null, "d.csv", t3)
			.write(dir);
		// when aggregated as of t1, between t2 and t3, and after t3
		engine.run(2024, 2024, t1, s -> {
		});
		Map<String, PoleValue> atT1 = poleValues(2024);
		engine.run(2024, 2024, t2.plusSeconds(1), s -> {
		});
		Map<String, PoleValue> atT2 = poleValues(2024);
		engine.run(2024, 2024, t3, s -> {
		});
		Map<String, PoleValue> atT3 = poleValues(2024);
		// then
		assertThat(atT1.get("PTCE-0001/JOBS_FTE").value()).isEqualTo(10.0);
		assertThat(atT1.get("PTCE-0002/JOBS_FTE").value()).isEqualTo(20.0);
		assertThat(atT2.get("PTCE-0001/JOBS_FTE").value()).isEqualTo(12.0);
		assertThat(atT3.get("PTCE-0001/JOBS_FTE").value()).isEqualTo(12.0);
		assertThat(atT3).doesNotContainKey("PTCE-0002/JOBS_FTE");
		assertThat(cells(2024).get("JOBS_FTE/national/FR").nRespondents()).isEqualTo(1);
	}

	@Test
	void quarterlyFlowsAndStocks() {
		// given TURNOVER (flow) of pole 1 over four quarters, pole 2 over two, pole 3 one
		// quarter, pole 4 annual
		// wins over its quarters; VOLUNTEERS (stock) of pole 5 in Q1 and Q3
		new ObservationFiles().add("PTCE-0001", "2024-Q1", "TURNOVER", 1)
			.add("PTCE-0001", "2024-Q2", "TURNOVER", 2)
			.add("PTCE-0001", "2024-Q3", "TURNOVER", 3)
			.add("PTCE-0001", "2024-Q4", "TURNOVER", 4)
			.add("PTCE-0002", "2024-Q1", "TURNOVER", 5)
			.add("PTCE-0002", "2024-Q2", "TURNOVER", 5)
			.add("PTCE-0003", "2024-Q3", "TURNOVER", 9)
			.add("PTCE-0004", "2024", "TURNOVER", 1000)
			.add("PTCE-0004", "2024-Q1", "TURNOVER", 1)
			.add("PTCE-0005", "2024-Q1", "VOLUNTEERS", 30)
			.add("PTCE-0005", "2024-Q3", "VOLUNTEERS", 35)
			.write(dir);
		engine.run(2024, 2024, AS_OF, s -> {
		});
		Map<String, PoleValue> values = poleValues(2024);
		assertThat(values.get("PTCE-0001/TURNOVER")).isEqualTo(new PoleValue("PTCE-0001", "TURNOVER", 10, false, 4));
		assertThat(values.get("PTCE-0002/TURNOVER")).isEqualTo(new PoleValue("PTCE-0002", "TURNOVER", 20, true, 2));
		assertThat(values).doesNotContainKey("PTCE-0003/TURNOVER");
		assertThat(values.get("PTCE-0004/TURNOVER")).isEqualTo(new PoleValue("PTCE-0004", "TURNOVER", 1000, false, 0));
		assertThat(values.get("PTCE-0005/VOLUNTEERS"))
			.isEqualTo(new PoleValue("PTCE-0005", "VOLUNTEERS", 35, false, 2));
		// the national cell: 3 respondents, 1 imputed, 10 + 20 + 1000 = 1030, 1000 > 0.85
		// × 1030: dominance
		AggregateCell fr = cells(2024).get("TURNOVER/national/FR");
		assertThat(fr.nRespondents()).isEqualTo(3);
		assertThat(fr.nImputed()).isEqualTo(1);
		assertThat(fr.confStatus()).isEqualTo("O");
		assertThat(fr.total()).isNull();
	}

	@Test
	void ratiosWithAZeroDenominator() {
		// given MEMBERS_TOTAL 10, 0, 20, 30, 40 and MEMBERS_ESS 5, 0, 10, 15, 40 for
		// poles 1..5
		double[] total = { 10, 0, 20, 30, 40 };
		double[] ess = { 5, 0, 10, 15, 40 };
		ObservationFiles obs = new ObservationFiles();
		for (int p = 1; p <= 5; p++) {
			obs.add("PTCE-000" + p, "2024", "MEMBERS_TOTAL", total[p - 1]);
			obs.add("PTCE-000" + p, "2024", "MEMBERS_ESS", ess[p - 1]);
		}
		// and PUBLIC_FUNDING 30 (imputed from two quarters: 10 + 5 → 30) with OWN_REVENUE
		// 70 for pole 1
		obs.add("PTCE-0001", "2024-Q1", "PUBLIC_FUNDING", 10).add("PTCE-0001", "2024-Q2", "PUBLIC_FUNDING", 5);
		obs.add("PTCE-0001", "2024", "OWN_REVENUE", 70);
		obs.write(dir);
		engine.run(2024, 2024, AS_OF, s -> {
		});
		Map<String, PoleValue> values = poleValues(2024);
		// then pole 2 has no ratio (denominator 0); the others 50, 50, 50, 100
		assertThat(values).doesNotContainKey("PTCE-0002/ESS_SHARE");
		assertThat(values.get("PTCE-0005/ESS_SHARE").value()).isEqualTo(100.0);
		PoleValue share = values.get("PTCE-0001/PUBLIC_FUNDING_SHARE");
		assertThat(share.value()).isCloseTo(30.0, within(1e-12));
		assertThat(share.imputed()).isTrue();
		// the cell: Σ 70 / Σ 100 × 100 = 70 (not the mean of the ratios, 62.5)
		AggregateCell fr = cells(2024).get("ESS_SHARE/national/FR");
		assertThat(fr.nRespondents()).isEqualTo(4);
		assertThat(fr.total()).isCloseTo(70.0, within(1e-12));
		assertThat(fr.mean()).isCloseTo(62.5, within(1e-12));
		assertThat(fr.median()).isNull();
		assertThat(fr.confStatus()).isEqualTo("F");
		AggregateCell funding = cells(2024).get("PUBLIC_FUNDING_SHARE/national/FR");
		assertThat(funding.nRespondents()).isEqualTo(1);
		assertThat(funding.nImputed()).isEqualTo(1);
		assertThat(cells(2024).get("GOV_PARTICIPATION/national/FR").nRespondents()).isZero();
	}

	@Test
	void yearOnYearConstantSampleMovingAverageAndTrend() {
		// given national JOBS_FTE: 2021 poles 1..5 = 10 each (50); 2022 poles 1, 2, 4 =
		// 10, 10, 30 (50);
		// 2023 poles 1, 2 only (A); 2024 poles 1..5 = 12 (60); 2025 poles 1..5 = 15 (75)
		ObservationFiles obs = new ObservationFiles();
		for (int p = 1; p <= 5; p++) {
			String pole = "PTCE-000" + p;
			obs.add(pole, "2021", "JOBS_FTE", 10);
			if (p != 3 && p != 5) {
				obs.add(pole, "2022", "JOBS_FTE", p == 4 ? 30 : 10);
			}
			if (p <= 2) {
				obs.add(pole, "2023", "JOBS_FTE", 11);
			}
			obs.add(pole, "2024", "JOBS_FTE", 12);
			obs.add(pole, "2025", "JOBS_FTE", 15);
		}
		obs.write(dir);
		engine.run(2021, 2025, AS_OF, s -> {
		});
		// 2022: yoy 0 %; constant sample poles 1, 2, 4: 30 -> 50, but poles 3 and 5,
		// outside the sample in 2021,
		// are two (50 − 30 would be their 2021 total): withheld by the rule Constant
		// sample; no ma3 (2020 unpublished)
		AggregateCell c2022 = cells(2022).get("JOBS_FTE/national/FR");
		assertThat(c2022.yoyPct()).isEqualTo(0.0);
		assertThat(c2022.yoyConstantPct()).isNull();
		assertThat(
				TableReaders.readPartition(dir, InternalTables.WITHHELD_FIGURES, 2022, TableReaders::withheldFigures))
			.contains(new WithheldFigure("JOBS_FTE", "national", "FR", WithheldFigure.CONSTANT_SAMPLE, null, null));
		assertThat(c2022.ma3()).isNull();
		// 2023: two respondents, A
		assertThat(cells(2023).get("JOBS_FTE/national/FR").confStatus()).isEqualTo("A");
		// 2024: the previous total is confidential: no yoy, no ma3; constant sample of 2
		// poles: null
		AggregateCell c2024 = cells(2024).get("JOBS_FTE/national/FR");
		assertThat(c2024.total()).isEqualTo(60.0);
		assertThat(c2024.yoyPct()).isNull();
		assertThat(c2024.ma3()).isNull();
		assertThat(c2024.yoyConstantPct()).isNull();
		// 2025: (75 − 60) / 60 = 25 %, on 5 poles in both years too; ma3 would use 2023:
		// null
		AggregateCell c2025 = cells(2025).get("JOBS_FTE/national/FR");
		assertThat(c2025.yoyPct()).isCloseTo(25.0, within(1e-12));
		assertThat(c2025.yoyConstantPct()).isCloseTo(25.0, within(1e-12));
		assertThat(c2025.ma3()).isNull();
		// trend of 2025 over 2016..2025: published points 2021 (50), 2022 (50), 2024
		// (60), 2025 (75)
		Trend trend = TableReaders.readPartition(dir, Tables.TRENDS, 2025, TableReaders::trends)
			.stream()
			.filter(t -> t.indicator().equals("JOBS_FTE") && t.level().equals("national"))
			.findFirst()
			.orElseThrow();
		assertThat(trend.firstYear()).isEqualTo(2021);
		assertThat(trend.lastYear()).isEqualTo(2025);
		assertThat(trend.nPoints()).isEqualTo(4);
		assertThat(trend.mkS()).isEqualTo(5);
		assertThat(trend.mkZ()).isCloseTo(1.4446302370292303, within(1e-14));
		assertThat(trend.mkP()).isCloseTo(0.1485617748918687, within(1e-15));
		assertThat(trend.cagrPct()).isCloseTo((Math.pow(75.0 / 50, 0.25) - 1) * 100, within(1e-12));
		// slopes 0, 10/3, 25/4, 10/2, 25/3, 15: median (5 + 6.25) / 2
		assertThat(trend.theilSenSlope()).isCloseTo(5.625, within(1e-12));
		assertThat(trend.direction()).isEqualTo("stable");
		// every cell of the year has its trend row
		assertThat(TableReaders.readPartition(dir, Tables.TRENDS, 2025, TableReaders::trends))
			.hasSize(cells(2025).size());
	}

	@Test
	void aMovingAverageOverThreePublishedYears() {
		ObservationFiles obs = new ObservationFiles();
		for (int p = 1; p <= 5; p++) {
			obs.add("PTCE-000" + p, "2022", "JOBS_FTE", 10);
			obs.add("PTCE-000" + p, "2023", "JOBS_FTE", 12);
			obs.add("PTCE-000" + p, "2024", "JOBS_FTE", 20);
		}
		obs.write(dir);
		// only 2024 is asked for: its earlier years are computed in the same run all the
		// same
		engine.run(2024, 2024, AS_OF, s -> {
		});
		AggregateCell c = cells(2024).get("JOBS_FTE/national/FR");
		// (50 + 60 + 100) / 3 = 70; yoy (100 − 60) / 60
		assertThat(c.ma3()).isCloseTo(70.0, within(1e-12));
		assertThat(c.yoyPct()).isCloseTo(200.0 / 3, within(1e-12));
		assertThat(Files.exists(dir.partition(Tables.AGGREGATES, 2023))).isFalse();
	}

	@Test
	void aYearWithExpectedPolesButNoObservations() {
		engine.run(2026, 2026, AS_OF, s -> {
		});
		AggregateCell fr = cells(2026).get("JOBS_FTE/national/FR");
		assertThat(fr.nExpected()).isEqualTo(6);
		assertThat(fr.nRespondents()).isZero();
		assertThat(fr.confStatus()).isEqualTo("A");
		assertThat(engine.yearsWithoutData(2026, 2026)).isEmpty();
		assertThat(engine.yearsWithoutData(2010, 2014)).containsExactly(2010, 2011, 2012, 2013, 2014);
	}

}
