package fr.ptce.observatory.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;

import fr.ptce.observatory.warehouse.Timestamps;

/**
 * Writes a receipt as JSON and as CSV (interfaces.md), streaming its issues so that a
 * file with millions of rejected rows gets a complete receipt without holding them in
 * memory. The CSV is UTF-8, comma-separated, one issue a row with the JSON's issue fields
 * as columns. The JSON is laid out as Jackson's default pretty printer writes it and the
 * CSV as FastCSV's writer does, byte for byte (the receipts' format is part of the
 * contract; ReceiptWriterTest compares), but written directly as bytes.
 */
final class ReceiptWriter {

	private ReceiptWriter() {
	}

	/** An issue source, walked once for both formats. */
	interface Issues {

		Iterator<Issue> iterator();

	}

	/**
	 * Writes both receipts in one walk over the issues: each issue is read from the
	 * spools once and written twice, as bytes (see {@link ReceiptOutput}).
	 */
	static void write(Receipt receipt, Issues issues, Path json, Path csv) {
		try (ReceiptOutput j = new ReceiptOutput(json); ReceiptOutput c = new ReceiptOutput(csv)) {
			writeHead(receipt, j);
			c.ascii("line,severity,code,column,message_fr,message_en\n");
			Iterator<Issue> it = issues.iterator();
			if (!it.hasNext()) {
				j.ascii(" ]\n}");
				return;
			}
			String separator = " {\n";
			while (it.hasNext()) {
				Issue i = it.next();
				j.ascii(separator).ascii("    \"line\" : ").number(i.line());
				j.ascii(",\n    \"severity\" : ").jsonString(i.severity().label());
				j.ascii(",\n    \"code\" : ").jsonString(i.code());
				j.ascii(",\n    \"column\" : ");
				if (i.column() == null) {
					j.ascii("null");
				}
				else {
					j.jsonString(i.column());
				}
				// the texts, most of the bytes, as spooled (UTF-8): read once for
				// what both files must escape or quote
				int fr = ReceiptOutput.classes(i.textFr());
				int en = ReceiptOutput.classes(i.textEn());
				j.ascii(",\n    \"message_fr\" : ").jsonText(i.textFr(), fr);
				j.ascii(",\n    \"message_en\" : ").jsonText(i.textEn(), en);
				separator = "\n  }, {\n";
				c.number(i.line()).ascii(",").csvField(i.severity().label(), false).ascii(",");
				c.csvField(i.code(), false).ascii(",").csvField(i.column(), false).ascii(",");
				c.csvText(i.textFr(), fr, false).ascii(",").csvText(i.textEn(), en, false).ascii("\n");
			}
			j.ascii("\n  } ]\n}");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the receipt " + json + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The receipt's fields before its issues, and the issues' opening bracket, as
	 * Jackson's default pretty printer lays them out.
	 */
	private static void writeHead(Receipt r, ReceiptOutput j) throws IOException {
		j.ascii("{\n  \"file\" : ").jsonString(r.file());
		j.ascii(",\n  \"sha256\" : ").jsonString(r.sha256());
		j.ascii(",\n  \"ingested_at\" : ").jsonString(Timestamps.format(r.ingestedAt()));
		j.ascii(",\n  \"status\" : ").jsonString(r.status().name());
		j.ascii(",\n  \"reason\" : ");
		if (r.reason() == null) {
			j.ascii("null");
		}
		else {
			j.jsonString(r.reason());
		}
		j.ascii(",\n  \"rows_read\" : ").number(r.rowsRead());
		j.ascii(",\n  \"rows_accepted\" : ").number(r.rowsAccepted());
		j.ascii(",\n  \"rows_rejected\" : ").number(r.rowsRejected());
		j.ascii(",\n  \"rows_with_warnings\" : ").number(r.rowsWithWarnings());
		if (r.noteFr() != null) {
			j.ascii(",\n  \"message_fr\" : ").jsonString(r.noteFr());
			j.ascii(",\n  \"message_en\" : ").jsonString(r.noteEn());
		}
		j.ascii(",\n  \"issues\" : [");
	}

}
