package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.referential.Levels;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;

/**
 * The areas of each level and their names, from the definitions that own them: the
 * geographic referential for France, the regions and the departments, the registry's code
 * lists and the publication's labels for themes and networks.
 */
final class Areas {

	private final GeoReferential geo;

	Areas(GeoReferential geo) {
		this.geo = geo;
	}

	/**
	 * The areas of a level in reading order (INSEE code order; codes for themes and
	 * networks).
	 */
	List<String> of(String level) {
		return switch (level) {
			case Levels.NATIONAL -> List.of(GeoReferential.FRANCE);
			case Levels.REGION -> geo.reportedRegions().stream().map(GeoReferential.Region::code).toList();
			case Levels.DEPARTEMENT -> {
				List<String> codes = new ArrayList<>();
				for (GeoReferential.Region r : geo.reportedRegions()) {
					geo.departementsOf(r.code()).forEach(d -> codes.add(d.code()));
				}
				yield codes.stream().sorted().toList();
			}
			case Levels.THEME -> Registry.THEMES.stream().sorted().toList();
			case Levels.NETWORK -> Registry.NETWORKS.stream().sorted().toList();
			default -> throw new IllegalArgumentException("unknown level " + level);
		};
	}

	/** The area's name in French, or its code when no referential names it. */
	String name(String level, String area) {
		String name = switch (level) {
			case Levels.NATIONAL -> GeoReferential.FRANCE.equals(area) ? "France" : null;
			case Levels.REGION -> {
				GeoReferential.Region r = geo.region(area);
				yield r == null ? null : r.name();
			}
			case Levels.DEPARTEMENT -> {
				GeoReferential.Departement d = geo.departement(area);
				yield d == null ? null : d.name();
			}
			case Levels.THEME -> PublicationContent.THEMES.get(area);
			case Levels.NETWORK -> PublicationContent.NETWORKS.get(area);
			default -> null;
		};
		return name == null ? area : name;
	}

}
