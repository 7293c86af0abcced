package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.AuditSummary;
import fr.ptce.observatory.warehouse.InternalTables;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.PoleValue;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property of section 4 over random registries (random overlapping networks, sometimes
 * two that differ by one pole, a random share of consenting poles) and values, checked
 * from the written files alone (the pole values and the registry, not the job's
 * internals): no published cell has fewer than 3 respondents, 1 or 2 protected ones, a
 * pole above 85 % of its total or a protected pole above 85 % of the protected total; no
 * cell of fewer than 10 respondents has a quantile; in no sibling group can a hidden cell
 * be recovered by subtracting the published cells from their parent; and an attacker
 * combining every published total by linear programming, with the consenting poles'
 * values, pins no protected value within ±10 %.
 */
class ConfidentialityPropertyTest {

	@TempDir
	Path root;

	/** Cells the audit suppressed over all the trials: the trials must give it work. */
	static int auditSuppressions;

	@AfterAll
	static void theAuditHadWorkToDo() {
		assertThat(auditSuppressions).isPositive();
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
	void noPublishedCellRevealsOnePole(long seed) throws Exception {
		Random random = new Random(seed);
		Catalogue catalogue = Catalogue.bundled();
		Path trial = Files.createDirectories(root.resolve("trial-" + seed));
		int nPoles = 10 + random.nextInt(80);
		Registry registry = RandomStore.registry(random, nPoles, 3 + random.nextInt(25),
				random.nextBoolean() ? List.of("11", "84", "93") : List.of(), 2022, trial.resolve("registry.csv"),
				random.nextDouble(), random.nextBoolean());
		DataDirectory dir = new DataDirectory(trial.resolve("data"));
		dir.createLayout();
		RandomStore.observations(random, registry, catalogue, dir, 2024, 2024, 0.3 + random.nextDouble() * 0.7);
		Instant asOf = Instant.parse("2026-06-01T00:00:00Z");
		new AggregateEngine(registry, catalogue, RandomStore.GEO, dir,
				new Provenance(asOf, catalogue.sha256(), registry.sha256(), "test"), 2)
			.run(2024, 2024, asOf, s -> {
			});
		Map<String, Double> values = new HashMap<>();
		for (PoleValue v : TableReaders.readPartition(dir, Tables.POLE_VALUES, 2024, TableReaders::poleValues)) {
			values.put(v.poleId() + "/" + v.indicator(), v.value());
		}
		List<AggregateCell> cells = TableReaders.readPartition(dir, Tables.AGGREGATES, 2024, TableReaders::aggregates);
		Map<String, List<AggregateCell>> groups = new HashMap<>();
		int published = 0;
		for (AggregateCell cell : cells) {
			List<Double> respondents = respondents(registry, values, cell.indicator(), List.of(cell));
			assertThat(respondents).as(cell.toString()).hasSize(cell.nRespondents());
			if (cell.confStatus().equals("F")) {
				published++;
				assertThat(cell.nRespondents()).as(cell.toString()).isGreaterThanOrEqualTo(3);
				assertThat(dominated(respondents, cell.indicator())).as(cell.toString()).isFalse();
				List<Double> hidden = protectedRespondents(registry, values, cell.indicator(), List.of(cell));
				assertThat(hidden.size()).as(cell.toString()).isNotIn(1, 2);
				assertThat(dominated(hidden, cell.indicator())).as(cell.toString()).isFalse();
			}
			if (cell.nRespondents() < 10) {
				assertThat(cell.median()).as(cell.toString()).isNull();
				assertThat(cell.p25()).as(cell.toString()).isNull();
				assertThat(cell.p75()).as(cell.toString()).isNull();
			}
			String group = switch (cell.level()) {
				case "region", "theme" -> cell.level();
				case "departement" -> "departement of " + RandomStore.GEO.departement(cell.area()).region();
				default -> null;
			};
			if (group != null) {
				groups.computeIfAbsent(cell.indicator() + "/" + group, g -> new ArrayList<>()).add(cell);
			}
		}
		for (List<AggregateCell> group : groups.values()) {
			List<AggregateCell> hidden = group.stream().filter(c -> !c.confStatus().equals("F")).toList();
			boolean anyPublished = hidden.size() < group.size();
			if (hidden.isEmpty() || !anyPublished) {
				continue;
			}
			// one hidden cell next to published siblings would be parent − Σ siblings
			assertThat(hidden).as(group.toString()).hasSizeGreaterThanOrEqualTo(2);
			List<Double> union = respondents(registry, values, hidden.get(0).indicator(), hidden);
			assertThat(union.size()).as(hidden.toString()).isGreaterThanOrEqualTo(3);
			assertThat(dominated(union, hidden.get(0).indicator())).as(hidden.toString()).isFalse();
			List<Double> protectedUnion = protectedRespondents(registry, values, hidden.get(0).indicator(), hidden);
			assertThat(protectedUnion.size()).as(hidden.toString()).isNotIn(1, 2);
			assertThat(dominated(protectedUnion, hidden.get(0).indicator())).as(hidden.toString()).isFalse();
		}
		assertThat(cells).isNotEmpty();
		assertThat(published).isPositive();
		auditSuppressions += TableReaders
			.readPartition(dir, InternalTables.CONFIDENTIALITY_AUDIT, 2024, TableReaders::auditSummaries)
			.stream()
			.mapToInt(AuditSummary::cellsSuppressed)
			.sum();
		// and no combination of the published totals pins down a protected value
		Attacker attacker = new Attacker(registry);
		for (String indicator : cells.stream().map(AggregateCell::indicator).distinct().toList()) {
			if (Ratio.isRatio(indicator)) {
				continue;
			}
			Map<String, Double> truth = new HashMap<>();
			values.forEach((key, v) -> {
				if (key.endsWith("/" + indicator)) {
					truth.put(key.substring(0, key.indexOf('/')), v);
				}
			});
			assertThat(LpAttacker.exposures(attacker, 2024,
					cells.stream().filter(c -> c.indicator().equals(indicator)).toList(), truth))
				.as(indicator)
				.isEmpty();
		}
	}

	/** The values of the protected respondents of the cells' areas. */
	private static List<Double> protectedRespondents(Registry registry, Map<String, Double> values, String indicator,
			List<AggregateCell> cells) {
		Map<String, Double> protectedValues = new HashMap<>();
		for (Pole pole : registry.poles()) {
			if (!pole.openData() && values.containsKey(pole.id() + "/" + indicator)) {
				protectedValues.put(pole.id() + "/" + indicator, values.get(pole.id() + "/" + indicator));
			}
		}
		return respondents(registry, protectedValues, indicator, cells);
	}

	/**
	 * The yearly values of the poles of the cells' areas (their union), from the files.
	 */
	private static List<Double> respondents(Registry registry, Map<String, Double> values, String indicator,
			List<AggregateCell> cells) {
		List<Double> found = new ArrayList<>();
		for (Pole pole : registry.poles()) {
			if (!pole.isExpected(2024)) {
				continue;
			}
			boolean in = cells.stream().anyMatch(c -> switch (c.level()) {
				case "national" -> true;
				case "region" -> pole.region().equals(c.area());
				case "departement" -> pole.departement().equals(c.area());
				case "theme" -> pole.theme().equals(c.area());
				case "network" -> pole.networks().contains(c.area());
				default -> false;
			});
			Double v = values.get(pole.id() + "/" + indicator);
			if (in && v != null) {
				found.add(v);
			}
		}
		return found;
	}

	private static boolean dominated(List<Double> values, String indicator) {
		if (Ratio.isRatio(indicator)) {
			return false;
		}
		double total = values.stream().mapToDouble(Double::doubleValue).sum();
		double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		return total > 0 && max > 0.85 * total;
	}

}
