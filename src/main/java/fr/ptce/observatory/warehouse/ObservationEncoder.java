package fr.ptce.observatory.warehouse;

import static fr.ptce.observatory.warehouse.ObservationFooter.COMMENT;
import static fr.ptce.observatory.warehouse.ObservationFooter.INDICATOR;
import static fr.ptce.observatory.warehouse.ObservationFooter.INGESTED_AT;
import static fr.ptce.observatory.warehouse.ObservationFooter.LINE;
import static fr.ptce.observatory.warehouse.ObservationFooter.PERIOD;
import static fr.ptce.observatory.warehouse.ObservationFooter.POLE_ID;
import static fr.ptce.observatory.warehouse.ObservationFooter.QUARTER;
import static fr.ptce.observatory.warehouse.ObservationFooter.SOURCE_FILE;
import static fr.ptce.observatory.warehouse.ObservationFooter.STATUS;
import static fr.ptce.observatory.warehouse.ObservationFooter.SUBMISSION_ID;
import static fr.ptce.observatory.warehouse.ObservationFooter.UNIT;
import static fr.ptce.observatory.warehouse.ObservationFooter.VALUE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.zip.CRC32;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Util;

/**
 * Encodes one row group of observations, column chunk by column chunk, straight into the file, with the encodings
 * parquet-mr's V1 writer gives the same layout (so every reader sees the files it already reads): text columns and
 * quarter and ingested_at as a PLAIN_DICTIONARY dictionary page plus data pages of dictionary ids in the
 * RLE/bit-packing hybrid; value, comment and line PLAIN; definition levels RLE; data page V1; ZSTD. Each page is
 * preceded by its thrift page header with a CRC-32 of its bytes, as parquet-mr writes it by default; the column
 * chunks' metadata and statistics go back to {@link ObservationFile} for the footer ({@link ObservationFooter}).
 *
 * The text columns come as int codes: a row group's dictionary is the codes it uses, in order of first use,
 * found with an int array from global code to local id (reset through the list of codes used, so it is never
 * cleared whole), and min/max statistics are the extreme ranks of the codes seen. Nothing here allocates per row.
 *
 * Statistics are the row group's only (what parquet-mr's footer holds for a column chunk): parquet-mr no longer
 * writes any in page headers, and the column and offset indexes, which held per-page ones, are not written (see
 * {@link ObservationFile}).
 *
 * An encoder holds the scratch arrays of one row group and a zstd context: the instances are pooled, so that
 * memory goes with the threads encoding at once, not with the files open (an ingest keeps one per year open).
 */
final class ObservationEncoder {

	/** parquet-mr's default page row count limit: readers never need a buffer for more. */
	static final int PAGE_ROWS = 20_000;

	/** parquet-mr's default page size: only comments can reach it within {@link #PAGE_ROWS}. */
	static final int PAGE_BYTES = 1 << 20;

	/**
	 * parquet-mr leaves out (rather than truncate) statistics whose min and max take this many bytes together: a
	 * reader could take a truncated min for a value of the column. Only a pole id of 2 KB could reach it.
	 */
	private static final int MAX_STATISTICS_BYTES = 4096;

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

	private final CRC32 crc = new CRC32();

	/** Dictionary id of each row (code columns), or of each non-null value, in row order (quarter). */
	private int[] ids = new int[0];

	/** A derived code per row: the unit of the indicator, the status, the quarter. */
	private int[] derived = new int[0];

	private int[] definitionLevels = new int[0];

	/** Global code to local dictionary id, -1 when unused in the row group; all -1 between row groups. */
	private int[] remap = new int[0];

	/** Local dictionary id to global code: the codes used, in order of first use. */
	private int[] used = new int[0];

	/** The extreme ranks of the codes of the last column mapped by {@link #mapToIds}. */
	private int lowRank;

	private int highRank;

	/** Per page of the quarter column: where its ids start in {@link #ids}. */
	private int[] pageStart = new int[0];

	private byte[][] commentBytes = new byte[0][];

	private final PageBuffer page = new PageBuffer(1 << 16);

	private byte[] compressed = new byte[1 << 16];

	private int compressedSize;

	// the column chunk being written

	private PositionOutput out;

	private long chunkStart;

	private long dictionaryPageOffset;

	private long firstDataPageOffset;

	/** Uncompressed pages with their headers, as the spec's total_uncompressed_size counts them. */
	private long chunkUncompressed;

	/** The encodings used, a bit per thrift value (for ColumnMetaData.encodings). */
	private int encodings;

	private Encoding dataPageEncoding;

	private int dataPages;

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
		out = null;
		if (POOL.size() < MAX_POOLED) {
			POOL.offerFirst(this);
		}
		else {
			zstd.close();
		}
	}

	/** After a failure half-way: the scratch state may be inconsistent, so the encoder is not pooled again. */
	void discard() {
		out = null;
		zstd.close();
	}

	/**
	 * Writes the rows of {@code batch} as one row group at the end of {@code out}.
	 *
	 * @return the row group's footer entry, its ordinal not set (the file knows it)
	 */
	RowGroup writeRowGroup(PositionOutput out, ObservationBatch batch, ObservationCodes codes, long ingestedAtMicros)
			throws IOException {
		int n = batch.size();
		// one snapshot of the files for the whole row group: the job's thread may add files meanwhile
		ObservationCodes.Files files = codes.files();
		prepare(n, codes, files.count());
		this.out = out;
		long start = out.position();
		List<ColumnChunk> chunks = new ArrayList<>(ObservationFooter.COLUMNS);

		chunks.add(codeColumn(POLE_ID, batch.pole, n, codes.poles()));
		chunks.add(codeColumn(PERIOD, batch.period, n, codes.periods()));
		chunks.add(quarterColumn(batch.period, n, codes.quarterOfPeriod()));
		chunks.add(codeColumn(INDICATOR, batch.indicator, n, codes.indicators()));
		chunks.add(valueColumn(batch.value, n));
		int[] unitOf = codes.unitOfIndicator();
		int[] indicators = batch.indicator;
		for (int i = 0; i < n; i++) {
			derived[i] = unitOf[indicators[i]];
		}
		chunks.add(codeColumn(UNIT, derived, n, codes.units()));
		byte[] statuses = batch.status;
		for (int i = 0; i < n; i++) {
			derived[i] = statuses[i];
		}
		chunks.add(codeColumn(STATUS, derived, n, codes.statuses()));
		chunks.add(commentColumn(batch.comment, n));
		chunks.add(codeColumn(SUBMISSION_ID, batch.file, n, files.submissions(), files.count()));
		chunks.add(codeColumn(SOURCE_FILE, batch.file, n, files.sources(), files.count()));
		chunks.add(lineColumn(batch.line, n));
		chunks.add(constantColumn(INGESTED_AT, ingestedAtMicros, n));

		long uncompressed = 0;
		long compressed = 0;
		for (ColumnChunk chunk : chunks) {
			uncompressed += chunk.getMeta_data().getTotal_uncompressed_size();
			compressed += chunk.getMeta_data().getTotal_compressed_size();
		}
		RowGroup group = new RowGroup(chunks, uncompressed, n);
		// the first page of the row group: the chunks follow each other without gaps from there
		group.setFile_offset(start);
		group.setTotal_compressed_size(compressed);
		return group;
	}

	private void prepare(int rows, ObservationCodes codes, int fileCount) {
		if (ids.length < rows) {
			ids = new int[rows];
			derived = new int[rows];
			definitionLevels = new int[rows];
		}
		int pages = (rows + PAGE_ROWS - 1) / PAGE_ROWS;
		if (pageStart.length < pages + 1) {
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
	private ColumnChunk codeColumn(int column, int[] codes, int n, ObservationCodes.Dictionary dictionary)
			throws IOException {
		int size = mapToIds(codes, n, dictionary.rank);
		byte[][] bytes = dictionary.bytes;
		writeBinaryDictionary(column, bytes, bytes.length, size);
		writeIdPages(n, size);
		return endColumn(column, n, binaryStatistics(bytes[dictionary.byRank[lowRank]],
				bytes[dictionary.byRank[highRank]]));
	}

	/**
	 * A required text column of codes without statistics, like the reference layout's files columns (nobody
	 * filters on them, and they have no fixed rank: the files grow during a run).
	 */
	private ColumnChunk codeColumn(int column, int[] codes, int n, byte[][] bytes, int count) throws IOException {
		int size = mapToIds(codes, n, null);
		writeBinaryDictionary(column, bytes, count, size);
		writeIdPages(n, size);
		return endColumn(column, n, null);
	}

	/** The data pages of a required dictionary-encoded column: the ids' bit width, then the ids, hybrid-encoded. */
	private void writeIdPages(int n, int dictionarySize) throws IOException {
		int bitWidth = bitWidth(dictionarySize);
		for (int from = 0; from < n; from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			page.reset();
			page.write(bitWidth);
			HybridEncoder.encode(ids, from, to, bitWidth, page);
			writeDataPage(to - from, Encoding.BIT_PACKED, Encoding.PLAIN_DICTIONARY);
		}
	}

	/**
	 * Fills {@link #ids} with the local dictionary id of each row, {@link #used} with the codes in order of first
	 * use, and, given ranks, {@link #lowRank}/{@link #highRank} with the extreme ranks of the codes seen.
	 *
	 * @return the dictionary size
	 */
	private int mapToIds(int[] codes, int n, int[] rank) {
		int[] remap = this.remap;
		int[] used = this.used;
		int[] ids = this.ids;
		int size = 0;
		int low = Integer.MAX_VALUE;
		int high = -1;
		try {
			int previous = -1;
			int previousId = -1;
			for (int i = 0; i < n; i++) {
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
					// a rank only matters for a code not seen yet in the row group
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
				ids[i] = id;
				previous = code;
				previousId = id;
			}
		}
		finally {
			for (int k = 0; k < size; k++) {
				remap[used[k]] = -1;
			}
		}
		lowRank = low;
		highRank = high;
		return size;
	}

	/**
	 * The dictionary page: each used code's bytes, PLAIN (length-prefixed), in id order. A code beyond
	 * {@code count} (a file not added yet) is refused here, once per distinct code rather than once per row.
	 */
	private void writeBinaryDictionary(int column, byte[][] bytes, int count, int size) throws IOException {
		page.reset();
		for (int k = 0; k < size; k++) {
			if (used[k] >= count) {
				throw new IllegalArgumentException("unknown " + ObservationFooter.name(column) + " code " + used[k]
						+ " (" + count + " known)");
			}
			byte[] b = bytes[used[k]];
			page.writeIntLE(b.length);
			page.writeBytes(b);
		}
		startColumn();
		writeDictionaryPage(size);
	}

	/** quarter: optional INT32, null for the year, dictionary-encoded like parquet-mr does (4 values at most). */
	private ColumnChunk quarterColumn(int[] periods, int n, int[] quarterOfPeriod) throws IOException {
		int[] remap = this.remap;
		int size = 0;
		int values = 0;
		int low = Integer.MAX_VALUE;
		int high = -1;
		try {
			for (int p = 0, from = 0; from < n; p++, from += PAGE_ROWS) {
				int to = Math.min(n, from + PAGE_ROWS);
				pageStart[p] = values;
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
						low = Math.min(low, q);
						high = Math.max(high, q);
					}
					ids[values++] = id;
				}
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
		startColumn();
		writeDictionaryPage(size);
		int bitWidth = bitWidth(size);
		for (int p = 0, from = 0; from < n; p++, from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			int valuesFrom = pageStart[p];
			int valuesTo = from + PAGE_ROWS >= n ? values : pageStart[p + 1];
			page.reset();
			writeDefinitionLevels(from, to);
			page.write(bitWidth);
			HybridEncoder.encode(ids, valuesFrom, valuesTo, bitWidth, page);
			writeDataPage(to - from, Encoding.RLE, Encoding.PLAIN_DICTIONARY);
		}
		Statistics stats = new Statistics().setNull_count(n - values);
		if (values > 0) {
			signedMinMax(stats, littleEndian(low, 4), littleEndian(high, 4));
		}
		return endColumn(QUARTER, n, stats);
	}

	/** value: optional DOUBLE, PLAIN (values hardly repeat: a dictionary only costs), NaN written as null. */
	private ColumnChunk valueColumn(double[] values, int n) throws IOException {
		startColumn();
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
			writeDataPage(to - from, Encoding.RLE, Encoding.PLAIN);
		}
		// no NaN is ever written (it is null), and the IEEE 754 total order wants nan_count, zero or not
		Statistics stats = new Statistics().setNull_count(nulls).setNan_count(0);
		if (nulls < n) {
			// the extremes in IEEE 754 total order, the column's order, where -0.0 comes before +0.0, which < and >
			// see as equal: when an extreme is a zero, which zeros the row group holds decides its sign
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
			signedMinMax(stats, littleEndian(Double.doubleToRawLongBits(min), 8),
					littleEndian(Double.doubleToRawLongBits(max), 8));
		}
		return endColumn(VALUE, n, stats);
	}

	/**
	 * comment: optional BINARY, PLAIN (free text, nearly always null); pages also end at {@link #PAGE_BYTES}.
	 * No statistics, like the reference layout: nobody filters on comments.
	 */
	private ColumnChunk commentColumn(String[] comments, int n) throws IOException {
		if (commentBytes.length < Math.min(n, PAGE_ROWS)) {
			commentBytes = new byte[Math.min(n, PAGE_ROWS)][];
		}
		startColumn();
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
			writeDataPage(to - from, Encoding.RLE, Encoding.PLAIN);
			from = to;
		}
		return endColumn(COMMENT, n, null);
	}

	/** line: required INT64, PLAIN (unique per row). */
	private ColumnChunk lineColumn(long[] lines, int n) throws IOException {
		startColumn();
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
			writeDataPage(to - from, Encoding.BIT_PACKED, Encoding.PLAIN);
		}
		Statistics stats = new Statistics().setNull_count(0);
		signedMinMax(stats, littleEndian(min, 8), littleEndian(max, 8));
		return endColumn(LINE, n, stats);
	}

	/** ingested_at: one instant per file, so a one-entry dictionary and one RLE run of id 0 (bit width 0). */
	private ColumnChunk constantColumn(int column, long value, int n) throws IOException {
		page.reset();
		page.writeLongLE(value);
		startColumn();
		writeDictionaryPage(1);
		for (int from = 0; from < n; from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			page.reset();
			page.write(0);
			page.ensure(5);
			page.putVarInt((to - from) << 1);
			writeDataPage(to - from, Encoding.BIT_PACKED, Encoding.PLAIN_DICTIONARY);
		}
		Statistics stats = new Statistics().setNull_count(0);
		byte[] bytes = littleEndian(value, 8);
		signedMinMax(stats, bytes, bytes);
		return endColumn(column, n, stats);
	}

	/** Definition levels of rows [from, to) at the end of the page: RLE hybrid, bit width 1, length-prefixed. */
	private void writeDefinitionLevels(int from, int to) {
		int lengthAt = page.size;
		page.writeIntLE(0);
		HybridEncoder.encode(definitionLevels, from, to, 1, page);
		page.putIntLE(lengthAt, page.size - lengthAt - 4);
	}

	private void startColumn() {
		chunkStart = out.position();
		dictionaryPageOffset = -1;
		firstDataPageOffset = -1;
		chunkUncompressed = 0;
		encodings = 0;
		dataPages = 0;
		dataPageEncoding = null;
	}

	/** The page buffer as the column chunk's dictionary page (PLAIN_DICTIONARY: parquet-mr's V1 name of PLAIN). */
	private void writeDictionaryPage(int size) throws IOException {
		int uncompressed = page.size;
		compress();
		dictionaryPageOffset = out.position();
		PageHeader header = new PageHeader(PageType.DICTIONARY_PAGE, uncompressed, compressedSize);
		header.setCrc(crc());
		header.setDictionary_page_header(new DictionaryPageHeader(size, Encoding.PLAIN_DICTIONARY));
		writePage(header, uncompressed);
		encodings |= 1 << Encoding.PLAIN_DICTIONARY.getValue();
	}

	/**
	 * The page buffer as a data page V1 of {@code rows} values (flat schema: one per row, nulls included);
	 * repetition levels are BIT_PACKED (empty: flat schema), definition levels BIT_PACKED (empty) for required
	 * columns and RLE for optional ones, as parquet-mr declares them.
	 */
	private void writeDataPage(int rows, Encoding levels, Encoding values) throws IOException {
		int uncompressed = page.size;
		compress();
		if (firstDataPageOffset < 0) {
			firstDataPageOffset = out.position();
		}
		PageHeader header = new PageHeader(PageType.DATA_PAGE, uncompressed, compressedSize);
		header.setCrc(crc());
		header.setData_page_header(new DataPageHeader(rows, values, levels, Encoding.BIT_PACKED));
		writePage(header, uncompressed);
		encodings |= 1 << Encoding.BIT_PACKED.getValue() | 1 << levels.getValue() | 1 << values.getValue();
		dataPageEncoding = values;
		dataPages++;
	}

	private void writePage(PageHeader header, int uncompressed) throws IOException {
		long headerAt = out.position();
		Util.writePageHeader(header, out);
		chunkUncompressed += out.position() - headerAt + uncompressed;
		out.write(compressed, 0, compressedSize);
	}

	/** CRC-32 of the compressed page, which the spec's PageHeader.crc covers (not the header). */
	private int crc() {
		crc.reset();
		crc.update(compressed, 0, compressedSize);
		return (int) crc.getValue();
	}

	/**
	 * The footer's entry of the column chunk just written. Sizes and offsets as the spec defines them: sizes count
	 * the page headers, and the chunk's pages follow each other from the dictionary page (if any) on.
	 *
	 * @param stats null for none (not even a null count, as parquet-mr writes a column without statistics)
	 */
	private ColumnChunk endColumn(int column, int n, Statistics stats) {
		List<Encoding> used = new ArrayList<>(3);
		// ascending thrift values, as parquet-mr sorts them
		for (int e = 0; e < 32; e++) {
			if ((encodings & 1 << e) != 0) {
				used.add(Encoding.findByValue(e));
			}
		}
		ColumnMetaData meta = new ColumnMetaData(ObservationFooter.type(column), used,
				List.of(ObservationFooter.name(column)), CompressionCodec.ZSTD, n, chunkUncompressed,
				out.position() - chunkStart, firstDataPageOffset);
		List<PageEncodingStats> pages = new ArrayList<>(2);
		if (dictionaryPageOffset >= 0) {
			meta.setDictionary_page_offset(dictionaryPageOffset);
			pages.add(new PageEncodingStats(PageType.DICTIONARY_PAGE, Encoding.PLAIN_DICTIONARY, 1));
		}
		// tells readers (parquet-mr's dictionary filter) whether every data page is dictionary-encoded
		pages.add(new PageEncodingStats(PageType.DATA_PAGE, dataPageEncoding, dataPages));
		meta.setEncoding_stats(pages);
		if (stats != null) {
			meta.setStatistics(stats);
		}
		// file_offset 0: no ColumnMetaData is written outside the footer (the spec's rule for writers)
		ColumnChunk chunk = new ColumnChunk(0);
		chunk.setMeta_data(meta);
		return chunk;
	}

	/**
	 * Statistics of a text column: min_value/max_value in unsigned byte order (the column order UTF8 has); the
	 * deprecated min/max, which old readers compare signed, only when min equals max, where the orders agree.
	 */
	private static Statistics binaryStatistics(byte[] min, byte[] max) {
		Statistics stats = new Statistics();
		if (min.length + max.length >= MAX_STATISTICS_BYTES) {
			// parquet-mr's empty statistics: no null count either
			return stats;
		}
		stats.setNull_count(0);
		if (Arrays.equals(min, max)) {
			stats.setMin(min).setMax(max);
		}
		return stats.setMin_value(min).setMax_value(max);
	}

	/** Numbers compare signed in both the old and the new fields: parquet-mr fills both, for older readers. */
	private static void signedMinMax(Statistics stats, byte[] min, byte[] max) {
		stats.setMin(min).setMax(max).setMin_value(min).setMax_value(max);
	}

	/** PLAIN encoding of a number of {@code bytes} bytes: little-endian. */
	private static byte[] littleEndian(long v, int bytes) {
		byte[] b = new byte[bytes];
		for (int i = 0; i < bytes; i++) {
			b[i] = (byte) (v >>> (8 * i));
		}
		return b;
	}

	/** Compresses the page buffer into {@link #compressed}, written out before the next page is compressed. */
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

}
