package fr.ptce.observatory.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Streams the rows of a submission file that {@link FileSniffer} found to be text: the header (columns
 * case-insensitive, in any order, unknown ones named as warnings) and then each data row with the line on which
 * it starts. Empty lines and lines whose fields are all empty are skipped and not counted.
 */
final class SubmissionReader implements Closeable {

	/** The columns of the format, in the order MISSING_COLUMN looks for the required ones. */
	static final List<String> REQUIRED = List.of("pole_id", "period", "indicator", "value");

	static final List<String> OPTIONAL = List.of("unit", "status", "comment");

	/** Where each column of the format is in the file (-1 when an optional one is absent). */
	record Header(long line, int size, int poleId, int period, int indicator, int value, int unit, int status,
			int comment, List<Issue> warnings) {
	}

	private final CsvReader<CsvRecord> csv;

	private final Iterator<CsvRecord> records;

	private final boolean openQuoteAtEnd;

	private CsvRecord lookahead;

	private long lastLine;

	private long brokenAfterLine = -1;

	private String parseFailure;

	private Header header;

	private String missingColumn;

	SubmissionReader(Path file, FileSniffer.Facts facts) {
		try {
			this.csv = CsvReader.builder()
				.fieldSeparator(facts.delimiter())
				.quoteCharacter('"')
				.skipEmptyLines(true)
				.allowExtraFields(true)
				.allowMissingFields(true)
				.allowExtraCharsAfterClosingQuote(true)
				.detectBomHeader(true)
				.ofCsvRecord(file, facts.charset());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		this.records = csv.iterator();
		this.openQuoteAtEnd = facts.openQuoteAtEnd();
		this.lookahead = nextNonBlank();
		if (lookahead != null) {
			readHeader(lookahead);
			lookahead = nextNonBlank();
		}
	}

	/** @return the header, or null when the file has none (EMPTY_FILE) or lacks a required column */
	Header header() {
		return header;
	}

	boolean hasHeaderRow() {
		return header != null || missingColumn != null;
	}

	/** The first required column absent from the header, in the order pole_id, period, indicator, value. */
	String missingColumn() {
		return missingColumn;
	}

	/** @return the next data row, or null at the end of the file */
	Row next() {
		CsvRecord record = lookahead;
		if (record == null) {
			return null;
		}
		lookahead = nextNonBlank();
		return new Row(record, lookahead == null && openQuoteAtEnd && brokenAfterLine < 0);
	}

	/** A data row: its fields as the parser gave them (not yet trimmed). */
	record Row(CsvRecord record, boolean openQuote) {

		long line() {
			return record.getStartingLineNumber();
		}

		int size() {
			return record.getFieldCount();
		}

		String field(int index) {
			return index < 0 ? "" : Fields.trim(record.getField(index));
		}

		String raw(int index) {
			return record.getField(index);
		}

	}

	private CsvRecord nextNonBlank() {
		if (brokenAfterLine >= 0) {
			return null;
		}
		try {
			while (records.hasNext()) {
				CsvRecord record = records.next();
				lastLine = record.getStartingLineNumber();
				if (!isBlank(record)) {
					return record;
				}
			}
		}
		catch (RuntimeException ex) {
			// the parser gives up (a field longer than its buffer, typically a quote opened early in a large
			// file that swallows the rest): the rest of the file is one malformed row, reported, not dropped
			brokenAfterLine = lastLine;
			parseFailure = ex.getMessage();
		}
		return null;
	}

	/**
	 * @return the line after which the parser could not read any further, or -1 when it read the whole file
	 */
	long brokenAfterLine() {
		return brokenAfterLine;
	}

	String parseFailure() {
		return parseFailure;
	}

	private static boolean isBlank(CsvRecord record) {
		for (int i = 0; i < record.getFieldCount(); i++) {
			if (!Fields.trim(record.getField(i)).isEmpty()) {
				return false;
			}
		}
		return true;
	}

	private void readHeader(CsvRecord record) {
		Map<String, Integer> columns = new HashMap<>();
		List<Issue> warnings = new ArrayList<>();
		long line = record.getStartingLineNumber();
		for (int i = 0; i < record.getFieldCount(); i++) {
			String given = Fields.trim(record.getField(i));
			String name = given.toLowerCase(Locale.ROOT);
			if (name.isEmpty()) {
				continue;
			}
			if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
				warnings.add(Messages.unknownColumn(line, given));
			}
			else if (columns.putIfAbsent(name, i) != null) {
				warnings.add(Messages.duplicateColumn(line, given));
			}
		}
		for (String required : REQUIRED) {
			if (!columns.containsKey(required)) {
				missingColumn = required;
				return;
			}
		}
		header = new Header(line, record.getFieldCount(), columns.get("pole_id"), columns.get("period"),
				columns.get("indicator"), columns.get("value"), columns.getOrDefault("unit", -1),
				columns.getOrDefault("status", -1), columns.getOrDefault("comment", -1), List.copyOf(warnings));
	}

	@Override
	public void close() {
		try {
			csv.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
