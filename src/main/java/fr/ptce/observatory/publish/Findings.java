package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.ptce.observatory.publish.PublicationContent.Published;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.Trend;

/**
 * "À retenir": the findings of a publication written in French from the figures, by the
 * explicit rules of docs/publication.md (response, largest changes on a constant sample,
 * Mann–Kendall trends, density against the national one, response and jobs of the
 * regions). Every number quoted is a measure of a published cell ({@code conf_status} F)
 * formatted as in the tables; a confidential cell is never quoted, not even its counts.
 */
final class Findings {

	/** How many rises and how many falls on a constant sample are quoted. */
	static final int TOP = 3;

	private static final String JOBS = "JOBS_FTE";

	private final List<Published> indicators;

	private final PublicationData data;

	Findings(List<Published> indicators, PublicationData data) {
		this.indicators = indicators;
		this.data = data;
	}

	/** The findings of the national report, in reading order. */
	List<String> national(Map<String, String> regions) {
		List<String> out = new ArrayList<>();
		add(out, response(PublicationContent.NATIONAL, GeoReferential.FRANCE));
		add(out, levels(PublicationContent.NATIONAL, GeoReferential.FRANCE));
		out.addAll(constantSampleChanges(PublicationContent.NATIONAL, GeoReferential.FRANCE));
		add(out, trends(PublicationContent.NATIONAL, GeoReferential.FRANCE));
		add(out, regionsAgainstNationalDensity(regions));
		add(out, responseOfRegions(regions));
		add(out, largestRegions(regions));
		return out;
	}

	/**
	 * The findings of a regional edition: the same rules on the region, and its density
	 * against France's.
	 */
	List<String> regional(GeoReferential.Region region) {
		List<String> out = new ArrayList<>();
		add(out, response(PublicationContent.REGION, region.code()));
		add(out, levels(PublicationContent.REGION, region.code()));
		out.addAll(constantSampleChanges(PublicationContent.REGION, region.code()));
		add(out, trends(PublicationContent.REGION, region.code()));
		add(out, densityAgainstFrance(region));
		return out;
	}

	private static void add(List<String> out, String finding) {
		if (finding != null) {
			out.add(finding);
		}
	}

	/**
	 * A cell of the report year if published, else null: the only cells the findings
	 * read.
	 */
	private AggregateCell published(String code, String level, String area) {
		return published(data.year(), code, level, area);
	}

	private AggregateCell published(int year, String code, String level, String area) {
		AggregateCell c = data.cell(year, code, level, area);
		return c != null && "F".equals(c.confStatus()) ? c : null;
	}

	/**
	 * Rule 1, response: respondents of MEMBERS_TOTAL out of the expected poles, the rate,
	 * last year's rate; after a break in response (rule of {@link ResponseQuality}) the
	 * raw change of the total, said not comparable; the year provisional if it is.
	 */
	String response(String level, String area) {
		int y = data.year();
		AggregateCell core = published(PublicationContent.CORE, level, area);
		if (core == null) {
			return null;
		}
		StringBuilder s = new StringBuilder("En ").append(y)
			.append(", ")
			.append(FrenchFormat.number((double) core.nRespondents(), 0))
			.append(" des ")
			.append(FrenchFormat.number((double) core.nExpected(), 0))
			.append(" pôles attendus ont transmis leurs données, soit un taux de réponse de ")
			.append(FrenchFormat.rate(core.responseRate()));
		AggregateCell before = published(y - 1, PublicationContent.CORE, level, area);
		if (before != null && before.responseRate() != null) {
			s.append(" (").append(FrenchFormat.rate(before.responseRate())).append(" en ").append(y - 1).append(')');
		}
		s.append('.');
		boolean broken = ResponseQuality.breaks(data, PublicationContent.CORE, level, area)
			.stream()
			.anyMatch(b -> b.year() == y);
		if (broken) {
			s.append(" Après ce recul de la réponse, les totaux ne se comparent pas à ceux de ").append(y - 1);
			if (core.yoyPct() != null) {
				s.append(" (structures membres : ").append(signed(core.yoyPct(), false)).append(" en évolution brute)");
			}
			s.append(" : les évolutions sont donc lues à champ constant, sur les pôles ayant répondu les deux années.");
		}
		if (ResponseQuality.provisional(data)) {
			s.append(" Le taux de réponse national étant faible, les résultats de ")
				.append(y)
				.append(" sont provisoires.");
		}
		return s.toString();
	}

	/**
	 * Rule 1b, levels: the published totals of members, jobs and turnover of the year, in
	 * one sentence.
	 */
	String levels(String level, String area) {
		List<String> parts = new ArrayList<>();
		AggregateCell members = published(PublicationContent.CORE, level, area);
		AggregateCell jobs = published(JOBS, level, area);
		AggregateCell turnover = published("TURNOVER", level, area);
		if (members != null && members.total() != null) {
			parts.add(FrenchFormat.amount(members.total(), "count") + " structures membres");
		}
		if (jobs != null && jobs.total() != null) {
			parts.add(FrenchFormat.amount(jobs.total(), "fte") + " emplois (ETP) dans les pôles et leurs projets");
		}
		if (turnover != null && turnover.total() != null) {
			parts.add("un chiffre d’affaires de " + FrenchFormat.amount(turnover.total(), "EUR")
					+ " pour leurs activités coopératives");
		}
		if (parts.isEmpty()) {
			return null;
		}
		String joined = parts.size() == 1 ? parts.get(0)
				: String.join(", ", parts.subList(0, parts.size() - 1)) + " et " + parts.get(parts.size() - 1);
		return "Les pôles répondants réunissent " + joined + ".";
	}

	/**
	 * Rule 2, largest changes on a constant sample: among the published, non-withheld
	 * {@code yoy_constant_pct} of the indicators that are not ratios, the {@value #TOP}
	 * largest rises and the {@value #TOP} largest falls; then each ratio's change in
	 * points.
	 */
	List<String> constantSampleChanges(String level, String area) {
		int y = data.year();
		List<Change> counts = new ArrayList<>();
		List<Change> ratios = new ArrayList<>();
		for (Published p : indicators) {
			AggregateCell c = published(p.code(), level, area);
			if (c == null || c.yoyConstantPct() == null || data.constantSampleWithheld(p.code(), level, area)) {
				continue;
			}
			(p.ratio() ? ratios : counts).add(new Change(p, c.yoyConstantPct()));
		}
		List<String> out = new ArrayList<>();
		String scope = "À champ constant (pôles ayant répondu en " + (y - 1) + " et en " + y + ")";
		if (counts.isEmpty() && ratios.isEmpty()) {
			if (published(PublicationContent.CORE, level, area) == null) {
				// an area whose figures are secret: its edition already says so
				return out;
			}
			out.add(scope + ", aucune évolution n’est publiable : secret statistique, ou moins de trois pôles "
					+ "ayant répondu les deux années.");
			return out;
		}
		List<Change> rises = counts.stream()
			.filter(c -> c.value() > 0)
			.sorted(Comparator.comparingDouble(Change::value).reversed())
			.limit(TOP)
			.toList();
		List<Change> falls = counts.stream()
			.filter(c -> c.value() < 0)
			.sorted(Comparator.comparingDouble(Change::value))
			.limit(TOP)
			.toList();
		if (!rises.isEmpty() || !falls.isEmpty()) {
			StringBuilder s = new StringBuilder(scope);
			s.append(rises.isEmpty() ? ", aucun indicateur n’augmente" : ", les plus fortes hausses : " + list(rises));
			s.append(falls.isEmpty() ? " ; aucun indicateur ne diminue."
					: " ; les plus fortes baisses : " + list(falls) + ".");
			out.add(s.toString());
		}
		for (Change r : ratios) {
			out.add(capitalized(name(r.indicator())) + " : " + signed(r.value(), true) + " à champ constant.");
		}
		return out;
	}

	private record Change(Published indicator, double value) {
	}

	private static String list(List<Change> changes) {
		List<String> parts = new ArrayList<>();
		for (Change c : changes) {
			parts.add(name(c.indicator()) + " (" + signed(c.value(), c.indicator().ratio()) + ")");
		}
		return String.join(", ", parts);
	}

	/**
	 * Rule 3, trends: the indicators whose Mann–Kendall direction over the ten years is
	 * "hausse" or "baisse".
	 */
	String trends(String level, String area) {
		List<String> up = new ArrayList<>();
		List<String> down = new ArrayList<>();
		for (Published p : indicators) {
			Trend t = data.trend(p.code(), level, area);
			if (t != null && "hausse".equals(t.direction())) {
				up.add(name(p));
			}
			else if (t != null && "baisse".equals(t.direction())) {
				down.add(name(p));
			}
		}
		if (up.isEmpty() && down.isEmpty()) {
			return null;
		}
		StringBuilder s = new StringBuilder("Sur les dix dernières années (")
			.append(data.year() - PublicationData.WINDOW + 1)
			.append(" à ")
			.append(data.year())
			.append(", années publiées), le test de Mann-Kendall conclut à une tendance ");
		if (!up.isEmpty()) {
			s.append("en hausse pour : ").append(String.join(", ", up));
		}
		if (!down.isEmpty()) {
			s.append(up.isEmpty() ? "" : " ; ").append("en baisse pour : ").append(String.join(", ", down));
		}
		return s.append(". Les autres séries ne montrent pas de tendance significative.").toString();
	}

	/**
	 * Rule 4 (national): the regions whose published jobs density is above, at or below
	 * the national one.
	 */
	String regionsAgainstNationalDensity(Map<String, String> regions) {
		AggregateCell france = published(JOBS, PublicationContent.NATIONAL, GeoReferential.FRANCE);
		if (france == null || france.density() == null) {
			return null;
		}
		// compared as printed (one decimal), so that a region printed like France is
		// never "above" it
		String national = density(france.density());
		List<AggregateCell> above = new ArrayList<>();
		List<AggregateCell> level = new ArrayList<>();
		List<AggregateCell> below = new ArrayList<>();
		boolean unpublished = false;
		for (String code : regions.keySet()) {
			AggregateCell c = published(JOBS, PublicationContent.REGION, code);
			if (c == null || c.density() == null) {
				unpublished = true;
				continue;
			}
			int cmp = Double.compare(rounded(c.density()), rounded(france.density()));
			(cmp > 0 ? above : cmp < 0 ? below : level).add(c);
		}
		StringBuilder s = new StringBuilder("Les pôles portent ").append(national)
			.append(jobs(france.density()))
			.append(" pour 10\u202F000 habitants en France.");
		appendRegions(s, " Au-dessus de ce niveau : ", above, regions);
		appendRegions(s, " Au même niveau : ", level, regions);
		appendRegions(s, " En dessous : ", below, regions);
		if (unpublished) {
			s.append(" La densité des autres régions n’est pas publiable (secret statistique).");
		}
		return s.toString();
	}

	private void appendRegions(StringBuilder s, String lead, List<AggregateCell> cells, Map<String, String> names) {
		if (cells.isEmpty()) {
			return;
		}
		List<String> parts = new ArrayList<>();
		cells.stream()
			.sorted(Comparator.comparing(AggregateCell::density).reversed())
			.forEach(c -> parts
				.add(PublicationContent.typographic(names.get(c.area())) + " (" + density(c.density()) + ")"));
		s.append(lead).append(String.join(", ", parts)).append('.');
	}

	/** Rule 4 (regional): the region's published jobs density against France's. */
	String densityAgainstFrance(GeoReferential.Region region) {
		AggregateCell france = published(JOBS, PublicationContent.NATIONAL, GeoReferential.FRANCE);
		AggregateCell here = published(JOBS, PublicationContent.REGION, region.code());
		if (france == null || france.density() == null || here == null || here.density() == null) {
			return null;
		}
		int cmp = Double.compare(rounded(here.density()), rounded(france.density()));
		return "Avec " + density(here.density()) + jobs(here.density())
				+ " pour 10\u202F000 habitants, la région se situe "
				+ (cmp > 0 ? "au-dessus de" : cmp < 0 ? "en dessous de" : "au niveau de") + " la France ("
				+ density(france.density()) + ").";
	}

	/**
	 * Rule 5 (national): the lowest and highest response rates among the regions whose
	 * core cell is published.
	 */
	String responseOfRegions(Map<String, String> regions) {
		List<AggregateCell> cells = publishedRegions(PublicationContent.CORE, regions, AggregateCell::responseRate);
		if (cells.size() < 2) {
			return null;
		}
		AggregateCell low = cells.get(0);
		AggregateCell high = cells.get(cells.size() - 1);
		return "Parmi les régions dont les chiffres sont publiés, le taux de réponse va de "
				+ FrenchFormat.rate(low.responseRate()) + " (" + PublicationContent.typographic(regions.get(low.area()))
				+ ") à " + FrenchFormat.rate(high.responseRate()) + " ("
				+ PublicationContent.typographic(regions.get(high.area())) + ").";
	}

	/**
	 * Rule 6 (national): the {@value #TOP} regions with the most jobs among those whose
	 * total is published.
	 */
	String largestRegions(Map<String, String> regions) {
		List<AggregateCell> cells = publishedRegions(JOBS, regions, AggregateCell::total);
		if (cells.isEmpty()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		for (int i = cells.size() - 1; i >= 0 && i >= cells.size() - TOP; i--) {
			AggregateCell c = cells.get(i);
			parts.add(PublicationContent.typographic(regions.get(c.area())) + " ("
					+ FrenchFormat.amount(c.total(), "fte") + " ETP)");
		}
		return "Les régions publiées qui comptent le plus d’emplois portés par les pôles : " + String.join(", ", parts)
				+ ".";
	}

	/**
	 * The published regional cells of an indicator with the measure, in increasing order
	 * of it.
	 */
	private List<AggregateCell> publishedRegions(String code, Map<String, String> regions,
			Function<AggregateCell, Double> measure) {
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

	private static String density(double v) {
		return FrenchFormat.number(v, 1);
	}

	/** "emploi" below 2, as French writes 1,5 emploi and 2 emplois. */
	private static String jobs(double v) {
		return rounded(v) < 2 ? " emploi (ETP)" : " emplois (ETP)";
	}

	private static double rounded(double v) {
		return Math.round(v * 10) / 10.0;
	}

	/**
	 * A change as the tables print it, without its arrow: {@code +3,4 %},
	 * {@code −0,2 pt}.
	 */
	static String signed(double value, boolean points) {
		String printed = FrenchFormat.change(value, points);
		return printed.substring(printed.indexOf(' ') + 1);
	}

	/**
	 * An indicator's label inside a sentence: "dont" dropped, first letter in lower case.
	 */
	static String name(Published p) {
		String label = p.label().startsWith("dont ") ? p.label().substring(5) : p.label();
		return Character.toLowerCase(label.charAt(0)) + label.substring(1);
	}

	private static String capitalized(String s) {
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

}
