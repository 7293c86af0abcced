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

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;

/**
 * Every PDF of a publication (national report, the 18 regional editions, the internal follow-up) validated by
 * veraPDF against PDF/UA-1 (accessibility) and PDF/A-2a (archiving): zero failed checks.
 */
class PdfComplianceTest {

	@TempDir
	static Path root;

	static List<Path> pdfs;

	@BeforeAll
	static void publish() throws Exception {
		DataDirectory dir = PublicationFixture.dataDirectory(root);
		Registry registry = PublicationFixture.registry();
		PublicationFixture.write(dir, registry);
		Publisher publisher = new Publisher(dir, PublicationFixture.CATALOGUE, PublicationFixture.GEO, registry,
				new Templates(Publisher.templateCache(dir)),
				Clock.fixed(Instant.parse("2026-04-02T10:00:00Z"), ZoneOffset.UTC));
		Publisher.Result result = publisher.publish(PublicationFixture.YEAR, null);
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

}
