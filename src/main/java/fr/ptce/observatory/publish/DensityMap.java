package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.warehouse.AggregateCell;

/**
 * The map of the national report: the 18 regions shaded by jobs (FTE) per 10,000
 * inhabitants of the year, a secret density hatched, with its legend, its source and
 * scope under it, and every region's value in its alternative text.
 */
final class DensityMap {

	static final String TITLE = "Emplois portés par les pôles pour 10\u202F000 habitants, par région";

	private DensityMap() {
	}

	/**
	 * The map section, or null when the national density is not published (no class can
	 * be set).
	 */
	static Section section(PublicationData data, Map<String, String> regions, String asOf) {
		AggregateCell france = data.cell("JOBS_FTE", PublicationContent.NATIONAL, GeoReferential.FRANCE);
		if (france == null || !"F".equals(france.confStatus()) || france.density() == null) {
			return null;
		}
		DensityClasses classes = new DensityClasses(france.density());
		List<RegionMap.Entry> entries = new ArrayList<>();
		StringBuilder alt = new StringBuilder(
				"Carte des 18 régions (outre-mer en encart) : emplois (ETP) pour 10 000 habitants en " + data.year()
						+ ", France : " + FrenchFormat.number(france.density(), 1) + " – ");
		for (Map.Entry<String, String> r : regions.entrySet()) {
			RegionMap.Entry e = entry(data, r.getKey(), r.getValue(), classes);
			entries.add(e);
			alt.append(entries.size() == 1 ? "" : " ; ").append(e.name()).append(" : ").append(spoken(e));
		}
		// its own source and scope, in place of the report's generic lines
		String source = "Observatoire national des PTCE, données transmises par les pôles, arrêtées au " + asOf
				+ " ; population : recensement de la population (communes du référentiel géographique).";
		String scope = "emplois (ETP) portés par les pôles répondants en " + data.year()
				+ ", rapportés à la population de la région de leur siège.";
		String note = "Classes fixées par rapport à la densité nationale (moitié, égale, une fois et demie). "
				+ RegionShapes.ATTRIBUTION + ".";
		RegionMap map = new RegionMap(entries,
				"Emplois (ETP) pour 10\u202F000 habitants (France : " + FrenchFormat.number(france.density(), 1) + ")",
				classes.labels());
		String title = TITLE + ", " + data.year();
		return Section.map(title, map, alt.append('.').toString(), note).withCaption(title, source, scope);
	}

	static RegionMap.Entry entry(PublicationData data, String region, String name, DensityClasses classes) {
		AggregateCell c = data.cell("JOBS_FTE", PublicationContent.REGION, region);
		String printed = PublicationContent.typographic(name);
		if (c != null && !"F".equals(c.confStatus())) {
			return new RegionMap.Entry(region, printed, FrenchFormat.CONFIDENTIAL, DensityClasses.SECRET);
		}
		if (c == null || c.density() == null) {
			return new RegionMap.Entry(region, printed, FrenchFormat.MISSING, DensityClasses.MISSING);
		}
		return new RegionMap.Entry(region, printed, FrenchFormat.number(c.density(), 1), classes.classOf(c.density()));
	}

	private static String spoken(RegionMap.Entry e) {
		return switch (e.shade()) {
			case DensityClasses.SECRET -> "secret statistique";
			case DensityClasses.MISSING -> "non disponible";
			default -> e.value();
		};
	}

}
