package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.Trend;

/**
 * The findings of the national report about the regions (rules 6 to 9 of
 * docs/publication.md): their jobs density against the national one, their response, the
 * largest of them with their share of the national total, the direction of their jobs
 * over ten years. Only published cells are quoted.
 */
final class RegionFindings {

	private final PublicationData data;

	private final Map<String, String> regions;

	/**
	 * @param regions the reported regions, code to name, in code order
	 */
	RegionFindings(PublicationData data, Map<String, String> regions) {
		this.data = data;
		this.regions = regions;
	}

	/** The findings about the regions, in reading order. */
	List<String> all() {
		List<String> out = new ArrayList<>();
		Findings.add(out, againstNationalDensity());
		Findings.add(out, largest());
		Findings.add(out, jobsTrends());
		Findings.add(out, response());
		return out;
	}

	private AggregateCell published(String code, String level, String area) {
		return Findings.published(data, data.year(), code, level, area);
	}

	private String name(String area) {
		return PublicationContent.typographic(regions.get(area));
	}

	/**
	 * Rule 6: the regions whose published jobs density is above, at or below the national
	 * one.
	 */
	String againstNationalDensity() {
		AggregateCell france = published(Findings.JOBS, PublicationContent.NATIONAL, GeoReferential.FRANCE);
		if (france == null || france.density() == null) {
			return null;
		}
		// compared as printed (one decimal), so that a region printed like France is
		// never "above" it
		List<AggregateCell> above = new ArrayList<>();
		List<AggregateCell> level = new ArrayList<>();
		List<AggregateCell> below = new ArrayList<>();
		boolean unpublished = false;
		for (String code : regions.keySet()) {
			AggregateCell c = published(Findings.JOBS, PublicationContent.REGION, code);
			if (c == null || c.density() == null) {
				unpublished = true;
				continue;
			}
			int cmp = Double.compare(Findings.rounded(c.density()), Findings.rounded(france.density()));
			(cmp > 0 ? above : cmp < 0 ? below : level).add(c);
		}
		StringBuilder s = new StringBuilder("Les pôles portent ").append(Findings.density(france.density()))
			.append(Findings.jobs(france.density()))
			.append(" pour 10\u202F000 habitants en France.");
		appendRegions(s, " Au-dessus de ce niveau : ", above);
		appendRegions(s, " Au même niveau : ", level);
		appendRegions(s, " En dessous : ", below);
		if (unpublished) {
			s.append(" La densité des autres régions n’est pas publiable (secret statistique).");
		}
		return s.toString();
	}

	private void appendRegions(StringBuilder s, String lead, List<AggregateCell> cells) {
		if (cells.isEmpty()) {
			return;
		}
		List<String> parts = new ArrayList<>();
		cells.stream()
			.sorted(Comparator.comparing(AggregateCell::density).reversed())
			.forEach(c -> parts.add(name(c.area()) + " (" + Findings.density(c.density()) + ")"));
		s.append(lead).append(String.join(", ", parts)).append('.');
	}

	/**
	 * Rule 9: the lowest and highest response rates among the regions whose core cell is
	 * published.
	 */
	String response() {
		List<AggregateCell> cells = publishedRegions(PublicationContent.CORE, AggregateCell::responseRate);
		if (cells.size() < 2) {
			return null;
		}
		AggregateCell low = cells.get(0);
		AggregateCell high = cells.get(cells.size() - 1);
		return "Parmi les régions dont les chiffres sont publiés, le taux de réponse va de "
				+ FrenchFormat.rate(low.responseRate()) + " (" + name(low.area()) + ") à "
				+ FrenchFormat.rate(high.responseRate()) + " (" + name(high.area()) + ").";
	}

	/**
	 * Rule 7: the {@value Findings#TOP} regions with the most jobs among those whose
	 * total is published, each with its share of the national total (as the regional
	 * editions print it), then how many regions are published.
	 */
	String largest() {
		List<AggregateCell> cells = publishedRegions(Findings.JOBS, AggregateCell::total);
		if (cells.isEmpty()) {
			return null;
		}
		AggregateCell france = published(Findings.JOBS, PublicationContent.NATIONAL, GeoReferential.FRANCE);
		List<String> parts = new ArrayList<>();
		// the most first, equal totals in code order
		List<AggregateCell> largest = cells.stream()
			.sorted(Comparator.comparing(AggregateCell::total).reversed().thenComparing(AggregateCell::area))
			.limit(Findings.TOP)
			.toList();
		for (AggregateCell c : largest) {
			String share = france == null || france.total() == null || france.total() == 0 ? ""
					: ", soit " + FrenchFormat.percent(c.total() / france.total() * 100) + " du total national";
			parts.add(name(c.area()) + " (" + FrenchFormat.amount(c.total(), "fte") + " ETP" + share + ")");
		}
		String s = "Les régions publiées qui comptent le plus d’emplois portés par les pôles : "
				+ String.join(", ", parts) + ".";
		int secret = regions.size() - cells.size();
		if (secret > 0) {
			s += " Le total des emplois n’est pas publiable pour les autres régions (secret statistique ou "
					+ "réponses insuffisantes).";
		}
		return s;
	}

	/**
	 * Rule 8: the regions whose jobs are in "hausse" or "baisse" over the ten years
	 * (Mann–Kendall), named; the others said stable or too short.
	 */
	String jobsTrends() {
		List<String> up = new ArrayList<>();
		List<String> down = new ArrayList<>();
		for (String area : regions.keySet()) {
			Trend t = data.trend(Findings.JOBS, PublicationContent.REGION, area);
			if (t != null && "hausse".equals(t.direction())) {
				up.add(name(area));
			}
			else if (t != null && "baisse".equals(t.direction())) {
				down.add(name(area));
			}
		}
		if (up.isEmpty() && down.isEmpty()) {
			return "Dans aucune région, les emplois portés par les pôles ne montrent de tendance significative sur "
					+ "dix ans (test de Mann-Kendall, années publiées).";
		}
		StringBuilder s = new StringBuilder(
				"Sur dix ans (test de Mann-Kendall, années publiées), les emplois portés " + "par les pôles sont");
		if (!up.isEmpty()) {
			s.append(" en hausse ").append(places(up));
		}
		if (!down.isEmpty()) {
			s.append(up.isEmpty() ? "" : " et").append(" en baisse ").append(places(down));
		}
		return s.append(" ; ailleurs, pas de tendance significative ou trop peu d’années publiées.").toString();
	}

	private static String places(List<String> names) {
		return (names.size() == 1 ? "dans une région : " : "dans les régions suivantes : ") + String.join(", ", names);
	}

	/**
	 * The published regional cells of an indicator with the measure, in increasing order
	 * of it.
	 */
	private List<AggregateCell> publishedRegions(String code, Function<AggregateCell, Double> measure) {
		List<AggregateCell> cells = new ArrayList<>();
		for (String area : regions.keySet()) {
			AggregateCell c = published(code, PublicationContent.REGION, area);
			if (c != null && measure.apply(c) != null) {
				cells.add(c);
			}
		}
		cells.sort(Comparator.comparing(measure));
		return cells;
	}

}
