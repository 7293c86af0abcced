package fr.ptce.observatory.publish;

import static fr.ptce.observatory.publish.FrenchFormat.MISSING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.ptce.observatory.publish.PublicationContent.Published;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.warehouse.AggregateCell;

/**
 * The sections of a regional edition: the region compared with France (its share of the
 * national total, its rank among the regions, its density against the national one), and,
 * for a region where most figures are secret (rule {@link #mostlySecret}), a short
 * edition that says so and shows what can be shown, with no empty chart.
 */
final class RegionalEdition {

	private final PublicationContent content;

	private final GeoReferential geo;

	RegionalEdition(PublicationContent content, GeoReferential geo) {
		this.content = content;
		this.geo = geo;
	}

	/**
	 * The rule of the short edition: fewer than half of the region's cells of the year
	 * (one per published indicator) are published.
	 */
	boolean mostlySecret(PublicationData data, String region) {
		long published = content.indicators()
			.stream()
			.map(p -> data.cell(p.code(), PublicationContent.REGION, region))
			.filter(c -> c != null && "F".equals(c.confStatus()))
			.count();
		return published * 2 < content.indicators().size();
	}

	List<Section> sections(PublicationData data, GeoReferential.Region region, List<Section> annex) {
		return mostlySecret(data, region.code()) ? shortEdition(data, region) : fullEdition(data, region, annex);
	}

	private List<Section> fullEdition(PublicationData data, GeoReferential.Region region, List<Section> annex) {
		int y = data.year();
		String area = region.code();
		Map<String, String> departements = departements(area);
		List<Section> s = new ArrayList<>();
		List<String> findings = new Findings(content.indicators(), data).regional(region);
		if (!findings.isEmpty()) {
			s.addAll(PublicationContent.findings(findings));
		}
		s.add(Section.h1("Chiffres clés " + y + " – " + region.name()));
		s.add(content.keyFigures(data, PublicationContent.REGION, area));
		s.add(Section.h1("La région et la France"));
		s.add(comparison(data, area));
		s.add(Section.h1("Tableau régional des indicateurs"));
		s.add(content.indicatorTable(data, PublicationContent.REGION, area, "Région"));
		s.add(Section.pageBreak());
		s.add(Section.h1("Évolution sur dix ans"));
		s.addAll(TenYearCharts.charts(content, data, PublicationContent.REGION, area));
		s.add(Section.pageBreak());
		s.add(Section.h1("Les départements"));
		s.add(content.areaTable(data, PublicationContent.DEPARTEMENT, departements, "Département", "Départements",
				PublicationContent.REGION, area, region.name()));
		Section density = content.densityChart(data, PublicationContent.DEPARTEMENT, departements,
				"Emplois pour 10\u202F000 habitants par département");
		if (density.points().stream().anyMatch(p -> p.value() != null)) {
			s.add(density);
		}
		s.add(Section.h1("Couverture de la collecte"));
		s.add(Section.h2("Taux de réponse par département"));
		s.add(content.coverageByArea(data, PublicationContent.DEPARTEMENT, departements, "Département",
				"Couverture départements"));
		s.add(Section.h2("Réponses et imputations par indicateur"));
		s.add(content.coverageByIndicator(data, PublicationContent.REGION, area, "Couverture indicateurs"));
		s.add(Section.text("Les tableaux par thématique et par réseau ne sont publiés qu’au niveau national."));
		s.add(Section.pageBreak());
		s.addAll(annex);
		return s;
	}

	/**
	 * What can be shown of a region whose figures are mostly secret, in two or three
	 * pages.
	 */
	private List<Section> shortEdition(PublicationData data, GeoReferential.Region region) {
		int y = data.year();
		String area = region.code();
		List<Section> s = new ArrayList<>();
		s.add(Section.h1("Chiffres clés " + y + " – " + region.name()));
		s.add(Section.text(PublicationContent.typographic(region.name()) + " : la plupart des chiffres de " + y
				+ " sont couverts par le secret statistique. Trop peu de pôles y répondent, ou trop peu ont accepté "
				+ "la diffusion de leurs chiffres, pour qu’un total ne révèle pas les données de l’un d’eux. Cette "
				+ "édition courte présente ce qui peut l’être : la collecte, les indicateurs publiables, la "
				+ "situation de la France ; les pôles de la région restent comptés dans les totaux nationaux."));
		List<String> findings = new Findings(content.indicators(), data).regional(region);
		findings.forEach(f -> s.add(Section.text("\u2022 " + f)));
		s.add(Section.h2("La collecte"));
		s.add(content.coverageByIndicator(data, PublicationContent.REGION, area, "Couverture indicateurs"));
		s.add(Section.h2("Indicateurs publiables"));
		Section published = publishedIndicators(data, area);
		s.add(published != null ? published
				: Section.text("Aucun indicateur de la région n’est publiable pour " + y + "."));
		s.add(Section.h1("La région et la France"));
		s.add(comparison(data, area));
		s.add(Section.h1("Évolution sur dix ans"));
		s.addAll(TenYearCharts.charts(content, data, PublicationContent.REGION, area));
		s.add(Section.text("La méthode, les indicateurs et les règles du secret statistique sont décrits dans "
				+ "l’annexe méthodologique du rapport national."));
		return s;
	}

	/**
	 * The rows of the regional table whose cell is published, or null when there is none.
	 */
	private Section publishedIndicators(PublicationData data, String area) {
		Section all = content.indicatorTable(data, PublicationContent.REGION, area, "Région");
		List<List<String>> rows = new ArrayList<>();
		List<Published> indicators = content.indicators();
		for (int i = 0; i < indicators.size(); i++) {
			AggregateCell c = data.cell(indicators.get(i).code(), PublicationContent.REGION, area);
			if (c != null && "F".equals(c.confStatus())) {
				rows.add(all.rows().get(i));
			}
		}
		return rows.isEmpty() ? null : Section.table("Région", all.headers(), rows, all.note());
	}

	/**
	 * The region and France: the key indicators in both, the region's share of the
	 * national total and its rank among the regions whose figure is published, then the
	 * jobs density.
	 */
	Section comparison(PublicationData data, String area) {
		List<List<String>> rows = new ArrayList<>();
		for (String code : PublicationContent.KEY_INDICATORS) {
			Published p = content.indicator(code);
			AggregateCell here = data.cell(code, PublicationContent.REGION, area);
			AggregateCell france = data.cell(code, PublicationContent.NATIONAL, GeoReferential.FRANCE);
			rows.add(List.of(p.label(), PublicationContent.total(here, p), PublicationContent.total(france, p),
					p.ratio() ? MISSING : share(here, france), rank(data, code, area, AggregateCell::total)));
		}
		AggregateCell here = data.cell("JOBS_FTE", PublicationContent.REGION, area);
		AggregateCell france = data.cell("JOBS_FTE", PublicationContent.NATIONAL, GeoReferential.FRANCE);
		rows.add(List.of("Emplois (ETP) pour 10\u202F000 habitants", density(here), density(france), MISSING,
				rank(data, "JOBS_FTE", area, AggregateCell::density)));
		return Section.table("Région et France",
				List.of("Indicateur", "Région", "France", "Part de la région dans le total national",
						"Rang parmi les régions publiées"),
				rows,
				"Part : total de la région rapporté au total national (sans objet pour une part ou un taux). Rang : "
						+ "parmi les régions dont le chiffre est publié, du plus grand au plus petit. "
						+ PublicationContent.NOTE);
	}

	private static String density(AggregateCell c) {
		return c == null ? MISSING : FrenchFormat.cell(c.confStatus(), c.density(), v -> FrenchFormat.number(v, 1));
	}

	private static String share(AggregateCell here, AggregateCell france) {
		if (here == null || france == null) {
			return MISSING;
		}
		if (!"F".equals(here.confStatus()) || !"F".equals(france.confStatus())) {
			return FrenchFormat.CONFIDENTIAL;
		}
		if (here.total() == null || france.total() == null || france.total() == 0) {
			return MISSING;
		}
		return FrenchFormat.percent(here.total() / france.total() * 100);
	}

	/**
	 * "2e sur 6": the region's rank by the measure among the regions whose cell is
	 * published.
	 */
	private String rank(PublicationData data, String code, String area, Function<AggregateCell, Double> measure) {
		AggregateCell here = data.cell(code, PublicationContent.REGION, area);
		if (here == null) {
			return MISSING;
		}
		if (!"F".equals(here.confStatus())) {
			return FrenchFormat.CONFIDENTIAL;
		}
		if (measure.apply(here) == null) {
			return MISSING;
		}
		int rank = 1;
		int of = 0;
		for (GeoReferential.Region r : geo.reportedRegions()) {
			AggregateCell c = data.cell(code, PublicationContent.REGION, r.code());
			if (c != null && "F".equals(c.confStatus()) && measure.apply(c) != null) {
				of++;
				if (measure.apply(c) > measure.apply(here)) {
					rank++;
				}
			}
		}
		return (rank == 1 ? FrenchFormat.FIRST : rank + "e") + " sur " + of;
	}

	private Map<String, String> departements(String region) {
		Map<String, String> departements = new LinkedHashMap<>();
		for (GeoReferential.Departement d : geo.departementsOf(region)) {
			departements.put(d.code(), d.name() + " (" + d.code() + ")");
		}
		return departements;
	}

}
