package fr.ptce.observatory.publish;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * Finishes the PDF that JasperReports (through OpenPDF) writes into an archivable and
 * accessible one, PDF/A-2a and PDF/UA-1, where OpenPDF cannot: XMP metadata identifying
 * both standards (OpenPDF needs Adobe's XMP library for it), an sRGB output intent (the
 * colours are DeviceRGB), every untagged drawing (rules, cell backgrounds, borders)
 * marked as an artifact, no incomplete CIDSet in the embedded font subsets, a scope on
 * every table header cell, and one Document at the root of the structure tree (see
 * {@link PdfStructure}). The creation and modification dates are those of the as-of
 * instant, so that two runs on the same data give comparable files.
 */
final class PdfArchival {

	static final String SRGB = "sRGB IEC61966-2.1";

	/**
	 * Operators that put marks on the page: what must be tagged or marked as an artifact.
	 */
	private static final Set<String> MARKING = Set.of("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI",
			"Tj", "TJ", "'", "\"");

	private PdfArchival() {
	}

	/**
	 * @param producer written as the PDF producer, in the document information and the
	 * XMP alike
	 */
	static byte[] finish(byte[] pdf, Instant asOf, String producer) {
		return finish(pdf, asOf, producer, PdfFurniture.Bands.NONE);
	}

	/**
	 * @param furniture where the page header and footer are drawn: their texts become
	 * artifacts ({@link PdfFurniture})
	 */
	static byte[] finish(byte[] pdf, Instant asOf, String producer, PdfFurniture.Bands furniture) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			Calendar date = GregorianCalendar.from(asOf.atZone(ZoneOffset.UTC));
			date.setTimeZone(TimeZone.getTimeZone("UTC"));
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setCreationDate(date);
			info.setModificationDate(date);
			info.setProducer(producer);
			for (PDPage page : doc.getPages()) {
				Set<Integer> untagged = markUntaggedAsArtifacts(doc, page, furniture);
				PdfFurniture.untag(doc, page.getStructParents(), untagged);
			}
			removeCidSets(doc);
			PDDocumentCatalog catalog = doc.getDocumentCatalog();
			PdfStructure.finish(catalog);
			addOutputIntent(doc);
			PDMetadata metadata = new PDMetadata(doc);
			metadata.importXMPMetadata(xmp(info, catalog.getLanguage(), asOf));
			catalog.setMetadata(metadata);
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
			doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot finish the PDF for PDF/A and PDF/UA: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Wraps every run of drawing operators outside any marked-content sequence in
	 * {@code /Artifact BMC ... EMC}: JasperReports tags texts, tables and images, and
	 * leaves lines, boxes and cell backgrounds untagged, which PDF/UA forbids. A run is
	 * cut at each text object, so that no marked content crosses BT or ET.
	 */
	private static Set<Integer> markUntaggedAsArtifacts(PDDocument doc, PDPage page, PdfFurniture.Bands furniture)
			throws IOException {
		PDFStreamParser parser = new PDFStreamParser(page);
		List<Object> tokens = parser.parse();
		Set<Integer> furnitureMcids = PdfFurniture.mcids(tokens, furniture);
		List<Object> out = new ArrayList<>(tokens.size() + 64);
		List<Object> run = new ArrayList<>();
		int depth = 0;
		int operands = 0;
		boolean marking = false;
		boolean inText = false;
		for (Object token : tokens) {
			if (!(token instanceof Operator op)) {
				(depth == 0 ? run : out).add(token);
				operands++;
				continue;
			}
			String name = op.getName();
			if (depth > 0) {
				out.add(op);
				depth += "BDC".equals(name) || "BMC".equals(name) ? 1 : "EMC".equals(name) ? -1 : 0;
				operands = 0;
				continue;
			}
			if ("BDC".equals(name) || "BMC".equals(name)) {
				// the operands of BDC/BMC belong with it, not with the run before
				List<Object> own = new ArrayList<>(run.subList(run.size() - operands, run.size()));
				run.subList(run.size() - operands, run.size()).clear();
				flush(out, run, marking && !inText);
				marking = false;
				Integer mcid = own.isEmpty() ? null : PdfFurniture.mcid(own.get(own.size() - 1));
				if (mcid != null && furnitureMcids.contains(mcid)) {
					// a running header or footer: an artifact, not tagged content
					out.add(COSName.getPDFName("Artifact"));
					out.add(Operator.getOperator("BMC"));
				}
				else {
					out.addAll(own);
					out.add(op);
				}
				depth = 1;
			}
			else {
				run.add(op);
				marking |= MARKING.contains(name);
				if ("BT".equals(name)) {
					inText = true;
				}
				else if ("ET".equals(name)) {
					inText = false;
				}
			}
			operands = 0;
		}
		flush(out, run, marking && !inText);
		PDStream stream = new PDStream(doc);
		try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
			new ContentStreamWriter(os).writeTokens(out);
		}
		page.setContents(stream);
		return furnitureMcids;
	}

	private static void flush(List<Object> out, List<Object> run, boolean artifact) {
		if (artifact) {
			out.add(COSName.getPDFName("Artifact"));
			out.add(Operator.getOperator("BMC"));
		}
		out.addAll(run);
		if (artifact) {
			out.add(Operator.getOperator("EMC"));
		}
		run.clear();
	}

	/**
	 * OpenPDF's CIDSet lists the glyphs used, not every glyph of the embedded subset,
	 * which PDF/A-2 and PDF/UA reject; the CIDSet is optional in both, so it is removed.
	 */
	private static void removeCidSets(PDDocument doc) {
		for (COSObject object : doc.getDocument().getObjectsByType(COSName.FONT_DESC)) {
			COSBase base = object.getObject();
			if (base instanceof COSDictionary descriptor) {
				descriptor.removeItem(COSName.CID_SET);
			}
		}
	}

	private static void addOutputIntent(PDDocument doc) throws IOException {
		byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
		PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(icc));
		intent.setInfo(SRGB);
		intent.setOutputCondition(SRGB);
		intent.setOutputConditionIdentifier(SRGB);
		intent.setRegistryName("http://www.color.org");
		doc.getDocumentCatalog().addOutputIntent(intent);
	}

	/**
	 * The XMP packet: the document information again (PDF/A wants both to agree), the
	 * PDF/A-2a and PDF/UA-1 identifications, and the extension schema that PDF/A asks for
	 * the PDF/UA one.
	 */
	static byte[] xmp(PDDocumentInformation info, String language, Instant asOf) {
		String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(asOf.atOffset(ZoneOffset.UTC).withNano(0));
		StringBuilder x = new StringBuilder();
		x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
			.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
			.append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
			.append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
			.append(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
			.append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
			.append(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n")
			.append("<dc:format>application/pdf</dc:format>\n");
		if (info.getTitle() != null) {
			x.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">")
				.append(escape(info.getTitle()))
				.append("</rdf:li></rdf:Alt></dc:title>\n");
		}
		if (info.getAuthor() != null) {
			x.append("<dc:creator><rdf:Seq><rdf:li>")
				.append(escape(info.getAuthor()))
				.append("</rdf:li></rdf:Seq></dc:creator>\n");
		}
		if (info.getSubject() != null) {
			x.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">")
				.append(escape(info.getSubject()))
				.append("</rdf:li></rdf:Alt></dc:description>\n");
		}
		if (language != null) {
			x.append("<dc:language><rdf:Bag><rdf:li>")
				.append(escape(language))
				.append("</rdf:li></rdf:Bag></dc:language>\n");
		}
		if (info.getCreator() != null) {
			x.append("<xmp:CreatorTool>").append(escape(info.getCreator())).append("</xmp:CreatorTool>\n");
		}
		if (info.getKeywords() != null) {
			x.append("<pdf:Keywords>").append(escape(info.getKeywords())).append("</pdf:Keywords>\n");
		}
		x.append("<xmp:CreateDate>")
			.append(date)
			.append("</xmp:CreateDate>\n")
			.append("<xmp:ModifyDate>")
			.append(date)
			.append("</xmp:ModifyDate>\n")
			.append("<xmp:MetadataDate>")
			.append(date)
			.append("</xmp:MetadataDate>\n")
			.append("<pdf:Producer>")
			.append(escape(info.getProducer()))
			.append("</pdf:Producer>\n")
			.append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n")
			.append("<pdfuaid:part>1</pdfuaid:part>\n")
			.append("</rdf:Description>\n")
			.append(PDFUA_EXTENSION)
			.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
		return x.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static final String PDFUA_EXTENSION = """
			<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
			xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
			<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
			<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
			<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
			<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
			<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
			<pdfaProperty:name>part</pdfaProperty:name>
			<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
			<pdfaProperty:category>internal</pdfaProperty:category>
			<pdfaProperty:description>Part of ISO 14289 the document conforms to</pdfaProperty:description>
			</rdf:li></rdf:Seq></pdfaSchema:property>
			</rdf:li></rdf:Bag></pdfaExtension:schemas>
			</rdf:Description>
			""";

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
