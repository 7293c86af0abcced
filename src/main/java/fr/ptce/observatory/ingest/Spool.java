package fr.ptce.observatory.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
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
			return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16)));
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

	static final class Reader implements Closeable {

		private final DataInputStream in;

		Reader(DataInputStream in) {
			this.in = in;
		}

		/** @return false at the end */
		boolean next(AcceptedRow row) {
			try {
				row.pole = in.readInt();
			}
			catch (EOFException end) {
				return false;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			try {
				row.year = in.readShort();
				row.quarter = in.readByte();
				row.indicator = in.readShort();
				row.value = in.readDouble();
				row.status = in.readChar();
				row.line = in.readLong();
				row.key = in.readInt();
				row.comment = readString();
				return true;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** @return the next issue, or null at the end */
		Issue nextIssue() {
			long line;
			try {
				line = in.readLong();
			}
			catch (EOFException end) {
				return null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			try {
				Issue.Severity severity = Issue.Severity.values()[in.readByte()];
				return new Issue(line, severity, readString(), readString(), readString(), readString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private String readString() throws IOException {
			int length = in.readInt();
			if (length < 0) {
				return null;
			}
			return new String(in.readNBytes(length), StandardCharsets.UTF_8);
		}

		@Override
		public void close() {
			try {
				in.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
