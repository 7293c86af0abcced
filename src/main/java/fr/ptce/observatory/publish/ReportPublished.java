package fr.ptce.observatory.publish;

import java.nio.file.Path;

/**
 * Published (as a Spring application event) by the report job once the annual report of a
 * year is in place: the analysts of {@code observatory.delivery.recipients} then receive
 * it by e-mail.
 *
 * @param year the year of the report
 * @param nationalPdf the national PDF, attached to the e-mail
 * @param keyFigures the key figures, as plain text, in the body of the e-mail
 * @param publicationDir where the other files (regional editions, manifest) are, named in
 * the e-mail
 */
public record ReportPublished(int year, Path nationalPdf, String keyFigures, Path publicationDir) {
}
