package fr.ptce.observatory.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.referential.Levels;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AggregateCell;

/**
 * The attacks of issue 15 on what the observatory publishes, written as an attacker would
 * run them: from the published aggregate cells, the registry, who responded (an attacker
 * knows it, section 4) and the yearly values of the consenting poles (they leave the
 * observatory in the extracts). Each attack returns the values it claims for protected
 * poles; {@link #hits} checks them against the truth.
 */
final class Attacker {

	/** A value an attack claims for a protected pole. */
	record Recovery(String attack, int year, String indicator, String poleId, double value) {
	}

	private final Registry registry;

	Attacker(Registry registry) {
		this.registry = registry;
	}

	/**
	 * The claims within ±10 % of the true value (as section 4's audit counts exposure).
	 */
	static List<Recovery> hits(List<Recovery> claims, Map<Integer, Map<String, Map<String, Double>>> truth) {
		List<Recovery> hits = new ArrayList<>();
		for (Recovery r : claims) {
			Double v = truth.get(r.year()).getOrDefault(r.indicator(), Map.of()).get(r.poleId());
			if (v != null && Math.abs(r.value() - v) <= 0.1 * Math.abs(v) + 1e-6 * Math.max(1, Math.abs(v))) {
				hits.add(r);
			}
		}
		return hits;
	}

	/**
	 * The respondents of a cell: the poles of its area expected in the year with a yearly
	 * value.
	 */
	List<Pole> respondents(int year, AggregateCell cell, Map<String, Double> values) {
		List<Pole> poles = new ArrayList<>();
		for (Pole pole : registry.poles()) {
			if (pole.isExpected(year) && values.containsKey(pole.id()) && inArea(pole, cell.level(), cell.area())) {
				poles.add(pole);
			}
		}
		return poles;
	}

	static boolean inArea(Pole pole, String level, String area) {
		return switch (level) {
			case Levels.NATIONAL -> true;
			case Levels.REGION -> pole.region().equals(area);
			case Levels.DEPARTEMENT -> pole.departement().equals(area);
			case Levels.THEME -> pole.theme().equals(area);
			case Levels.NETWORK -> pole.networks().contains(area);
			default -> false;
		};
	}

	/**
	 * Attack 1, order statistics: in a cell of 3 respondents, median, p25 and p75 (type
	 * 7) are x2, (x1 + x2) / 2 and (x2 + x3) / 2; in a cell of 5, x2, x3 and x4. The
	 * values found are matched to the cell's protected respondents by equality with their
	 * true values (the attacker gets the values, if not always whose).
	 */
	List<Recovery> quantiles(int year, List<AggregateCell> cells, Map<String, Map<String, Double>> truth) {
		List<Recovery> found = new ArrayList<>();
		for (AggregateCell cell : cells) {
			if (Ratio.isRatio(cell.indicator()) || cell.median() == null || cell.p25() == null || cell.p75() == null) {
				continue;
			}
			double m = cell.median();
			double[] values = switch (cell.nRespondents()) {
				case 3 -> new double[] { 2 * cell.p25() - m, m, 2 * cell.p75() - m };
				case 5 -> new double[] { cell.p25(), m, cell.p75() };
				default -> new double[0];
			};
			Map<String, Double> truthOf = truth.getOrDefault(cell.indicator(), Map.of());
			for (Pole pole : respondents(year, cell, truthOf)) {
				for (double v : values) {
					if (!pole.openData() && Math.abs(v - truthOf.get(pole.id())) <= 1e-9 * Math.max(1, Math.abs(v))) {
						found.add(new Recovery("quantiles", year, cell.indicator(), pole.id(), v));
						break;
					}
				}
			}
		}
		return found;
	}

	/**
	 * Cells of 3 respondents whose quantiles give back all three values exactly (the
	 * issue's count).
	 */
	long cellsGivingBackThreeValues(int year, List<AggregateCell> cells, Map<String, Map<String, Double>> truth) {
		return cells.stream()
			.filter(c -> c.nRespondents() == 3 && c.median() != null && c.total() != null
					&& !Ratio.isRatio(c.indicator()))
			.filter(c -> {
				double m = c.median();
				double sum = (2 * c.p25() - m) + m + (2 * c.p75() - m);
				return Math.abs(sum - c.total()) <= 1e-9 * Math.max(1, Math.abs(c.total()));
			})
			.count();
	}

	/**
	 * Attack 3, consent: a published total minus the known values of its consenting
	 * respondents is the value of its protected respondent when there is one.
	 */
	List<Recovery> consent(int year, List<AggregateCell> cells, Map<String, Map<String, Double>> truth) {
		List<Recovery> found = new ArrayList<>();
		for (AggregateCell cell : cells) {
			if (Ratio.isRatio(cell.indicator()) || cell.total() == null) {
				continue;
			}
			Map<String, Double> truthOf = truth.getOrDefault(cell.indicator(), Map.of());
			double rest = cell.total();
			List<Pole> hidden = new ArrayList<>();
			for (Pole pole : respondents(year, cell, truthOf)) {
				if (pole.openData()) {
					rest -= truthOf.get(pole.id());
				}
				else {
					hidden.add(pole);
				}
			}
			if (hidden.size() == 1) {
				found.add(new Recovery("consent", year, cell.indicator(), hidden.get(0).id(), rest));
			}
		}
		return found;
	}

	/**
	 * Attack 2, constant sample: total_Y − (1 + yoy_constant_pct / 100) × total over the
	 * sample in Y−1 is the total of the poles outside the sample in Y; when the sample's
	 * Y−1 total is known (the poles outside it in Y−1 are none or consenting) and one
	 * protected pole is outside in Y, that is its value; the same the other way round for
	 * a pole that stopped responding.
	 */
	List<Recovery> constantSample(int year, List<AggregateCell> cells, List<AggregateCell> cellsBefore,
			Map<String, Map<String, Double>> truth, Map<String, Map<String, Double>> truthBefore) {
		Map<String, AggregateCell> before = new HashMap<>();
		cellsBefore.forEach(c -> before.put(c.indicator() + "/" + c.level() + "/" + c.area(), c));
		List<Recovery> found = new ArrayList<>();
		for (AggregateCell cell : cells) {
			AggregateCell previous = before.get(cell.indicator() + "/" + cell.level() + "/" + cell.area());
			if (Ratio.isRatio(cell.indicator()) || cell.total() == null || cell.yoyConstantPct() == null
					|| previous == null || previous.total() == null) {
				continue;
			}
			Map<String, Double> now = truth.getOrDefault(cell.indicator(), Map.of());
			Map<String, Double> then = truthBefore.getOrDefault(cell.indicator(), Map.of());
			Outside outNow = Outside.of(respondents(year, cell, now), then.keySet(), now);
			Outside outThen = Outside.of(respondents(year - 1, previous, then), now.keySet(), then);
			double growth = 1 + cell.yoyConstantPct() / 100;
			if (outThen.hidden.isEmpty() && outNow.hidden.size() == 1) {
				double sampleNow = (previous.total() - outThen.known) * growth;
				found.add(new Recovery("constant sample", year, cell.indicator(), outNow.hidden.get(0),
						cell.total() - sampleNow - outNow.known));
			}
			if (outNow.hidden.isEmpty() && outThen.hidden.size() == 1) {
				double sampleThen = (cell.total() - outNow.known) / growth;
				found.add(new Recovery("constant sample", year - 1, cell.indicator(), outThen.hidden.get(0),
						previous.total() - sampleThen - outThen.known));
			}
		}
		return found;
	}

	/**
	 * The respondents of one year outside the constant sample: protected ones, and the
	 * known values' sum.
	 */
	private record Outside(List<String> hidden, double known) {

		static Outside of(List<Pole> respondents, java.util.Set<String> inOtherYear, Map<String, Double> values) {
			List<String> hidden = new ArrayList<>();
			double known = 0;
			for (Pole pole : respondents) {
				if (inOtherYear.contains(pole.id())) {
					continue;
				}
				if (pole.openData()) {
					known += values.get(pole.id());
				}
				else {
					hidden.add(pole.id());
				}
			}
			return new Outside(hidden, known);
		}

	}

}
