package fr.ptce.observatory.ingest;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A scratch file of the run's staging area that holds what one submission produced until its fate is known:
 * its accepted rows (stored only if the file is not quarantined) or its rejected rows (listed in the receipt).
 * Written once, read back, truncated for the next file: the heap never holds a file's rows.
 */
final class Spool implements Closeable {

	private final Path path;

	private DataOutputStream out;

	private long records;

	Spool(Path path) {
		this.path = path;
	}

	long records() {
		return records;
	}

	/** Starts over, for the next file. */
	void reset() {
		closeOutput();
		try {
			out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path,
					StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
					1 << 16));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		records = 0;
	}

	void write(AcceptedRow row) {
		try {
			out.writeInt(row.pole);
			out.writeShort(row.year);
			out.writeByte(row.quarter);
			out.writeShort(row.indicator);
			out.writeDouble(row.value);
			out.writeChar(row.status);
			out.writeLong(row.line);
			out.writeInt(row.key);
			out.writeDouble(row.previousCurrent);
			writeString(row.comment);
			records++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void write(Issue issue) {
		try {
			out.writeLong(issue.line());
			out.writeByte(issue.severity().ordinal());
			writeString(issue.code());
			writeString(issue.column());
			writeString(issue.messageFr());
			writeString(issue.messageEn());
			records++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void writeString(String s) throws IOException {
		if (s == null) {
			out.writeInt(-1);
			return;
		}
		byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	/** Reads back what was written since the last reset. */
	Reader read() {
		closeOutput();
		try {
			return new Reader(java.nio.channels.FileChannel.open(path, StandardOpenOption.READ));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void closeOutput() {
		if (out != null) {
			try {
				out.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			out = null;
		}
	}

	@Override
	public void close() {
		closeOutput();
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ignored) {
			// the staging area is removed as a whole at the end of the run
		}
	}

	/**
	 * Reads a spool back through one large buffer (DataInputStream over a BufferedInputStream reads byte by byte
	 * through synchronized calls, which showed as the top of the ingest profile).
	 */
	static final class Reader implements Closeable {

		private final java.nio.channels.FileChannel channel;

		private final java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 20);

		Reader(java.nio.channels.FileChannel channel) {
			this.channel = channel;
			buffer.limit(0);
		}

		/** Makes sure n bytes are buffered; false at a clean end of the spool. */
		private boolean ensure(int n) {
			if (buffer.remaining() >= n) {
				return true;
			}
			buffer.compact();
			try {
				while (buffer.position() < n) {
					if (channel.read(buffer) < 0) {
						break;
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			buffer.flip();
			if (buffer.remaining() == 0) {
				return false;
			}
			if (buffer.remaining() < n) {
				throw new UncheckedIOException(new EOFException("truncated spool"));
			}
			return true;
		}

		/** @return false at the end */
		boolean next(AcceptedRow row) {
			if (!ensure(4 + 2 + 1 + 2 + 8 + 2 + 8 + 4 + 8 + 4)) {
				return false;
			}
			row.pole = buffer.getInt();
			row.year = buffer.getShort();
			row.quarter = buffer.get();
			row.indicator = buffer.getShort();
			row.value = buffer.getDouble();
			row.status = buffer.getChar();
			row.line = buffer.getLong();
			row.key = buffer.getInt();
			row.previousCurrent = buffer.getDouble();
			row.comment = readString();
			return true;
		}

		/** @return the next issue, or null at the end */
		Issue nextIssue() {
			if (!ensure(8 + 1)) {
				return null;
			}
			long line = buffer.getLong();
			Issue.Severity severity = Issue.Severity.values()[buffer.get()];
			return new Issue(line, severity, readString(), readString(), readString(), readString());
		}

		private String readString() {
			ensure(4);
			int length = buffer.getInt();
			if (length < 0) {
				return null;
			}
			if (length > buffer.capacity()) {
				throw new UncheckedIOException(new IOException("spooled string too long: " + length));
			}
			ensure(length);
			String s = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length,
					StandardCharsets.UTF_8);
			buffer.position(buffer.position() + length);
			return s;
		}

		@Override
		public void close() {
			try {
				channel.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
