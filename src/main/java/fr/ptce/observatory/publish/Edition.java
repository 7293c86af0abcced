package fr.ptce.observatory.publish;

import java.util.List;

/**
 * A document to render: its file name, the cover texts and PDF metadata, and its
 * sections.
 *
 * @param notice the banner printed on the cover and every page (fictional data, internal
 * document), or null
 * @param provisional the mark of a year whose response is too low to be final ("Résultats
 * provisoires..."), printed on the cover and at the top of every page, or null
 * @param scope the scope ("Champ : ...") printed under each table and figure that has
 * none of its own, or null
 */
public record Edition(String fileName, String title, String subtitle, String notice, List<Section> sections,
		String provisional, String scope) {

	public Edition(String fileName, String title, String subtitle, String notice, List<Section> sections) {
		this(fileName, title, subtitle, notice, sections, null, null);
	}

	public Edition withScope(String scope) {
		return new Edition(fileName, title, subtitle, notice, sections, provisional, scope);
	}

}
