package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import net.sf.jasperreports.engine.JRStyle;
import net.sf.jasperreports.engine.JasperReport;

import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;

/**
 * The PDFs of a publication as documents. Every PDF (national report, the 18 regional
 * editions, the internal follow-up) validated by veraPDF against PDF/UA-1 (accessibility)
 * and PDF/A-2a (archiving): zero failed checks. Then read back with PDFBox as a reader
 * finds them: table of contents and bookmarks, numbered tables and figures with their
 * source and scope, headings never last on a page, margins, French wording of places and
 * dates, provenance only in the colophon.
 */
class PublicationDocumentTest {

	@TempDir
	static Path root;

	static List<Path> pdfs;

	static Path folder;

	@BeforeAll
	static void publish() throws Exception {
		DataDirectory dir = PublicationFixture.dataDirectory(root);
		Registry registry = PublicationFixture.registry();
		PublicationFixture.write(dir, registry);
		Publisher publisher = new Publisher(dir, PublicationFixture.CATALOGUE, PublicationFixture.GEO, registry,
				new Templates(Publisher.templateCache(dir)),
				Clock.fixed(Instant.parse("2026-04-02T10:00:00Z"), ZoneOffset.UTC));
		Publisher.Result result = publisher.publish(PublicationFixture.YEAR, null);
		folder = result.folder();
		try (Stream<Path> walk = Files.walk(result.folder())) {
			pdfs = walk.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
		}
		String keep = System.getProperty("observatory.keep-pdfs");
		if (keep != null) {
			for (Path p : pdfs) {
				Path t = Path.of(keep).resolve(result.folder().relativize(p));
				Files.createDirectories(t.getParent());
				Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	@Test
	void everyPdfCompliesWithPdfUa1() throws Exception {
		for (Path pdf : pdfs) {
			assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1)).as("PDF/UA-1 " + pdf.getFileName()).isEmpty();
		}
	}

	@Test
	void oneDocumentAtTheRootAndHeadingsHoldTheirTextDirectly() throws Exception {
		for (Path pdf : pdfs) {
			try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
				PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
				assertThat(root.getKids()).as(pdf.getFileName().toString()).hasSize(1);
				PDStructureElement top = (PDStructureElement) root.getKids().get(0);
				assertThat(top.getStructureType()).isEqualTo("Document");
				List<PDStructureElement> headings = new ArrayList<>();
				collect(top, headings);
				assertThat(headings).as(pdf.getFileName().toString()).isNotEmpty().allSatisfy(h -> {
					assertThat(h.getKids()).isNotEmpty().noneMatch(k -> k instanceof PDStructureElement);
					assertThat(h.getPage()).isNotNull();
				});
			}
		}
	}

	private static void collect(PDStructureElement e, List<PDStructureElement> headings) {
		for (Object kid : e.getKids()) {
			if (kid instanceof PDStructureElement k) {
				if (k.getStructureType().matches("H[1-6]")) {
					headings.add(k);
				}
				collect(k, headings);
			}
		}
	}

	@Test
	void everyPdfCompliesWithPdfA2a() throws Exception {
		for (Path pdf : pdfs) {
			assertThat(VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_A)).as("PDF/A-2a " + pdf.getFileName()).isEmpty();
		}
	}

	static Path regional(String region) {
		return folder.resolve("rapport-regional-" + PublicationFixture.YEAR + "-" + region + ".pdf");
	}

	static Path national() {
		return folder.resolve("rapport-national-" + PublicationFixture.YEAR + ".pdf");
	}

	static String text(PDDocument doc, int from, int to) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(true);
		stripper.setStartPage(from);
		stripper.setEndPage(to);
		return stripper.getText(doc).replace('\u00A0', ' ').replace('\u202F', ' ');
	}

	static String text(Path pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			return text(doc, 1, doc.getNumberOfPages());
		}
	}

	static List<PDOutlineItem> outline(PDDocument doc) {
		List<PDOutlineItem> items = new ArrayList<>();
		for (PDOutlineItem top : doc.getDocumentCatalog().getDocumentOutline().children()) {
			items.add(top);
			top.children().forEach(items::add);
		}
		return items;
	}

	@Test
	void everySectionHasABookmarkToItsPageAndTheContentsGiveThatPage() throws Exception {
		for (Path pdf : List.of(national(), regional("06"))) {
			try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
				List<PDOutlineItem> items = outline(doc);
				assertThat(items).extracting(PDOutlineItem::getTitle)
					.contains("Annexe méthodologique", "Secret statistique");
				String contents = text(doc, 2, 2);
				assertThat(contents).startsWith("Sommaire");
				for (PDOutlineItem item : items) {
					if (item.getTitle().equals(PdfBlocks.CONTENTS)) {
						continue;
					}
					PDPage page = item.findDestinationPage(doc);
					int number = doc.getPages().indexOf(page) + 1;
					assertThat(text(doc, number, number)).as(item.getTitle()).contains(item.getTitle());
					assertThat(contents).as(item.getTitle())
						.containsPattern("(?mU)^\\s*" + Pattern.quote(item.getTitle()) + " " + number + "$");
				}
			}
		}
		try (PDDocument doc = Loader.loadPDF(national().toFile())) {
			assertThat(outline(doc)).extracting(PDOutlineItem::getTitle)
				.contains("Chiffres clés 2025", "Tableau national des indicateurs", "Évolution sur dix ans",
						"Les régions", "Par thématique", "Par réseau", "Couverture de la collecte");
		}
	}

	@Test
	void theRunningFooterIsAnArtifactAndNotTaggedContent() throws Exception {
		for (Path pdf : pdfs) {
			try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
				for (int i = 1; i < doc.getNumberOfPages(); i++) {
					PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
					extractor.processPage(doc.getPage(i));
					List<String> artifacts = new ArrayList<>();
					List<String> tagged = new ArrayList<>();
					for (PDMarkedContent mc : extractor.getMarkedContents()) {
						String text = markedText(mc);
						(("Artifact".equals(mc.getTag())) ? artifacts : tagged).add(text);
					}
					String page = "Page " + (i + 1);
					String at = pdf.getFileName() + " p. " + (i + 1);
					// the page number and the running title: artifacts, never in the
					// structure
					assertThat(artifacts).as(at).contains(page);
					assertThat(artifacts).as(at).anyMatch(t -> t.contains("données arrêtées au"));
					assertThat(tagged).as(at)
						.noneMatch(t -> t.equals(page))
						.noneMatch(t -> t.contains("– données arrêtées au"));
					assertThat(tagged).as(at + ": the page's content stays tagged").isNotEmpty();
				}
			}
		}
	}

	private static String markedText(PDMarkedContent mc) {
		StringBuilder s = new StringBuilder();
		for (Object o : mc.getContents()) {
			if (o instanceof TextPosition t) {
				s.append(t.getUnicode());
			}
			else if (o instanceof PDMarkedContent inner) {
				s.append(markedText(inner));
			}
		}
		return s.toString();
	}

	@Test
	void aHeadingIsNeverTheLastLineOfItsPage() throws Exception {
		for (Path pdf : List.of(national(), regional("06"), regional("84"))) {
			try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
				for (PDOutlineItem item : outline(doc)) {
					int number = doc.getPages().indexOf(item.findDestinationPage(doc)) + 1;
					List<String> lines = text(doc, number, number).lines()
						.filter(l -> !l.contains("données arrêtées au") && !l.startsWith("Données fictives"))
						.toList();
					assertThat(lines.get(lines.size() - 1)).as(pdf.getFileName() + " p. " + number)
						.isNotEqualTo(item.getTitle());
				}
			}
		}
	}

	@Test
	void tablesAndFiguresAreNumberedEachWithItsSourceAndScope() throws Exception {
		String text = text(national());
		int tables = count(text, "(?m)^Tableau (\\d+) – ");
		int figures = count(text, "(?m)^Figure (\\d+) – ");
		assertThat(tables).isGreaterThanOrEqualTo(8);
		// the ten-year charts, the density bar chart and the map
		assertThat(figures).isEqualTo(TenYearCharts.CHARTED.size() + 2);
		assertThat(text).contains("Tableau 1 – Chiffres clés 2025").contains("Figure 1 – Structures membres du pôle");
		assertThat(count(text, "(?m)^Source : Observatoire national des PTCE")).isEqualTo(tables + figures);
		assertThat(count(text, "(?m)^Champ : ")).isEqualTo(tables + figures);
		// every one the report's scope but the map, whose figures are jobs against the
		// population
		assertThat(count(text, "(?m)^Champ : pôles territoriaux de coopération économique attendus en 2025"))
			.isEqualTo(tables + figures - 1);
		assertThat(text).contains("Champ : emplois (ETP) portés par les pôles répondants en 2025");
		assertThat(text(regional("06"))).contains("Champ : pôles territoriaux de coopération économique attendus en "
				+ "2025 (créés au plus tard en 2025 et non fermés avant), à Mayotte.");
	}

	/** How many matches, checking that their numbers run 1, 2, 3... */
	private static int count(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
			if (m.groupCount() > 0) {
				assertThat(Integer.parseInt(m.group(1))).as(regex).isEqualTo(n);
			}
		}
		return n;
	}

	@Test
	void placesAndDatesAreWrittenTheFrenchWay() throws Exception {
		assertThat(text(regional("06"))).contains("Les PTCE à Mayotte en 2025").doesNotContain("en Mayotte");
		assertThat(text(regional("04"))).contains("Les PTCE à La Réunion en 2025").doesNotContain("en La Réunion");
		assertThat(text(regional("32"))).contains("Les PTCE dans les Hauts-de-France en 2025");
		assertThat(text(regional("44"))).contains("Les PTCE dans le Grand Est en 2025");
		for (Path pdf : pdfs) {
			String whole = text(pdf);
			// the colophon keeps the exact instant for provenance
			String text = whole.contains("Provenance.") ? whole.substring(0, whole.indexOf("Provenance.")) : whole;
			// Paris time to the minute, the first of the month with a raised "er"
			assertThat(text).as(pdf.getFileName().toString())
				.contains("1\u1D49\u02B3 avril 2026 à 1 h 59")
				.doesNotContain("UTC")
				.doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}")
				.doesNotContain(" 1er ");
		}
	}

	@Test
	void codesAndHashesAreOnlyInTheColophonOnTheLastPage() throws Exception {
		for (Path pdf : List.of(national(), regional("84"))) {
			try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
				int last = doc.getNumberOfPages();
				String body = text(doc, 1, last - 1);
				assertThat(body).doesNotContain("SHA-256").doesNotContain("MEMBERS_TOTAL").doesNotContain("JOBS_FTE");
				String end = text(doc, last, last);
				int colophon = end.indexOf("Provenance.");
				assertThat(colophon).isPositive();
				assertThat(end.substring(0, colophon)).doesNotContain("SHA-256").doesNotContain("MEMBERS_TOTAL");
				assertThat(end.substring(colophon)).contains("SHA-256")
					.contains("MEMBERS_TOTAL")
					.contains("Structures membres du pôle MEMBERS_TOTAL");
			}
		}
	}

	@Test
	void textKeepsItsSideMarginsAndUnitsAndWordsStayWhole() throws Exception {
		for (Path pdf : List.of(national(), regional("06"), folder.resolve("interne/suivi-collecte-2025.pdf"))) {
			try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
				List<float[]> boxes = new ArrayList<>();
				PDFTextStripper positions = new PDFTextStripper() {
					@Override
					protected void writeString(String string, List<TextPosition> glyphs) {
						for (TextPosition g : glyphs) {
							boxes.add(new float[] { g.getXDirAdj(), g.getXDirAdj() + g.getWidthDirAdj() });
						}
					}
				};
				positions.getText(doc);
				// 15 mm = 42.52 pt on each side of the A4 page (595 pt wide)
				assertThat(boxes).isNotEmpty().allSatisfy(b -> {
					assertThat(b[0]).isGreaterThanOrEqualTo(42.5f);
					assertThat(b[1]).isLessThanOrEqualTo(595 - 42.5f);
				});
				String text = text(doc, 1, doc.getNumberOfPages());
				// a unit or a currency sign is never alone at the start of a line, away
				// from its figure
				assertThat(text).as(pdf.getFileName().toString()).doesNotContainPattern("(?m)^\\s*(€|%|pt|h|t)(\\s|$)");
				// no pole code cut at its hyphen
				assertThat(text).doesNotContainPattern("PTCE[-\u2011]\\s*$");
			}
		}
		// no word cut in a narrow column ("financemen / ts publics")
		assertThat(text(national())).doesNotContainPattern("financemen(?!ts)")
			.doesNotContainPattern("réponda(?!nt)")
			.doesNotContainPattern("gouvernanc(?!e)");
		assertThat(text(national()).replaceAll("\\s+", " ")).contains("Part des financements publics")
			.contains("Emplois pour 10 000 habitants")
			.contains("Évolution à champ constant");
	}

	@Test
	void tableTextIsAtLeastEightAndAHalfPointsAndMarginsFifteenMillimetres() {
		JasperReport report = new Templates(null).get(PdfRenderer.TEMPLATE);
		assertThat(report.getLeftMargin()).isGreaterThanOrEqualTo(43);
		assertThat(report.getRightMargin()).isGreaterThanOrEqualTo(43);
		for (JRStyle style : report.getStyles()) {
			if (style.getName().equals("TDText") || style.getName().equals("THText")) {
				assertThat(style.getOwnFontSize()).as(style.getName()).isGreaterThanOrEqualTo(8.5f);
			}
		}
	}

}
