package fr.ptce.observatory.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import fr.ptce.observatory.warehouse.Timestamps;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a receipt as JSON and as CSV (interfaces.md), streaming its issues so that a
 * file with millions of rejected rows gets a complete receipt without holding them in
 * memory. The CSV is UTF-8, comma-separated, one issue a row with the JSON's issue fields
 * as columns.
 */
final class ReceiptWriter {

	/**
	 * From about this many issues on, the CSV is written on a thread of its own while the
	 * JSON is: each walks the issues from the spools, and the receipts of a file with a
	 * million warnings are over half a gigabyte of text.
	 */
	private static final long OWN_THREAD_FROM = 10_000;

	private ReceiptWriter() {
	}

	/** An issue source that can be walked twice (once per format). */
	interface Issues {

		Iterator<Issue> iterator();

	}

	static void write(Receipt receipt, Issues issues, Path json, Path csv) {
		if (receipt.rowsRejected() + receipt.rowsWithWarnings() < OWN_THREAD_FROM) {
			writeJson(receipt, issues.iterator(), json);
			writeCsv(issues.iterator(), csv);
			return;
		}
		FutureTask<Void> csvTask = new FutureTask<>(() -> writeCsv(issues.iterator(), csv), null);
		Thread thread = new Thread(csvTask, "receipt-csv");
		thread.setDaemon(true);
		thread.start();
		try {
			writeJson(receipt, issues.iterator(), json);
		}
		finally {
			awaitCsv(csvTask);
		}
	}

	private static void awaitCsv(FutureTask<Void> csvTask) {
		try {
			csvTask.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while writing a receipt", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static void writeJson(Receipt r, Iterator<Issue> issues, Path target) {
		try (OutputStream out = Files.newOutputStream(target);
				JsonGenerator g = Json.MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out)) {
			g.writeStartObject();
			g.writeStringProperty("file", r.file());
			g.writeStringProperty("sha256", r.sha256());
			g.writeStringProperty("ingested_at", Timestamps.format(r.ingestedAt()));
			g.writeStringProperty("status", r.status().name());
			if (r.reason() == null) {
				g.writeNullProperty("reason");
			}
			else {
				g.writeStringProperty("reason", r.reason());
			}
			g.writeNumberProperty("rows_read", r.rowsRead());
			g.writeNumberProperty("rows_accepted", r.rowsAccepted());
			g.writeNumberProperty("rows_rejected", r.rowsRejected());
			g.writeNumberProperty("rows_with_warnings", r.rowsWithWarnings());
			if (r.noteFr() != null) {
				g.writeStringProperty("message_fr", r.noteFr());
				g.writeStringProperty("message_en", r.noteEn());
			}
			g.writeName("issues");
			g.writeStartArray();
			while (issues.hasNext()) {
				Issue i = issues.next();
				g.writeStartObject();
				g.writeNumberProperty("line", i.line());
				g.writeStringProperty("severity", i.severity().label());
				g.writeStringProperty("code", i.code());
				if (i.column() == null) {
					g.writeNullProperty("column");
				}
				else {
					g.writeStringProperty("column", i.column());
				}
				g.writeStringProperty("message_fr", i.messageFr());
				g.writeStringProperty("message_en", i.messageEn());
				g.writeEndObject();
			}
			g.writeEndArray();
			g.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the receipt " + target + ": " + ex.getMessage(), ex);
		}
	}

	private static void writeCsv(Iterator<Issue> issues, Path target) {
		try (CsvWriter csv = CsvWriter.builder()
			.lineDelimiter(LineDelimiter.LF)
			.build(target, StandardCharsets.UTF_8)) {
			csv.writeRecord("line", "severity", "code", "column", "message_fr", "message_en");
			while (issues.hasNext()) {
				Issue i = issues.next();
				csv.writeRecord(Long.toString(i.line()), i.severity().label(), i.code(),
						i.column() == null ? "" : i.column(), i.messageFr(), i.messageEn());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the receipt " + target + ": " + ex.getMessage(), ex);
		}
	}

}
