package fr.ptce.observatory.warehouse;

import java.io.IOException;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Compresses the pages {@link ObservationEncoder} encodes and hands them to
 * parquet-java's {@link ParquetFileWriter}, which frames them: page headers with their
 * CRC-32, column chunk metadata, offset indexes and the footer. One compression buffer
 * and zstd context, reused from page to page.
 */
final class PageWriter implements AutoCloseable {

	private final ZstdCompressCtx zstd = new ZstdCompressCtx();

	private int zstdLevel = Integer.MIN_VALUE;

	private byte[] compressed = new byte[1 << 16];

	private ParquetFileWriter file;

	/** Pages of the file {@code file} from now on, compressed at {@code zstdLevel}. */
	void writeTo(ParquetFileWriter file, int zstdLevel) {
		this.file = file;
		if (this.zstdLevel != zstdLevel) {
			zstd.setLevel(zstdLevel);
			this.zstdLevel = zstdLevel;
		}
	}

	void startColumn(int column, int values) throws IOException {
		file.startColumn(ObservationLayout.column(column), values, CompressionCodecName.ZSTD);
	}

	/**
	 * The page as the column chunk's dictionary page (PLAIN_DICTIONARY: parquet-mr's V1
	 * name of PLAIN).
	 */
	void dictionaryPage(PageBuffer page, int entries) throws IOException {
		int size = compress(page);
		file.writeDictionaryPage(new DictionaryPage(BytesInput.from(compressed, 0, size), page.size, entries,
				Encoding.PLAIN_DICTIONARY));
	}

	/**
	 * The page as a data page V1 of {@code rows} values (flat schema: one per row, nulls
	 * included); repetition levels BIT_PACKED (none: flat schema), definition levels
	 * BIT_PACKED (none) for required columns and RLE for optional ones, as parquet-mr
	 * declares them. No page statistics: parquet-mr writes none in page headers, and the
	 * chunk's are given whole to {@link #endColumn}.
	 */
	void dataPage(PageBuffer page, int rows, Encoding definitionLevels, Encoding values) throws IOException {
		int size = compress(page);
		file.writeDataPage(rows, page.size, BytesInput.from(compressed, 0, size), null, rows, Encoding.BIT_PACKED,
				definitionLevels, values);
	}

	/**
	 * @param statistics the column chunk's, computed by the encoder; null for none (as
	 * parquet-mr writes a column whose statistics are disabled). Without page statistics
	 * no column index is written: readers skip pages within a row group only when they
	 * find one, and prune row groups with the chunk's statistics.
	 */
	void endColumn(Statistics<?> statistics) throws IOException {
		if (statistics != null) {
			file.invalidateStatistics(statistics);
		}
		file.endColumn();
	}

	/**
	 * Compresses the page into {@link #compressed}, which the file writes before the next
	 * page is compressed.
	 */
	private int compress(PageBuffer page) {
		int bound = (int) Zstd.compressBound(page.size);
		if (compressed.length < bound) {
			compressed = new byte[Math.max(bound, compressed.length * 2)];
		}
		return zstd.compressByteArray(compressed, 0, compressed.length, page.bytes, 0, page.size);
	}

	@Override
	public void close() {
		file = null;
		zstd.close();
	}

}
