package fr.ptce.observatory.publish;

import static fr.ptce.observatory.publish.FrenchFormat.MISSING;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import fr.ptce.observatory.aggregate.Confidentiality;
import fr.ptce.observatory.aggregate.Ratio;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Levels;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.Trend;

/**
 * The content of the national report and of the regional editions: which figures go in
 * which table, formatted in French. Pure: from the aggregates and trends of
 * {@link PublicationData} to {@link Section}s.
 */
public final class PublicationContent {

	public static final String NATIONAL = Levels.NATIONAL;

	public static final String REGION = Levels.REGION;

	public static final String DEPARTEMENT = Levels.DEPARTEMENT;

	public static final String THEME = Levels.THEME;

	public static final String NETWORK = Levels.NETWORK;

	/**
	 * The indicator whose respondents count as "poles responding" (every pole reports its
	 * members).
	 */
	public static final String CORE = "MEMBERS_TOTAL";

	public static final String NOTE = "s : secret statistique (trop peu de répondants, un pôle représentant plus de "
			+ "85\u00A0% du total, secret protégeant une autre case ou un pôle, médiane de moins de 10 répondants) ; "
			+ MISSING + " : donnée non disponible ; " + FrenchFormat.NO_POLE + " : aucun pôle. Évolution à champ "
			+ "constant : sur les seuls pôles répondants les deux années ; évolution brute : des totaux, qui varient "
			+ "aussi avec le nombre de répondants. Évolutions des parts en points de pourcentage (pt).";

	public static final String FICTIONAL = "Données fictives : chiffres calculés sur l’échantillon de démonstration, "
			+ "sans valeur statistique.";

	/**
	 * An indicator as published: the 17 of the catalogue and the three ratios of
	 * methodology section 2.
	 */
	public record Published(String code, String label, String unit, boolean ratio) {
	}

	/**
	 * Theme and network labels (referential/Registry), in code order, the order of the
	 * tables.
	 */
	public static final Map<String, String> THEMES = Collections.unmodifiableMap(new TreeMap<>(Registry.THEME_LABELS));

	public static final Map<String, String> NETWORKS = Collections
		.unmodifiableMap(new TreeMap<>(Registry.NETWORK_LABELS));

	private final Catalogue catalogue;

	private final GeoReferential geo;

	private final List<Published> indicators = new ArrayList<>();

	private final Map<String, Published> byCode = new LinkedHashMap<>();

	public PublicationContent(Catalogue catalogue, GeoReferential geo) {
		this.catalogue = catalogue;
		this.geo = geo;
		for (Indicator i : catalogue.indicators()) {
			indicators.add(new Published(i.code(), typographic(i.labelFr()), i.unit(), false));
		}
		for (Ratio r : Ratio.ALL) {
			indicators.add(new Published(r.code(), typographic(r.labelFr()), Ratio.UNIT, true));
		}
		indicators.forEach(p -> byCode.put(p.code(), p));
	}

	public List<Published> indicators() {
		return indicators;
	}

	public Published indicator(String code) {
		return byCode.get(code);
	}

	/** The provenance printed in the methodology annex and the manifest. */
	public record Provenance(Instant asOf, String catalogueSha256, String registrySha256, String softwareVersion) {
	}

	// ---------------------------------------------------------------- national report

	public Edition national(PublicationData data, Provenance provenance, boolean fictional) {
		int y = data.year();
		String area = GeoReferential.FRANCE;
		List<Section> s = new ArrayList<>();
		s.addAll(findings(new Findings(indicators, data).national(regionAreas())));
		s.add(Section.h1("Chiffres clés " + y));
		s.add(Section.text("Les pôles territoriaux de coopération économique (PTCE) en France en " + y
				+ ", d’après les données transmises par les pôles à l’observatoire national."));
		s.add(keyFigures(data, NATIONAL, area));
		s.add(Section.h1("Tableau national des indicateurs"));
		s.add(indicatorTable(data, NATIONAL, area, "National"));
		s.add(Section.pageBreak());
		s.add(Section.h1("Évolution sur dix ans"));
		s.addAll(TenYearCharts.charts(this, data, NATIONAL, area));
		s.add(Section.pageBreak());
		s.add(Section.h1("Les régions"));
		s.add(areaTable(data, REGION, regionAreas(), "Région", "Régions", NATIONAL, area, "France"));
		s.add(densityChart(data, REGION, regionAreas(), "Emplois pour 10\u202F000 habitants par région"));
		Section map = DensityMap.section(data, regionAreas(), FrenchFormat.instant(provenance.asOf()));
		if (map != null) {
			s.add(map);
		}
		s.add(Section.pageBreak());
		s.add(Section.h1("Les thématiques et les réseaux"));
		s.add(Section.h2("Par thématique"));
		s.add(groupTable(data, THEME, THEMES, "Thématique", "Thématiques"));
		s.add(Section.h2("Par réseau"));
		s.add(Section.text("Un pôle compte dans chacun des réseaux dont il est membre : les réseaux se recouvrent "
				+ "et leurs totaux ne s’additionnent pas."));
		s.add(groupTable(data, NETWORK, NETWORKS, "Réseau", "Réseaux"));
		s.add(Section.h1("Couverture de la collecte"));
		s.add(Section.h2("Taux de réponse par région"));
		s.add(coverageByArea(data, REGION, regionAreas(), "Région", "Couverture régions"));
		s.add(Section.h2("Réponses et imputations par indicateur"));
		s.add(coverageByIndicator(data, NATIONAL, area, "Couverture indicateurs"));
		s.add(Section.pageBreak());
		s.addAll(MethodologyAnnex.sections(catalogue, indicators, provenance));
		return new Edition("rapport-national-" + y + ".pdf", "Les PTCE en France en " + y,
				"Rapport national de l’observatoire des pôles territoriaux de coopération économique",
				fictional ? FICTIONAL : null, s, ResponseQuality.provisionalMark(data), null)
			.withScope(MethodologyAnnex.scope(y, "en France (18 régions)"));
	}

	// ---------------------------------------------------------------- regional editions

	public Edition regional(PublicationData data, GeoReferential.Region region, Provenance provenance,
			boolean fictional) {
		int y = data.year();
		String area = region.code();
		List<Section> s = new RegionalEdition(this, geo).sections(data, region,
				MethodologyAnnex.sections(catalogue, indicators, provenance));
		return new Edition("rapport-regional-" + y + "-" + area + ".pdf", "Les PTCE " + region.in() + " en " + y,
				"Édition régionale du rapport de l’observatoire des pôles territoriaux de coopération économique",
				fictional ? FICTIONAL : null, s, ResponseQuality.provisionalMark(data), null)
			.withScope(MethodologyAnnex.scope(y, region.in()));
	}

	/** "À retenir": one paragraph per finding. */
	static List<Section> findings(List<String> findings) {
		List<Section> s = new ArrayList<>();
		s.add(Section.h1("À retenir"));
		findings.forEach(f -> s.add(Section.text("\u2022 " + f)));
		return s;
	}

	Map<String, String> regionAreas() {
		Map<String, String> m = new LinkedHashMap<>();
		for (GeoReferential.Region r : geo.reportedRegions()) {
			m.put(r.code(), r.name());
		}
		return m;
	}

	// ---------------------------------------------------------------- tables

	/**
	 * The key figures: counts of poles and response rate, then the main indicators with
	 * their response rate, their change on a constant sample (the headline change), the
	 * raw change of their total beside it, and their trend.
	 */
	Section keyFigures(PublicationData data, String level, String area) {
		int y = data.year();
		List<List<String>> rows = new ArrayList<>();
		AggregateCell core = data.cell(CORE, level, area);
		AggregateCell corePrev = data.cell(y - 1, CORE, level, area);
		rows.add(List.of("Pôles attendus", expected(core), MISSING, MISSING,
				countChange(core == null ? null : core.nExpected(), corePrev == null ? null : corePrev.nExpected()),
				MISSING));
		rows.add(List.of("Pôles répondants", respondents(core), MISSING, MISSING,
				countChange(core == null ? null : core.nRespondents(),
						corePrev == null ? null : corePrev.nRespondents()),
				MISSING));
		Double rate = core == null ? null : core.responseRate();
		Double ratePrev = corePrev == null ? null : corePrev.responseRate();
		rows.add(List.of("Taux de réponse", FrenchFormat.rate(rate), MISSING, MISSING,
				rate == null || ratePrev == null ? MISSING : FrenchFormat.change((rate - ratePrev) * 100, true),
				MISSING));
		for (String code : KEY_INDICATORS) {
			Published p = byCode.get(code);
			AggregateCell c = data.cell(code, level, area);
			Trend t = data.trend(code, level, area);
			rows.add(List.of(p.label(), total(c, p), responseRate(c), constantSampleChange(data, c, p),
					change(c, AggregateCell::yoyPct, p), FrenchFormat.direction(t == null ? null : t.direction())));
		}
		return Section.table("Chiffres clés", List.of("Indicateur", "Valeur " + y, "Taux de réponse",
				"Évolution à champ constant", "Évolution brute du total", "Tendance sur dix ans"), rows, NOTE);
	}

	/** The indicators of the key figures, in their order. */
	static final List<String> KEY_INDICATORS = List.of("MEMBERS_TOTAL", "JOBS_FTE", "JOBS_CREATED", "TURNOVER",
			"PUBLIC_FUNDING_SHARE", "ESS_SHARE", "GOV_PARTICIPATION");

	/**
	 * Every indicator of an area: total, median, changes, 3-year average, CAGR and
	 * 10-year direction.
	 */
	Section indicatorTable(PublicationData data, String level, String area, String sheet) {
		List<List<String>> rows = new ArrayList<>();
		for (Published p : indicators) {
			AggregateCell c = data.cell(p.code(), level, area);
			Trend t = data.trend(p.code(), level, area);
			rows.add(List.of(p.label(), total(c, p), quantile(c, AggregateCell::median, p),
					constantSampleChange(data, c, p), change(c, AggregateCell::yoyPct, p),
					figure(c, AggregateCell::ma3, p), t == null ? MISSING : FrenchFormat.change(t.cagrPct(), false),
					FrenchFormat.direction(t == null ? null : t.direction())));
		}
		return Section.table(sheet,
				List.of("Indicateur", "Total", "Médiane par pôle", "Évolution à champ constant",
						"Évolution brute du total", "Moyenne sur 3 ans", "Croissance annuelle moyenne (10 ans)",
						"Tendance sur dix ans"),
				rows, NOTE + " Croissance annuelle moyenne : taux de croissance annuel composé sur les années "
						+ "publiées des dix dernières ; tendance : test de Mann-Kendall au seuil de 5\u00A0%.");
	}

	/** Regions (or departments): poles, response, members, jobs and the jobs density. */
	Section areaTable(PublicationData data, String level, Map<String, String> areas, String first, String sheet,
			String totalLevel, String totalArea, String totalLabel) {
		List<List<String>> rows = new ArrayList<>();
		for (Map.Entry<String, String> a : areas.entrySet()) {
			rows.add(areaRow(data, level, a.getKey(), a.getValue()));
		}
		// the whole (France, or the region) last, as its own cell: never a sum of the
		// rows above
		rows.add(areaRow(data, totalLevel, totalArea, totalLabel));
		return Section
			.table(sheet, List.of(first, "Pôles attendus", "Pôles répondants", "Taux de réponse", "Structures membres",
					"Emplois (ETP)", "Emplois pour 10\u202F000 habitants", "Évolution des emplois à champ constant"),
					rows, NOTE + " Population : recensement de la population, communes du référentiel géographique.")
			.withTotalLast();
	}

	private List<String> areaRow(PublicationData data, String level, String area, String label) {
		AggregateCell core = data.cell(CORE, level, area);
		AggregateCell jobs = data.cell("JOBS_FTE", level, area);
		return List.of(label, expected(core), respondents(core), responseRate(core), total(core, byCode.get(CORE)),
				total(jobs, byCode.get("JOBS_FTE")), FrenchFormat.cell(jobs == null ? null : jobs.confStatus(),
						jobs == null ? null : jobs.density(), v -> FrenchFormat.number(v, 1)),
				constantSampleChange(data, jobs, byCode.get("JOBS_FTE")));
	}

	/** Themes or networks: poles, members, jobs, turnover and the two shares. */
	Section groupTable(PublicationData data, String level, Map<String, String> groups, String first, String sheet) {
		List<List<String>> rows = new ArrayList<>();
		for (Map.Entry<String, String> g : groups.entrySet()) {
			AggregateCell core = data.cell(CORE, level, g.getKey());
			rows.add(List.of(g.getValue(), expected(core), respondents(core), total(core, byCode.get(CORE)),
					total(data.cell("JOBS_FTE", level, g.getKey()), byCode.get("JOBS_FTE")),
					total(data.cell("TURNOVER", level, g.getKey()), byCode.get("TURNOVER")),
					total(data.cell("PUBLIC_FUNDING_SHARE", level, g.getKey()), byCode.get("PUBLIC_FUNDING_SHARE")),
					total(data.cell("ESS_SHARE", level, g.getKey()), byCode.get("ESS_SHARE"))));
		}
		return Section.table(sheet, List.of(first, "Pôles attendus", "Pôles répondants", "Structures membres",
				"Emplois (ETP)", "Chiffre d’affaires", "Part des financements publics", "Part de l’ESS"), rows, NOTE);
	}

	Section coverageByArea(PublicationData data, String level, Map<String, String> areas, String first, String sheet) {
		List<List<String>> rows = new ArrayList<>();
		for (Map.Entry<String, String> a : areas.entrySet()) {
			AggregateCell core = data.cell(CORE, level, a.getKey());
			rows.add(List.of(a.getValue(), expected(core), respondents(core), responseRate(core),
					imputed(data, level, a.getKey())));
		}
		return Section.table(sheet,
				List.of(first, "Pôles attendus", "Pôles répondants", "Taux de réponse", "Valeurs annuelles imputées"),
				rows,
				"Pôles répondants : pôles ayant transmis le nombre de leurs structures membres. Valeurs "
						+ "imputées : valeurs annuelles de flux extrapolées de deux ou trois trimestres, tous "
						+ "indicateurs du catalogue confondus.");
	}

	Section coverageByIndicator(PublicationData data, String level, String area, String sheet) {
		List<List<String>> rows = new ArrayList<>();
		for (Published p : indicators) {
			AggregateCell c = data.cell(p.code(), level, area);
			rows.add(List.of(p.label(), expected(c), respondents(c), responseRate(c),
					c == null ? MISSING : FrenchFormat.number((double) c.nImputed(), 0)));
		}
		return Section.table(sheet,
				List.of("Indicateur", "Pôles attendus", "Pôles répondants", "Taux de réponse", "Valeurs imputées"),
				rows, null);
	}

	private String imputed(PublicationData data, String level, String area) {
		int sum = 0;
		boolean any = false;
		for (Indicator i : catalogue.indicators()) {
			AggregateCell c = data.cell(i.code(), level, area);
			if (c != null) {
				sum += c.nImputed();
				any = true;
			}
		}
		return any ? FrenchFormat.number((double) sum, 0) : MISSING;
	}

	// ---------------------------------------------------------------- charts

	Section densityChart(PublicationData data, String level, Map<String, String> areas, String heading) {
		List<Section.Point> points = new ArrayList<>();
		for (Map.Entry<String, String> a : areas.entrySet()) {
			AggregateCell c = data.cell("JOBS_FTE", level, a.getKey());
			Double v = c != null && "F".equals(c.confStatus()) ? c.density() : null;
			String label = v != null ? FrenchFormat.number(v, 1)
					: c != null && !"F".equals(c.confStatus()) ? FrenchFormat.CONFIDENTIAL : MISSING;
			// the value is printed at the end of the bar; a bar that cannot be drawn says
			// why in its category
			points.add(new Section.Point(v == null ? a.getValue() + " : " + label : a.getValue(), v,
					v == null ? null : label));
		}
		return Section.barChart(heading, "emplois (ETP) pour 10\u202F000 habitants", points);
	}

	/**
	 * The French apostrophe (U+2019) in the catalogue's labels, which are typed with the
	 * ASCII one.
	 */
	static String typographic(String label) {
		return label.replace('\'', '\u2019');
	}

	static String unitLabel(String unit) {
		return switch (unit) {
			case "count" -> "nombre";
			case "fte" -> "ETP";
			case "EUR" -> "€";
			case "h" -> "heures";
			case "t" -> "tonnes";
			default -> unit;
		};
	}

	// ---------------------------------------------------------------- cells

	static String total(AggregateCell c, Published p) {
		return figure(c, AggregateCell::total, p);
	}

	static String figure(AggregateCell c, Function<AggregateCell, Double> measure, Published p) {
		if (c == null) {
			return FrenchFormat.NO_POLE;
		}
		return FrenchFormat.cell(c.confStatus(), measure.apply(c), v -> FrenchFormat.amount(v, p.unit()));
	}

	/**
	 * A quantile: {@code s} in a published cell of fewer than 10 respondents (section 4,
	 * Order statistics).
	 */
	static String quantile(AggregateCell c, Function<AggregateCell, Double> measure, Published p) {
		if (c != null && "F".equals(c.confStatus())
				&& c.nRespondents() < Confidentiality.MIN_RESPONDENTS_FOR_QUANTILES) {
			return FrenchFormat.CONFIDENTIAL;
		}
		return figure(c, measure, p);
	}

	/**
	 * The change on a constant sample: {@code s} where the rule Constant sample withheld
	 * it.
	 */
	static String constantSampleChange(PublicationData data, AggregateCell c, Published p) {
		if (c != null && data.constantSampleWithheld(c.indicator(), c.level(), c.area())) {
			return FrenchFormat.CONFIDENTIAL;
		}
		return change(c, AggregateCell::yoyConstantPct, p);
	}

	static String change(AggregateCell c, Function<AggregateCell, Double> measure, Published p) {
		if (c == null) {
			return FrenchFormat.NO_POLE;
		}
		return FrenchFormat.cell(c.confStatus(), measure.apply(c), v -> FrenchFormat.change(v, p.ratio()));
	}

	// an area without a cell has no pole: none expected, none responding, no figure ("–",
	// not "nd")
	static String expected(AggregateCell c) {
		return c == null ? "0" : FrenchFormat.number((double) c.nExpected(), 0);
	}

	static String respondents(AggregateCell c) {
		return c == null ? "0" : FrenchFormat.number((double) c.nRespondents(), 0);
	}

	static String responseRate(AggregateCell c) {
		return c == null ? FrenchFormat.NO_POLE : FrenchFormat.rate(c.responseRate());
	}

	private static String countChange(Integer now, Integer before) {
		if (now == null || before == null || before == 0) {
			return MISSING;
		}
		return FrenchFormat.change((now - before) * 100.0 / before, false);
	}

}
