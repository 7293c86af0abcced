package fr.ptce.observatory.referential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * "In the region" for each of the 18 regions, as INSEE writes it, from the referential's
 * type of article.
 */
class RegionWordingTest {

	@Test
	void everyRegionHasItsPreposition() {
		Map<String, String> in = new TreeMap<>();
		for (GeoReferential.Region r : GeoReferential.bundled().reportedRegions()) {
			in.put(r.code(), r.in());
		}
		assertThat(in).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("01", "en Guadeloupe"),
				Map.entry("02", "en Martinique"), Map.entry("03", "en Guyane"), Map.entry("04", "à La Réunion"),
				Map.entry("06", "à Mayotte"), Map.entry("11", "en Île-de-France"),
				Map.entry("24", "dans le Centre-Val de Loire"), Map.entry("27", "en Bourgogne-Franche-Comté"),
				Map.entry("28", "en Normandie"), Map.entry("32", "dans les Hauts-de-France"),
				Map.entry("44", "dans le Grand Est"), Map.entry("52", "dans les Pays de la Loire"),
				Map.entry("53", "en Bretagne"), Map.entry("75", "en Nouvelle-Aquitaine"),
				Map.entry("76", "en Occitanie"), Map.entry("84", "en Auvergne-Rhône-Alpes"),
				Map.entry("93", "en Provence-Alpes-Côte d'Azur"), Map.entry("94", "en Corse")));
	}

}
