package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.DataDirectory;

/**
 * The rules of a provisional year and of breaks in response, on the fixture's warehouse
 * with the response changed (read back from Parquet), and the national report rendered
 * and read back as text.
 */
class ResponseQualityTest {

	static final int YEAR = PublicationFixture.YEAR;

	/**
	 * The fixture with, in the years given, every cell's response rate set to the rate
	 * given.
	 */
	static PublicationData withResponse(Path root, double rate, int... years) {
		DataDirectory dir = PublicationFixture.dataDirectory(root);
		PublicationFixture.write(dir, PublicationFixture.registry(), (y, c) -> {
			for (int year : years) {
				if (year == y) {
					int respondents = (int) Math.round(c.nExpected() * rate);
					return new AggregateCell(c.indicator(), c.level(), c.area(), c.nExpected(), respondents,
							c.nImputed(), (double) respondents / c.nExpected(), c.total(), c.mean(), c.median(),
							c.p25(), c.p75(), c.density(), c.yoyPct(), c.yoyConstantPct(), c.ma3(), c.confStatus());
				}
			}
			return c;
		});
		return PublicationData.load(dir, YEAR);
	}

	@Test
	void aYearIsProvisionalBelowEightyPercentOfNationalResponse(@TempDir Path low, @TempDir Path usual) {
		// 412 expected, 313 respondents: 76.0 %
		PublicationData provisional = withResponse(low, 0.76, YEAR);
		assertThat(ResponseQuality.provisional(provisional)).isTrue();
		assertThat(ResponseQuality.provisionalMark(provisional)).isEqualTo(
				"Résultats provisoires : 76,0\u00A0% des pôles attendus ont répondu en 2025 (moins de 80\u00A0%)");
		// the findings say it; 7 points less than 2024 is no break
		String response = new Findings(
				new PublicationContent(PublicationFixture.CATALOGUE, PublicationFixture.GEO).indicators(), provisional)
			.response("national", "FR");
		assertThat(response).contains("313 des 412 pôles attendus")
			.contains("(83,0\u00A0% en 2024)")
			.doesNotContain("recul")
			.endsWith("les résultats de 2025 sont provisoires.");
		// the fixture's 83.0 %: final
		PublicationData fin = PublicationData.load(PublicationFixture.dataDirectoryWithFixture(usual), YEAR);
		assertThat(ResponseQuality.provisional(fin)).isFalse();
		assertThat(ResponseQuality.provisionalMark(fin)).isNull();
	}

	@Test
	void aFallOfMoreThanTenPointsIsABreakAndTenIsNot(@TempDir Path a, @TempDir Path b) {
		// 83.0 % every year, 70.9 % in 2025 (292 of 412): 12.1 points less
		PublicationData fell = withResponse(a, 0.71, YEAR);
		assertThat(ResponseQuality.breaks(fell, "JOBS_FTE", "national", "FR")).extracting(ResponseQuality.Break::year)
			.containsExactly(YEAR);
		// 73.1 % (301 of 412): 9.9 points less, no break; and the year after a low year
		// is no break either
		PublicationData slight = withResponse(b, 0.73, YEAR - 3);
		assertThat(ResponseQuality.breaks(slight, "JOBS_FTE", "national", "FR")).isEmpty();
		assertThat(ResponseQuality.breakNote(ResponseQuality.breaks(fell, "JOBS_FTE", "national", "FR")))
			.isEqualTo("2025* : rupture de réponse (83,0\u00A0% de répondants en 2024, 71,1\u00A0% en 2025), total non "
					+ "comparable à l’année précédente");
	}

	@Test
	void theProvisionalMarkIsOnTheCoverAndEveryPageAndTheBreakOnTheCharts(@TempDir Path root) throws Exception {
		PublicationData data = withResponse(root, 0.70, YEAR);
		PublicationContent content = new PublicationContent(PublicationFixture.CATALOGUE, PublicationFixture.GEO);
		// 13.1 points less than 2024: the findings say the totals do not compare, and how
		// to read the changes
		assertThat(new Findings(content.indicators(), data).response("national", "FR"))
			.contains("Après ce recul de la réponse, les totaux ne se comparent pas à ceux de 2024 (structures membres "
					+ ": +3,1\u00A0% en évolution brute) : les évolutions sont donc lues à champ constant");
		Edition national = content.national(data,
				new PublicationContent.Provenance(PublicationFixture.AS_OF, "c", "r", "test"), false);
		Path pdf = root.resolve("national.pdf");
		new PdfRenderer(new Templates(root.resolve("cache"))).render(national, "2 avril 2026",
				Instant.parse("2026-03-31T23:59:59Z"), "test", pdf);
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			PDFTextStripper stripper = new PDFTextStripper();
			for (int page = 1; page <= doc.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				assertThat(PublisherTest.flat(stripper.getText(doc))).as("page " + page)
					.contains("Résultats provisoires : 69,9 % des pôles attendus ont répondu en 2025");
			}
		}
		// on every page but the cover, the mark is the page header: an artifact, not
		// content of the structure; the document stays PDF/UA
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			for (int i = 1; i < doc.getNumberOfPages(); i++) {
				PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
				extractor.processPage(doc.getPage(i));
				int artifacts = 0;
				for (PDMarkedContent mc : extractor.getMarkedContents()) {
					boolean mark = mc.getContents()
						.stream()
						.filter(o -> o instanceof TextPosition)
						.map(o -> ((TextPosition) o).getUnicode())
						.reduce("", String::concat)
						.startsWith("Résultats provisoires");
					assertThat(!mark || "Artifact".equals(mc.getTag())).as("page " + (i + 1)).isTrue();
					artifacts += mark ? 1 : 0;
				}
				assertThat(artifacts).as("page " + (i + 1)).isOne();
			}
		}
		assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
		// the charts, drawn as shapes, say the break in their subtitle and their
		// alternative text marks the year
		Section members = national.sections()
			.stream()
			.filter(s -> "line".equals(s.kind()) && s.heading().equals("Structures membres du pôle"))
			.findFirst()
			.orElseThrow();
		assertThat(members.note())
			.isEqualTo("2025* : rupture de réponse (83,0\u00A0% de répondants en 2024, 69,9\u00A0% en 2025), total "
					+ "non comparable à l’année précédente");
		assertThat(members.points()).extracting(Section.Point::category).endsWith("2024", "2025*");
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			List<String> types = new ArrayList<>();
			PublisherTest.collectTypes(doc.getDocumentCatalog().getStructureTreeRoot(), types);
			assertThat(types).anySatisfy(t -> assertThat(t).startsWith("Alt:Courbe : Structures membres du pôle")
				.contains("; 2025* : 6 135"));
		}
	}

}
