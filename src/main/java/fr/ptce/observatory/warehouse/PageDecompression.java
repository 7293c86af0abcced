package fr.ptce.observatory.warehouse;

import java.io.IOException;
import java.nio.ByteBuffer;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopCodecs;

/**
 * How {@link ParquetScan} decompresses pages: zstd (the codec of every file the
 * observatory writes) straight through zstd-jni, which parquet-java's own zstd codec
 * wraps, and uncompressed pages as they are. parquet-java's default factory goes through
 * Hadoop's codec pool, whose first zstd page builds a Hadoop configuration that parses
 * core-default.xml: 60-odd XML classes and a tenth of a second or more of a short command
 * (docs/startup.md). A file of another codec, which the observatory never writes, is read
 * through that default factory. Reading only: writers keep parquet-java's.
 */
final class PageDecompression implements CompressionCodecFactory {

	static final PageDecompression INSTANCE = new PageDecompression();

	private static final BytesInputDecompressor ZSTD = new ZstdPages();

	private static final BytesInputDecompressor NONE = new UncompressedPages();

	/** Made the first time a page of another codec is met. */
	private CompressionCodecFactory others;

	private PageDecompression() {
	}

	@Override
	public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
		return switch (codec) {
			case ZSTD -> ZSTD;
			case UNCOMPRESSED -> NONE;
			default -> others().getDecompressor(codec);
		};
	}

	@Override
	public BytesInputCompressor getCompressor(CompressionCodecName codec) {
		throw new UnsupportedOperationException("reading only: writers use parquet-java's codecs");
	}

	@Override
	public void release() {
		// shared and stateless; the factory of other codecs stays for the process
	}

	private synchronized CompressionCodecFactory others() {
		if (others == null) {
			others = HadoopCodecs.newFactory(0);
		}
		return others;
	}

	/** One zstd page (one or more frames) into exactly its uncompressed size. */
	private static final class ZstdPages implements BytesInputDecompressor {

		@Override
		public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
			byte[] input = bytes.toByteArray();
			byte[] output = new byte[uncompressedSize];
			arrays(output, input, input.length);
			return BytesInput.from(output);
		}

		@Override
		public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
				throws IOException {
			if (input.isDirect() && output.isDirect()) {
				try {
					check(Zstd.decompressDirectByteBuffer(output, output.position(), uncompressedSize, input,
							input.position(), compressedSize), uncompressedSize);
				}
				catch (ZstdException ex) {
					throw corrupt(ex);
				}
				output.position(output.position() + uncompressedSize);
				input.position(input.position() + compressedSize);
				return;
			}
			byte[] in = new byte[compressedSize];
			input.get(in);
			byte[] out = new byte[uncompressedSize];
			arrays(out, in, compressedSize);
			output.put(out);
		}

		private static void arrays(byte[] output, byte[] input, int compressedSize) throws IOException {
			try {
				check(Zstd.decompressByteArray(output, 0, output.length, input, 0, compressedSize), output.length);
			}
			catch (ZstdException ex) {
				throw corrupt(ex);
			}
		}

		/** zstd-jni reports a bad frame by an exception of its own, an unchecked one. */
		private static IOException corrupt(ZstdException ex) {
			return new IOException("corrupt zstd page: " + ex.getMessage(), ex);
		}

		private static void check(long result, int expected) throws IOException {
			if (Zstd.isError(result)) {
				throw new IOException("corrupt zstd page: " + Zstd.getErrorName(result));
			}
			if (result != expected) {
				throw new IOException("zstd page of " + result + " bytes where its header says " + expected);
			}
		}

		@Override
		public void release() {
			// stateless: a context per call
		}

	}

	private static final class UncompressedPages implements BytesInputDecompressor {

		@Override
		public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
			return bytes;
		}

		@Override
		public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
			ByteBuffer page = input.duplicate();
			page.limit(page.position() + compressedSize);
			output.put(page);
			input.position(input.position() + compressedSize);
		}

		@Override
		public void release() {
			// nothing held
		}

	}

}
