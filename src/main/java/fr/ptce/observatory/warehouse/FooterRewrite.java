package fr.ptce.observatory.warehouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Gives a file just written by {@link ParquetFileWriter} another created_by. The writer
 * always signs its footer with parquet-mr's name and version, which would be a lie for
 * pages that parquet-mr did not encode, and readers key their workarounds for old
 * writers' bugs on that field; it offers no way to set it. So once it has written the
 * file (while the file is still under its temporary name), the footer it wrote is
 * replaced by the same footer, converted again by parquet-java, with the name changed:
 * the pages and indexes before it do not move.
 */
final class FooterRewrite {

	private static final byte[] MAGIC = ParquetFileWriter.MAGIC;

	private FooterRewrite() {
	}

	static void withCreatedBy(Path file, ParquetMetadata written, String createdBy) throws IOException {
		FileMetaData meta = written.getFileMetaData();
		ParquetMetadata renamed = new ParquetMetadata(
				new FileMetaData(meta.getSchema(), meta.getKeyValueMetaData(), createdBy), written.getBlocks());
		ByteArrayOutputStream footer = new ByteArrayOutputStream(4096);
		Util.writeFileMetaData(new ParquetMetadataConverter(ParquetProperties.DEFAULT_STATISTICS_TRUNCATE_LENGTH)
			.toParquetMetadata(ParquetFileWriter.CURRENT_VERSION, renamed), footer);
		ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		tail.putInt(0, footer.size()).put(4, MAGIC);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			ByteBuffer old = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
			long size = channel.size();
			channel.read(old, size - 8);
			if (!Arrays.equals(Arrays.copyOfRange(old.array(), 4, 8), MAGIC)) {
				throw new IOException(file + " does not end with a Parquet footer");
			}
			long footerStart = size - 8 - old.getInt(0);
			channel.truncate(footerStart);
			channel.position(footerStart);
			ByteBuffer bytes = ByteBuffer.wrap(footer.toByteArray());
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
			while (tail.hasRemaining()) {
				channel.write(tail);
			}
		}
	}

}
