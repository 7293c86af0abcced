package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Levels;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.MissingAggregatesException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the fixture's year once, then reads the files back as a reader would: the
 * PDFs as text with PDFBox, the workbook with POI, the aggregates with DuckDB (an
 * independent Parquet reader), and checks that they agree.
 */
class PublisherTest {

	static final int YEAR = PublicationFixture.YEAR;

	@TempDir
	static Path root;

	static DataDirectory dir;

	static Publisher.Result result;

	/**
	 * The national table as DuckDB reads it from the Parquet files, formatted in French:
	 * one row per indicator.
	 */
	static Map<String, List<String>> expectedNational = new HashMap<>();

	static PublicationContent content = new PublicationContent(PublicationFixture.CATALOGUE, PublicationFixture.GEO);

	@BeforeAll
	static void publish() throws Exception {
		dir = PublicationFixture.dataDirectory(root);
		Registry registry = PublicationFixture.registry();
		PublicationFixture.write(dir, registry);
		Publisher publisher = new Publisher(dir, PublicationFixture.CATALOGUE, PublicationFixture.GEO, registry,
				new Templates(Publisher.templateCache(dir)),
				Clock.fixed(Instant.parse("2026-04-02T10:00:00Z"), ZoneOffset.UTC));
		result = publisher.publish(YEAR, null);
		readExpectedNationalTable();
	}

	private static void readExpectedNationalTable() throws Exception {
		String aggregates = dir.partition("aggregates", YEAR).resolve("*.parquet").toString();
		String trends = dir.partition("trends", YEAR).resolve("*.parquet").toString();
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
				Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT a.indicator, a.total, a.median, a.yoy_pct, a.yoy_constant_pct, "
						+ "a.ma3, a.conf_status, t.cagr_pct, t.direction, a.n_respondents FROM read_parquet('"
						+ aggregates + "') a " + "LEFT JOIN read_parquet('" + trends
						+ "') t ON t.indicator = a.indicator "
						+ "AND t.level = a.level AND t.area = a.area WHERE a.level = 'national'")) {
			while (rs.next()) {
				String code = rs.getString(1);
				PublicationContent.Published p = content.indicator(code);
				String conf = rs.getString(7);
				List<String> row = new ArrayList<>();
				row.add(p.label());
				row.add(FrenchFormat.cell(conf, dbl(rs, 2), v -> FrenchFormat.amount(v, p.unit())));
				// section 4: no quantile below 10 respondents, and a withheld
				// constant-sample change, print s
				row.add(rs.getInt(10) < 10 ? "s"
						: FrenchFormat.cell(conf, dbl(rs, 3), v -> FrenchFormat.amount(v, p.unit())));
				// the change on a constant sample first (the headline change), the raw
				// change of the total beside it
				row.add(code.equals(PublicationFixture.WITHHELD_CONSTANT_SAMPLE) ? "s"
						: FrenchFormat.cell(conf, dbl(rs, 5), v -> FrenchFormat.change(v, p.ratio())));
				row.add(FrenchFormat.cell(conf, dbl(rs, 4), v -> FrenchFormat.change(v, p.ratio())));
				row.add(FrenchFormat.cell(conf, dbl(rs, 6), v -> FrenchFormat.amount(v, p.unit())));
				row.add(FrenchFormat.change(dbl(rs, 8), false));
				row.add(FrenchFormat.direction(rs.getString(9)));
				expectedNational.put(code, row);
			}
		}
		assertThat(expectedNational).hasSize(20);
	}

	private static Double dbl(ResultSet rs, int column) throws Exception {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	static String text(Path pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			return stripper.getText(doc);
		}
	}

	/** Spaces of any kind as one: PDF text extraction does not keep the kind of space. */
	static String flat(String text) {
		return text.replaceAll("[\\s\u00A0\u202F]+", " ");
	}

	@Test
	void writesEveryFileOfThePublication() {
		Path folder = dir.publications(YEAR);
		assertThat(result.folder()).isEqualTo(folder);
		assertThat(result.nationalPdf()).isEqualTo(folder.resolve("rapport-national-2025.pdf")).isRegularFile();
		for (var region : PublicationFixture.GEO.reportedRegions()) {
			assertThat(folder.resolve("rapport-regional-2025-" + region.code() + ".pdf")).isRegularFile();
		}
		assertThat(folder.resolve("tableaux-2025.xlsx")).isRegularFile();
		assertThat(folder.resolve("interne/suivi-collecte-2025.pdf")).isRegularFile();
		assertThat(folder.resolve("manifest.json")).isRegularFile();
		// nothing half-written left beside it
		assertThat(folder.getParent().toFile().list()).containsExactly("2025");
	}

	@Test
	void everyNationalTableCellEqualsTheAggregatesFormattedInFrench() throws Exception {
		String text = flat(text(result.nationalPdf()));
		for (Indicator i : PublicationFixture.CATALOGUE.indicators()) {
			List<String> row = expectedNational.get(i.code());
			// the figures of a row follow each other on the first line of the row, after
			// the label's first words
			String figures = flat(String.join(" ", row.subList(1, row.size())));
			assertThat(text).as(i.code()).contains(figures);
		}
		for (String ratio : List.of("ESS_SHARE", "PUBLIC_FUNDING_SHARE", "GOV_PARTICIPATION")) {
			List<String> row = expectedNational.get(ratio);
			assertThat(text).as(ratio).contains(flat(String.join(" ", row.subList(1, row.size()))));
		}
	}

	@Test
	void confidentialCellsPrintS() throws Exception {
		// given GOV_MEETINGS national is A in the fixture
		assertThat(expectedNational.get("GOV_MEETINGS").subList(1, 6)).containsOnly("s");
		String text = flat(text(result.nationalPdf()));
		// the label may wrap in its column: its last word is then read after the row's
		// figures
		assertThat(text).containsPattern("Réunions des instances de (gouvernance )?s s s s s");
		// Corsica is A at region level: every figure of its row is s, its counts stay
		assertThat(text).containsPattern("Corse 28 23 82,1 % s s s s");
		assertThat(text).contains("s : secret statistique");
	}

	@Test
	void figuresWithheldBySectionFourPrintS() throws Exception {
		// given the fixture's national JOBS_FTE change on a constant sample withheld
		// (staff-only withheld_figures)
		List<String> jobs = expectedNational.get(PublicationFixture.WITHHELD_CONSTANT_SAMPLE);
		assertThat(jobs.get(3)).isEqualTo("s");
		assertThat(jobs.get(1)).isNotEqualTo("s");
		// then the national table prints s there, and the annex states the rules
		String text = flat(text(result.nationalPdf()));
		assertThat(text).contains(flat(String.join(" ", jobs.subList(1, 6))));
		assertThat(text).contains("Médianes et quartiles")
			.contains("Évolution à champ constant.")
			.contains("Contrôle par programmation linéaire")
			.contains("10 répondants");
		// and the internal follow-up has the audit, which no public document names
		assertThat(flat(text(dir.publications(YEAR).resolve("interne/suivi-collecte-2025.pdf"))))
			.contains("Contrôle du secret statistique 2025")
			.contains("JOBS_FTE 40 40 1 1 1");
		assertThat(text).doesNotContain("Contrôle du secret statistique 2025");
	}

	@Test
	void theWorkbookHoldsTheFiguresAsNumbers() throws Exception {
		// the workbook's content is checked cell by cell in XlsxTablesTest; here, that
		// the publication has it
		try (InputStream in = Files.newInputStream(dir.publications(YEAR).resolve("tableaux-2025.xlsx"));
				XSSFWorkbook book = new XSSFWorkbook(in)) {
			assertThat(book.getProperties().getCoreProperties().getCreated().toInstant())
				.isEqualTo(Instant.parse("2026-03-31T23:59:59Z"));
			assertThat(book.getSheetName(0)).isEqualTo("Lisez-moi");
			assertThat(book.getSheet("donnees")).isNotNull();
			Sheet france = book.getSheet("France");
			Row members = france.getRow(2);
			assertThat(members.getCell(2).getStringCellValue()).isEqualTo("MEMBERS_TOTAL");
			// the total, a number that reads as the PDF prints it
			assertThat(members.getCell(9).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
			assertThat(flat(new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.FRANCE)
				.formatCellValue(members.getCell(9)))).isEqualTo(flat(expectedNational.get("MEMBERS_TOTAL").get(1)));
		}
	}

	@Test
	void keyFiguresComeFromTheNationalCellsAndTrends() throws Exception {
		String text = flat(text(result.nationalPdf()));
		List<String> members = expectedNational.get("MEMBERS_TOTAL");
		// value, response rate, change on a constant sample, raw change of the total,
		// direction over ten years
		// (the label may wrap in its column: its last word is then read after the row's
		// figures)
		assertThat(text).containsPattern(Pattern.quote("Structures membres du") + "( pôle)? " + Pattern
			.quote(flat(members.get(1) + " 83,0 % " + members.get(3) + " " + members.get(4) + " " + members.get(7))));
		assertThat(text).contains("Pôles attendus 412").contains("Pôles répondants 342").contains("83,0 %");
		// each change says what it is (the headers wrap in the PDF: the table's model has
		// them whole), and the
		// note under the table says how they differ
		Section keyFigures = content.keyFigures(PublicationData.load(dir, YEAR), Levels.NATIONAL,
				GeoReferential.FRANCE);
		assertThat(keyFigures.headers().subList(2, 5)).containsExactly("Taux de réponse", "Évolution à champ constant",
				"Évolution brute du total");
		assertThat(text).contains("Évolution à champ constant : sur les seuls pôles répondants les deux années ; "
				+ "évolution brute : des totaux, qui varient aussi avec le nombre de répondants.");
		// 83 % of the poles responded: the year is final
		assertThat(text).doesNotContain("Résultats provisoires");
	}

	@Test
	void fontsAreEmbeddedAndTheDocumentIsTaggedInFrench() throws Exception {
		try (PDDocument doc = Loader.loadPDF(result.nationalPdf().toFile())) {
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : doc.getPages()) {
				collectFonts(page.getResources(), fonts);
			}
			assertThat(fonts).isNotEmpty();
			assertThat(fonts).allSatisfy(f -> {
				assertThat(f.isEmbedded()).as(f.getName()).isTrue();
				assertThat(f.getName()).contains("DejaVu");
			});
			assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("fr-FR");
			List<String> types = new ArrayList<>();
			collectTypes(doc.getDocumentCatalog().getStructureTreeRoot(), types);
			assertThat(types).contains("H1", "H2", "Table", "TR", "TH", "TD", "Image");
			// charts carry their values in words for readers who do not see them
			String members = expectedNational.get("MEMBERS_TOTAL").get(1).replace('\u202F', ' ');
			assertThat(types).anySatisfy(t -> assertThat(t).startsWith("Alt:Courbe : Structures membres du pôle")
				.endsWith("2025 : " + members + "."));
			assertThat(types).anySatisfy(
					t -> assertThat(t).startsWith("Alt:Diagramme en barres : Emplois pour 10 000 habitants par région")
						.contains("Corse : s : non publié"));
			// and the map every region's value, the secret ones said so
			assertThat(types).anySatisfy(t -> assertThat(t).startsWith("Alt:Carte des 18 régions")
				.contains("Île-de-France : 102,9")
				.contains("Corse : secret statistique"));
			assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Les PTCE en France en 2025");
			assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("Observatoire national des PTCE");
			// the dates of the as-of instant, so that reruns are comparable
			assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
				.isEqualTo(Instant.parse("2026-03-31T23:59:59Z"));
		}
	}

	private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
		if (resources == null) {
			return;
		}
		for (COSName name : resources.getFontNames()) {
			fonts.add(resources.getFont(name));
		}
		for (COSName name : resources.getXObjectNames()) {
			PDXObject x = resources.getXObject(name);
			if (x instanceof PDFormXObject form) {
				collectFonts(form.getResources(), fonts);
			}
		}
	}

	static void collectTypes(PDStructureNode node, List<String> types) {
		for (Object kid : node.getKids()) {
			if (kid instanceof PDStructureElement e) {
				types.add(e.getStructureType());
				if (e.getAlternateDescription() != null) {
					types.add("Alt:" + e.getAlternateDescription());
				}
				collectTypes(e, types);
			}
		}
	}

	@Test
	void accentsAndSymbolsSurviveTheRoundTrip() throws Exception {
		String raw = text(result.nationalPdf());
		assertThat(raw).contains("€").contains("’").contains("▲").contains("Économie circulaire").contains("Côte d");
		// the as-of instant in Paris time: 23:59 UTC on 31 March is 1:59 on the first of
		// April
		assertThat(flat(raw)).contains("1\u1D49\u02B3 avril 2026 à 1 h 59");
		// the thousands separator is the narrow no-break space (or a space after
		// extraction), never a comma
		assertThat(raw).doesNotContain("6,135").doesNotContain("6.135");
	}

	@Test
	void regionalEditionsShowTheirDepartments() throws Exception {
		String text = flat(text(dir.publications(YEAR).resolve("rapport-regional-2025-84.pdf")));
		assertThat(text).contains("Les PTCE en Auvergne-Rhône-Alpes en 2025")
			.contains("Ain (01)")
			.contains("Les départements")
			.contains("Annexe méthodologique");
		// the second department of each region is D in the fixture
		assertThat(text).contains("Allier (03) 5 4 80,0 % s s s s");
	}

	@Test
	void theCollectionFollowUpListsLatePolesWithTheirLastSubmission() throws Exception {
		// pole codes are printed with non-breaking hyphens (never split across lines):
		// read back as hyphens
		String text = flat(text(dir.publications(YEAR).resolve("interne/suivi-collecte-2025.pdf"))).replace('\u2011',
				'-');
		// PTCE-0101 sent all 17; PTCE-0106 closed in 2020 is not expected
		assertThat(text).doesNotContain("PTCE-0101").doesNotContain("PTCE-0106");
		// PTCE-0102: three indicators by the as-of instant (the fourth came after it)
		// a pole's name may wrap in its column: its code is then read after the row's
		// figures
		assertThat(text).containsPattern(
				"\\(PTCE-0102\\) 01 partielle 3 / 17 5 mars 2026|01 partielle 3 / 17 5 mars 2026 " + "\\(PTCE-0102\\)");
		// PTCE-0103: only a missing value, still a submission
		assertThat(text)
			.containsPattern("\\(PTCE-0103\\) 04 aucune donnée 0 / 17 10 février 2026|04 aucune donnée 0 / 17 "
					+ "10 février 2026 \\(PTCE-0103\\)");
		assertThat(text).contains("(PTCE-0104) 44 aucune donnée 0 / 17 nd");
		// PTCE-0105 sent nothing for 2025, but a file for 2024: its day in Paris, not in
		// UTC nor the generation's
		assertThat(text)
			.containsPattern("\\(PTCE-0105\\) 2A aucune donnée 0 / 17 15 novembre 2025|2A aucune donnée 0 / 17 "
					+ "15 novembre 2025 \\(PTCE-0105\\)");
		assertThat(text).contains("Dernier envoi : jour d’envoi du dernier fichier accepté");
		assertThat(text).contains("ne doit pas être diffusé").doesNotContain("Données fictives");
	}

	@Test
	void theManifestListsEveryPublicFileWithItsHashAndSize() throws Exception {
		Path folder = dir.publications(YEAR);
		JsonNode manifest = readManifest(folder);
		assertThat(manifest.get("audience").asString()).isEqualTo("public");
		List<String> listed = checkFiles(folder, manifest);
		// every file of the folder but the internal ones, which the public manifest does
		// not even name
		try (Stream<Path> files = Files.walk(folder)) {
			assertThat(listed).contains("tableaux-2025.xlsx", "rapport-national-2025.pdf")
				.containsExactlyInAnyOrderElementsOf(files.filter(Files::isRegularFile)
					.map(p -> folder.relativize(p).toString())
					.filter(n -> !n.equals("manifest.json") && !n.startsWith("interne/"))
					.toList());
		}
		assertThat(Files.readString(folder.resolve("manifest.json"))).doesNotContain("interne")
			.doesNotContain("suivi-collecte");
	}

	@Test
	void theInternalFollowUpHasAManifestOfItsOwn() throws Exception {
		Path internal = dir.publications(YEAR).resolve("interne");
		JsonNode manifest = readManifest(internal);
		assertThat(manifest.get("audience").asString()).isEqualTo("interne");
		assertThat(manifest.get("year").asInt()).isEqualTo(YEAR);
		assertThat(checkFiles(internal, manifest)).containsExactly("suivi-collecte-2025.pdf");
	}

	private static JsonNode readManifest(Path folder) throws Exception {
		JsonNode manifest = JsonMapper.builder().build().readTree(folder.resolve("manifest.json").toFile());
		assertThat(manifest.get("as_of").asString()).isEqualTo("2026-03-31T23:59:59.999999Z");
		assertThat(manifest.get("registry_sha256").asString()).isEqualTo(PublicationFixture.registry().sha256());
		assertThat(manifest.get("catalogue_sha256").asString()).isEqualTo(PublicationFixture.CATALOGUE.sha256());
		assertThat(manifest.get("software_version").asString()).isNotBlank();
		assertThat(manifest.get("generated_at").asString()).isEqualTo("2026-04-02T10:00:00Z");
		return manifest;
	}

	/** Each file of the manifest has the size and SHA-256 it says; the paths listed. */
	private static List<String> checkFiles(Path folder, JsonNode manifest) throws Exception {
		List<String> listed = new ArrayList<>();
		for (JsonNode f : manifest.get("files")) {
			Path file = folder.resolve(f.get("path").asString());
			listed.add(f.get("path").asString());
			byte[] bytes = Files.readAllBytes(file);
			assertThat(f.get("size").asLong()).isEqualTo(bytes.length);
			assertThat(f.get("sha256").asString())
				.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		}
		return listed;
	}

	@Test
	void withTheBundledSampleRegistryEveryPageSaysTheFiguresAreFictionalAndAnOldPublicationIsReplaced(
			@TempDir Path sampleRoot) throws Exception {
		// given the bundled registry, whose single pole makes every cell confidential,
		// and an older publication
		DataDirectory sample = PublicationFixture.dataDirectory(sampleRoot);
		Registry bundled = Registry.bundled(PublicationFixture.GEO);
		PublicationFixture.write(sample, bundled, true);
		Files.createDirectories(sample.publications(YEAR));
		Files.writeString(sample.publications(YEAR).resolve("old.txt"), "an older run");
		// and the hidden work folder of a run that was killed
		Files.createDirectories(sample.publications(YEAR).resolveSibling(".2025.tmp-killed"));
		Publisher publisher = new Publisher(sample, PublicationFixture.CATALOGUE, PublicationFixture.GEO, bundled,
				new Templates(Publisher.templateCache(dir)), Clock.systemUTC());
		// when published
		Publisher.Result published = publisher.publish(YEAR, null);
		// then every page of every document carries the notice
		for (Path pdf : List.of(published.nationalPdf(), published.folder().resolve("rapport-regional-2025-11.pdf"),
				published.folder().resolve("interne/suivi-collecte-2025.pdf"))) {
			try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
				PDFTextStripper stripper = new PDFTextStripper();
				for (int page = 1; page <= doc.getNumberOfPages(); page++) {
					stripper.setStartPage(page);
					stripper.setEndPage(page);
					assertThat(flat(stripper.getText(doc))).as(pdf.getFileName() + " page " + page)
						.contains("Données fictives");
				}
			}
		}
		// and with every figure confidential, the tables print s and the charts have
		// nothing to draw
		// (the label may wrap in its column: its last word is then read after the row's
		// figures)
		assertThat(flat(text(published.nationalPdf()))).containsPattern("Structures membres du (pôle )?s s s s s")
			.contains("Pôles attendus 1");
		// and the old publication is gone, whole, with nothing hidden left behind
		assertThat(published.folder().resolve("old.txt")).doesNotExist();
		assertThat(sample.publications(YEAR).getParent().toFile().list()).containsExactly("2025");
	}

	@Test
	void theSameInputsAndAsOfGiveTheSameDocuments(@TempDir Path otherRoot) throws Exception {
		// given the same warehouse in another data directory, published on another day
		DataDirectory other = PublicationFixture.dataDirectory(otherRoot);
		Registry registry = PublicationFixture.registry();
		PublicationFixture.write(other, registry);
		Publisher publisher = new Publisher(other, PublicationFixture.CATALOGUE, PublicationFixture.GEO, registry,
				new Templates(Publisher.templateCache(dir)),
				Clock.fixed(Instant.parse("2026-04-02T10:00:00Z"), ZoneOffset.UTC));
		Publisher.Result again = publisher.publish(YEAR, null);
		// then the text of every document is the same, and so are the PDF's dates
		for (String name : List.of("rapport-national-2025.pdf", "rapport-regional-2025-84.pdf",
				"interne/suivi-collecte-2025.pdf")) {
			assertThat(text(again.folder().resolve(name))).as(name).isEqualTo(text(result.folder().resolve(name)));
		}
		try (PDDocument a = Loader.loadPDF(again.nationalPdf().toFile());
				PDDocument b = Loader.loadPDF(result.nationalPdf().toFile())) {
			assertThat(a.getDocumentInformation().getCreationDate())
				.isEqualTo(b.getDocumentInformation().getCreationDate());
		}
	}

	@Test
	void aYearWithoutAggregatesSaysToRunAggregateFirst() {
		Publisher publisher = new Publisher(dir, PublicationFixture.CATALOGUE, PublicationFixture.GEO,
				PublicationFixture.registry(), new Templates(null), Clock.systemUTC());
		assertThatThrownBy(() -> publisher.publish(2031, null)).isInstanceOf(MissingAggregatesException.class)
			.hasMessage("no aggregates for 2031: run 'aggregate --year 2031' first, then 'report --year 2031'");
		assertThat(dir.publications(2031)).doesNotExist();
	}

	@Test
	void anAsOfOtherThanTheAggregatesOneIsRefused() {
		Publisher publisher = new Publisher(dir, PublicationFixture.CATALOGUE, PublicationFixture.GEO,
				PublicationFixture.registry(), new Templates(null), Clock.systemUTC());
		assertThatThrownBy(() -> publisher.publish(YEAR, Instant.parse("2026-01-31T00:00:00Z")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("computed as of 2026-03-31T23:59:59.999999Z")
			.hasMessageContaining("aggregate --year 2025 --as-of 2026-01-31T00:00:00Z");
	}

}
