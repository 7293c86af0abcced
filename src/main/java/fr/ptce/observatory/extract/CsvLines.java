package fr.ptce.observatory.extract;

import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.ptce.observatory.extract.ExtractTables.YearValue;
import fr.ptce.observatory.warehouse.PoleValue;

/**
 * The CSV lines of one year of pole values, encoded once for every partner: a value's
 * line is the same in each extract that holds it, so each partner copies the bytes of the
 * lines of its poles instead of formatting them again (five partners, about 1.6 lines
 * written per line encoded). Lines of poles no partner sees are not encoded (empty).
 * Holds one year, as the rows it comes from.
 */
final class CsvLines {

	private final byte[] bytes;

	/** Line i is bytes [ends[i - 1], ends[i]) (from 0 for the first). */
	private final int[] ends;

	/** Each line's audience ({@link PoleAudiences}). */
	private final int[] audiences;

	private CsvLines(byte[] bytes, int[] ends, int[] audiences) {
		this.bytes = bytes;
		this.ends = ends;
		this.audiences = audiences;
	}

	/**
	 * @param audiences who sees each pole among the partners of the run
	 */
	static CsvLines of(int year, List<PoleValue> values, PoleAudiences audiences) {
		ExtractTable.CsvRow<YearValue> format = ExtractTables.POLE_VALUES.csvRow();
		StringBuilder text = new StringBuilder(values.size() * 40);
		int[] ends = new int[values.size()];
		int[] audience = new int[values.size()];
		for (int i = 0; i < ends.length; i++) {
			PoleValue v = values.get(i);
			audience[i] = audiences.of(v.poleId());
			if (audience[i] != 0) {
				format.append(text, new YearValue(year, v));
				text.append('\n');
			}
			ends[i] = text.length();
		}
		String s = text.toString();
		byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
		if (utf8.length != s.length()) {
			byteOffsets(s, ends);
		}
		return new CsvLines(utf8, ends, audience);
	}

	/**
	 * Char offsets made UTF-8 byte offsets, where a code or a number held a non-ASCII
	 * character.
	 */
	private static void byteOffsets(String s, int[] ends) {
		int chars = 0;
		int bytes = 0;
		for (int i = 0; i < ends.length; i++) {
			for (; chars < ends[i]; chars++) {
				char c = s.charAt(chars);
				bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
			}
			ends[i] = bytes;
		}
	}

	int start(int line) {
		return line == 0 ? 0 : ends[line - 1];
	}

	int length(int line) {
		return ends[line] - start(line);
	}

	/** The audience of the line's pole: index of {@link PoleAudiences#seenBy}. */
	int audience(int line) {
		return audiences[line];
	}

	byte[] bytes() {
		return bytes;
	}

}
