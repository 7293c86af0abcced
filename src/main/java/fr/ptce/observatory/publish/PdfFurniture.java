package fr.ptce.observatory.publish;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;

import net.sf.jasperreports.engine.JasperReport;

/**
 * Page furniture, the running footer (title, "Page N", the notice of fictional data) and
 * the "Résultats provisoires" header, is an artifact in PDF/UA (ISO 14289-1, 7.8), not
 * content: a screen reader should not read "Page 3" between two paragraphs. JasperReports
 * tags every text it writes, so the texts drawn in the page header and footer bands are
 * found by their baseline and their marked content turned into {@code /Artifact}, their
 * structure elements removed from the tree.
 */
final class PdfFurniture {

	/**
	 * A text whose baseline is below {@code below} or above {@code above} (PDF user
	 * space, points from the bottom of the page) is page furniture.
	 */
	record Bands(float below, float above) {

		/** No furniture: nothing is changed. */
		static final Bands NONE = new Bands(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);

		/**
		 * The bands of the template's page footer and, when it is printed, of its page
		 * header; the detail bands never reach into them.
		 */
		static Bands of(JasperReport report, boolean headerPrinted) {
			float below = report.getBottomMargin()
					+ (report.getPageFooter() == null ? 0 : report.getPageFooter().getHeight());
			float above = headerPrinted && report.getPageHeader() != null
					? report.getPageHeight() - report.getTopMargin() - report.getPageHeader().getHeight()
					: Float.POSITIVE_INFINITY;
			return new Bands(below, above);
		}

		boolean furniture(float baseline) {
			return baseline < below || baseline > above;
		}

	}

	private PdfFurniture() {
	}

	/**
	 * The marked-content identifiers of a page's content stream whose text is drawn in
	 * the furniture bands: JasperReports positions each text with a {@code Tm} inside its
	 * own marked content.
	 */
	static Set<Integer> mcids(List<Object> tokens, Bands bands) {
		Set<Integer> found = new HashSet<>();
		Integer current = null;
		for (int i = 0; i < tokens.size(); i++) {
			if (!(tokens.get(i) instanceof Operator op)) {
				continue;
			}
			switch (op.getName()) {
				case "BDC" -> current = i > 0 ? mcid(tokens.get(i - 1)) : null;
				case "EMC" -> current = null;
				case "Tm" -> {
					if (current != null && i >= 1 && tokens.get(i - 1) instanceof COSNumber y
							&& bands.furniture(y.floatValue())) {
						found.add(current);
					}
				}
				default -> {
				}
			}
		}
		return found;
	}

	/** The MCID of a BDC's property list, or null. */
	static Integer mcid(Object properties) {
		if (properties instanceof COSDictionary d && d.containsKey(COSName.MCID)) {
			return d.getInt(COSName.MCID);
		}
		return null;
	}

	/**
	 * Removes from the structure tree what referred to the page's furniture: the MCIDs
	 * from their structure elements (an element left empty is removed from its parent),
	 * and their entries of the parent tree.
	 */
	static void untag(PDDocument doc, int structParents, Set<Integer> mcids) {
		PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
		if (root == null || mcids.isEmpty() || root.getParentTree() == null) {
			return;
		}
		COSArray parents = entry(root.getParentTree().getCOSObject(), structParents);
		if (parents == null) {
			return;
		}
		for (int mcid : mcids) {
			if (mcid >= parents.size()) {
				continue;
			}
			if (parents.getObject(mcid) instanceof COSDictionary d) {
				PDStructureElement element = new PDStructureElement(d);
				element.removeKid(COSInteger.get(mcid));
				PDStructureNode parent = element.getParent();
				if (element.getKids().isEmpty() && parent != null) {
					parent.removeKid(element);
				}
			}
			parents.set(mcid, COSNull.NULL);
		}
	}

	/** The value of a key of a number tree (its Nums, or its Kids'). */
	private static COSArray entry(COSDictionary node, int key) {
		COSArray nums = node.getCOSArray(COSName.NUMS);
		if (nums != null) {
			for (int i = 0; i + 1 < nums.size(); i += 2) {
				if (nums.getObject(i) instanceof COSNumber n && n.intValue() == key) {
					COSBase value = nums.getObject(i + 1);
					return value instanceof COSArray a ? a : null;
				}
			}
		}
		COSArray kids = node.getCOSArray(COSName.KIDS);
		if (kids != null) {
			for (int i = 0; i < kids.size(); i++) {
				if (kids.getObject(i) instanceof COSDictionary kid) {
					COSArray found = entry(kid, key);
					if (found != null) {
						return found;
					}
				}
			}
		}
		return null;
	}

}
