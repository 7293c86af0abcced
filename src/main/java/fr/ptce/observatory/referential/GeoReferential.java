package fr.ptce.observatory.referential;

import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The French geographic referential (INSEE COG 2026 with legal populations), copied into
 * the project from the observatory's shared data: communes, departments, regions and
 * EPCI. The observatory reports on the 18 regions (zone metro and drom); the overseas
 * collectivities ("com") are outside the regions.
 */
public final class GeoReferential {

	public static final String RESOURCE_DIR = "/referential/geo/";

	/** The area code of the national level. */
	public static final String FRANCE = "FR";

	public record Commune(String code, String name, String departement, String region, String epci, long population) {
	}

	public record Departement(String code, String name, String region, String zone) {
	}

	/**
	 * @param tncc INSEE's type of article of the name (COG column TNCC): 0 none, 1 none
	 * before a vowel, 2 "le", 3 "la", 4 "les", 5 "l'"
	 */
	public record Region(String code, String name, String zone, int tncc) {

		public boolean isReported() {
			return !"com".equals(zone);
		}

		/**
		 * "In the region" as INSEE writes it: en Bretagne, en Île-de-France, en
		 * Nouvelle-Aquitaine, dans le Grand Est, dans les Hauts-de-France, à La Réunion,
		 * à Mayotte (an overseas island without article takes "à"; the article of La
		 * Réunion is part of its name).
		 */
		public String in() {
			return switch (tncc) {
				case 2 -> "dans le " + name;
				case 4 -> "dans les " + name;
				case 5 -> "dans l’" + name;
				default -> !"metro".equals(zone) && tncc == 0 ? "à " + name : "en " + name;
			};
		}

	}

	public record Epci(String siren, String name, String type, long population) {
	}

	private final Map<String, Commune> communes;

	private final Map<String, Departement> departements;

	private final Map<String, Region> regions;

	private final Map<String, Epci> epcis;

	private final Map<String, Long> regionPopulation = new HashMap<>();

	private final Map<String, Long> departementPopulation = new HashMap<>();

	private final long francePopulation;

	private GeoReferential(Map<String, Commune> communes, Map<String, Departement> departements,
			Map<String, Region> regions, Map<String, Epci> epcis) {
		this.communes = communes;
		this.departements = departements;
		this.regions = regions;
		this.epcis = epcis;
		for (Commune c : communes.values()) {
			regionPopulation.merge(c.region(), c.population(), Long::sum);
			departementPopulation.merge(c.departement(), c.population(), Long::sum);
		}
		this.francePopulation = regions.values()
			.stream()
			.filter(Region::isReported)
			.mapToLong(r -> regionPopulation.getOrDefault(r.code(), 0L))
			.sum();
	}

	public static GeoReferential bundled() {
		CsvTable communes = table("communes.csv", "commune", "name", "departement", "region", "epci", "population");
		CsvTable departements = table("departements.csv", "departement", "name", "region", "zone");
		CsvTable regions = table("regions.csv", "region", "name", "zone", "tncc");
		CsvTable epcis = table("epci.csv", "epci", "name", "type", "population");
		Map<String, Region> regionMap = new LinkedHashMap<>();
		regions.rows()
			.forEach(r -> regionMap.put(r.get("region"),
					new Region(r.get("region"), r.get("name"), r.get("zone"), Integer.parseInt(r.get("tncc")))));
		Map<String, Departement> departementMap = new LinkedHashMap<>();
		departements.rows()
			.forEach(r -> departementMap.put(r.get("departement"),
					new Departement(r.get("departement"), r.get("name"), r.get("region"), r.get("zone"))));
		Map<String, Epci> epciMap = new HashMap<>();
		epcis.rows()
			.forEach(r -> epciMap.put(r.get("epci"),
					new Epci(r.get("epci"), r.get("name"), r.get("type"), parseLong(r.get("population")))));
		Map<String, Commune> communeMap = new HashMap<>(communes.rows().size() * 2);
		communes.rows()
			.forEach(r -> communeMap.put(r.get("commune"), new Commune(r.get("commune"), r.get("name"),
					r.get("departement"), r.get("region"), r.get("epci"), parseLong(r.get("population")))));
		return new GeoReferential(communeMap, departementMap, regionMap, epciMap);
	}

	private static CsvTable table(String name, String... columns) {
		InputStream in = GeoReferential.class.getResourceAsStream(RESOURCE_DIR + name);
		if (in == null) {
			throw new ReferentialException(RESOURCE_DIR + name + " is missing from the build");
		}
		return CsvTable.read(name, in, columns);
	}

	private static long parseLong(String value) {
		return value.isEmpty() ? 0 : Long.parseLong(value);
	}

	public Commune commune(String code) {
		return communes.get(code);
	}

	public Departement departement(String code) {
		return departements.get(code);
	}

	public Region region(String code) {
		return regions.get(code);
	}

	public Epci epci(String siren) {
		return epcis.get(siren);
	}

	/** The 18 regions the observatory reports on, in INSEE code order. */
	public List<Region> reportedRegions() {
		return regions.values().stream().filter(Region::isReported).toList();
	}

	public List<Departement> departementsOf(String region) {
		return departements.values().stream().filter(d -> d.region().equals(region)).toList();
	}

	public Map<String, Departement> departements() {
		return Collections.unmodifiableMap(departements);
	}

	/**
	 * Population of an area of a geographic level, as methodology section 3 defines it
	 * for the density: the sum of its communes' populations, and for FR the sum over the
	 * 18 regions.
	 * @return the population, or 0 for an unknown area or a non-geographic level
	 */
	public long population(String level, String area) {
		return switch (level) {
			case Levels.NATIONAL -> FRANCE.equals(area) ? francePopulation : 0;
			case Levels.REGION -> regionPopulation.getOrDefault(area, 0L);
			case Levels.DEPARTEMENT -> departementPopulation.getOrDefault(area, 0L);
			default -> 0;
		};
	}

}
