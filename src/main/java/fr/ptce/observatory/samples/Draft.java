package fr.ptce.observatory.samples;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One submission file before it is written: its header and rows in a {@link Style}, each
 * row knowing the observation it came from and the issues the ingestion is expected to
 * report on it. Written, it gives the bytes of the file and the line on which each row
 * starts (the header is line 1), which is what receipts report.
 */
final class Draft {

	/**
	 * What the ingestion is expected to say about a row or the file
	 * (submission-format.md).
	 */
	record Expect(String severity, String code, String column, String note) {

		static Expect error(String code, String column, String note) {
			return new Expect("error", code, column, note);
		}

		static Expect warning(String code, String column, String note) {
			return new Expect("warning", code, column, note);
		}

		boolean isError() {
			return severity.equals("error");
		}

	}

	/**
	 * One observation as generated, value in the catalogue unit held unscaled
	 * ({@link Figures#scale}).
	 */
	record Obs(String indicator, int year, int quarter, Long value, String status, String comment) {

		Obs withValue(Long v) {
			return new Obs(indicator, year, quarter, v, status, comment);
		}

		Obs withStatus(String s) {
			return new Obs(indicator, year, quarter, value, s, comment);
		}

		Obs withComment(String c) {
			return new Obs(indicator, year, quarter, value, status, c);
		}

	}

	enum Kind {

		DATA, BLANK, EMPTY_LINE, RAW

	}

	static final class Row {

		final Kind kind;

		final Map<String, String> fields = new LinkedHashMap<>();

		final Obs obs;

		final List<Expect> expects = new ArrayList<>();

		/** A RAW row's text, written as is. */
		String raw;

		/** The column whose quoted cell is left open (a quote never closed), or null. */
		String openQuote;

		/**
		 * Extra cells inserted before the cell of this index (a shifted or malformed
		 * row), or -1.
		 */
		int extraAt = -1;

		final List<String> extra = new ArrayList<>();

		Row(Kind kind, Obs obs) {
			this.kind = kind;
			this.obs = obs;
		}

		String get(String column) {
			return fields.getOrDefault(column, "");
		}

		Row set(String column, String value) {
			fields.put(column, value);
			return this;
		}

		Row expect(Expect e) {
			expects.add(e);
			return this;
		}

		boolean isData() {
			return kind == Kind.DATA || kind == Kind.RAW;
		}

		boolean isRejected() {
			return expects.stream().anyMatch(Expect::isError);
		}

	}

	/** A written file: its bytes, and each expected issue with its line. */
	record Written(byte[] bytes, List<LineExpect> issues, int rowsRead, int rowsRejected) {
	}

	record LineExpect(long line, Expect expect) {
	}

	final String name;

	final Style style;

	final List<String> columns;

	final List<String> header;

	final List<Row> rows = new ArrayList<>();

	/** File-level expectations on line 1 (unknown columns). */
	final List<Expect> headerExpects = new ArrayList<>();

	Draft(String name, Style style) {
		this.name = name;
		this.style = style;
		this.columns = new ArrayList<>(style.columns());
		this.header = new ArrayList<>(style.header());
		if (style.has("source")) {
			headerExpects.add(Expect.warning("UNKNOWN_COLUMN", style.headerOf("source"), "column not in the format"));
		}
	}

	Row add(Obs obs, Map<String, String> fields) {
		Row row = new Row(Kind.DATA, obs);
		row.fields.putAll(fields);
		rows.add(row);
		return row;
	}

	Row blank() {
		Row row = new Row(Kind.BLANK, null);
		rows.add(row);
		return row;
	}

	Row emptyLine() {
		Row row = new Row(Kind.EMPTY_LINE, null);
		rows.add(row);
		return row;
	}

	/** The first data row of that indicator (and period, when quarter >= 0), or null. */
	Row find(String indicator, int quarter) {
		return find(r -> r.obs != null && r.obs.indicator().equals(indicator)
				&& (quarter < 0 || r.obs.quarter() == quarter));
	}

	Row find(Predicate<Row> test) {
		for (Row row : rows) {
			if (row.kind == Kind.DATA && test.test(row)) {
				return row;
			}
		}
		return null;
	}

	int indexOf(Row row) {
		return rows.indexOf(row);
	}

	List<Row> dataRows() {
		return rows.stream().filter(r -> r.kind == Kind.DATA).toList();
	}

	Written write() {
		StringBuilder text = new StringBuilder(64 * (rows.size() + 1));
		List<LineExpect> issues = new ArrayList<>();
		long line = 1;
		text.append(renderCells(header, -1, List.of(), true, -1)).append(style.eol());
		for (Expect e : headerExpects) {
			issues.add(new LineExpect(1, e));
		}
		line++;
		int read = 0;
		int rejected = 0;
		for (Row row : rows) {
			String rendered = switch (row.kind) {
				case DATA -> renderCells(columns.stream().map(row::get).toList(), row.extraAt, row.extra, false,
						row.openQuote == null ? -1 : columns.indexOf(row.openQuote));
				case RAW -> row.raw;
				case BLANK -> String.valueOf(style.delimiter()).repeat(columns.size() - 1);
				case EMPTY_LINE -> "";
			};
			for (Expect e : row.expects) {
				issues.add(new LineExpect(line, e));
			}
			if (row.isData()) {
				read++;
				if (row.isRejected()) {
					rejected++;
				}
			}
			text.append(rendered).append(style.eol());
			line += 1 + rendered.chars().filter(c -> c == '\n').count();
		}
		return new Written(encode(text), issues, read, rejected);
	}

	private String renderCells(List<String> cells, int extraAt, List<String> extra, boolean isHeader, int open) {
		StringBuilder out = new StringBuilder();
		int count = 0;
		for (int i = 0; i <= cells.size(); i++) {
			if (i == extraAt || (i == cells.size() && extraAt > cells.size())) {
				for (String x : extra) {
					out.append(count++ > 0 ? String.valueOf(style.delimiter()) : "").append(cell(x, true));
				}
			}
			if (i < cells.size()) {
				boolean text = isHeader || !columns.get(i).equals("value");
				String cell = i == open ? '"' + cells.get(i) : cell(cells.get(i), text, !isHeader);
				out.append(count++ > 0 ? String.valueOf(style.delimiter()) : "").append(cell);
			}
		}
		return out.toString();
	}

	private String cell(String value, boolean text) {
		return cell(value, text, true);
	}

	private String cell(String value, boolean text, boolean pad) {
		boolean quote = value.indexOf(style.delimiter()) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0 || (style.quoteAll() && text && !value.isEmpty());
		if (quote) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return pad && style.pad() && !value.isEmpty() ? " " + value + " " : value;
	}

	private byte[] encode(CharSequence text) {
		CharsetEncoder encoder = style.charset()
			.newEncoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer buffer;
		try {
			buffer = encoder.encode(CharBuffer.wrap(text));
		}
		catch (CharacterCodingException ex) {
			throw new IllegalStateException(name + ": text not encodable in " + style.charset(), ex);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(buffer.remaining() + 3);
		if (style.bom()) {
			out.write(0xEF);
			out.write(0xBB);
			out.write(0xBF);
		}
		out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
		return out.toByteArray();
	}

}
