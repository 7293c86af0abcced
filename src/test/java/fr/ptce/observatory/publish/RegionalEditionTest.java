package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.warehouse.DataDirectory;

/**
 * Regional editions rendered from the fixture's warehouse and read back as text with
 * PDFBox: the comparison with France checked against the aggregates read by DuckDB, and
 * the short edition of a region whose figures are all secret (Corsica in the fixture),
 * with no empty chart.
 */
class RegionalEditionTest {

	@TempDir
	static Path root;

	static DataDirectory dir;

	static PublicationData data;

	static PublicationContent content = new PublicationContent(PublicationFixture.CATALOGUE, PublicationFixture.GEO);

	static RegionalEdition editions = new RegionalEdition(content, PublicationFixture.GEO);

	@BeforeAll
	static void write() {
		dir = PublicationFixture.dataDirectoryWithFixture(root);
		data = PublicationData.load(dir, PublicationFixture.YEAR);
	}

	static Path render(String region) {
		GeoReferential.Region r = PublicationFixture.GEO.region(region);
		Edition edition = content.regional(data, r,
				new PublicationContent.Provenance(PublicationFixture.AS_OF, "c", "r", "test"), false);
		Path pdf = root.resolve(edition.fileName());
		new PdfRenderer(new Templates(root.resolve("cache"))).render(edition, "2 avril 2026",
				Instant.parse("2026-03-31T23:59:59Z"), "test", pdf);
		return pdf;
	}

	static List<String> structure(Path pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			List<String> types = new ArrayList<>();
			PublisherTest.collectTypes(doc.getDocumentCatalog().getStructureTreeRoot(), types);
			return types;
		}
	}

	@Test
	void aRegionIsMostlySecretWhenFewerThanHalfOfItsCellsArePublished() {
		// Corsica is A for every indicator in the fixture; Auvergne-Rhône-Alpes has every
		// cell published
		assertThat(editions.mostlySecret(data, "94")).isTrue();
		assertThat(editions.mostlySecret(data, "84")).isFalse();
	}

	@Test
	void aMostlySecretRegionGetsAShortEditionThatSaysSoWithNoEmptyChart() throws Exception {
		Path pdf = render("94");
		String text = PublisherTest.flat(PublisherTest.text(pdf));
		assertThat(text).contains("Corse : la plupart des chiffres de 2025 sont couverts par le secret statistique")
			.contains("Aucun indicateur de la région n’est publiable pour 2025.")
			.contains("donc pas de courbe, pour : Structures membres du pôle")
			.contains("annexe méthodologique du rapport national")
			.doesNotContain("Annexe méthodologique Des déclarations");
		// what can be shown: the collection (counts of a confidential cell stay,
		// methodology section 4) and France
		assertThat(text).contains("Structures membres du pôle 28 23 82,1 %");
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			assertThat(doc.getNumberOfPages()).isLessThanOrEqualTo(4);
		}
		// no chart at all: every series of the region is secret
		assertThat(structure(pdf)).noneMatch(t -> t.startsWith("Alt:Courbe") || t.startsWith("Alt:Diagramme"));
	}

	@Test
	void aRegionalEditionComparesTheRegionWithFrance() throws Exception {
		Path pdf = render("84");
		String text = PublisherTest.flat(PublisherTest.text(pdf));
		// the share and rank of MEMBERS_TOTAL as DuckDB reads them from the Parquet files
		String files = dir.root().resolve("warehouse/aggregates/year=2025/*.parquet").toString();
		double region;
		double france;
		int above;
		int published;
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
				Statement st = db.createStatement();
				ResultSet rs = st
					.executeQuery("SELECT " + "max(total) FILTER (WHERE level = 'region' AND area = '84'), "
							+ "max(total) FILTER (WHERE level = 'national'), "
							+ "count(*) FILTER (WHERE level = 'region' AND total > (SELECT total FROM read_parquet('"
							+ files + "') WHERE indicator = 'MEMBERS_TOTAL' AND level = 'region' AND area = '84')), "
							+ "count(*) FILTER (WHERE level = 'region' AND conf_status = 'F') " + "FROM read_parquet('"
							+ files + "') WHERE indicator = 'MEMBERS_TOTAL'")) {
			rs.next();
			region = rs.getDouble(1);
			france = rs.getDouble(2);
			above = rs.getInt(3);
			published = rs.getInt(4);
		}
		String rank = (above + 1 == 1 ? FrenchFormat.FIRST : (above + 1) + "e") + " sur " + published;
		assertThat(text)
			.contains(PublisherTest.flat("Structures membres du pôle " + FrenchFormat.number(region, 0) + " "
					+ FrenchFormat.number(france, 0) + " " + FrenchFormat.percent(region / france * 100) + " " + rank));
		assertThat(text).contains("La région et la France");
		// the density of jobs against the national one, as DuckDB reads them
		double[] density = new double[2];
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
				Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT max(density) FILTER (WHERE level = 'region' AND area = '84' "
						+ "AND conf_status = 'F'), max(density) FILTER (WHERE level = 'national') FROM read_parquet('"
						+ files + "') WHERE indicator = 'JOBS_FTE'")) {
			rs.next();
			density[0] = rs.getDouble(1);
			density[1] = rs.getDouble(2);
			assertThat(rs.wasNull()).isFalse();
		}
		assertThat(density[0]).isPositive();
		assertThat(text).contains(PublisherTest.flat("Emplois (ETP) pour 10 000 habitants "
				+ FrenchFormat.number(density[0], 1) + " " + FrenchFormat.number(density[1], 1)));
		// the changes say what they are, and the findings read them on a constant sample
		assertThat(text).contains("Évolution à champ constant : sur les seuls pôles répondants les deux années")
			.contains("À champ constant (pôles ayant répondu en 2024 et en 2025)")
			.contains("Annexe méthodologique");
		// the charts of a region whose series are published are drawn
		assertThat(structure(pdf)).anyMatch(t -> t.startsWith("Alt:Courbe : Structures membres du pôle"));
	}

}
