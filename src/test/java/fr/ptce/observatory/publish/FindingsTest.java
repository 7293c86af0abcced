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
			Double constant = c.level().equals("national") ? constantChange(c.indicator()) : c.yoyConstantPct();
			Double density = c.density();
			if (c.level().equals("region") && density != null) {
				// from 2.0 to 7.5 jobs per 10,000 inhabitants against France's 4.5, by
				// region code
				density = 2.0 + (Integer.parseInt(c.area()) % 12) * 0.5;
			}
			return new AggregateCell(c.indicator(), c.level(), c.area(), c.nExpected(), c.nRespondents(), c.nImputed(),
					c.responseRate(), c.total(), c.mean(), c.median(), c.p25(), c.p75(), density, c.yoyPct(), constant,
					c.ma3(), c.confStatus());
		});
		data = PublicationData.load(dir, YEAR);
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
		Set<String> allowed = new HashSet<>();
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
				Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT indicator, n_expected, n_respondents, response_rate, total, "
						+ "density, yoy_pct, yoy_constant_pct FROM read_parquet('" + files + "', hive_partitioning = "
						+ "true) WHERE conf_status = 'F' AND level IN ('national', 'region') AND year >= "
						+ (YEAR - 1))) {
			while (rs.next()) {
				PublicationContent.Published p = content.indicator(rs.getString(1));
				List<String> printed = new ArrayList<>(List.of(FrenchFormat.number((double) rs.getInt(2), 0),
						FrenchFormat.number((double) rs.getInt(3), 0), FrenchFormat.rate(value(rs, 4)),
						FrenchFormat.amount(value(rs, 5), p.unit()), FrenchFormat.number(value(rs, 6), 1),
						FrenchFormat.change(value(rs, 7), p.ratio()), FrenchFormat.change(value(rs, 8), p.ratio())));
				printed.forEach(f -> allowed.addAll(numbers(f)));
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
	void theTrendsListTheIndicatorsInHausseAndInBaisse() {
		String trends = new Findings(content.indicators(), data).trends("national", "FR");
		// the fixture: every national trend hausse but WASTE_AVOIDED stable and
		// GOV_MEETINGS without direction
		assertThat(trends)
			.startsWith("Sur les dix dernières années (2016 à 2025, années publiées), le test de "
					+ "Mann-Kendall conclut à une tendance en hausse pour : structures membres du pôle, ")
			.doesNotContain("déchets")
			.doesNotContain("réunions")
			.doesNotContain("en baisse");
		// the regions' trends are all stable: nothing to say
		assertThat(new Findings(content.indicators(), data).trends("region", "84")).isNull();
	}

	@Test
	void theRegionsAreAboveOrBelowTheNationalDensityAndASecretOneIsNotNamed() {
		String density = new Findings(content.indicators(), data).regionsAgainstNationalDensity(content.regionAreas());
		assertThat(density).startsWith("Les pôles portent 4,5 emplois (ETP) pour 10\u202F000 habitants en France. "
				+ "Au-dessus de ce niveau : Île-de-France (7,5), Provence-Alpes-Côte d\u2019Azur (6,5), ");
		// 84 % 12 = 0 → 2.0; 53 % 12 = 5 → 4.5 (France's level); 11 % 12 = 11 → 7.5
		assertThat(density).contains("Île-de-France (7,5)")
			.contains("Au même niveau : Bretagne (4,5).")
			.contains("Auvergne-Rhône-Alpes (2,0)")
			.endsWith("La densité des autres régions n’est pas publiable " + "(secret statistique).");
		// Corsica is A in the fixture: never named with a figure
		assertThat(String.join("\n", national())).doesNotContain("Corse");
		assertThat(new Findings(content.indicators(), data).densityAgainstFrance(PublicationFixture.GEO.region("84")))
			.isEqualTo("Avec 2,0 emplois (ETP) pour 10\u202F000 habitants, la région se situe en dessous de la France "
					+ "(4,5).");
		assertThat(new Findings(content.indicators(), data).densityAgainstFrance(PublicationFixture.GEO.region("94")))
			.isNull();
	}

	@Test
	void theLevelsAreThePublishedTotals() {
		String members = PublicationContent.total(data.cell("MEMBERS_TOTAL", "national", "FR"),
				content.indicator("MEMBERS_TOTAL"));
		assertThat(new Findings(content.indicators(), data).levels("national", "FR"))
			.startsWith("Les pôles répondants réunissent " + members + " structures membres, ")
			.contains(" emplois (ETP) dans les pôles et leurs projets et un chiffre d’affaires de ");
		// Corsica: nothing published, nothing said
		assertThat(new Findings(content.indicators(), data).levels("region", "94")).isNull();
	}

	@Test
	void theResponseIsQuotedFromTheCoreCell() {
		String response = new Findings(content.indicators(), data).response("national", "FR");
		assertThat(response).isEqualTo("En 2025, 342 des 412 pôles attendus ont transmis leurs données, soit un taux "
				+ "de réponse de 83,0\u00A0% (83,0\u00A0% en 2024).");
		// Corsica's counts stay in the tables but the findings quote no confidential cell
		assertThat(new Findings(content.indicators(), data).response("region", "94")).isNull();
	}

}
