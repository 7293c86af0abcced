package fr.ptce.observatory.samples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;

/**
 * Draws the registry of the samples (poles on real communes of the 18 regions, fictional
 * names) and how each pole reports, and gives the deliberate cases ({@link Story}) to
 * poles that can carry them.
 */
final class Planner {

	/**
	 * Poles wanted at least in each region when there are enough poles: 3 in most
	 * regions, fewer in three small overseas regions so that region cells with fewer than
	 * 3 respondents occur; Corsica exactly 3, one of them much bigger (dominance).
	 */
	private static final Map<String, Integer> MINIMUM = Map.of("94", 3, "01", 3, "02", 2, "03", 1, "04", 3, "06", 1);

	/** Regions kept at their minimum. */
	private static final Set<String> KEPT_SMALL = Set.of("94", "02", "03", "06");

	private static final String[] LEGAL_FORMS = { "association", "scic", "scop", "gie", "sas", "other" };

	private static final double[] LEGAL_WEIGHTS = { 0.5, 0.25, 0.08, 0.07, 0.05, 0.05 };

	private static final double[] THEME_WEIGHTS = { 0.16, 0.16, 0.07, 0.10, 0.07, 0.08, 0.08, 0.08, 0.06, 0.14 };

	private static final double[] NETWORK_CHANCE = { 0.35, 0.25, 0.15, 0.2, 0.15 };

	private static final List<String> OPTIONAL = List.of("TRAINING_HOURS", "VOLUNTEERS", "JOBS_INSERTION",
			"PROJECTS_ACTIVE", "MEMBERS_RESEARCH");

	private final SampleGenerator.Options options;

	private final GeoReferential geo;

	private final Communes communes;

	Planner(SampleGenerator.Options options, GeoReferential geo, Communes communes) {
		this.options = options;
		this.geo = geo;
		this.communes = communes;
	}

	/** The registry: poles spread over the 18 regions, ids in order of creation. */
	List<PolePlan> registry(int count, boolean benchmark) {
		Rng rng = Rng.of(options.seed(), benchmark ? "benchmark-registry" : "registry", 0);
		List<GeoReferential.Region> regions = geo.reportedRegions();
		int[] perRegion = allocate(count, regions);
		List<PolePlan> poles = new ArrayList<>(count);
		Set<String> names = new HashSet<>();
		for (int r = 0; r < regions.size(); r++) {
			List<GeoReferential.Departement> deps = geo.departementsOf(regions.get(r).code());
			double[] depWeights = new double[deps.size()];
			for (int d = 0; d < deps.size(); d++) {
				depWeights[d] = StrictMath.pow(communes.population(deps.get(d).code()), 0.85);
			}
			for (int k = 0; k < perRegion[r]; k++) {
				GeoReferential.Departement dep = deps.get(rng.weighted(depWeights));
				poles.add(pole(rng, dep, names, benchmark));
			}
		}
		poles.sort(Comparator.comparingInt((PolePlan p) -> p.created).thenComparingLong(p -> p.order));
		for (int i = 0; i < poles.size(); i++) {
			PolePlan p = poles.get(i);
			p.index = i;
			p.id = String.format(Locale.ROOT, "PTCE-%04d", i + 1);
			p.firstReport = Math.max(p.created, options.firstYear());
			p.lastReport = Math.min(p.closed == null ? options.lastYear() : p.closed, options.lastYear());
		}
		if (!benchmark) {
			ensureClosed(poles, rng);
			chooseGiants(poles, rng);
		}
		return poles;
	}

	private PolePlan pole(Rng rng, GeoReferential.Departement dep, Set<String> names, boolean benchmark) {
		List<Communes.Entry> candidates = communes.of(dep.code());
		double[] weights = new double[candidates.size()];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = StrictMath.pow(candidates.get(i).population(), 0.7);
		}
		Communes.Entry commune = candidates.get(rng.weighted(weights));
		PolePlan p = new PolePlan();
		p.commune = commune.code();
		p.departement = dep.code();
		p.region = dep.region();
		p.order = rng.nextLong();
		int first = options.firstYear();
		int last = options.lastYear();
		if (benchmark) {
			p.created = first - rng.between(0, 3);
		}
		else {
			int low = first - 3;
			int high = Math.max(low, last - 1);
			p.created = low + (int) StrictMath.floor((high - low + 1) * StrictMath.pow(rng.nextDouble(), 1.3));
			int closedLow = Math.max(p.created + 1, first + 1);
			if (rng.chance(0.08) && closedLow <= last - 1) {
				p.closed = rng.between(closedLow, last - 1);
			}
		}
		int themeIndex = rng.weighted(THEME_WEIGHTS);
		p.theme = Registry.THEMES.get(themeIndex);
		p.legalForm = LEGAL_FORMS[rng.weighted(LEGAL_WEIGHTS)];
		List<String> networks = new ArrayList<>();
		for (int n = 0; n < Registry.NETWORKS.size(); n++) {
			double chance = NETWORK_CHANCE[n];
			if (Registry.NETWORKS.get(n).equals("COORACE") && p.theme.equals("EMPLOI_INSERTION")) {
				chance = 0.6;
			}
			if (rng.chance(chance)) {
				networks.add(Registry.NETWORKS.get(n));
			}
		}
		p.networks = networks;
		p.epci = epci(rng, commune, dep);
		p.openData = rng.chance(0.7);
		String name;
		do {
			name = Names.draw(rng, p.theme, themeIndex, communes.foldedNames());
		}
		while (!names.add(name));
		p.name = name;
		return p;
	}

	/**
	 * Mostly empty (the commune's EPCI), sometimes written out, a few poles covering two
	 * or three EPCIs.
	 */
	private String epci(Rng rng, Communes.Entry commune, GeoReferential.Departement dep) {
		double u = rng.nextDouble();
		if (commune.epci().isEmpty() || geo.epci(commune.epci()) == null || u < 0.7) {
			return "";
		}
		if (u < 0.9) {
			return commune.epci();
		}
		Set<String> others = new LinkedHashSet<>();
		for (Communes.Entry c : communes.of(dep.code())) {
			if (!c.epci().isEmpty() && !c.epci().equals(commune.epci()) && geo.epci(c.epci()) != null) {
				others.add(c.epci());
			}
		}
		List<String> list = new ArrayList<>(others);
		List<String> chosen = new ArrayList<>(List.of(commune.epci()));
		int extra = Math.min(list.size(), rng.between(1, 2));
		for (int i = 0; i < extra; i++) {
			chosen.add(list.remove(rng.nextInt(list.size())));
		}
		return String.join("|", chosen);
	}

	/**
	 * Largest remainder over the regions' populations, above the minimum of each region.
	 */
	private int[] allocate(int count, List<GeoReferential.Region> regions) {
		int[] result = new int[regions.size()];
		int minimumTotal = 0;
		for (int r = 0; r < regions.size(); r++) {
			minimumTotal += MINIMUM.getOrDefault(regions.get(r).code(), 3);
		}
		boolean full = count >= minimumTotal;
		double[] weights = new double[regions.size()];
		int given = 0;
		for (int r = 0; r < regions.size(); r++) {
			String code = regions.get(r).code();
			result[r] = full ? MINIMUM.getOrDefault(code, 3) : (r < count ? 1 : 0);
			given += result[r];
			if (!full || !KEPT_SMALL.contains(code)) {
				weights[r] = geo.population("region", code);
			}
		}
		int rest = count - given;
		if (rest <= 0) {
			return result;
		}
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double[] remainders = new double[regions.size()];
		int assigned = 0;
		for (int r = 0; r < regions.size(); r++) {
			double share = rest * weights[r] / total;
			int whole = (int) StrictMath.floor(share);
			result[r] += whole;
			assigned += whole;
			remainders[r] = share - whole;
		}
		while (assigned < rest) {
			int best = 0;
			for (int r = 1; r < regions.size(); r++) {
				if (remainders[r] > remainders[best]) {
					best = r;
				}
			}
			result[best]++;
			remainders[best] = -1;
			assigned++;
		}
		return result;
	}

	/**
	 * At least a few closed poles (POLE_INACTIVE and the single-quarter case need them).
	 */
	private void ensureClosed(List<PolePlan> poles, Rng rng) {
		int wanted = Math.min(6, poles.size() / 20);
		long closed = poles.stream().filter(p -> p.closed != null).count();
		for (PolePlan p : poles) {
			if (closed >= wanted) {
				break;
			}
			int low = Math.max(p.created + 1, options.firstYear() + 2);
			int high = options.lastYear() - 1;
			if (p.closed == null && low <= high && rng.chance(0.3)) {
				p.closed = rng.between(low, high);
				p.lastReport = p.closed;
				closed++;
			}
		}
	}

	/**
	 * A pole much bigger than the others in a few areas, so that the dominance rule (one
	 * pole above 85 % of the total) applies: in Corsica when it has 3 poles, and in two
	 * departments of 3 to 5 poles.
	 */
	private void chooseGiants(List<PolePlan> poles, Rng rng) {
		Map<String, List<PolePlan>> byRegion = new LinkedHashMap<>();
		Map<String, List<PolePlan>> byDepartement = new TreeMap<>();
		for (PolePlan p : poles) {
			byRegion.computeIfAbsent(p.region, k -> new ArrayList<>()).add(p);
			byDepartement.computeIfAbsent(p.departement, k -> new ArrayList<>()).add(p);
		}
		List<PolePlan> corsica = byRegion.getOrDefault("94", List.of());
		if (corsica.size() == 3) {
			corsica.get(0).giant = true;
		}
		List<String> departements = new ArrayList<>();
		byDepartement.forEach((dep, list) -> {
			if (list.size() >= 3 && list.size() <= 5 && !list.get(0).region.equals("94")) {
				departements.add(dep);
			}
		});
		rng.shuffle(departements);
		for (int i = 0; i < Math.min(2, departements.size()); i++) {
			byDepartement.get(departements.get(i)).get(0).giant = true;
		}
	}

	/**
	 * How each pole reports: its file style, annual or quarterly, the years it answers,
	 * what it leaves out.
	 */
	void profiles(List<PolePlan> poles) {
		for (PolePlan p : poles) {
			Rng rng = Rng.of(options.seed(), "profile", p.index);
			p.style = Style.ALL.get(rng.weighted(Style.WEIGHTS));
			int span = p.lastReport - p.firstReport;
			if (rng.chance(0.2) && span >= 2) {
				Style later;
				do {
					later = Style.ALL.get(rng.weighted(Style.WEIGHTS));
				}
				while (later == p.style);
				p.laterStyle = later;
				p.styleSwitchYear = rng.between(p.firstReport + 1, p.lastReport);
			}
			double u = rng.nextDouble();
			if (p.giant || u < 0.62) {
				p.mode = PolePlan.Mode.ANNUAL;
			}
			else if (u < 0.77) {
				p.mode = PolePlan.Mode.QUARTERLY_IN_YEAR_FILE;
			}
			else if (u < 0.92 || span < 2) {
				p.mode = PolePlan.Mode.QUARTERLY_FILES;
			}
			else {
				p.mode = PolePlan.Mode.ANNUAL;
				p.laterMode = PolePlan.Mode.QUARTERLY_FILES;
				p.modeSwitchYear = rng.between(p.firstReport + 1, p.lastReport);
			}
			Set<String> omitted = new LinkedHashSet<>(baseOmitted(p));
			if (rng.chance(0.25)) {
				omitted.add(rng.pick(OPTIONAL));
				if (rng.chance(0.3)) {
					omitted.add(rng.pick(OPTIONAL));
				}
			}
			p.omitted = omitted;
			p.responds = new boolean[span + 1];
			for (int y = p.firstReport; y <= p.lastReport; y++) {
				double answer = y == options.lastYear() ? 0.8 : 0.93;
				p.responds[y - p.firstReport] = p.giant || rng.chance(answer);
			}
		}
	}

	/** Waste is reported by the poles whose activity produces it. */
	static Set<String> baseOmitted(PolePlan p) {
		return p.theme.equals("ECONOMIE_CIRCULAIRE") || p.theme.equals("ALIMENTATION") ? Set.of()
				: Set.of("WASTE_AVOIDED");
	}

	/** Gives each story to the first pole (in a seeded order) that can carry it. */
	void stories(List<PolePlan> poles, Function<PolePlan, Figures> figures) {
		Rng rng = Rng.of(options.seed(), "stories", 0);
		List<PolePlan> candidates = new ArrayList<>(poles.stream().filter(p -> !p.giant).toList());
		rng.shuffle(candidates);
		for (Story story : Story.values()) {
			for (PolePlan p : candidates) {
				if (p.story != null) {
					continue;
				}
				Integer year = storyYear(story, p, rng, figures);
				if (year != null) {
					assign(p, story, year);
					break;
				}
			}
		}
	}

	private Integer storyYear(Story story, PolePlan p, Rng rng, Function<PolePlan, Figures> figures) {
		int first = p.firstReport;
		int last = p.lastReport;
		if (first > last) {
			return null;
		}
		return switch (story) {
			case SINGLE_QUARTER -> p.closed != null && p.closed > first ? p.closed : null;
			case INACTIVE_AFTER_CLOSED -> p.closed != null && p.closed < options.lastYear() ? p.closed : null;
			case INACTIVE_BEFORE_CREATED ->
				p.created > options.firstYear() && p.created <= options.lastYear() ? p.created : null;
			case FUTURE_AND_INDICATOR -> p.closed == null ? rng.between(first, last) : null;
			case JUMP -> {
				if (last - first < 2) {
					yield null;
				}
				int year = rng.between(first + 1, last - 1);
				yield figures.apply(p).year(year, "JOBS_FTE") <= 1999 ? year : null;
			}
			case THREE_QUARTERS -> last > first ? rng.between(first + 1, last) : null;
			default -> rng.between(first, last);
		};
	}

	private void assign(PolePlan p, Story story, int year) {
		p.story = story;
		p.storyYear = year;
		p.laterStyle = null;
		p.styleSwitchYear = Integer.MAX_VALUE;
		p.laterMode = null;
		p.modeSwitchYear = Integer.MAX_VALUE;
		p.mode = switch (story) {
			case SINGLE_QUARTER, THREE_QUARTERS -> PolePlan.Mode.QUARTERLY_FILES;
			case DUPLICATES, TWO_QUARTERS -> PolePlan.Mode.QUARTERLY_IN_YEAR_FILE;
			default -> PolePlan.Mode.ANNUAL;
		};
		Style forced = switch (story) {
			case ROW_ERRORS, STATUS_AND_NUMBERS, MISSING_COLUMN, EMPTY_HEADER_ONLY, PROVISIONAL_CORRECTED ->
				Style.TABLEUR_FR;
			case POLE_AND_PERIOD, UNITS_AND_RANGES -> Style.SI_UTF8;
			case FUTURE_AND_INDICATOR -> Style.SI_BOM_CRLF;
			case DUPLICATES, QUARANTINE_SHIFTED -> Style.TABLEUR_FR_ORDER;
			case INCONSISTENT -> Style.TABLEUR_FR_NBSP;
			case JUMP -> Style.MINIMAL;
			case COMMENT_AND_COLUMN -> Style.EXPORT_BI;
			case OPEN_QUOTE -> Style.LIBRE;
			default -> null;
		};
		if (forced != null) {
			p.style = forced;
		}
		p.omitted = baseOmitted(p);
		Arrays.fill(p.responds, true);
	}

}
