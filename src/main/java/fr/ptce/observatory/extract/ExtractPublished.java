package fr.ptce.observatory.extract;

import java.nio.file.Path;

/**
 * A new version of a partner's extract is in place (published after the rename, never for
 * a version that was already there). The delivery tells the partner's contact, with a
 * link to the listing and no data.
 *
 * @param contact the partner's e-mail address; empty when it has none
 */
public record ExtractPublished(String partner, String partnerName, String contact, int year, String version,
		Path folder) {
}
