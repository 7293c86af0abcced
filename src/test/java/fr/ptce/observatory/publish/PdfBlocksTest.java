package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
	void barsGoByDecreasingValueThoseWithoutValueLast() {
		Section bars = Section.barChart("h", "a",
				List.of(new Section.Point("Corse : s", null, null), new Section.Point("Bretagne", 12.0, "12,0"),
						new Section.Point("Guyane", 40.5, "40,5"), new Section.Point("Mayotte : nd", null, null),
						new Section.Point("Normandie", 20.0, "20,0")));
		assertThat(bars.points()).extracting(Section.Point::category)
			.containsExactly("Guyane", "Normandie", "Bretagne", "Corse : s", "Mayotte : nd");
	}

}
