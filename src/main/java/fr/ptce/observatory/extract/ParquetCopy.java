package fr.ptce.observatory.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.Util;

/**
 * A copy of a Parquet file with other key-value metadata. The tables that are the same
 * for every partner (aggregates, trends, indicators) differ between extracts only by
 * {@code observatory.partner} in their footer: the data pages are copied as bytes and
 * only the footer (Thrift FileMetaData, after the pages, so no offset moves) is written
 * again, instead of encoding and compressing the same rows once per partner.
 */
final class ParquetCopy {

	private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

	private ParquetCopy() {
	}

	/**
	 * @param replaced keys whose value changes (they must already be in the source's
	 * metadata)
	 */
	static void withMetadata(Path source, Path target, Map<String, String> replaced) throws IOException {
		byte[] bytes = Files.readAllBytes(source);
		int n = bytes.length;
		if (n < 12 || !tail(bytes, MAGIC)) {
			throw new IOException(source + " is not a Parquet file");
		}
		int footerLength = ByteBuffer.wrap(bytes, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
		int footerStart = n - 8 - footerLength;
		FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(bytes, footerStart, footerLength));
		int found = 0;
		for (KeyValue kv : footer.getKey_value_metadata()) {
			if (replaced.containsKey(kv.getKey())) {
				kv.setValue(replaced.get(kv.getKey()));
				found++;
			}
		}
		if (found != replaced.size()) {
			throw new IOException(source + " lacks some of the metadata keys " + replaced.keySet());
		}
		ByteArrayOutputStream newFooter = new ByteArrayOutputStream(footerLength + 64);
		Util.writeFileMetaData(footer, newFooter);
		try (OutputStream out = Files.newOutputStream(target)) {
			out.write(bytes, 0, footerStart);
			newFooter.writeTo(out);
			out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(newFooter.size()).array());
			out.write(MAGIC);
		}
	}

	private static boolean tail(byte[] bytes, byte[] magic) {
		for (int i = 0; i < magic.length; i++) {
			if (bytes[bytes.length - magic.length + i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
