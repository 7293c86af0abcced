package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Trend;

/**
 * The rules of "À retenir" on the fixture's warehouse, changed so that each rule has
 * something to choose from (changes on a constant sample that differ by indicator,
 * regional densities on both sides of the national one), read back from Parquet; every
 * number of the text is checked against the aggregates read by DuckDB.
 */
class FindingsTest {

	static final int YEAR = PublicationFixture.YEAR;

	@TempDir
	static Path root;

	static DataDirectory dir;

	static PublicationData data;

	static PublicationContent content = new PublicationContent(PublicationFixture.CATALOGUE, PublicationFixture.GEO);

	/**
	 * The change on a constant sample the test gives each indicator of the national
	 * level, in % or points.
	 */
	static double constantChange(String code) {
		return (PublicationFixture.indicatorCodes().indexOf(code) - 8) * 1.1;
	}

	@BeforeAll
	static void write() {
		dir = PublicationFixture.dataDirectory(root);
		PublicationFixture.write(dir, PublicationFixture.registry(), (y, c) -> {
			if (y != YEAR || !"F".equals(c.confStatus())) {
				return c;
			}
			Double constant = c.level().equals("national") ? constantChange(c.indicator())
					: c.level().equals("theme") || c.level().equals("network")
							? constantChange(c.indicator()) + c.area().length() * 0.1 : c.yoyConstantPct();
			Double density = c.density();
			if (c.level().equals("region") && density != null) {
				// from 2.0 to 7.5 jobs per 10,000 inhabitants against France's 4.5, by
				// region code
				density = 2.0 + (Integer.parseInt(c.area()) % 12) * 0.5;
			}
			// each indicator its own response rate, the core one's unchanged
			Double rate = c.responseRate() == null ? null
					: c.responseRate() * (1 - PublicationFixture.indicatorCodes().indexOf(c.indicator()) * 0.02);
			return new AggregateCell(c.indicator(), c.level(), c.area(), c.nExpected(), c.nRespondents(), c.nImputed(),
					rate, c.total(), c.mean(), c.median(), c.p25(), c.p75(), density, c.yoyPct(), constant, c.ma3(),
					c.confStatus());
		});
		Tables.TREND.writeFile(dir.partition(Tables.TRENDS, YEAR).resolve("part-0.parquet"),
				PublicationFixture.provenance(PublicationFixture.registry()), trends());
		data = PublicationData.load(dir, YEAR);
	}

	/**
	 * The fixture's trends, but national TURNOVER in baisse over eight years only, and
	 * the jobs of Île-de-France and Bretagne in hausse, of Occitanie in baisse.
	 */
	static List<Trend> trends() {
		List<Trend> trends = new ArrayList<>();
		for (Trend t : PublicationFixture.trends()) {
			String key = t.indicator() + "/" + t.area();
			if (key.equals("TURNOVER/FR")) {
				t = new Trend(t.indicator(), t.level(), t.area(), YEAR - 7, YEAR, 8, -20, -2.4, -1.0, -2.5, 0.01,
						"baisse");
			}
			else if (key.equals("JOBS_FTE/11") || key.equals("JOBS_FTE/53") || key.equals("JOBS_FTE/76")) {
				t = new Trend(t.indicator(), t.level(), t.area(), YEAR - 9, YEAR, 10, 30, 1.2, 0.5, 3.0, 0.002,
						t.area().equals("76") ? "baisse" : "hausse");
			}
			trends.add(t);
		}
		return trends;
	}

	static List<String> national() {
		return new Findings(content.indicators(), data).national(content.regionAreas());
	}

	/**
	 * Numbers as French typography prints them: sign, groups of three after a narrow
	 * no-break space, comma.
	 */
	static final Pattern NUMBER = Pattern.compile("[+\u2212]?(?<![\\d,])\\d+(?:\u202F\\d{3})*(?:,\\d+)?");

	static List<String> numbers(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = NUMBER.matcher(text);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

	/**
	 * Every figure of the published cells of years Y and Y−1 at the national and regional
	 * levels, formatted as the publication prints them, read with DuckDB from the Parquet
	 * files; the numbers they hold.
	 */
	static Set<String> publishedNumbers() throws Exception {
		String files = dir.root().resolve("warehouse/aggregates/*/*.parquet").toString();
		String trends = dir.root().resolve("warehouse/trends/*/*.parquet").toString();
		Set<String> allowed = new HashSet<>();
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
			try (ResultSet rs = st.executeQuery("SELECT indicator, n_expected, n_respondents, response_rate, total, "
					+ "density, yoy_pct, yoy_constant_pct, mean FROM read_parquet('" + files + "', hive_partitioning "
					+ "= true) WHERE conf_status = 'F' AND level IN ('national', 'region', 'theme', 'network') AND "
					+ "year >= " + (YEAR - 1))) {
				while (rs.next()) {
					PublicationContent.Published p = content.indicator(rs.getString(1));
					List<String> printed = new ArrayList<>(List.of(FrenchFormat.number((double) rs.getInt(2), 0),
							FrenchFormat.number((double) rs.getInt(3), 0), FrenchFormat.rate(value(rs, 4)),
							FrenchFormat.amount(value(rs, 5), p.unit()), FrenchFormat.number(value(rs, 6), 1),
							FrenchFormat.change(value(rs, 7), p.ratio()), FrenchFormat.change(value(rs, 8), p.ratio()),
							FrenchFormat.amount(value(rs, 9), p.unit())));
					printed.forEach(f -> allowed.addAll(numbers(f)));
				}
			}
			// a region's share of the national total, as the regional editions print it,
			// between two published cells
			try (ResultSet rs = st.executeQuery("SELECT r.total / n.total * 100 FROM read_parquet('" + files
					+ "', hive_partitioning = true) r JOIN read_parquet('" + files + "', hive_partitioning = true) n "
					+ "USING (year, indicator) WHERE r.level = 'region' AND n.level = 'national' AND r.conf_status = "
					+ "'F' AND n.conf_status = 'F' AND year = " + YEAR)) {
				while (rs.next()) {
					allowed.addAll(numbers(FrenchFormat.percent(value(rs, 1))));
				}
			}
			// the average yearly growth of the trends table
			try (ResultSet rs = st.executeQuery("SELECT cagr_pct FROM read_parquet('" + trends + "')")) {
				while (rs.next()) {
					allowed.addAll(numbers(FrenchFormat.change(value(rs, 1), false)));
				}
			}
		}
		return allowed;
	}

	private static Double value(ResultSet rs, int column) throws Exception {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	@Test
	void everyNumberOfTheTextIsAFigureOfAPublishedCell() throws Exception {
		Set<String> allowed = publishedNumbers();
		List<String> texts = new ArrayList<>(national());
		texts.addAll(new Findings(content.indicators(), data).regional(PublicationFixture.GEO.region("84")));
		assertThat(texts).hasSizeGreaterThan(5);
		for (String text : texts) {
			// the unit of the density and the years of the window are the only other
			// numbers
			String figures = text.replace("pour 10\u202F000 habitants", "");
			for (String n : numbers(figures)) {
				boolean year = n.matches("20\\d\\d") && Integer.parseInt(n) > YEAR - 10 && Integer.parseInt(n) <= YEAR;
				assertThat(year || allowed.contains(n)).as(n + " in: " + text).isTrue();
			}
		}
	}

	@Test
	void theLargestChangesOnAConstantSampleAreQuotedAndAWithheldOneNever() {
		// given national changes on a constant sample from −8.8 (first indicator) to
		// +12.1 (last ratio), the change of
		// JOBS_FTE withheld by the rule Constant sample and GOV_MEETINGS confidential
		String changes = String.join("\n",
				new Findings(content.indicators(), data).constantSampleChanges("national", "FR"));
		// then the three largest rises and falls of the indicators that are not ratios,
		// in order
		assertThat(changes).contains("À champ constant (pôles ayant répondu en 2024 et en 2025), les plus fortes "
				+ "hausses : déchets évités ou valorisés (+8,8\u00A0%), ressources propres (ventes, cotisations, dons) "
				+ "(+7,7\u00A0%), subventions et financements publics (+6,6\u00A0%) ; les plus fortes baisses : "
				+ "structures membres du pôle (\u22128,8\u00A0%), structures de l’ESS (\u22127,7\u00A0%), entreprises "
				+ "hors ESS (\u22126,6\u00A0%).");
		// the ratios in points, each on its own
		assertThat(changes).contains("Part des structures de l’ESS parmi les membres : +9,9\u00A0pt à champ constant.");
		// the withheld change of JOBS_FTE (−2.2) is not quoted; neither is the
		// confidential GOV_MEETINGS (+3.3)
		assertThat(constantChange("JOBS_FTE")).isEqualTo(-2.2, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(changes).doesNotContain("emplois portés").doesNotContain("réunions");
	}

	@Test
	void theTrendsListTheIndicatorsInHausseAndInBaisseWithTheirPeriodAndGrowth() {
		String trends = new Findings(content.indicators(), data).trends("national", "FR");
		// the fixture: every national trend hausse (+3.1 % a year, the ratios +0.58) but
		// WASTE_AVOIDED stable, GOV_MEETINGS without direction, TURNOVER in baisse over
		// eight years
		assertThat(trends)
			.startsWith("Sur les dix dernières années (2016 à 2025, années publiées), le test de "
					+ "Mann-Kendall conclut à une tendance en hausse pour : structures membres du pôle "
					+ "(+3,1\u00A0% par an en moyenne), ")
			.contains(" ; en baisse pour : chiffre d’affaires des activités coopératives (de 2018 à 2025, "
					+ "\u22122,4\u00A0% par an en moyenne).")
			// a ratio's growth in % would read as points: its direction only
			.contains("part des structures de l’ESS parmi les membres, ")
			.doesNotContain("0,58")
			.doesNotContain("déchets")
			.doesNotContain("réunions");
		// the regions' trends are all stable: nothing to say
		assertThat(new Findings(content.indicators(), data).trends("region", "84")).isNull();
	}

	@Test
	void theRegionsWhoseJobsRiseOrFallOverTenYearsAreNamed() {
		assertThat(new RegionFindings(data, content.regionAreas()).jobsTrends())
			.isEqualTo("Sur dix ans (test de Mann-Kendall, années publiées), les emplois portés par les pôles sont "
					+ "en hausse dans les régions suivantes : Île-de-France, Bretagne et en baisse dans une région : "
					+ "Occitanie ; ailleurs, pas de tendance significative ou trop peu d’années publiées.");
	}

	@Test
	void theLargestRegionsComeWithTheirShareOfTheNationalTotal() {
		String largest = new RegionFindings(data, content.regionAreas()).largest();
		AggregateCell france = data.cell("JOBS_FTE", "national", "FR");
		AggregateCell first = content.regionAreas()
			.keySet()
			.stream()
			.map(r -> data.cell("JOBS_FTE", "region", r))
			.filter(c -> "F".equals(c.confStatus()))
			.max(java.util.Comparator.comparing(AggregateCell::total))
			.orElseThrow();
		assertThat(largest).startsWith("Les régions publiées qui comptent le plus d’emplois portés par les pôles : "
				+ PublicationContent.typographic(content.regionAreas().get(first.area())) + " ("
				+ FrenchFormat.amount(first.total(), "fte") + " ETP, soit "
				+ FrenchFormat.percent(first.total() / france.total() * 100) + " du total national), ");
		assertThat(largest).doesNotContain("Corse");
	}

	@Test
	void eachThemeAndNetworkHasItsLargestRiseAndFallAndTheLargestAreNamed() {
		List<String> groups = new GroupFindings(content.indicators(), data).all();
		assertThat(groups).hasSize(4);
		// a theme's changes are the national ones plus a tenth of its code's length:
		// WASTE_AVOIDED rises most, MEMBERS_TOTAL falls most; ratios are left out
		assertThat(groups.get(1))
			.startsWith("Par thématique, à champ constant : Alimentation : plus forte hausse, "
					+ "déchets évités ou valorisés (+10,0\u00A0%) ; plus forte baisse, structures membres du pôle "
					+ "(\u22127,6\u00A0%). ")
			.doesNotContain("Part des")
			.doesNotContain("part des");
		// the withheld national change of JOBS_FTE does not stop the themes' own
		assertThat(groups.get(3)).startsWith("Par réseau, à champ constant : ");
		// the tenth theme is confidential (A): named among those without a change, with
		// no figure, and never among the largest
		String secret = PublicationContent.THEMES.values().stream().skip(9).findFirst().orElseThrow();
		assertThat(groups.get(1)).endsWith("Aucune évolution publiable pour : " + secret + ".");
		assertThat(groups.get(0)).startsWith("Parmi les thématiques, celles qui réunissent le plus d’emplois : ")
			.doesNotContain(secret);
		assertThat(groups.get(2)).startsWith("Parmi les réseaux, ceux qui réunissent le plus d’emplois : ")
			.endsWith("leurs totaux ne s’additionnent pas.");
	}

	@Test
	void theRegionalFindingsSayTheShareOfFranceAndTheResponseByIndicator() {
		Findings findings = new Findings(content.indicators(), data);
		AggregateCell here = data.cell("JOBS_FTE", "region", "84");
		AggregateCell france = data.cell("JOBS_FTE", "national", "FR");
		assertThat(findings.shareOfFrance(PublicationFixture.GEO.region("84")))
			.startsWith("La région réunit " + FrenchFormat.percent(here.total() / france.total() * 100)
					+ " des emplois portés par les pôles et ")
			.endsWith(" de leurs structures membres en France.");
		assertThat(findings.shareOfFrance(PublicationFixture.GEO.region("94"))).isNull();
		assertThat(findings.responseByIndicator("national", "FR"))
			.startsWith("Chaque indicateur a ses propres répondants : parmi les indicateurs publiés, le taux de "
					+ "réponse va de ")
			.endsWith(" à 83,0\u00A0% (structures membres du pôle).");
		assertThat(String.join("\n", findings.regional(PublicationFixture.GEO.region("84"))))
			.contains("La région réunit ")
			.contains("Chaque indicateur a ses propres répondants");
	}

	@Test
	void theLevelsAreThePublishedTotals() {
		String members = PublicationContent.total(data.cell("MEMBERS_TOTAL", "national", "FR"),
				content.indicator("MEMBERS_TOTAL"));
		AggregateCell jobs = data.cell("JOBS_FTE", "national", "FR");
		assertThat(new Findings(content.indicators(), data).levels("national", "FR"))
			.startsWith("Les pôles répondants réunissent " + members + " structures membres, ")
			.contains(" emplois (ETP) dans les pôles et leurs projets et un chiffre d’affaires de ")
			.endsWith(" Un pôle répondant compte en moyenne "
					+ FrenchFormat.amount(data.cell("MEMBERS_TOTAL", "national", "FR").mean(), "count")
					+ " structures membres et " + FrenchFormat.amount(jobs.mean(), "fte") + " emplois (ETP).");
		// Corsica: nothing published, nothing said
		assertThat(new Findings(content.indicators(), data).levels("region", "94")).isNull();
	}

	@Test
	void theResponseIsQuotedFromTheCoreCell() {
		String response = new Findings(content.indicators(), data).response("national", "FR");
		assertThat(response).isEqualTo("En 2025, 342 des 412 pôles attendus ont transmis leurs données, soit un taux "
				+ "de réponse de 83,0\u00A0% (83,0\u00A0% en 2024). Ils étaient 342 à répondre en 2024. Les évolutions "
				+ "à champ constant portent sur les pôles ayant répondu les deux années ; celles des totaux, aussi sur "
				+ "les pôles entrés dans la collecte ou sortis.");
		// Corsica's counts stay in the tables but the findings quote no confidential cell
		assertThat(new Findings(content.indicators(), data).response("region", "94")).isNull();
	}

}
