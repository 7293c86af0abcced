package fr.ptce.observatory.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import fr.ptce.observatory.warehouse.Sha256;

/**
 * One pass over the bytes of a submission before it is parsed: its SHA-256 (the
 * submission id), whether it is text at all (NUL bytes), its encoding (UTF-8 with or
 * without BOM if the bytes are valid UTF-8, else Windows-1252, what French Excel writes,
 * unless it holds bytes Windows-1252 leaves undefined), its delimiter (the more frequent
 * of {@code ;} and {@code ,} in the header row, outside quotes) and whether a quote is
 * left open at the end of the file — which a CSV parser silently closes, and the format
 * calls MALFORMED_ROW. Memory stays flat whatever the file size.
 */
public final class FileSniffer {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final int BUFFER = 1 << 20;

	/**
	 * What the pass found; charset is null when the file is not text in either encoding.
	 */
	public record Facts(String sha256, long size, Charset charset, boolean bom, boolean hasNul, char delimiter,
			boolean openQuoteAtEnd) {

		public boolean isText() {
			return !hasNul && charset != null;
		}

	}

	private FileSniffer() {
	}

	/**
	 * What the parser needs first, from the first megabyte only: the BOM and the
	 * delimiter, and UTF-8 when those bytes are valid UTF-8 without NUL (else null: only
	 * the whole pass can tell). The SHA-256 is unknown (null) and so is a quote open at
	 * the end (false): a caller that starts parsing on these facts checks them against
	 * those of {@link #sniff} before it keeps anything.
	 */
	public static Facts head(Path file) throws IOException {
		byte[] buffer = new byte[BUFFER];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(buffer, 0, buffer.length);
		}
		boolean bom = startsWithBom(buffer, n);
		int start = bom ? 3 : 0;
		Utf8Validator utf8 = new Utf8Validator();
		for (int i = start; i < n; i++) {
			int b = buffer[i] & 0xFF;
			if (b == 0) {
				return null;
			}
			utf8.accept(b);
		}
		if (!utf8.isValidSoFar()) {
			return null;
		}
		return new Facts(null, Files.size(file), StandardCharsets.UTF_8, bom, false, detectDelimiter(buffer, start, n),
				false);
	}

	private static boolean startsWithBom(byte[] buffer, int n) {
		return n >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF;
	}

	public static Facts sniff(Path file) throws IOException {
		MessageDigest sha = Sha256.digest();
		byte[] buffer = new byte[BUFFER];
		long size = 0;
		boolean nul = false;
		boolean cp1252Valid = true;
		Utf8Validator utf8 = new Utf8Validator();
		QuoteTracker quotes = null;
		boolean bom = false;
		char delimiter = ',';
		try (InputStream in = Files.newInputStream(file)) {
			int n;
			boolean first = true;
			while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
				sha.update(buffer, 0, n);
				int start = 0;
				if (first) {
					bom = startsWithBom(buffer, n);
					start = bom ? 3 : 0;
					delimiter = detectDelimiter(buffer, start, n);
					quotes = new QuoteTracker((byte) delimiter);
					first = false;
				}
				int i = start;
				while (i < n) {
					int b = buffer[i] & 0xFF;
					if (b != 0 && b < 0x80 && b != '"' && utf8.expectsStart()) {
						// a run of plain ASCII (no NUL, no quote): it leaves the
						// encodings as they are, and the
						// quote state depends on its last byte only; this loop was a
						// fifth of a large ingest
						int j = plainRunEnd(buffer, i + 1, n);
						quotes.acceptPlainRun(buffer[j - 1]);
						i = j;
						continue;
					}
					i++;
					if (b == 0) {
						nul = true;
					}
					else if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
						cp1252Valid = false;
					}
					utf8.accept(b);
					quotes.accept(b);
				}
				size += n;
			}
		}
		Charset charset = utf8.isValid() ? StandardCharsets.UTF_8 : cp1252Valid ? WINDOWS_1252 : null;
		return new Facts(HexFormat.of().formatHex(sha.digest()), size, charset, bom, nul, delimiter,
				quotes != null && quotes.isOpen());
	}

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGHS = 0x8080808080808080L;

	private static final long QUOTES = 0x2222222222222222L;

	/**
	 * The end of a run of plain ASCII bytes (neither NUL, nor a quote, nor above 0x7F)
	 * from {@code from}: eight bytes at a time (a NUL or quote byte is found as a zero
	 * byte of the word, or of the word xor quotes), since a large file is almost all such
	 * bytes and a byte loop was a fifth of its ingest.
	 */
	static int plainRunEnd(byte[] buffer, int from, int to) {
		int j = from;
		while (j + 8 <= to) {
			long word = (long) LONGS.get(buffer, j);
			long quoted = word ^ QUOTES;
			long special = (word | ((word - ONES) & ~word) | ((quoted - ONES) & ~quoted)) & HIGHS;
			if (special != 0) {
				break;
			}
			j += 8;
		}
		while (j < to) {
			byte c = buffer[j];
			if (c <= 0 || c == '"') {
				break;
			}
			j++;
		}
		return j;
	}

	/**
	 * The header row is the first line with something else than blanks and delimiters;
	 * the delimiter is the one it holds more of, outside quotes ({@code ,} when neither).
	 */
	static char detectDelimiter(byte[] bytes, int from, int to) {
		int semicolons = 0;
		int commas = 0;
		boolean quoted = false;
		boolean content = false;
		for (int i = from; i < to; i++) {
			byte b = bytes[i];
			if (b == '"') {
				quoted = !quoted;
				content = true;
			}
			else if (quoted) {
				continue;
			}
			else if (b == ';') {
				semicolons++;
			}
			else if (b == ',') {
				commas++;
			}
			else if (b == '\n' || b == '\r') {
				if (content) {
					break;
				}
				semicolons = 0;
				commas = 0;
			}
			else if (b != ' ' && b != '\t') {
				content = true;
			}
		}
		return semicolons > commas ? ';' : ',';
	}

	/**
	 * Byte-level UTF-8 well-formedness (no overlongs, no surrogates, at most U+10FFFF).
	 */
	static final class Utf8Validator {

		private int need;

		private int low = 0x80;

		private int high = 0xBF;

		private boolean valid = true;

		void accept(int b) {
			if (!valid) {
				return;
			}
			if (need > 0) {
				if (b < low || b > high) {
					valid = false;
					return;
				}
				need--;
				low = 0x80;
				high = 0xBF;
				return;
			}
			if (b < 0x80) {
				return;
			}
			if (b >= 0xC2 && b <= 0xDF) {
				need = 1;
			}
			else if (b == 0xE0) {
				need = 2;
				low = 0xA0;
			}
			else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
				need = 2;
			}
			else if (b == 0xED) {
				need = 2;
				high = 0x9F;
			}
			else if (b == 0xF0) {
				need = 3;
				low = 0x90;
			}
			else if (b >= 0xF1 && b <= 0xF3) {
				need = 3;
			}
			else if (b == 0xF4) {
				need = 3;
				high = 0x8F;
			}
			else {
				valid = false;
			}
		}

		boolean isValid() {
			return valid && need == 0;
		}

		/** Valid up to here, a multi-byte sequence possibly cut at the end. */
		boolean isValidSoFar() {
			return valid;
		}

		/**
		 * Whether an ASCII byte would change nothing (no multi-byte sequence under way).
		 */
		boolean expectsStart() {
			return need == 0;
		}

	}

	/**
	 * The quoting state machine of the CSV parser (a quote opens a field only at its
	 * start; {@code ""} inside quotes is a literal quote), to tell whether the file ends
	 * inside a quoted field. ASCII delimiters and quotes never occur inside multi-byte
	 * UTF-8 sequences, so bytes can be read directly in both encodings.
	 */
	static final class QuoteTracker {

		private static final int FIELD_START = 0;

		private static final int UNQUOTED = 1;

		private static final int QUOTED = 2;

		private static final int QUOTE_IN_QUOTED = 3;

		private final byte delimiter;

		private int state = FIELD_START;

		QuoteTracker(byte delimiter) {
			this.delimiter = delimiter;
		}

		void accept(int b) {
			switch (state) {
				case FIELD_START -> {
					if (b == '"') {
						state = QUOTED;
					}
					else if (b != delimiter && b != '\n' && b != '\r') {
						state = UNQUOTED;
					}
				}
				case UNQUOTED -> {
					if (b == delimiter || b == '\n' || b == '\r') {
						state = FIELD_START;
					}
				}
				case QUOTED -> {
					if (b == '"') {
						state = QUOTE_IN_QUOTED;
					}
				}
				default -> {
					if (b == '"') {
						state = QUOTED;
					}
					else if (b == delimiter || b == '\n' || b == '\r') {
						state = FIELD_START;
					}
					else {
						state = UNQUOTED;
					}
				}
			}
		}

		boolean isOpen() {
			return state == QUOTED;
		}

		/**
		 * Same as {@link #accept} of each byte of a non-empty run with no quote in it,
		 * given its last byte.
		 */
		void acceptPlainRun(int last) {
			if (state != QUOTED) {
				state = last == delimiter || last == '\n' || last == '\r' ? FIELD_START : UNQUOTED;
			}
		}

	}

}
