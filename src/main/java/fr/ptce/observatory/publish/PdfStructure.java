package fr.ptce.observatory.publish;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;

import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;

/**
 * The structure tree as PDF/UA wants it, from the one JasperReports writes: one Document
 * at the root, a scope on every table header cell, headings holding their text directly
 * (no paragraph inside a heading).
 */
final class PdfStructure {

	private PdfStructure() {
	}

	static void finish(PDDocumentCatalog catalog) {
		PDStructureTreeRoot root = catalog.getStructureTreeRoot();
		if (root == null) {
			return;
		}
		List<Object> kids = root.getKids();
		if (kids.size() == 1 && kids.get(0) instanceof PDStructureElement top) {
			top.setStructureType("Document");
		}
		Map<COSDictionary, COSDictionary> moved = new HashMap<>();
		visit(root, moved);
		if (!moved.isEmpty()) {
			repoint(root.getParentTree(), moved);
		}
	}

	private static void visit(PDStructureNode node, Map<COSDictionary, COSDictionary> moved) {
		for (Object kid : node.getKids()) {
			if (kid instanceof PDStructureElement e) {
				if ("TH".equals(e.getStructureType()) && !hasScope(e)) {
					PDTableAttributeObject a = new PDTableAttributeObject();
					a.setScope(PDTableAttributeObject.SCOPE_COLUMN);
					e.addAttribute(a);
				}
				if (e.getStructureType().matches("H[1-6]")) {
					hoist(e, moved);
				}
				visit(e, moved);
			}
		}
	}

	/**
	 * JasperReports puts the text of a heading in a paragraph inside it; the paragraph's
	 * contents become the heading's own (a heading is a paragraph-level element), and the
	 * parent tree then points at the heading.
	 */
	private static void hoist(PDStructureElement heading, Map<COSDictionary, COSDictionary> moved) {
		COSArray kids = new COSArray();
		boolean changed = false;
		for (Object kid : heading.getKids()) {
			if (kid instanceof PDStructureElement p && "P".equals(role(p))) {
				for (Object content : p.getKids()) {
					kids.add(asCos(content, p));
				}
				if (heading.getPage() == null && p.getPage() != null) {
					heading.setPage(p.getPage());
				}
				moved.put(p.getCOSObject(), heading.getCOSObject());
				changed = true;
			}
			else {
				kids.add(asCos(kid, null));
			}
		}
		if (changed) {
			heading.getCOSObject().setItem(COSName.K, kids);
		}
	}

	private static String role(PDStructureElement e) {
		String type = e.getStructureType();
		return "Text".equals(type) ? "P" : type;
	}

	/**
	 * A kid as the structure tree stores it: an MCID, a marked-content or object
	 * reference, an element.
	 */
	private static COSBase asCos(Object kid, PDStructureElement from) {
		if (kid instanceof Integer mcid) {
			if (from != null && from.getPage() != null) {
				// an MCID alone relies on its element's page: keep the page with it
				PDMarkedContentReference ref = new PDMarkedContentReference();
				ref.setMCID(mcid);
				ref.setPage(from.getPage());
				return ref.getCOSObject();
			}
			return COSInteger.get(mcid);
		}
		if (kid instanceof COSObjectable o) {
			return o.getCOSObject();
		}
		throw new IllegalStateException("unexpected structure kid " + kid);
	}

	private static void repoint(PDNumberTreeNode node, Map<COSDictionary, COSDictionary> moved) {
		if (node == null) {
			return;
		}
		COSDictionary dict = node.getCOSObject();
		COSArray nums = dict.getCOSArray(COSName.NUMS);
		if (nums != null) {
			for (int i = 1; i < nums.size(); i += 2) {
				if (nums.getObject(i) instanceof COSArray parents) {
					for (int j = 0; j < parents.size(); j++) {
						COSDictionary target = parents.getObject(j) instanceof COSDictionary d ? moved.get(d) : null;
						if (target != null) {
							parents.set(j, target);
						}
					}
				}
			}
		}
		COSArray kids = dict.getCOSArray(COSName.KIDS);
		if (kids != null) {
			for (int i = 0; i < kids.size(); i++) {
				if (kids.getObject(i) instanceof COSDictionary kid) {
					repoint(new PDNumberTreeNode(kid, COSBase.class), moved);
				}
			}
		}
	}

	private static boolean hasScope(PDStructureElement e) {
		var attributes = e.getAttributes();
		for (int i = 0; i < attributes.size(); i++) {
			if (attributes.getObject(i) instanceof PDTableAttributeObject t && t.getScope() != null) {
				return true;
			}
		}
		return false;
	}

}
