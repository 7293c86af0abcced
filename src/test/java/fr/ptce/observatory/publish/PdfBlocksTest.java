package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blocks the template prints: headings carried by what follows them, numbered
 * captions, bars by value.
 */
class PdfBlocksTest {

	static final List<List<String>> ROWS = List.of(List.of("a", "1"));

	@Test
	void headingsLeadIntoTheNextBlockAndTablesAndFiguresAreNumbered() {
		List<Section> sections = List.of(Section.h1("Un"), Section.text("intro"), Section.h1("Deux"),
				Section.h2("Deux-un"), Section.table("x", List.of("A", "B"), ROWS, null), Section.pageBreak(),
				Section.h1("Trois"), Section.h2("Trois-un"), Section.h2("Trois-deux"),
				Section.lineChart("Courbe", "nombre", List.of(new Section.Point("2025", 1.0, "1"))),
				Section.table("y", List.of("A", "B"), ROWS, null).withCaption("Titre propre", "Autre source", null),
				Section.h1("Seul"), Section.pageBreak());
		PdfBlocks.Blocks blocks = PdfBlocks.of(new Edition("f.pdf", "T", "S", null, sections, null, "le champ."),
				"la source.");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> r = (List<Map<String, Object>>) (List<?>) blocks.records();
		// contents first: a title, one entry per heading, a page break
		assertThat(r.get(0)).containsEntry("heading", PdfBlocks.CONTENTS);
		assertThat(blocks.anchors()).containsExactly("Un", "Deux", "Deux-un", "Trois", "Trois-un", "Trois-deux",
				"Seul");
		List<Map<String, Object>> body = r.subList(blocks.anchors().size() + 2, r.size());
		assertThat(body).extracting(m -> (String) m.get("kind"))
			.containsExactly("text", "table-wide", "break", "h1", "h2", "line", "table-wide", "h1", "break");
		assertThat(body.get(0)).containsEntry("lead1", "Un").containsEntry("anchor1", "Un");
		assertThat(body.get(1)).containsEntry("lead1", "Deux")
			.containsEntry("lead2", "Deux-un")
			.containsEntry("caption", "Tableau 1 – Deux-un")
			.containsEntry("source", "Source : la source.")
			.containsEntry("scope", "Champ : le champ.");
		// a heading followed by another of its level stands alone
		assertThat(body.get(3)).containsEntry("heading", "Trois");
		assertThat(body.get(4)).containsEntry("heading", "Trois-un");
		assertThat(body.get(5)).containsEntry("lead2", "Trois-deux").containsEntry("caption", "Figure 1 – Courbe");
		assertThat(body.get(6)).containsEntry("caption", "Tableau 2 – Titre propre")
			.containsEntry("source", "Source : Autre source")
			.containsEntry("scope", "Champ : le champ.");
		assertThat(body.get(7)).containsEntry("heading", "Seul");
	}

	@Test
	void aShortParagraphBeforeATableSharesItsBandAndALongOneStandsAlone() {
		// given a heading, a one-line introduction and a table (as "Chiffres clés"),
		// then a paragraph too long to travel and a table, then a short paragraph
		// before a chart
		String long_ = "x".repeat(PdfBlocks.INTRO_CHARS + 1);
		List<Section> sections = List.of(Section.h1("Chiffres clés"), Section.text("En 2025, 121 pôles."),
				Section.table("x", List.of("A", "B"), ROWS, null), Section.h1("Long"), Section.text(long_),
				Section.table("y", List.of("A", "B"), ROWS, null), Section.text("Avant la courbe."),
				Section.lineChart("Courbe", "nombre", List.of(new Section.Point("2025", 1.0, "1"))));
		// when
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> r = (List<Map<String, Object>>) (List<?>) PdfBlocks
			.of(new Edition("f.pdf", "T", "S", null, sections, null, "le champ."), "la source.")
			.records();
		// then the heading and the introduction are printed in the table's band
		assertThat(r).extracting(m -> (String) m.get("kind"))
			.containsExactly("table-wide", "text", "table-wide", "text", "line");
		assertThat(r.get(0)).containsEntry("lead1", "Chiffres clés")
			.containsEntry("intro", "En 2025, 121 pôles.")
			.containsEntry("caption", "Tableau 1 – Chiffres clés");
		assertThat(r.get(1)).containsEntry("lead1", "Long").containsEntry("text", long_);
		assertThat(r.get(2)).doesNotContainKey("intro");
		assertThat(r.get(3)).containsEntry("text", "Avant la courbe.");
	}

	@Test
	void aTableLongerThanAPageLeavesNoRowAloneOnAPage(@TempDir Path dir) throws Exception {
		// given tables of 31 rows (one more than a page holds surely) and of 70 rows,
		// after a paragraph that leaves a page partly used
		List<Section> sections = new ArrayList<>();
		sections.add(Section.h1("Long"));
		sections.add(Section.text("Un paragraphe avant le tableau."));
		sections.add(Section.table("x", List.of("Ligne", "Valeur"), rows("Ligne", 31), "Note du tableau."));
		sections.add(Section.h1("Plus long"));
		sections.add(Section.table("y", List.of("Rang", "Valeur"), rows("Rang", 70), null));
		Edition edition = new Edition("long.pdf", "Tableaux longs", "Test", null, sections, null, "le champ.");
		// the blocks: parts of equal size, the caption repeated "(suite)", the source
		// after the last part only
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> r = (List<Map<String, Object>>) (List<?>) PdfBlocks.of(edition, "la source.")
			.records();
		List<Map<String, Object>> tables = r.stream()
			.filter(m -> !((List<?>) m.getOrDefault("rows", List.of())).isEmpty())
			.toList();
		assertThat(tables).extracting(m -> ((List<?>) m.get("rows")).size()).containsExactly(15, 16, 23, 23, 24);
		assertThat(tables).extracting(m -> (String) m.get("caption"))
			.containsExactly("Tableau 1 – Long", "Tableau 1 – Long (suite)", "Tableau 2 – Plus long",
					"Tableau 2 – Plus long (suite)", "Tableau 2 – Plus long (suite)");
		assertThat(tables).extracting(m -> m.get("source"))
			.containsExactly(null, "Source : la source.", null, null, "Source : la source.");
		// when rendered, then every page that has rows of a table has at least two, and
		// every row is printed once
		Path pdf = dir.resolve("long.pdf");
		new PdfRenderer(new Templates(dir.resolve("cache"))).render(edition, "2 avril 2026",
				Instant.parse("2026-03-31T23:59:59Z"), "test", pdf);
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			int printed = 0;
			for (int page = 1; page <= doc.getNumberOfPages(); page++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				for (String label : List.of("Ligne ", "Rang ")) {
					long rows = stripper.getText(doc).lines().filter(l -> l.matches(label + "\\d+ .*")).count();
					assertThat(rows).as("rows of %s on page %d", label.strip(), page).isNotEqualTo(1);
					printed += (int) rows;
				}
			}
			assertThat(printed).isEqualTo(101);
		}
	}

	private static List<List<String>> rows(String label, int n) {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			rows.add(List.of(label + " " + i, String.valueOf(i * 10)));
		}
		return rows;
	}

	@Test
	void barsGoByDecreasingValueThoseWithoutValueLast() {
		Section bars = Section.barChart("h", "a",
				List.of(new Section.Point("Corse : s", null, null), new Section.Point("Bretagne", 12.0, "12,0"),
						new Section.Point("Guyane", 40.5, "40,5"), new Section.Point("Mayotte : nd", null, null),
						new Section.Point("Normandie", 20.0, "20,0")));
		assertThat(bars.points()).extracting(Section.Point::category)
			.containsExactly("Guyane", "Normandie", "Bretagne", "Corse : s", "Mayotte : nd");
	}

}
