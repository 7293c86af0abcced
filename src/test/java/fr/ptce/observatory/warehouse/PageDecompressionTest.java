package fr.ptce.observatory.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.luben.zstd.Zstd;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ParquetScan} reads pages through {@link PageDecompression}: zstd and
 * uncompressed pages without Hadoop, any other codec through parquet-java's default
 * factory. Files written by DuckDB, an independent writer, with small pages so that a
 * column has many.
 */
class PageDecompressionTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "zstd", "uncompressed", "snappy", "gzip" })
	void readsEveryValueOfAFileOfEachCodec(String codec) throws Exception {
		// given 50,000 rows written by DuckDB with that codec
		Path file = dir.resolve(codec + ".parquet");
		try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = duckdb.createStatement()) {
			statement.execute("COPY (SELECT i::INTEGER AS n, 'valeur ' || (i % 997) AS label, i / 7.0 AS x "
					+ "FROM range(50000) t(i) ORDER BY i) TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec
					+ ", ROW_GROUP_SIZE 20000)");
		}

		// when scanned
		List<Integer> numbers = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		double[] sum = new double[1];
		ParquetScan.scan(file, group -> {
			for (long r = 0; r < group.rows(); r++) {
				numbers.add(group.column("n").int32());
				labels.add(group.column("label").string());
				sum[0] += group.column("x").float64();
				group.column("n").next();
				group.column("label").next();
				group.column("x").next();
			}
		});

		// then every value is there, in order
		assertThat(numbers).hasSize(50_000);
		for (int i = 0; i < 50_000; i++) {
			assertThat(numbers.get(i)).isEqualTo(i);
			assertThat(labels.get(i)).isEqualTo("valeur " + (i % 997));
		}
		assertThat(sum[0]).isCloseTo(49_999L * 50_000 / 2 / 7.0, Offset.offset(1e-3));
	}

	@Test
	void aZstdPageIntoHeapAndDirectBuffers() throws IOException {
		byte[] page = "la même page, répétée ".repeat(400).getBytes(StandardCharsets.UTF_8);
		byte[] compressed = Zstd.compress(page, 3);
		BytesInputDecompressor zstd = PageDecompression.INSTANCE.getDecompressor(CompressionCodecName.ZSTD);

		assertThat(zstd.decompress(BytesInput.from(compressed), page.length).toByteArray()).isEqualTo(page);
		for (boolean direct : new boolean[] { false, true }) {
			ByteBuffer input = direct ? ByteBuffer.allocateDirect(compressed.length + 3)
					: ByteBuffer.allocate(compressed.length + 3);
			input.put(new byte[3]).put(compressed).flip().position(3);
			ByteBuffer output = direct ? ByteBuffer.allocateDirect(page.length) : ByteBuffer.allocate(page.length);
			zstd.decompress(input, compressed.length, output, page.length);
			byte[] read = new byte[page.length];
			output.flip().get(read);
			assertThat(read).isEqualTo(page);
			assertThat(input.hasRemaining()).isFalse();
		}
	}

	@Test
	void aCorruptOrShortPageIsAnErrorNotAShortRead() {
		byte[] page = "abcdefgh".repeat(100).getBytes(StandardCharsets.US_ASCII);
		byte[] compressed = Zstd.compress(page, 3);
		BytesInputDecompressor zstd = PageDecompression.INSTANCE.getDecompressor(CompressionCodecName.ZSTD);
		byte[] truncated = Arrays.copyOf(compressed, compressed.length - 4);

		assertThatThrownBy(() -> zstd.decompress(BytesInput.from(truncated), page.length))
			.isInstanceOf(IOException.class)
			.hasMessageContaining("zstd page");
		assertThatThrownBy(() -> zstd.decompress(BytesInput.from(Zstd.compress(page, 3)), page.length + 5))
			.isInstanceOf(IOException.class)
			.hasMessageContaining("header says " + (page.length + 5));
	}

}
