package fr.ptce.observatory.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;

/**
 * Streams the rows of a submission file that {@link FileSniffer} found to be text: the
 * header (columns case-insensitive, in any order, unknown ones named as warnings) and
 * then each data row with the line on which it starts. Empty lines and lines whose fields
 * are all empty are skipped and not counted.
 */
final class SubmissionReader implements Closeable {

	/**
	 * The columns of the format, in the order MISSING_COLUMN looks for the required ones.
	 */
	static final List<String> REQUIRED = List.of("pole_id", "period", "indicator", "value");

	static final List<String> OPTIONAL = List.of("unit", "status", "comment");

	/**
	 * Where each column of the format is in the file (-1 when an optional one is absent).
	 */
	record Header(long line, int size, int poleId, int period, int indicator, int value, int unit, int status,
			int comment, List<Issue> warnings) {
	}

	private final CsvReader<Row> csv;

	private final Iterator<Row> records;

	private final RowHandler handler = new RowHandler();

	/**
	 * Asked at the last row only: a reader that started before the whole file was sniffed
	 * waits for it there.
	 */
	private final BooleanSupplier openQuoteAtEnd;

	/**
	 * Two rows used in turn: the one handed out and the one read ahead (to know which row
	 * is the last).
	 */
	private Row lookahead;

	private Row spare = new Row();

	private long lastLine;

	private long brokenAfterLine = -1;

	private String parseFailure;

	private Header header;

	private String missingColumn;

	SubmissionReader(Path file, FileSniffer.Facts facts) {
		this(file, facts, facts::openQuoteAtEnd);
	}

	/**
	 * @param openQuoteAtEnd whether the file ends inside a quote, asked when the last row
	 * is handed out
	 */
	SubmissionReader(Path file, FileSniffer.Facts facts, BooleanSupplier openQuoteAtEnd) {
		try {
			this.csv = CsvReader.builder()
				.fieldSeparator(facts.delimiter())
				.quoteCharacter('"')
				.skipEmptyLines(true)
				.allowExtraFields(true)
				.allowMissingFields(true)
				.allowExtraCharsAfterClosingQuote(true)
				.detectBomHeader(true)
				.build(handler, file, facts.charset());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		this.records = csv.iterator();
		this.openQuoteAtEnd = openQuoteAtEnd;
		this.lookahead = nextNonBlank(new Row());
		if (lookahead != null) {
			readHeader(lookahead);
			lookahead = nextNonBlank(lookahead);
		}
	}

	/**
	 * @return the header, or null when the file has none (EMPTY_FILE) or lacks a required
	 * column
	 */
	Header header() {
		return header;
	}

	boolean hasHeaderRow() {
		return header != null || missingColumn != null;
	}

	/**
	 * The first required column absent from the header, in the order pole_id, period,
	 * indicator, value.
	 */
	String missingColumn() {
		return missingColumn;
	}

	/**
	 * @return the next data row, or null at the end of the file; the row is reused: it is
	 * valid until the next call
	 */
	Row next() {
		Row row = lookahead;
		if (row == null) {
			return null;
		}
		lookahead = nextNonBlank(spare);
		spare = row;
		row.openQuote = lookahead == null && brokenAfterLine < 0 && openQuoteAtEnd.getAsBoolean();
		return row;
	}

	/**
	 * A data row: its fields as the parser gave them, in one char buffer (no String per
	 * field: the validation reads most fields in place). Fields are trimmed of the
	 * format's blanks when read.
	 */
	static final class Row {

		private char[] chars = new char[256];

		private int length;

		private int[] starts = new int[8];

		private int[] ends = new int[8];

		private int size;

		private long line;

		private boolean openQuote;

		long line() {
			return line;
		}

		int size() {
			return size;
		}

		/** Whether the file ends inside a quote opened in this row (its last). */
		boolean openQuote() {
			return openQuote;
		}

		char[] chars() {
			return chars;
		}

		/** Start of a field, trimmed; a column absent from the file (-1) is empty. */
		int start(int index) {
			return index < 0 ? 0 : starts[index];
		}

		/** End (exclusive) of a field, trimmed. */
		int end(int index) {
			return index < 0 ? 0 : ends[index];
		}

		/**
		 * A field, trimmed, as a String (for messages and the rare forms the fast paths
		 * leave).
		 */
		String field(int index) {
			return index < 0 ? "" : new String(chars, starts[index], ends[index] - starts[index]);
		}

		private boolean isBlank() {
			for (int i = 0; i < size; i++) {
				if (ends[i] > starts[i]) {
					return false;
				}
			}
			return true;
		}

		private void begin(long startingLine) {
			line = startingLine;
			length = 0;
			size = 0;
			openQuote = false;
		}

		private void add(char[] buf, int offset, int len) {
			if (size == starts.length) {
				starts = Arrays.copyOf(starts, size * 2);
				ends = Arrays.copyOf(ends, size * 2);
			}
			if (length + len > chars.length) {
				chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + len));
			}
			System.arraycopy(buf, offset, chars, length, len);
			// trimmed once here: the validation reads most fields several times
			int s = length;
			int e = length + len;
			while (s < e && Fields.isBlank(chars[s])) {
				s++;
			}
			while (e > s && Fields.isBlank(chars[e - 1])) {
				e--;
			}
			starts[size] = s;
			ends[size] = e;
			length += len;
			size++;
		}

	}

	/**
	 * Copies the fields of each record into the row being filled: the parser's buffer
	 * moves as it reads, a row must not.
	 */
	private static final class RowHandler extends AbstractBaseCsvCallbackHandler<Row> {

		private Row target;

		@Override
		protected void handleBegin(long startingLineNumber) {
			target.begin(startingLineNumber);
		}

		@Override
		protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
			target.add(buf, offset, len);
		}

		@Override
		protected Row buildRecord() {
			return target;
		}

	}

	private Row nextNonBlank(Row into) {
		if (brokenAfterLine >= 0) {
			return null;
		}
		handler.target = into;
		try {
			while (records.hasNext()) {
				Row row = records.next();
				lastLine = row.line();
				if (!row.isBlank()) {
					return row;
				}
			}
		}
		catch (RuntimeException ex) {
			// the parser gives up (a field longer than its buffer, typically a quote
			// opened early in a large
			// file that swallows the rest): the rest of the file is one malformed row,
			// reported, not dropped
			brokenAfterLine = lastLine;
			parseFailure = ex.getMessage();
		}
		return null;
	}

	/**
	 * @return the line after which the parser could not read any further, or -1 when it
	 * read the whole file
	 */
	long brokenAfterLine() {
		return brokenAfterLine;
	}

	String parseFailure() {
		return parseFailure;
	}

	private void readHeader(Row record) {
		Map<String, Integer> columns = new HashMap<>();
		List<Issue> warnings = new ArrayList<>();
		long line = record.line();
		for (int i = 0; i < record.size(); i++) {
			String given = record.field(i);
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
		header = new Header(line, record.size(), columns.get("pole_id"), columns.get("period"),
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
