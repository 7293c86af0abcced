package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data source of the publication template, from an edition's sections: a table of
 * contents first, then one record per block (text, table, chart) carrying the headings
 * that lead to it, so that the template keeps a heading on the page of what follows it
 * (and a short paragraph that introduces a table on the table's page, in its band);
 * tables and figures numbered ("Tableau 2 –", "Figure 3 –") and each followed by its
 * source and scope. Headings get anchors, which become the PDF's bookmarks and the page
 * numbers of the table of contents ({@link PdfRenderer}).
 */
final class PdfBlocks {

	/**
	 * The text of a table of contents' page number until the page is known: {@code #p} +
	 * the entry's index + {@code #}, short enough to stay on one line of the page
	 * number's box.
	 */
	static final String PAGE_PLACEHOLDER = "#p%d#";

	/**
	 * The records of the template's data source, and the anchor of each entry of the
	 * table of contents.
	 */
	record Blocks(List<Map<String, ?>> records, List<String> anchors) {
	}

	static final String CONTENTS = "Sommaire";

	private final List<Map<String, Object>> blocks = new ArrayList<>();

	private final List<Map<String, Object>> contents = new ArrayList<>();

	private String lead1;

	private String anchor1;

	private String lead2;

	private String anchor2;

	private String lastHeading;

	/**
	 * A short paragraph held back until the next section is known: printed in the band of
	 * the table after it (so that the two and their headings share a page), or on its own
	 * before anything else.
	 */
	private Section intro;

	private int tables;

	private int figures;

	private int anchors;

	private final Set<String> names = new LinkedHashSet<>();

	private final String source;

	private final String scope;

	private PdfBlocks(String source, String scope) {
		this.source = source;
		this.scope = scope;
	}

	/**
	 * @param source the default source line of tables and figures (without "Source :")
	 */
	static Blocks of(Edition edition, String source) {
		PdfBlocks b = new PdfBlocks(source, edition.scope());
		for (Section s : edition.sections()) {
			b.add(s);
		}
		b.flushIntro();
		b.flushHeadings();
		List<Map<String, ?>> all = new ArrayList<>();
		if (b.contents.size() > 3) {
			Map<String, Object> title = new HashMap<>();
			title.put("kind", "h1");
			title.put("heading", CONTENTS);
			all.add(title);
			all.addAll(b.contents);
			all.add(Map.of("kind", "break"));
		}
		all.addAll(b.blocks);
		return new Blocks(all, List.copyOf(b.names));
	}

	private void add(Section s) {
		if (!"table".equals(s.kind())) {
			flushIntro();
		}
		if (isIntro(s)) {
			intro = s;
			return;
		}
		switch (s.kind()) {
			case "h1" -> {
				flushHeadings();
				lead1 = s.heading();
				anchor1 = anchor(s.heading(), 1);
				lastHeading = s.heading();
			}
			case "h2" -> {
				if (lead2 != null) {
					flushHeadings();
				}
				lead2 = s.heading();
				anchor2 = anchor(s.heading(), 2);
				lastHeading = s.heading();
			}
			case "break" -> {
				flushHeadings();
				blocks.add(Map.of("kind", "break"));
			}
			default -> {
				if ("table".equals(s.kind()) && s.rows().size() > PAGE_ROWS) {
					addInParts(s);
				}
				else {
					blocks.add(block(s));
				}
			}
		}
	}

	/**
	 * Longest paragraph that travels with the table after it: two or three lines, so that
	 * a first part of {@value #PAGE_ROWS} rows still fits on a page with it.
	 */
	static final int INTRO_CHARS = 400;

	private static boolean isIntro(Section s) {
		return "text".equals(s.kind()) && s.caption() == null && s.text() != null && s.text().length() <= INTRO_CHARS;
	}

	private void flushIntro() {
		if (intro != null) {
			Section s = intro;
			intro = null;
			blocks.add(block(s));
		}
	}

	/**
	 * Rows of a table that surely fit on one page with its caption, column headers and
	 * notes, even when some labels wrap onto two lines.
	 */
	static final int PAGE_ROWS = 30;

	/**
	 * A table longer than a page, in parts of at most {@value #PAGE_ROWS} rows and of
	 * equal size: each part is kept whole on a page (its band is never split), so that no
	 * row is left alone at the top or the bottom of a page. The parts after the first are
	 * captioned "(suite)" with the column headers again; the note, source and scope close
	 * the last.
	 */
	private void addInParts(Section s) {
		int n = s.rows().size();
		int parts = (n + PAGE_ROWS - 1) / PAGE_ROWS;
		int from = 0;
		String caption = null;
		for (int i = 0; i < parts; i++) {
			int to = from + (n - from) / (parts - i);
			boolean last = i == parts - 1;
			Section part = new Section(s.kind(), s.heading(), s.text(), s.headers(), s.rows().subList(from, to),
					s.points(), s.axis(), last ? s.note() : null, s.sheet(), last && s.totalLast(), s.graphic(),
					s.caption());
			Map<String, Object> f = block(part);
			if (i == 0) {
				caption = (String) f.get("caption");
			}
			else {
				tables--;
				f.put("caption", caption + " (suite)");
			}
			if (!last) {
				f.put("source", null);
				f.put("scope", null);
			}
			blocks.add(f);
			from = to;
		}
	}

	private Map<String, Object> block(Section s) {
		Map<String, Object> f = s.toFields();
		if (intro != null) {
			f.put("intro", intro.text());
			intro = null;
		}
		f.put("lead1", lead1);
		f.put("anchor1", anchor1);
		f.put("lead2", lead2);
		f.put("anchor2", anchor2);
		lead1 = null;
		anchor1 = null;
		lead2 = null;
		anchor2 = null;
		boolean table = "table".equals(s.kind());
		boolean figure = "line".equals(s.kind()) || "bar".equals(s.kind()) || "map".equals(s.kind());
		if (table || figure) {
			Section.Caption c = s.caption();
			String title = c != null && c.title() != null ? c.title() : figure ? s.heading() : lastHeading;
			f.put("caption", (table ? "Tableau " + ++tables : "Figure " + ++figures) + " – " + title);
			String src = c != null && c.source() != null ? c.source() : source;
			String sc = c != null && c.scope() != null ? c.scope() : scope;
			f.put("source", src == null ? null : "Source : " + src);
			f.put("scope", sc == null ? null : "Champ : " + sc);
		}
		return f;
	}

	/** Headings followed by nothing (a page break, the end) are printed on their own. */
	private void flushHeadings() {
		if (lead1 != null) {
			blocks.add(heading("h1", lead1, "anchor1", anchor1));
		}
		if (lead2 != null) {
			blocks.add(heading("h2", lead2, "anchor2", anchor2));
		}
		lead1 = null;
		anchor1 = null;
		lead2 = null;
		anchor2 = null;
	}

	private static Map<String, Object> heading(String kind, String text, String anchorField, String anchor) {
		Map<String, Object> f = new HashMap<>();
		f.put("kind", kind);
		f.put("heading", text);
		f.put(anchorField, anchor);
		return f;
	}

	/**
	 * The anchor of a heading: its own text, which JasperReports also takes as the
	 * bookmark's title (made unique by a number should a heading come twice).
	 */
	private String anchor(String heading, int level) {
		String name = names.contains(heading) ? heading + " (" + ++anchors + ")" : heading;
		names.add(name);
		Map<String, Object> entry = new HashMap<>();
		entry.put("kind", "toc");
		// a second-level entry is indented by two em spaces
		entry.put("text", (level == 1 ? "" : "\u2003\u2003") + heading);
		entry.put("page", PAGE_PLACEHOLDER.formatted(names.size() - 1));
		contents.add(entry);
		return name;
	}

}
