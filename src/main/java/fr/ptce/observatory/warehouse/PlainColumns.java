package fr.ptce.observatory.warehouse;

import static fr.ptce.observatory.warehouse.ObservationEncoder.PAGE_BYTES;
import static fr.ptce.observatory.warehouse.ObservationEncoder.PAGE_ROWS;
import static fr.ptce.observatory.warehouse.ObservationLayout.COMMENT;
import static fr.ptce.observatory.warehouse.ObservationLayout.LINE;
import static fr.ptce.observatory.warehouse.ObservationLayout.VALUE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.parquet.column.Encoding;

/**
 * The PLAIN columns of an observations row group (value, comment, line), whose values
 * hardly repeat, so that a dictionary would only cost, and the definition levels of the
 * optional columns. Part of an {@link ObservationEncoder}, whose page buffer and page
 * writer it shares; nothing here allocates per row but the comments' bytes.
 */
final class PlainColumns {

	private final PageWriter pages;

	private final PageBuffer page;

	private int[] definitionLevels = new int[0];

	private byte[][] commentBytes = new byte[0][];

	PlainColumns(PageWriter pages, PageBuffer page) {
		this.pages = pages;
		this.page = page;
	}

	void prepare(int rows) {
		if (definitionLevels.length < rows) {
			definitionLevels = new int[rows];
		}
	}

	/**
	 * The definition level of each row of the row group (1 present, 0 null), filled by
	 * the column being written.
	 */
	int[] definitionLevels() {
		return definitionLevels;
	}

	/**
	 * value: optional DOUBLE, PLAIN (values hardly repeat: a dictionary only costs), NaN
	 * written as null.
	 */
	void valueColumn(double[] values, int n) throws IOException {
		pages.startColumn(VALUE, n);
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		int nulls = 0;
		for (int from = 0; from < n; from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			int pageNulls = 0;
			for (int i = from; i < to; i++) {
				double v = values[i];
				if (v != v) {
					definitionLevels[i] = 0;
					pageNulls++;
					continue;
				}
				definitionLevels[i] = 1;
				if (v < min) {
					min = v;
				}
				if (v > max) {
					max = v;
				}
			}
			nulls += pageNulls;
			page.reset();
			writeDefinitionLevels(from, to);
			page.ensure((to - from - pageNulls) * 8);
			for (int i = from; i < to; i++) {
				double v = values[i];
				if (v == v) {
					page.putLongLE(Double.doubleToRawLongBits(v));
				}
			}
			pages.dataPage(page, to - from, Encoding.RLE, Encoding.PLAIN);
		}
		// no NaN is ever written (it is null), and the IEEE 754 total order wants
		// nan_count, zero or not
		if (nulls == n) {
			pages.endColumn(ObservationLayout.statistics(VALUE, null, null, nulls));
			return;
		}
		// the extremes in IEEE 754 total order, the column's order, where -0.0 comes
		// before +0.0, which < and >
		// see as equal: when an extreme is a zero, which zeros the row group holds
		// decides its sign
		if (min == 0.0 || max == 0.0) {
			boolean negativeZero = false;
			boolean positiveZero = false;
			for (int i = 0; i < n; i++) {
				if (values[i] == 0.0) {
					if (Double.doubleToRawLongBits(values[i]) == 0) {
						positiveZero = true;
					}
					else {
						negativeZero = true;
					}
				}
			}
			if (min == 0.0) {
				min = negativeZero ? -0.0 : 0.0;
			}
			if (max == 0.0) {
				max = positiveZero ? 0.0 : -0.0;
			}
		}
		pages.endColumn(ObservationLayout.statistics(VALUE, littleEndian(Double.doubleToRawLongBits(min), 8),
				littleEndian(Double.doubleToRawLongBits(max), 8), nulls));
	}

	/**
	 * comment: optional BINARY, PLAIN (free text, nearly always null); pages also end at
	 * {@link ObservationEncoder#PAGE_BYTES}. No statistics, like the reference layout:
	 * nobody filters on comments.
	 */
	void commentColumn(String[] comments, int n) throws IOException {
		if (commentBytes.length < Math.min(n, PAGE_ROWS)) {
			commentBytes = new byte[Math.min(n, PAGE_ROWS)][];
		}
		pages.startColumn(COMMENT, n);
		int from = 0;
		while (from < n) {
			int limit = Math.min(n, from + PAGE_ROWS);
			int bytes = 0;
			int to = from;
			while (to < limit && bytes < PAGE_BYTES) {
				String c = comments[to];
				if (c == null) {
					definitionLevels[to] = 0;
				}
				else {
					byte[] b = c.getBytes(StandardCharsets.UTF_8);
					commentBytes[to - from] = b;
					bytes += 4 + b.length;
					definitionLevels[to] = 1;
				}
				to++;
			}
			page.reset();
			writeDefinitionLevels(from, to);
			page.ensure(bytes);
			for (int i = from; i < to; i++) {
				if (definitionLevels[i] != 0) {
					byte[] b = commentBytes[i - from];
					page.writeIntLE(b.length);
					page.writeBytes(b);
					commentBytes[i - from] = null;
				}
			}
			pages.dataPage(page, to - from, Encoding.RLE, Encoding.PLAIN);
			from = to;
		}
		pages.endColumn(null);
	}

	/** line: required INT64, PLAIN (unique per row). */
	void lineColumn(long[] lines, int n) throws IOException {
		pages.startColumn(LINE, n);
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		for (int from = 0; from < n; from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			page.reset();
			page.ensure((to - from) * 8);
			for (int i = from; i < to; i++) {
				long v = lines[i];
				page.putLongLE(v);
				if (v < min) {
					min = v;
				}
				if (v > max) {
					max = v;
				}
			}
			pages.dataPage(page, to - from, Encoding.BIT_PACKED, Encoding.PLAIN);
		}
		pages.endColumn(ObservationLayout.statistics(LINE, littleEndian(min, 8), littleEndian(max, 8), 0));
	}

	/**
	 * Definition levels of rows [from, to) at the end of the page: RLE hybrid, bit width
	 * 1, length-prefixed.
	 */
	void writeDefinitionLevels(int from, int to) {
		int lengthAt = page.size;
		page.writeIntLE(0);
		HybridEncoder.encode(definitionLevels, from, to, 1, page);
		page.putIntLE(lengthAt, page.size - lengthAt - 4);
	}

	/** PLAIN encoding of a number of {@code bytes} bytes: little-endian. */
	static byte[] littleEndian(long v, int bytes) {
		byte[] b = new byte[bytes];
		for (int i = 0; i < bytes; i++) {
			b[i] = (byte) (v >>> (8 * i));
		}
		return b;
	}

}
