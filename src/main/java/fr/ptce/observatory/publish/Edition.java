package fr.ptce.observatory.publish;

import java.util.List;

/**
 * A document to render: its file name, the cover texts and PDF metadata, and its sections.
 *
 * @param notice the banner printed on the cover and every page (fictional data, internal document), or null
 */
public record Edition(String fileName, String title, String subtitle, String notice, List<Section> sections) {
}
