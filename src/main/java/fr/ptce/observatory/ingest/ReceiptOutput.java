package fr.ptce.observatory.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;

/**
 * One receipt file being written as UTF-8 bytes through a large buffer, with the two ways
 * receipts quote text: a JSON string as Jackson's generator writes it, and a CSV field as
 * FastCSV's writer does (ReceiptWriterTest compares the bytes with both libraries'). A
 * file with a million warnings has receipts of over half a gigabyte: going through the
 * libraries' generic writers (a token at a time, a pretty printer's calls, chars encoded
 * through a Writer) was as costly as reading and validating its rows.
 */
final class ReceiptOutput implements Closeable {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	/**
	 * ASCII chars a JSON string holds as they are; '?' is left out because it is what
	 * getBytes makes of half a surrogate pair, on which Jackson fails (the char by char
	 * path does too).
	 */
	private static final boolean[] JSON_PLAIN = new boolean[128];

	/**
	 * What a text's bytes hold that its receipt forms must treat, or-ed over the text by
	 * {@link #classes}: a byte JSON escapes (a control char, '"' or '\\'); a byte for
	 * which CSV quotes the field (',', '"', CR or LF); a quote, which CSV doubles.
	 */
	static final int JSON_ESCAPES = 1;

	static final int CSV_QUOTES = 2;

	static final int QUOTES = 4;

	/** The classes of each byte value; none for the bytes of multi-byte sequences. */
	private static final byte[] CLASSES = new byte[256];

	static {
		for (int c = 0x20; c < 128; c++) {
			JSON_PLAIN[c] = c != '"' && c != '\\' && c != '?';
		}
		for (int c = 0; c < 128; c++) {
			boolean json = c < 0x20 || c == '"' || c == '\\';
			boolean csv = c == ',' || c == '"' || c == '\n' || c == '\r';
			CLASSES[c] = (byte) ((json ? JSON_ESCAPES : 0) | (csv ? CSV_QUOTES : 0) | (c == '"' ? QUOTES : 0));
		}
	}

	private final FileChannel channel;

	private final byte[] buffer = new byte[1 << 18];

	private int size;

	ReceiptOutput(Path target) throws IOException {
		this.channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
				StandardOpenOption.WRITE);
	}

	/** Text of the program's own (names, codes, punctuation): ASCII, written as it is. */
	ReceiptOutput ascii(String s) throws IOException {
		int n = s.length();
		room(n);
		for (int i = 0; i < n; i++) {
			buffer[size++] = (byte) s.charAt(i);
		}
		return this;
	}

	ReceiptOutput number(long v) throws IOException {
		return ascii(Long.toString(v));
	}

	/**
	 * A JSON string, quotes included, as Jackson writes it by default: {@code "} and
	 * {@code \} escaped with a backslash, control characters as {@code \n}, {@code \r},
	 * {@code \t}, {@code \b}, {@code \f} or {@code \\u} and four hex digits, everything
	 * else in UTF-8 as it is.
	 */
	ReceiptOutput jsonString(String s) throws IOException {
		return jsonString(s, s.getBytes(StandardCharsets.UTF_8));
	}

	private ReceiptOutput jsonString(String s, byte[] utf8) throws IOException {
		if (plain(utf8, JSON_PLAIN)) {
			return quoted(utf8);
		}
		room(1);
		buffer[size++] = '"';
		int n = s.length();
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
				room(1);
				buffer[size++] = (byte) c;
			}
			else if (c < 0x80) {
				jsonEscape(c);
			}
			else {
				i = utf8(s, i, true);
			}
		}
		room(1);
		buffer[size++] = '"';
		return this;
	}

	/**
	 * A text already in UTF-8 (an issue's message, see {@link Issue}) as a JSON string,
	 * escaped as {@link #jsonString(String)} escapes it: the bytes of multi-byte
	 * sequences are all at or above 0x80 and copied as they are. A text decoded from a
	 * file and encoded by Java holds no half surrogate pair (decoders replace malformed
	 * input), so '?' is plain here.
	 */
	ReceiptOutput jsonText(byte[] utf8, int classes) throws IOException {
		if ((classes & JSON_ESCAPES) == 0) {
			return quoted(utf8);
		}
		room(1);
		buffer[size++] = '"';
		int from = 0;
		for (int i = 0; i < utf8.length; i++) {
			byte b = utf8[i];
			if ((CLASSES[b & 0xFF] & JSON_ESCAPES) != 0) {
				copy(utf8, from, i);
				jsonEscape((char) b);
				from = i + 1;
			}
		}
		copy(utf8, from, utf8.length);
		room(1);
		buffer[size++] = '"';
		return this;
	}

	private void jsonEscape(char c) throws IOException {
		room(6);
		buffer[size++] = '\\';
		switch (c) {
			case '"', '\\' -> buffer[size++] = (byte) c;
			case '\n' -> buffer[size++] = 'n';
			case '\r' -> buffer[size++] = 'r';
			case '\t' -> buffer[size++] = 't';
			case '\b' -> buffer[size++] = 'b';
			case '\f' -> buffer[size++] = 'f';
			default -> {
				buffer[size++] = 'u';
				buffer[size++] = '0';
				buffer[size++] = '0';
				buffer[size++] = HEX[c >> 4];
				buffer[size++] = HEX[c & 0xF];
			}
		}
	}

	/**
	 * A CSV field as FastCSV writes it with its defaults: quoted when it holds a comma, a
	 * quote, CR or LF (or, first in its record, starts with the comment character #), its
	 * quotes doubled; null and empty write nothing.
	 */
	ReceiptOutput csvField(String s, boolean first) throws IOException {
		if (s == null || s.isEmpty()) {
			return this;
		}
		byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
		return csvText(utf8, classes(utf8), first);
	}

	/**
	 * Like {@link #csvField(String, boolean)}, for a text already in UTF-8 whose
	 * {@link #classes} are known. Still as bytes: the bytes of a multi-byte UTF-8
	 * sequence are all at or above 0x80, so none is a comma, a quote, CR or LF, and
	 * String.getBytes writes '?' for half a surrogate pair as FastCSV's Writer did.
	 */
	ReceiptOutput csvText(byte[] utf8, int classes, boolean first) throws IOException {
		if (utf8.length == 0) {
			return this;
		}
		boolean quote = (classes & CSV_QUOTES) != 0 || first && utf8[0] == '#';
		if (!quote) {
			copy(utf8, 0, utf8.length);
			return this;
		}
		room(1);
		buffer[size++] = '"';
		if ((classes & QUOTES) == 0) {
			copy(utf8, 0, utf8.length);
			room(1);
			buffer[size++] = '"';
			return this;
		}
		int from = 0;
		for (int i = 0; i < utf8.length; i++) {
			if (utf8[i] == '"') {
				copy(utf8, from, i + 1);
				room(1);
				buffer[size++] = '"';
				from = i + 1;
			}
		}
		copy(utf8, from, utf8.length);
		room(1);
		buffer[size++] = '"';
		return this;
	}

	/** Bytes as they are; longer than the buffer, straight to the file. */
	private void copy(byte[] bytes, int from, int to) throws IOException {
		int n = to - from;
		room(n);
		if (n > buffer.length) {
			ByteBuffer direct = ByteBuffer.wrap(bytes, from, n);
			while (direct.hasRemaining()) {
				channel.write(direct);
			}
			return;
		}
		System.arraycopy(bytes, from, buffer, size, n);
		size += n;
	}

	/**
	 * One pass over a text for the questions of both receipts (an issue's texts are most
	 * of their bytes): an or of its bytes' classes.
	 */
	static int classes(byte[] utf8) {
		int classes = 0;
		for (byte b : utf8) {
			classes |= CLASSES[b & 0xFF];
		}
		return classes;
	}

	private static boolean plain(byte[] utf8, boolean[] plainAscii) {
		for (byte b : utf8) {
			if (b >= 0 && !plainAscii[b]) {
				return false;
			}
		}
		return true;
	}

	private ReceiptOutput quoted(byte[] utf8) throws IOException {
		room(1);
		buffer[size++] = '"';
		copy(utf8, 0, utf8.length);
		room(1);
		buffer[size++] = '"';
		return this;
	}

	/**
	 * Writes the non-ASCII char at {@code i} (with its low surrogate) in UTF-8.
	 * @return the index of the last char written
	 */
	private int utf8(String s, int i, boolean json) throws IOException {
		room(4);
		char c = s.charAt(i);
		if (c < 0x800) {
			buffer[size++] = (byte) (0xC0 | c >> 6);
			buffer[size++] = (byte) (0x80 | c & 0x3F);
			return i;
		}
		if (!Character.isSurrogate(c)) {
			buffer[size++] = (byte) (0xE0 | c >> 12);
			buffer[size++] = (byte) (0x80 | c >> 6 & 0x3F);
			buffer[size++] = (byte) (0x80 | c & 0x3F);
			return i;
		}
		if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
			int cp = Character.toCodePoint(c, s.charAt(i + 1));
			buffer[size++] = (byte) (0xF0 | cp >> 18);
			buffer[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
			buffer[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
			buffer[size++] = (byte) (0x80 | cp & 0x3F);
			return i + 1;
		}
		if (json) {
			// what Jackson's generator does with half a surrogate pair
			throw new IOException(
					"Invalid surrogate in a receipt text at " + i + " (0x" + Integer.toHexString(c) + ")");
		}
		// what the UTF-8 encoder of FastCSV's Writer writes for it
		buffer[size++] = '?';
		return i;
	}

	private void room(int n) throws IOException {
		if (size + n > buffer.length) {
			drain();
		}
	}

	private void drain() throws IOException {
		ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, size);
		while (bytes.hasRemaining()) {
			channel.write(bytes);
		}
		size = 0;
	}

	@Override
	public void close() throws IOException {
		try {
			drain();
		}
		finally {
			channel.close();
		}
	}

}
