package fr.ptce.observatory.publish;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.ptce.observatory.warehouse.AtomicFiles;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders an {@link Edition} with the publication template into a tagged PDF (headings,
 * tables), in French (fr-FR), with its title and author, fonts embedded, then finished by
 * {@link PdfArchival} into PDF/A-2a and PDF/UA-1 (its dates are those of the as-of
 * instant, so that two runs on the same data give comparable files).
 */
public final class PdfRenderer {

	public static final String TEMPLATE = "publication";

	public static final String AUTHOR = "Observatoire national des PTCE";

	private final Templates templates;

	public PdfRenderer(Templates templates) {
		this.templates = templates;
	}

	public void render(Edition edition, String edited, Instant asOf, String softwareVersion, Path target) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("OBSERVATORY", "Observatoire national des pôles territoriaux de coopération économique");
		parameters.put("TITLE", edition.title());
		parameters.put("SUBTITLE", edition.subtitle());
		parameters.put("EDITION", "Édition du " + edited);
		parameters.put("AS_OF", "Données arrêtées au " + FrenchFormat.instant(asOf));
		parameters.put("NOTICE", edition.notice());
		parameters.put("PROVISIONAL", edition.provisional());
		parameters.put("FOOTER", edition.title() + " – données arrêtées au " + FrenchFormat.instant(asOf));
		parameters.put(JRParameter.REPORT_LOCALE, Locale.FRANCE);
		String source = SOURCE + ", données arrêtées au " + FrenchFormat.instant(asOf) + ".";
		PdfBlocks.Blocks blocks = PdfBlocks.of(edition, source);
		byte[] pdf;
		try {
			JasperReport template = templates.get(TEMPLATE);
			JasperPrint print = JasperFillManager.fillReport(template, parameters,
					new JRMapCollectionDataSource(blocks.records()));
			numberContents(print, blocks.anchors());
			JRPdfExporter exporter = new JRPdfExporter();
			exporter.setExporterInput(new SimpleExporterInput(print));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
			SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
			configuration.setTagged(true);
			configuration.setTagLanguage("fr-FR");
			configuration.setMetadataTitle(edition.title());
			configuration.setDisplayMetadataTitle(true);
			configuration.setMetadataAuthor(AUTHOR);
			configuration.setMetadataSubject(edition.subtitle());
			configuration.setMetadataCreator("observatory " + softwareVersion);
			configuration.setCompressed(true);
			exporter.setConfiguration(configuration);
			exporter.exportReport();
			pdf = PdfArchival.finish(out.toByteArray(), asOf, "observatory " + softwareVersion,
					PdfFurniture.Bands.of(template, edition.provisional() != null));
		}
		catch (JRException ex) {
			throw new IllegalStateException("cannot render " + edition.fileName() + " with reports-templates/"
					+ TEMPLATE + ".jrxml: " + ex.getMessage(), ex);
		}
		AtomicFiles.write(target, tmp -> Files.write(tmp, pdf));
	}

	/** The default source of tables and figures. */
	static final String SOURCE = "Observatoire national des PTCE, indicateurs transmis par les pôles";

	/**
	 * Replaces the page placeholders of the table of contents with the page of each
	 * heading's anchor, once the report is filled and its pages known (the placeholders
	 * have the width of a page number's box).
	 */
	static void numberContents(JasperPrint print, List<String> anchors) {
		Map<String, Integer> pages = new HashMap<>();
		List<JRPrintText> placeholders = new ArrayList<>();
		for (int i = 0; i < print.getPages().size(); i++) {
			collect(print.getPages().get(i).getElements(), i + 1, pages, placeholders);
		}
		for (JRPrintText t : placeholders) {
			int entry = Integer.parseInt(t.getFullText().substring(2, t.getFullText().length() - 1));
			Integer page = pages.get(anchors.get(entry));
			t.setText(page == null ? "" : page.toString());
		}
	}

	private static void collect(List<JRPrintElement> elements, int page, Map<String, Integer> pages,
			List<JRPrintText> placeholders) {
		for (JRPrintElement e : elements) {
			if (e instanceof JRPrintFrame frame) {
				collect(frame.getElements(), page, pages, placeholders);
			}
			else if (e instanceof JRPrintText t) {
				if (t.getAnchorName() != null) {
					pages.putIfAbsent(t.getAnchorName(), page);
				}
				String text = t.getFullText();
				if (text != null && text.matches("#p[0-9]+#")) {
					placeholders.add(t);
				}
			}
		}
	}

}
