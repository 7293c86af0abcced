package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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

	static final String JOBS = "JOBS_FTE";

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
		add(out, responseByIndicator(PublicationContent.NATIONAL, GeoReferential.FRANCE));
		out.addAll(constantSampleChanges(PublicationContent.NATIONAL, GeoReferential.FRANCE));
		add(out, trends(PublicationContent.NATIONAL, GeoReferential.FRANCE));
		out.addAll(new RegionFindings(data, regions).all());
		out.addAll(new GroupFindings(indicators, data).all());
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
		add(out, shareOfFrance(region));
		add(out, responseByIndicator(PublicationContent.REGION, region.code()));
		out.addAll(constantSampleChanges(PublicationContent.REGION, region.code()));
		add(out, trends(PublicationContent.REGION, region.code()));
		add(out, densityAgainstFrance(region));
		return out;
	}

	static void add(List<String> out, String finding) {
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
		return published(data, year, code, level, area);
	}

	static AggregateCell published(PublicationData data, int year, String code, String level, String area) {
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
		if (before != null) {
			// who answered each year, not who joined or left the constant sample: that
			// count is not a published figure
			s.append(" Ils étaient ")
				.append(FrenchFormat.number((double) before.nRespondents(), 0))
				.append(" à répondre en ")
				.append(y - 1)
				.append('.');
		}
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
		else if (before != null) {
			s.append(" Les évolutions à champ constant portent sur les pôles ayant répondu les deux années ; celles "
					+ "des totaux, aussi sur les pôles entrés dans la collecte ou sortis.");
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
		String s = "Les pôles répondants réunissent " + joined(parts) + ".";
		List<String> means = new ArrayList<>();
		if (members != null && members.mean() != null) {
			means.add(FrenchFormat.amount(members.mean(), "count") + " structures membres");
		}
		if (jobs != null && jobs.mean() != null) {
			means.add(FrenchFormat.amount(jobs.mean(), "fte") + " emplois (ETP)");
		}
		return means.isEmpty() ? s : s + " Un pôle répondant compte en moyenne " + joined(means) + ".";
	}

	private static String joined(List<String> parts) {
		return parts.size() == 1 ? parts.get(0)
				: String.join(", ", parts.subList(0, parts.size() - 1)) + " et " + parts.get(parts.size() - 1);
	}

	/**
	 * Rule 1c, response by indicator: the lowest and the highest response rate among the
	 * published cells of the indicators, as each has its own respondents.
	 */
	String responseByIndicator(String level, String area) {
		Published low = null;
		Published high = null;
		for (Published p : indicators) {
			AggregateCell c = published(p.code(), level, area);
			if (c == null || c.responseRate() == null) {
				continue;
			}
			if (low == null || c.responseRate() < published(low.code(), level, area).responseRate()) {
				low = p;
			}
			if (high == null || c.responseRate() > published(high.code(), level, area).responseRate()) {
				high = p;
			}
		}
		if (low == null || low == high) {
			return null;
		}
		return "Chaque indicateur a ses propres répondants : parmi les indicateurs publiés, le taux de réponse va de "
				+ FrenchFormat.rate(published(low.code(), level, area).responseRate()) + " (" + name(low) + ") à "
				+ FrenchFormat.rate(published(high.code(), level, area).responseRate()) + " (" + name(high) + ").";
	}

	/**
	 * Rule 1d (regional): the region's share of the national total of jobs and members,
	 * as its comparison with France prints it.
	 */
	String shareOfFrance(GeoReferential.Region region) {
		List<String> parts = new ArrayList<>();
		for (String code : List.of(JOBS, PublicationContent.CORE)) {
			AggregateCell here = published(code, PublicationContent.REGION, region.code());
			AggregateCell france = published(code, PublicationContent.NATIONAL, GeoReferential.FRANCE);
			if (here != null && france != null && here.total() != null && france.total() != null
					&& france.total() != 0) {
				parts.add(FrenchFormat.percent(here.total() / france.total() * 100)
						+ (code.equals(JOBS) ? " des emplois portés par les pôles" : " de leurs structures membres"));
			}
		}
		return parts.isEmpty() ? null : "La région réunit " + joined(parts) + " en France.";
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

	record Change(Published indicator, double value) {
	}

	static String list(List<Change> changes) {
		List<String> parts = new ArrayList<>();
		for (Change c : changes) {
			parts.add(name(c.indicator()) + " (" + signed(c.value(), c.indicator().ratio()) + ")");
		}
		return String.join(", ", parts);
	}

	/**
	 * Rule 3, trends: the indicators whose Mann–Kendall direction over the ten years is
	 * "hausse" or "baisse", each with the years of its series and, but for ratios, its
	 * average yearly growth (the trends table's {@code cagr_pct}).
	 */
	String trends(String level, String area) {
		List<String> up = new ArrayList<>();
		List<String> down = new ArrayList<>();
		for (Published p : indicators) {
			Trend t = data.trend(p.code(), level, area);
			if (t != null && "hausse".equals(t.direction())) {
				up.add(trend(p, t, data.year()));
			}
			else if (t != null && "baisse".equals(t.direction())) {
				down.add(trend(p, t, data.year()));
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
		return s
			.append(". Les autres séries ne montrent pas de tendance significative, ou comptent trop peu "
					+ "d’années publiées.")
			.toString();
	}

	/**
	 * An indicator in the list of trends: its name, the years of its series when they are
	 * not the whole window, its average yearly growth.
	 */
	private static String trend(Published p, Trend t, int year) {
		StringBuilder s = new StringBuilder(name(p));
		List<String> said = new ArrayList<>();
		boolean window = Integer.valueOf(year - PublicationData.WINDOW + 1).equals(t.firstYear())
				&& Integer.valueOf(year).equals(t.lastYear());
		if (t.firstYear() != null && t.lastYear() != null && !window) {
			said.add("de " + t.firstYear() + " à " + t.lastYear());
		}
		if (!p.ratio() && t.cagrPct() != null) {
			said.add(signed(t.cagrPct(), false) + " par an en moyenne");
		}
		return said.isEmpty() ? s.toString() : s.append(" (").append(String.join(", ", said)).append(')').toString();
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

	static String density(double v) {
		return FrenchFormat.number(v, 1);
	}

	/** "emploi" below 2, as French writes 1,5 emploi and 2 emplois. */
	static String jobs(double v) {
		return rounded(v) < 2 ? " emploi (ETP)" : " emplois (ETP)";
	}

	static double rounded(double v) {
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
