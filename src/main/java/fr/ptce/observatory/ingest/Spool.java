package fr.ptce.observatory.ingest;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A scratch file of the run's staging area that holds what one submission produced until
 * its fate is known: its accepted rows (stored only if the file is not quarantined), its
 * rejected rows and its warnings (listed in the receipt). Written once, read back,
 * truncated for the next file: the heap never holds a file's rows, nor its issues.
 */
final class Spool implements Closeable {

	private final Path path;

	/**
	 * Records are put into this buffer and written to the channel when it is full:
	 * DataOutputStream over a BufferedOutputStream goes through a synchronized call per
	 * field, which was a quarter of the job thread.
	 */
	private final ByteBuffer out = ByteBuffer.allocate(1 << 16);

	private FileChannel channel;

	private long records;

	/**
	 * Makes the issue of a compact SUSPICIOUS_JUMP record; null for spools without any.
	 */
	private final JumpTexts jumpTexts;

	/** The texts of a SUSPICIOUS_JUMP, made when the receipt is written. */
	interface JumpTexts {

		Issue issue(long line, int indicator, int year, int quarter, double value, double previous);

	}

	/** Tag of a compact SUSPICIOUS_JUMP record, after the severities' ordinals. */
	private static final byte JUMP = 2;

	Spool(Path path) {
		this(path, null);
	}

	Spool(Path path, JumpTexts jumpTexts) {
		this.path = path;
		this.jumpTexts = jumpTexts;
	}

	long records() {
		return records;
	}

	/** Starts over, for the next file. */
	void reset() {
		closeOutput();
		out.clear();
		try {
			channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
					StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		records = 0;
	}

	/**
	 * An accepted row: its key stands for its pole, period and indicator (see
	 * {@link KeySpace}), the previous current value is a float as the current values are;
	 * 25 bytes without comment.
	 */
	void write(AcceptedRow row) {
		room(4 + 8 + 8 + 4 + 1);
		out.putInt(row.key);
		out.putDouble(row.value);
		out.putLong(row.line);
		out.putFloat((float) row.previousCurrent);
		if (row.comment == null) {
			out.put((byte) row.status);
		}
		else {
			// the high bit says a comment follows
			out.put((byte) (row.status | 0x80));
			writeString(row.comment);
		}
		records++;
	}

	/** An undo record: a key and its current value before the row that changed it. */
	void writeUndo(int key, float previous) {
		room(4 + 4);
		out.putInt(key);
		out.putFloat(previous);
		records++;
	}

	void write(Issue issue) {
		room(8 + 1);
		out.putLong(issue.line());
		out.put((byte) issue.severity().ordinal());
		writeString(issue.code());
		writeString(issue.column());
		writeBytes(issue.textFr());
		writeBytes(issue.textEn());
		records++;
	}

	/**
	 * A SUSPICIOUS_JUMP as its figures (33 bytes), not its texts: a warning-heavy file
	 * has one on a row in ten, and the texts are made once, when the receipt is written.
	 */
	void writeJump(long line, int indicator, int year, int quarter, double value, double previous) {
		room(8 + 1 + 4 + 4 + 8 + 8);
		out.putLong(line);
		out.put(JUMP);
		out.putInt(indicator);
		out.putShort((short) year);
		out.putShort((short) quarter);
		out.putDouble(value);
		out.putDouble(previous);
		records++;
	}

	private void writeString(String s) {
		if (s == null) {
			room(4);
			out.putInt(-1);
			return;
		}
		writeBytes(s.getBytes(StandardCharsets.UTF_8));
	}

	private void writeBytes(byte[] bytes) {
		if (bytes.length > Reader.CAPACITY) {
			// the reader could not read it back
			throw new UncheckedIOException(new IOException("string too long to spool: " + bytes.length));
		}
		room(4);
		out.putInt(bytes.length);
		int done = 0;
		while (done < bytes.length) {
			room(1);
			int n = Math.min(out.remaining(), bytes.length - done);
			out.put(bytes, done, n);
			done += n;
		}
	}

	/** Makes room for n bytes (at most the buffer's capacity) in the buffer. */
	private void room(int n) {
		if (out.remaining() < n) {
			drain();
		}
	}

	private void drain() {
		out.flip();
		try {
			while (out.hasRemaining()) {
				channel.write(out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		out.clear();
	}

	/** Reads back what was written since the last reset. */
	Reader read() {
		closeOutput();
		try {
			return new Reader(FileChannel.open(path, StandardOpenOption.READ), jumpTexts);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void closeOutput() {
		if (channel != null) {
			try {
				drain();
				channel.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				channel = null;
				out.clear();
			}
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
	 * Reads a spool back through one large buffer (DataInputStream over a
	 * BufferedInputStream reads byte by byte through synchronized calls, which showed as
	 * the top of the ingest profile).
	 */
	static final class Reader implements Closeable {

		private final FileChannel channel;

		static final int CAPACITY = 1 << 20;

		private final ByteBuffer buffer = ByteBuffer.allocate(CAPACITY);

		private final JumpTexts jumpTexts;

		Reader(FileChannel channel, JumpTexts jumpTexts) {
			this.channel = channel;
			this.jumpTexts = jumpTexts;
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

		/**
		 * @param keys the key space the rows' keys are in
		 * @return false at the end
		 */
		boolean next(AcceptedRow row, KeySpace keys) {
			if (!ensure(4 + 8 + 8 + 4 + 1)) {
				return false;
			}
			int key = buffer.getInt();
			row.key = key;
			row.value = buffer.getDouble();
			row.line = buffer.getLong();
			row.previousCurrent = buffer.getFloat();
			int status = buffer.get() & 0xFF;
			row.status = (char) (status & 0x7F);
			row.comment = (status & 0x80) != 0 ? readString() : null;
			row.indicator = keys.indicatorOf(key);
			row.pole = keys.poleOf(key);
			row.year = keys.yearOf(key);
			row.quarter = keys.quarterOf(key);
			return true;
		}

		/**
		 * Reads an undo record into the row's key and previous current value; false at
		 * the end.
		 */
		boolean nextUndo(AcceptedRow row) {
			if (!ensure(4 + 4)) {
				return false;
			}
			row.key = buffer.getInt();
			row.previousCurrent = buffer.getFloat();
			return true;
		}

		/**
		 * @return the next issue, or null at the end
		 */
		Issue nextIssue() {
			if (!ensure(8 + 1)) {
				return null;
			}
			long line = buffer.getLong();
			byte tag = buffer.get();
			if (tag == JUMP) {
				ensure(4 + 4 + 8 + 8);
				return jumpTexts.issue(line, buffer.getInt(), buffer.getShort(), buffer.getShort(), buffer.getDouble(),
						buffer.getDouble());
			}
			Issue.Severity severity = Issue.Severity.values()[tag];
			return new Issue(line, severity, readString(), readString(), readBytes(), readBytes());
		}

		/**
		 * @return the line of the next issue, its texts skipped without being decoded
		 * (for counting lines), or -1 at the end
		 */
		long nextIssueLine() {
			if (!ensure(8 + 1)) {
				return -1;
			}
			long line = buffer.getLong();
			if (buffer.get() == JUMP) {
				ensure(4 + 4 + 8 + 8);
				buffer.position(buffer.position() + 4 + 4 + 8 + 8);
				return line;
			}
			for (int s = 0; s < 4; s++) {
				ensure(4);
				int length = buffer.getInt();
				if (length > 0) {
					ensure(length);
					buffer.position(buffer.position() + length);
				}
			}
			return line;
		}

		/** A spooled text, kept in UTF-8: receipts write it as it is. */
		private byte[] readBytes() {
			int length = readLength();
			if (length < 0) {
				throw new UncheckedIOException(new IOException("spooled issue without its text"));
			}
			ensure(length);
			byte[] bytes = new byte[length];
			buffer.get(bytes);
			return bytes;
		}

		private String readString() {
			int length = readLength();
			if (length < 0) {
				return null;
			}
			ensure(length);
			String s = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length,
					StandardCharsets.UTF_8);
			buffer.position(buffer.position() + length);
			return s;
		}

		/** The length before a spooled string or text, -1 for null. */
		private int readLength() {
			ensure(4);
			int length = buffer.getInt();
			if (length > buffer.capacity()) {
				throw new UncheckedIOException(new IOException("spooled string too long: " + length));
			}
			return length;
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
