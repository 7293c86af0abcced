package fr.ptce.observatory.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;

/**
 * Encodes one row group of observations, column chunk by column chunk, into a {@link ParquetFileWriter}, with the
 * encodings parquet-mr's V1 writer gives the same layout (so every reader sees the files it already reads):
 * text columns and quarter and ingested_at as a PLAIN_DICTIONARY dictionary page plus data pages of dictionary
 * ids in the RLE/bit-packing hybrid; value, comment and line PLAIN; definition levels RLE; data page V1; ZSTD.
 *
 * The text columns come as int codes: a row group's dictionary is the codes it uses, in order of first use,
 * found with an int array from global code to local id (reset through the list of codes used, so it is never
 * cleared whole), and min/max statistics are the extreme ranks of the codes seen. Nothing here allocates per row.
 *
 * An encoder holds the scratch arrays of one row group and a zstd context: the instances are pooled, so that
 * memory goes with the threads encoding at once, not with the files open (an ingest keeps one per year open).
 */
final class ObservationEncoder {

	/** parquet-mr's default page row count limit: readers never need a buffer for more. */
	static final int PAGE_ROWS = 20_000;

	/** parquet-mr's default page size: only comments can reach it within {@link #PAGE_ROWS}. */
	static final int PAGE_BYTES = 1 << 20;

	private static final List<ColumnDescriptor> COLUMNS = Tables.OBSERVATION.schema().getColumns();

	private static final ColumnDescriptor POLE_ID = column(0, "pole_id");

	private static final ColumnDescriptor PERIOD = column(1, "period");

	private static final ColumnDescriptor QUARTER = column(2, "quarter");

	private static final ColumnDescriptor INDICATOR = column(3, "indicator");

	private static final ColumnDescriptor VALUE = column(4, "value");

	private static final ColumnDescriptor UNIT = column(5, "unit");

	private static final ColumnDescriptor STATUS = column(6, "status");

	private static final ColumnDescriptor COMMENT = column(7, "comment");

	private static final ColumnDescriptor SUBMISSION_ID = column(8, "submission_id");

	private static final ColumnDescriptor SOURCE_FILE = column(9, "source_file");

	private static final ColumnDescriptor LINE = column(10, "line");

	private static final ColumnDescriptor INGESTED_AT = column(11, "ingested_at");

	private static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;

	/** Quarter values 0..4 as PLAIN INT32 dictionary entries (0 is never written: it is null). */
	private static final byte[][] QUARTER_BYTES = new byte[5][];

	static {
		for (int q = 0; q < 5; q++) {
			QUARTER_BYTES[q] = new byte[] { (byte) q, 0, 0, 0 };
		}
	}

	private static final ConcurrentLinkedDeque<ObservationEncoder> POOL = new ConcurrentLinkedDeque<>();

	private static final int MAX_POOLED = Math.max(2, Runtime.getRuntime().availableProcessors());

	private final ZstdCompressCtx zstd = new ZstdCompressCtx();

	private int zstdLevel = Integer.MIN_VALUE;

	/** Dictionary id of each row (code columns), or of each non-null value, page after page (quarter). */
	private int[] ids = new int[0];

	/** A derived code per row: the unit of the indicator, the status, the quarter. */
	private int[] derived = new int[0];

	private int[] definitionLevels = new int[0];

	/** Global code to local dictionary id, -1 when unused in the row group; all -1 between row groups. */
	private int[] remap = new int[0];

	/** Local dictionary id to global code: the codes used, in order of first use. */
	private int[] used = new int[0];

	/** Per page of the current column: the extreme ranks, or where its ids start (quarter). */
	private int[] pageLow = new int[0];

	private int[] pageHigh = new int[0];

	private int[] pageStart = new int[0];

	private byte[][] commentBytes = new byte[0][];

	private final PageBuffer page = new PageBuffer(1 << 16);

	private byte[] compressed = new byte[1 << 16];

	private int compressedSize;

	private ObservationEncoder() {
	}

	/** An encoder of the pool, or a new one; give it back with {@link #release()}. */
	static ObservationEncoder acquire(int zstdLevel) {
		ObservationEncoder encoder = POOL.pollFirst();
		if (encoder == null) {
			encoder = new ObservationEncoder();
		}
		if (encoder.zstdLevel != zstdLevel) {
			encoder.zstd.setLevel(zstdLevel);
			encoder.zstdLevel = zstdLevel;
		}
		return encoder;
	}

	void release() {
		if (POOL.size() < MAX_POOLED) {
			POOL.offerFirst(this);
		}
		else {
			zstd.close();
		}
	}

	/** After a failure half-way: the scratch state may be inconsistent, so the encoder is not pooled again. */
	void discard() {
		zstd.close();
	}

	/** Writes the rows of {@code batch} as one row group. */
	void writeRowGroup(ParquetFileWriter writer, ObservationBatch batch, ObservationCodes codes,
			long ingestedAtMicros) throws IOException {
		int n = batch.size();
		// one snapshot of the files for the whole row group: the job's thread may add files meanwhile
		ObservationCodes.Files files = codes.files();
		prepare(n, codes, files.count());
		writer.startBlock(n);

		codeColumn(writer, POLE_ID, batch.pole, n, codes.poles());
		codeColumn(writer, PERIOD, batch.period, n, codes.periods());
		quarterColumn(writer, batch.period, n, codes.quarterOfPeriod());
		codeColumn(writer, INDICATOR, batch.indicator, n, codes.indicators());
		valueColumn(writer, batch.value, n);
		int[] unitOf = codes.unitOfIndicator();
		int[] indicators = batch.indicator;
		for (int i = 0; i < n; i++) {
			derived[i] = unitOf[indicators[i]];
		}
		codeColumn(writer, UNIT, derived, n, codes.units());
		byte[] statuses = batch.status;
		for (int i = 0; i < n; i++) {
			derived[i] = statuses[i];
		}
		codeColumn(writer, STATUS, derived, n, codes.statuses());
		commentColumn(writer, batch.comment, n);
		codeColumn(writer, SUBMISSION_ID, batch.file, n, files.submissions(), files.count());
		codeColumn(writer, SOURCE_FILE, batch.file, n, files.sources(), files.count());
		lineColumn(writer, batch.line, n);
		constantColumn(writer, INGESTED_AT, ingestedAtMicros, n);

		writer.endBlock();
	}

	private void prepare(int rows, ObservationCodes codes, int fileCount) {
		if (ids.length < rows) {
			ids = new int[rows];
			derived = new int[rows];
			definitionLevels = new int[rows];
		}
		int pages = (rows + PAGE_ROWS - 1) / PAGE_ROWS;
		if (pageLow.length < pages) {
			pageLow = new int[pages];
			pageHigh = new int[pages];
			pageStart = new int[pages + 1];
		}
		int codeCount = Math.max(Math.max(codes.poleCount(), codes.periods().size()),
				Math.max(fileCount, codes.indicatorCount()));
		codeCount = Math.max(codeCount, 5);
		if (remap.length < codeCount) {
			int old = remap.length;
			remap = Arrays.copyOf(remap, Math.max(codeCount, old * 2));
			Arrays.fill(remap, old, remap.length, -1);
			used = new int[remap.length];
		}
	}

	/** A required text column of codes with statistics (by rank). */
	private void codeColumn(ParquetFileWriter writer, ColumnDescriptor column, int[] codes, int n,
			ObservationCodes.Dictionary dictionary) throws IOException {
		int size = mapToIds(codes, n, dictionary.rank);
		byte[][] bytes = dictionary.bytes;
		writeBinaryDictionary(writer, column, n, bytes, bytes.length, size);
		int bitWidth = bitWidth(size);
		for (int p = 0, from = 0; from < n; p++, from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			page.reset();
			page.write(bitWidth);
			HybridEncoder.encode(ids, from, to, bitWidth, page);
			Statistics<?> stats = Statistics.createStats(column.getPrimitiveType());
			stats.updateStats(Binary.fromConstantByteArray(bytes[dictionary.byRank[pageLow[p]]]));
			stats.updateStats(Binary.fromConstantByteArray(bytes[dictionary.byRank[pageHigh[p]]]));
			writePage(writer, to - from, stats, Encoding.BIT_PACKED, Encoding.PLAIN_DICTIONARY);
		}
		writer.endColumn();
	}

	/**
	 * A required text column of codes without statistics, like the reference layout's files columns (nobody
	 * filters on them, and they have no fixed rank: the files grow during a run).
	 */
	private void codeColumn(ParquetFileWriter writer, ColumnDescriptor column, int[] codes, int n, byte[][] bytes,
			int count) throws IOException {
		int size = mapToIds(codes, n, null);
		writeBinaryDictionary(writer, column, n, bytes, count, size);
		int bitWidth = bitWidth(size);
		for (int from = 0; from < n; from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			page.reset();
			page.write(bitWidth);
			HybridEncoder.encode(ids, from, to, bitWidth, page);
			writePage(writer, to - from, Statistics.noopStats(column.getPrimitiveType()), Encoding.BIT_PACKED,
					Encoding.PLAIN_DICTIONARY);
		}
		writer.endColumn();
	}

	/**
	 * Fills {@link #ids} with the local dictionary id of each row, {@link #used} with the codes in order of first
	 * use, and, given ranks, {@link #pageLow}/{@link #pageHigh} with each page's extreme ranks.
	 *
	 * @return the dictionary size
	 */
	private int mapToIds(int[] codes, int n, int[] rank) {
		int[] remap = this.remap;
		int[] used = this.used;
		int[] ids = this.ids;
		int size = 0;
		try {
			for (int p = 0, from = 0; from < n; p++, from += PAGE_ROWS) {
				int to = Math.min(n, from + PAGE_ROWS);
				int low = Integer.MAX_VALUE;
				int high = -1;
				int previous = -1;
				int previousId = -1;
				for (int i = from; i < to; i++) {
					int code = codes[i];
					if (code == previous) {
						// runs are the common case (one file, one status, a pole for dozens of rows)
						ids[i] = previousId;
						continue;
					}
					int id = remap[code];
					if (id < 0) {
						id = size++;
						remap[code] = id;
						used[id] = code;
					}
					ids[i] = id;
					previous = code;
					previousId = id;
					if (rank != null) {
						int r = rank[code];
						if (r < low) {
							low = r;
						}
						if (r > high) {
							high = r;
						}
					}
				}
				pageLow[p] = low;
				pageHigh[p] = high;
			}
		}
		finally {
			for (int k = 0; k < size; k++) {
				remap[used[k]] = -1;
			}
		}
		return size;
	}

	/**
	 * The dictionary page: each used code's bytes, PLAIN (length-prefixed), in id order. A code beyond
	 * {@code count} (a file not added yet) is refused here, once per distinct code rather than once per row.
	 */
	private void writeBinaryDictionary(ParquetFileWriter writer, ColumnDescriptor column, int n, byte[][] bytes,
			int count, int size) throws IOException {
		page.reset();
		for (int k = 0; k < size; k++) {
			if (used[k] >= count) {
				throw new IllegalArgumentException("unknown " + column.getPath()[0] + " code " + used[k] + " ("
						+ count + " known)");
			}
			byte[] b = bytes[used[k]];
			page.writeIntLE(b.length);
			page.writeBytes(b);
		}
		writer.startColumn(column, n, CODEC);
		writeDictionaryPage(writer, size);
	}

	private void writeDictionaryPage(ParquetFileWriter writer, int size) throws IOException {
		int uncompressed = page.size;
		compress();
		writer.writeDictionaryPage(new DictionaryPage(BytesInput.from(compressed, 0, compressedSize), uncompressed,
				size, Encoding.PLAIN_DICTIONARY));
	}

	/** quarter: optional INT32, null for the year, dictionary-encoded like parquet-mr does (4 values at most). */
	private void quarterColumn(ParquetFileWriter writer, int[] periods, int n, int[] quarterOfPeriod)
			throws IOException {
		int[] remap = this.remap;
		int size = 0;
		int values = 0;
		try {
			for (int p = 0, from = 0; from < n; p++, from += PAGE_ROWS) {
				int to = Math.min(n, from + PAGE_ROWS);
				pageStart[p] = values;
				int low = Integer.MAX_VALUE;
				int high = -1;
				for (int i = from; i < to; i++) {
					int q = quarterOfPeriod[periods[i]];
					if (q == 0) {
						definitionLevels[i] = 0;
						continue;
					}
					definitionLevels[i] = 1;
					int id = remap[q];
					if (id < 0) {
						id = size++;
						remap[q] = id;
						used[id] = q;
					}
					ids[values++] = id;
					low = Math.min(low, q);
					high = Math.max(high, q);
				}
				pageLow[p] = low;
				pageHigh[p] = high;
			}
		}
		finally {
			for (int k = 0; k < size; k++) {
				remap[used[k]] = -1;
			}
		}
		page.reset();
		for (int k = 0; k < size; k++) {
			page.writeBytes(QUARTER_BYTES[used[k]]);
		}
		writer.startColumn(QUARTER, n, CODEC);
		writeDictionaryPage(writer, size);
		int bitWidth = bitWidth(size);
		for (int p = 0, from = 0; from < n; p++, from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			int valuesFrom = pageStart[p];
			int valuesTo = from + PAGE_ROWS >= n ? values : pageStart[p + 1];
			page.reset();
			writeDefinitionLevels(from, to);
			page.write(bitWidth);
			HybridEncoder.encode(ids, valuesFrom, valuesTo, bitWidth, page);
			Statistics<?> stats = Statistics.createStats(QUARTER.getPrimitiveType());
			if (valuesTo > valuesFrom) {
				stats.updateStats(pageLow[p]);
				stats.updateStats(pageHigh[p]);
			}
			stats.setNumNulls((to - from) - (valuesTo - valuesFrom));
			writePage(writer, to - from, stats, Encoding.RLE, Encoding.PLAIN_DICTIONARY);
		}
		writer.endColumn();
	}

	/** value: optional DOUBLE, PLAIN (values hardly repeat: a dictionary only costs), NaN written as null. */
	private void valueColumn(ParquetFileWriter writer, double[] values, int n) throws IOException {
		writer.startColumn(VALUE, n, CODEC);
		for (int from = 0; from < n; from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			double min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			int nulls = 0;
			for (int i = from; i < to; i++) {
				double v = values[i];
				if (v != v) {
					definitionLevels[i] = 0;
					nulls++;
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
			page.reset();
			writeDefinitionLevels(from, to);
			page.ensure((to - from - nulls) * 8);
			for (int i = from; i < to; i++) {
				double v = values[i];
				if (v == v) {
					page.putLongLE(Double.doubleToRawLongBits(v));
				}
			}
			Statistics<?> stats = Statistics.createStats(VALUE.getPrimitiveType());
			if (nulls < to - from) {
				// two updates, not one per row; but the statistics order -0.0 before +0.0 (IEEE 754 total order),
				// which < and > do not see: when the extremes are zeros, the page's zeros are fed too
				if (min == 0.0 || max == 0.0) {
					for (int i = from; i < to; i++) {
						if (values[i] == 0.0) {
							stats.updateStats(values[i]);
						}
					}
				}
				stats.updateStats(min);
				stats.updateStats(max);
			}
			stats.setNumNulls(nulls);
			writePage(writer, to - from, stats, Encoding.RLE, Encoding.PLAIN);
		}
		writer.endColumn();
	}

	/**
	 * comment: optional BINARY, PLAIN (free text, nearly always null); pages also end at {@link #PAGE_BYTES}.
	 * No statistics, like the reference layout: nobody filters on comments.
	 */
	private void commentColumn(ParquetFileWriter writer, String[] comments, int n) throws IOException {
		if (commentBytes.length < Math.min(n, PAGE_ROWS)) {
			commentBytes = new byte[Math.min(n, PAGE_ROWS)][];
		}
		writer.startColumn(COMMENT, n, CODEC);
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
			writePage(writer, to - from, Statistics.noopStats(COMMENT.getPrimitiveType()), Encoding.RLE,
					Encoding.PLAIN);
			from = to;
		}
		writer.endColumn();
	}

	/** line: required INT64, PLAIN (unique per row). */
	private void lineColumn(ParquetFileWriter writer, long[] lines, int n) throws IOException {
		writer.startColumn(LINE, n, CODEC);
		for (int from = 0; from < n; from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			page.reset();
			page.ensure((to - from) * 8);
			long min = Long.MAX_VALUE;
			long max = Long.MIN_VALUE;
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
			Statistics<?> stats = Statistics.createStats(LINE.getPrimitiveType());
			stats.updateStats(min);
			stats.updateStats(max);
			writePage(writer, to - from, stats, Encoding.BIT_PACKED, Encoding.PLAIN);
		}
		writer.endColumn();
	}

	/** ingested_at: one instant per file, so a one-entry dictionary and one RLE run of id 0 (bit width 0). */
	private void constantColumn(ParquetFileWriter writer, ColumnDescriptor column, long value, int n)
			throws IOException {
		page.reset();
		page.writeLongLE(value);
		writer.startColumn(column, n, CODEC);
		writeDictionaryPage(writer, 1);
		for (int from = 0; from < n; from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			page.reset();
			page.write(0);
			page.ensure(5);
			page.putVarInt((to - from) << 1);
			Statistics<?> stats = Statistics.createStats(column.getPrimitiveType());
			stats.updateStats(value);
			writePage(writer, to - from, stats, Encoding.BIT_PACKED, Encoding.PLAIN_DICTIONARY);
		}
		writer.endColumn();
	}

	/** Definition levels of rows [from, to) at the end of the page: RLE hybrid, bit width 1, length-prefixed. */
	private void writeDefinitionLevels(int from, int to) {
		int lengthAt = page.size;
		page.writeIntLE(0);
		HybridEncoder.encode(definitionLevels, from, to, 1, page);
		page.putIntLE(lengthAt, page.size - lengthAt - 4);
	}

	/**
	 * A data page V1 of the page buffer; repetition levels are BIT_PACKED (empty: flat schema), definition levels
	 * BIT_PACKED (empty) for required columns and RLE for optional ones, as parquet-mr declares them.
	 */
	private void writePage(ParquetFileWriter writer, int rows, Statistics<?> stats, Encoding levels,
			Encoding values) throws IOException {
		int uncompressed = page.size;
		compress();
		writer.writeDataPage(rows, uncompressed, BytesInput.from(compressed, 0, compressedSize), stats, rows,
				Encoding.BIT_PACKED, levels, values);
	}

	/** Compresses the page buffer into {@link #compressed}, which the writer copies out before the next page. */
	private void compress() {
		int bound = (int) Zstd.compressBound(page.size);
		if (compressed.length < bound) {
			compressed = new byte[Math.max(bound, compressed.length * 2)];
		}
		compressedSize = zstd.compressByteArray(compressed, 0, compressed.length, page.bytes, 0, page.size);
	}

	private static int bitWidth(int dictionarySize) {
		return dictionarySize <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(dictionarySize - 1);
	}

	private static ColumnDescriptor column(int index, String name) {
		ColumnDescriptor column = COLUMNS.get(index);
		if (!column.getPath()[0].equals(name)) {
			throw new IllegalStateException("the observations layout changed: column " + index + " is "
					+ column.getPath()[0] + ", not " + name);
		}
		return column;
	}

}
