package fr.ptce.observatory.warehouse;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A buffered file stream that knows how many bytes it has written: the page and column chunk offsets and the
 * header sizes of a Parquet footer are positions in the file ({@link ObservationFile}).
 */
final class PositionOutput extends OutputStream {

	private final OutputStream out;

	private long position;

	private boolean closed;

	/** Creates the file, which must not exist yet (a fresh temporary name: nobody else writes it). */
	PositionOutput(Path path) throws IOException {
		this.out = new BufferedOutputStream(
				Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
	}

	long position() {
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

	void writeIntLE(int v) throws IOException {
		write(v);
		write(v >>> 8);
		write(v >>> 16);
		write(v >>> 24);
	}

	@Override
	public void flush() throws IOException {
		out.flush();
	}

	@Override
	public void close() throws IOException {
		if (!closed) {
			closed = true;
			out.close();
		}
	}

	void closeQuietly() {
		try {
			close();
		}
		catch (IOException ignored) {
			// the file is deleted anyway
		}
	}

}
