package fr.ptce.observatory.warehouse;

/**
 * Parquet's RLE/bit-packing hybrid encoding (the spec's Encodings.md), over a whole page
 * of ints at once: the dictionary ids of the code columns and the definition levels of
 * the optional ones. parquet-java encodes value by value through a state machine; here a
 * run is found by scanning for the next different value, which makes the long runs of
 * observation files (one file, one status, one pole for dozens of rows) cost a compare
 * per row.
 *
 * What is written, in the grammar of Encodings.md (the length prefix of definition levels
 * is the caller's): <pre>
 * encoded-data       := run*
 * run                := bit-packed-run | rle-run
 * bit-packed-run     := varint((groups &lt;&lt; 1) | 1) values   groups of 8 values, 1 &lt;= groups &lt;= 63,
 *                                                         values LSB first, groups * bitWidth bytes
 * rle-run            := varint(count &lt;&lt; 1) value            count &gt;= 8, value little-endian on
 *                                                         ceil(bitWidth / 8) bytes (none at bit width 0)
 * varint             := ULEB128: 7 bits a byte, low first, high bit set on all bytes but the last
 * </pre>
 *
 * Runs of 8 equal values or more are RLE runs; the rest is bit-packed in groups of 8, at
 * most 63 groups per run header (like parquet-java and Arrow: a one-byte header, and no
 * reader meets a longer run). A bit-packed section before an RLE run must hold a multiple
 * of 8 values: it borrows the first values of the run, and the run stays RLE only if 8 or
 * more are left. The last group is padded with zeros, which readers ignore (they know the
 * value count). HybridEncoderTest checks the bytes.
 */
final class HybridEncoder {

	private static final int MAX_GROUPS_PER_RUN = 63;

	private HybridEncoder() {
	}

	/**
	 * Encodes {@code values[from, to)}, each below {@code 1 << bitWidth}, at the end of
	 * {@code out}.
	 */
	static void encode(int[] values, int from, int to, int bitWidth, PageBuffer out) {
		// worst case: every value bit-packed (4 bytes at 32 bits) plus a header per 504
		// values and padding
		out.ensure((to - from) * 5 + 64);
		int byteWidth = (bitWidth + 7) >>> 3;
		int literalStart = from;
		int i = from;
		while (i < to) {
			int v = values[i];
			int j = i + 1;
			while (j < to && values[j] == v) {
				j++;
			}
			int run = j - i;
			if (run >= 8) {
				int literal = i - literalStart;
				int pad = (8 - (literal & 7)) & 7;
				if (run - pad >= 8) {
					if (literal + pad > 0) {
						bitPacked(values, literalStart, i + pad, bitWidth, out);
					}
					repeated(v, run - pad, byteWidth, out);
					literalStart = j;
				}
			}
			i = j;
		}
		if (literalStart < to) {
			bitPacked(values, literalStart, to, bitWidth, out);
		}
	}

	private static void repeated(int value, int count, int byteWidth, PageBuffer out) {
		out.putVarInt(count << 1);
		for (int b = 0; b < byteWidth; b++) {
			out.bytes[out.size++] = (byte) (value >>> (8 * b));
		}
	}

	/**
	 * Values [from, to) in groups of 8, the last one padded with zeros; LSB first, as the
	 * spec says.
	 */
	private static void bitPacked(int[] values, int from, int to, int bitWidth, PageBuffer out) {
		int groups = (to - from + 7) >>> 3;
		int at = from;
		byte[] bytes = out.bytes;
		int pos;
		while (groups > 0) {
			int chunk = Math.min(groups, MAX_GROUPS_PER_RUN);
			groups -= chunk;
			out.putVarInt((chunk << 1) | 1);
			pos = out.size;
			int end = at + chunk * 8;
			long acc = 0;
			int bits = 0;
			if (end <= to) {
				for (int k = at; k < end; k++) {
					acc |= ((long) values[k]) << bits;
					bits += bitWidth;
					while (bits >= 8) {
						bytes[pos++] = (byte) acc;
						acc >>>= 8;
						bits -= 8;
					}
				}
			}
			else {
				// the last group, padded with zeros: apart from the loop above so that
				// full groups test nothing
				for (int k = at; k < end; k++) {
					if (k < to) {
						acc |= ((long) values[k]) << bits;
					}
					bits += bitWidth;
					while (bits >= 8) {
						bytes[pos++] = (byte) acc;
						acc >>>= 8;
						bits -= 8;
					}
				}
			}
			out.size = pos;
			at = end;
		}
	}

}
