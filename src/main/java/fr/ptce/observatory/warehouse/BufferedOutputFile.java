package fr.ptce.observatory.warehouse;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A new local file for {@link org.apache.parquet.hadoop.ParquetFileWriter}, written
 * through a 64 KB buffer. parquet-java's {@code LocalOutputFile} buffers 4 KB, and the
 * writer hands it page headers of a few bytes, thrift field by field, and pages of a few
 * hundred bytes (dictionary ids in long runs compress to little): a system call every few
 * pages, where the hand-framed writer made one every 64 KB.
 */
final class BufferedOutputFile implements OutputFile {

	private static final int BUFFER = 1 << 16;

	private final Path path;

	BufferedOutputFile(Path path) {
		this.path = path;
	}

	@Override
	public PositionOutputStream create(long blockSizeHint) throws IOException {
		return new Stream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
	}

	@Override
	public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
		return new Stream(Files.newOutputStream(path));
	}

	@Override
	public boolean supportsBlockSize() {
		return false;
	}

	@Override
	public long defaultBlockSize() {
		return -1;
	}

	@Override
	public String getPath() {
		return path.toString();
	}

	private static final class Stream extends PositionOutputStream {

		private final BufferedOutputStream out;

		private long position;

		Stream(OutputStream file) {
			this.out = new BufferedOutputStream(file, BUFFER);
		}

		@Override
		public long getPos() {
			return position;
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			position++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			position += len;
		}

		@Override
		public void flush() throws IOException {
			out.flush();
		}

		@Override
		public void close() throws IOException {
			out.close();
		}

	}

}
