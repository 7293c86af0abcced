package fr.ptce.observatory.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.warehouse.AggregateCell;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four attacks of issue 15, run as an attacker would on the samples: from the
 * aggregates published before methodology section 4 was rewritten they recover protected
 * poles' values; from what the pipeline publishes now they recover none within ±10 %.
 * Then an attacker combining every published total by linear programming (its own solver)
 * recovers none either.
 */
class ConfidentialityAttacksTest {

	@TempDir
	static Path root;

	static SamplesWarehouse samples;

	static Attacker attacker;

	/** year → indicator → pole_id → yearly value. */
	static final Map<Integer, Map<String, Map<String, Double>>> truth = new HashMap<>();

	@BeforeAll
	static void aggregateTheSamples() {
		samples = SamplesWarehouse.aggregate(root);
		attacker = new Attacker(SamplesWarehouse.REGISTRY);
		for (int year = SamplesWarehouse.FIRST; year <= SamplesWarehouse.LAST; year++) {
			truth.put(year, samples.poleValues(year));
		}
	}

	@Test
	void quantilesOfSmallCellsNoLongerGiveValuesBack() {
		List<Attacker.Recovery> before = new ArrayList<>();
		List<Attacker.Recovery> after = new ArrayList<>();
		long cellsOfThree = 0;
		for (int year = SamplesWarehouse.FIRST; year <= SamplesWarehouse.LAST; year++) {
			List<AggregateCell> old = SamplesWarehouse.aggregatesBefore(year);
			cellsOfThree += attacker.cellsGivingBackThreeValues(year, old, truth.get(year));
			before.addAll(attacker.quantiles(year, old, truth.get(year)));
			after.addAll(attacker.quantiles(year, samples.aggregates(year), truth.get(year)));
			// and no published cell of fewer than 10 respondents has a quantile
			assertThat(samples.aggregates(year))
				.filteredOn(c -> c.nRespondents() < Confidentiality.MIN_RESPONDENTS_FOR_QUANTILES)
				.allMatch(c -> c.median() == null && c.p25() == null && c.p75() == null);
		}
		System.out.printf("quantiles: %d cells of 3 gave their values back, %d protected values recovered%n",
				cellsOfThree, Attacker.hits(before, truth).size());
		assertThat(cellsOfThree).isEqualTo(1_569);
		assertThat(Attacker.hits(before, truth)).hasSizeGreaterThan(100);
		assertThat(Attacker.hits(after, truth)).isEmpty();
	}

	@Test
	void theConstantSampleNoLongerExposesNewcomersOrLeavers() {
		List<Attacker.Recovery> before = new ArrayList<>();
		List<Attacker.Recovery> after = new ArrayList<>();
		for (int year = SamplesWarehouse.FIRST + 1; year <= SamplesWarehouse.LAST; year++) {
			before.addAll(attacker.constantSample(year, SamplesWarehouse.aggregatesBefore(year),
					SamplesWarehouse.aggregatesBefore(year - 1), truth.get(year), truth.get(year - 1)));
			after.addAll(attacker.constantSample(year, samples.aggregates(year), samples.aggregates(year - 1),
					truth.get(year), truth.get(year - 1)));
		}
		System.out.printf("constant sample: %d claims, %d protected values recovered before; %d claims after%n",
				before.size(), Attacker.hits(before, truth).size(), after.size());
		// the issue counted 753 newcomers and leavers among all poles; with the
		// consenting poles' values known,
		// more protected ones are exposed
		assertThat(Attacker.hits(before, truth)).hasSizeGreaterThan(753);
		assertThat(Attacker.hits(after, truth)).isEmpty();
	}

	@Test
	void consentingPolesNoLongerLetTheLastProtectedOneBeSubtracted() {
		List<Attacker.Recovery> before = new ArrayList<>();
		List<Attacker.Recovery> after = new ArrayList<>();
		for (int year = SamplesWarehouse.FIRST; year <= SamplesWarehouse.LAST; year++) {
			before.addAll(attacker.consent(year, SamplesWarehouse.aggregatesBefore(year), truth.get(year)));
			after.addAll(attacker.consent(year, samples.aggregates(year), truth.get(year)));
		}
		System.out.printf("consent: %d cells with one protected respondent before, %d recovered%n", before.size(),
				Attacker.hits(before, truth).size());
		// the count: 1,860 published cells had exactly one protected respondent
		assertThat(before).hasSize(1_860);
		assertThat(Attacker.hits(before, truth)).hasSize(1_860);
		assertThat(after).isEmpty();
	}

	@Test
	void noCombinationOfPublishedTotalsPinsDownAProtectedValue() {
		int audited = 0;
		for (int year = SamplesWarehouse.FIRST; year <= SamplesWarehouse.LAST; year++) {
			List<AggregateCell> cells = samples.aggregates(year);
			for (String indicator : cells.stream().map(AggregateCell::indicator).distinct().toList()) {
				if (Ratio.isRatio(indicator)) {
					continue;
				}
				List<AggregateCell> ofIndicator = cells.stream().filter(c -> c.indicator().equals(indicator)).toList();
				assertThat(LpAttacker.exposures(attacker, year, ofIndicator,
						truth.get(year).getOrDefault(indicator, Map.of())))
					.as(year + " " + indicator)
					.isEmpty();
				audited++;
			}
		}
		assertThat(audited).isEqualTo(11 * 17);
	}

	@Test
	void theSameAttackerPinsDownProtectedValuesInWhatWasPublishedBefore() {
		// so that the test above can fail: on 2025 as published before, the attacker
		// finds exposed poles
		List<AggregateCell> cells = SamplesWarehouse.aggregatesBefore(2025);
		int exposed = 0;
		for (String indicator : List.of("MEMBERS_TOTAL", "JOBS_FTE", "TURNOVER")) {
			exposed += LpAttacker
				.exposures(attacker, 2025, cells.stream().filter(c -> c.indicator().equals(indicator)).toList(),
						truth.get(2025).get(indicator))
				.size();
		}
		assertThat(exposed).isGreaterThan(10);
	}

}
