package fr.ptce.observatory.warehouse;

import static fr.ptce.observatory.warehouse.ObservationLayout.INDICATOR;
import static fr.ptce.observatory.warehouse.ObservationLayout.INGESTED_AT;
import static fr.ptce.observatory.warehouse.ObservationLayout.PERIOD;
import static fr.ptce.observatory.warehouse.ObservationLayout.POLE_ID;
import static fr.ptce.observatory.warehouse.ObservationLayout.QUARTER;
import static fr.ptce.observatory.warehouse.ObservationLayout.SOURCE_FILE;
import static fr.ptce.observatory.warehouse.ObservationLayout.STATUS;
import static fr.ptce.observatory.warehouse.ObservationLayout.SUBMISSION_ID;
import static fr.ptce.observatory.warehouse.ObservationLayout.UNIT;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileWriter;

/**
 * Encodes one row group of observations, column chunk by column chunk, with the encodings
 * parquet-mr's V1 writer gives the same layout (so every reader sees the files it already
 * reads): text columns and quarter and ingested_at as a PLAIN_DICTIONARY dictionary page
 * plus data pages of dictionary ids in the RLE/bit-packing hybrid; value, comment and
 * line PLAIN ({@link PlainColumns}); definition levels RLE; data page V1; ZSTD. The
 * encoded pages go to parquet-java's ParquetFileWriter through {@link PageWriter}, which
 * frames them.
 *
 * The text columns come as int codes: a row group's dictionary is the codes it uses, in
 * order of first use, found with an int array from global code to local id (reset through
 * the list of codes used, so it is never cleared whole), and min/max statistics are the
 * extreme ranks of the codes seen. Nothing here allocates per row.
 *
 * Statistics are the row group's only (what parquet-mr's footer holds for a column
 * chunk): parquet-mr writes none in page headers, and no column index is written (see
 * {@link PageWriter#endColumn}).
 *
 * An encoder holds the scratch arrays of one row group and a zstd context: the instances
 * are pooled, so that memory goes with the threads encoding at once, not with the files
 * open (an ingest keeps one per year open).
 */
final class ObservationEncoder {

	/**
	 * parquet-mr's default page row count limit: readers never need a buffer for more.
	 */
	static final int PAGE_ROWS = 20_000;

	/**
	 * parquet-mr's default page size: only comments can reach it within
	 * {@link #PAGE_ROWS}.
	 */
	static final int PAGE_BYTES = 1 << 20;

	/**
	 * Quarter values 0..4 as PLAIN INT32 dictionary entries (0 is never written: it is
	 * null).
	 */
	private static final byte[][] QUARTER_BYTES = new byte[5][];

	static {
		for (int q = 0; q < 5; q++) {
			QUARTER_BYTES[q] = PlainColumns.littleEndian(q, 4);
		}
	}

	private static final ConcurrentLinkedDeque<ObservationEncoder> POOL = new ConcurrentLinkedDeque<>();

	private static final int MAX_POOLED = Math.max(2, Runtime.getRuntime().availableProcessors());

	private final PageWriter pages = new PageWriter();

	private final PageBuffer page = new PageBuffer(1 << 16);

	private final PlainColumns plain = new PlainColumns(pages, page);

	/**
	 * Dictionary id of each row (code columns), or of each non-null value, in row order
	 * (quarter).
	 */
	private int[] ids = new int[0];

	/** A derived code per row: the unit of the indicator, the status, the quarter. */
	private int[] derived = new int[0];

	/**
	 * Global code to local dictionary id, -1 when unused in the row group; all -1 between
	 * row groups.
	 */
	private int[] remap = new int[0];

	/** Local dictionary id to global code: the codes used, in order of first use. */
	private int[] used = new int[0];

	/** The extreme ranks of the codes of the last column mapped by {@link #mapToIds}. */
	private int lowRank;

	private int highRank;

	/** Per page of the quarter column: where its ids start in {@link #ids}. */
	private int[] pageStart = new int[0];

	private ObservationEncoder() {
	}

	/** An encoder of the pool, or a new one; give it back with {@link #release()}. */
	static ObservationEncoder acquire() {
		ObservationEncoder encoder = POOL.pollFirst();
		return encoder != null ? encoder : new ObservationEncoder();
	}

	void release() {
		if (POOL.size() < MAX_POOLED) {
			POOL.offerFirst(this);
		}
		else {
			pages.close();
		}
	}

	/**
	 * After a failure half-way: the scratch state may be inconsistent, so the encoder is
	 * not pooled again.
	 */
	void discard() {
		pages.close();
	}

	/**
	 * Writes the rows of {@code batch} as the column chunks of the row group {@code file}
	 * has started.
	 */
	void writeRowGroup(ParquetFileWriter file, int zstdLevel, ObservationBatch batch, ObservationCodes codes,
			long ingestedAtMicros) throws IOException {
		int n = batch.size();
		// one snapshot of the files for the whole row group: the job's thread may add
		// files meanwhile
		ObservationCodes.Files files = codes.files();
		prepare(n, codes, files.count());
		pages.writeTo(file, zstdLevel);

		codeColumn(POLE_ID, batch.pole, n, codes.poles());
		codeColumn(PERIOD, batch.period, n, codes.periods());
		quarterColumn(batch.period, n, codes.quarterOfPeriod());
		codeColumn(INDICATOR, batch.indicator, n, codes.indicators());
		plain.valueColumn(batch.value, n);
		int[] unitOf = codes.unitOfIndicator();
		int[] indicators = batch.indicator;
		for (int i = 0; i < n; i++) {
			derived[i] = unitOf[indicators[i]];
		}
		codeColumn(UNIT, derived, n, codes.units());
		byte[] statuses = batch.status;
		for (int i = 0; i < n; i++) {
			derived[i] = statuses[i];
		}
		codeColumn(STATUS, derived, n, codes.statuses());
		plain.commentColumn(batch.comment, n);
		codeColumn(SUBMISSION_ID, batch.file, n, files.submissions(), files.count());
		codeColumn(SOURCE_FILE, batch.file, n, files.sources(), files.count());
		plain.lineColumn(batch.line, n);
		constantColumn(INGESTED_AT, ingestedAtMicros, n);
	}

	private void prepare(int rows, ObservationCodes codes, int fileCount) {
		if (ids.length < rows) {
			ids = new int[rows];
			derived = new int[rows];
		}
		plain.prepare(rows);
		int pageCount = (rows + PAGE_ROWS - 1) / PAGE_ROWS;
		if (pageStart.length < pageCount + 1) {
			pageStart = new int[pageCount + 1];
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
	private void codeColumn(int column, int[] codes, int n, ObservationCodes.Dictionary dictionary) throws IOException {
		int size = mapToIds(codes, n, dictionary.rank);
		byte[][] bytes = dictionary.bytes;
		writeBinaryDictionary(column, n, bytes, bytes.length, size);
		writeIdPages(n, size);
		pages.endColumn(ObservationLayout.statistics(column, bytes[dictionary.byRank[lowRank]],
				bytes[dictionary.byRank[highRank]], 0));
	}

	/**
	 * A required text column of codes without statistics, like the reference layout's
	 * files columns (nobody filters on them, and they have no fixed rank: the files grow
	 * during a run).
	 */
	private void codeColumn(int column, int[] codes, int n, byte[][] bytes, int count) throws IOException {
		int size = mapToIds(codes, n, null);
		writeBinaryDictionary(column, n, bytes, count, size);
		writeIdPages(n, size);
		pages.endColumn(null);
	}

	/**
	 * The data pages of a required dictionary-encoded column: the ids' bit width, then
	 * the ids, hybrid-encoded.
	 */
	private void writeIdPages(int n, int dictionarySize) throws IOException {
		int bitWidth = bitWidth(dictionarySize);
		for (int from = 0; from < n; from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			page.reset();
			page.write(bitWidth);
			HybridEncoder.encode(ids, from, to, bitWidth, page);
			pages.dataPage(page, to - from, Encoding.BIT_PACKED, Encoding.PLAIN_DICTIONARY);
		}
	}

	/**
	 * Fills {@link #ids} with the local dictionary id of each row, {@link #used} with the
	 * codes in order of first use, and, given ranks, {@link #lowRank}/{@link #highRank}
	 * with the extreme ranks of the codes seen.
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
					// runs are the common case (one file, one status, a pole for dozens
					// of rows)
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
	 * Starts the column chunk with its dictionary page: each used code's bytes, PLAIN
	 * (length-prefixed), in id order. A code beyond {@code count} (a file not added yet)
	 * is refused here, once per distinct code rather than once per row.
	 */
	private void writeBinaryDictionary(int column, int n, byte[][] bytes, int count, int size) throws IOException {
		page.reset();
		for (int k = 0; k < size; k++) {
			if (used[k] >= count) {
				throw new IllegalArgumentException(
						"unknown " + ObservationLayout.name(column) + " code " + used[k] + " (" + count + " known)");
			}
			byte[] b = bytes[used[k]];
			page.writeIntLE(b.length);
			page.writeBytes(b);
		}
		pages.startColumn(column, n);
		pages.dictionaryPage(page, size);
	}

	/**
	 * quarter: optional INT32, null for the year, dictionary-encoded like parquet-mr does
	 * (4 values at most).
	 */
	private void quarterColumn(int[] periods, int n, int[] quarterOfPeriod) throws IOException {
		int[] definitionLevels = plain.definitionLevels();
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
		pages.startColumn(QUARTER, n);
		pages.dictionaryPage(page, size);
		int bitWidth = bitWidth(size);
		for (int p = 0, from = 0; from < n; p++, from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			int valuesFrom = pageStart[p];
			int valuesTo = from + PAGE_ROWS >= n ? values : pageStart[p + 1];
			page.reset();
			plain.writeDefinitionLevels(from, to);
			page.write(bitWidth);
			HybridEncoder.encode(ids, valuesFrom, valuesTo, bitWidth, page);
			pages.dataPage(page, to - from, Encoding.RLE, Encoding.PLAIN_DICTIONARY);
		}
		pages.endColumn(ObservationLayout.statistics(QUARTER, values > 0 ? QUARTER_BYTES[low] : null,
				values > 0 ? QUARTER_BYTES[high] : null, n - values));
	}

	/**
	 * ingested_at: one instant per file, so a one-entry dictionary and one RLE run of id
	 * 0 (bit width 0).
	 */
	private void constantColumn(int column, long value, int n) throws IOException {
		page.reset();
		page.writeLongLE(value);
		pages.startColumn(column, n);
		pages.dictionaryPage(page, 1);
		for (int from = 0; from < n; from += PAGE_ROWS) {
			int to = Math.min(n, from + PAGE_ROWS);
			page.reset();
			page.write(0);
			page.ensure(5);
			page.putVarInt((to - from) << 1);
			pages.dataPage(page, to - from, Encoding.BIT_PACKED, Encoding.PLAIN_DICTIONARY);
		}
		byte[] bytes = PlainColumns.littleEndian(value, 8);
		pages.endColumn(ObservationLayout.statistics(column, bytes, bytes, 0));
	}

	private static int bitWidth(int dictionarySize) {
		return dictionarySize <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(dictionarySize - 1);
	}

}
