package fr.ptce.observatory.ingest;

import java.util.Arrays;
import java.util.List;

/**
 * Finds a code (a pole identifier, an indicator code) from the characters of a field,
 * without making a String of them: an open-addressing table of the codes as the registry
 * and the catalogue spell them. A miss is not a verdict: the field may be in another case
 * or in a form the caller normalises, so callers then fall back to the referential's own
 * lookup.
 */
final class CodeTable {

	private final char[][] codes;

	private final int[] indexes;

	private final int mask;

	/**
	 * @param codes the codes, their position in the list being the index returned
	 */
	CodeTable(List<String> codes) {
		int capacity = Integer.highestOneBit(Math.max(4, codes.size() * 4) - 1) << 1;
		this.codes = new char[capacity][];
		this.indexes = new int[capacity];
		this.mask = capacity - 1;
		for (int i = 0; i < codes.size(); i++) {
			char[] code = codes.get(i).toCharArray();
			int slot = hash(code, 0, code.length) & mask;
			while (this.codes[slot] != null) {
				slot = (slot + 1) & mask;
			}
			this.codes[slot] = code;
			this.indexes[slot] = i;
		}
	}

	/**
	 * @return the index of the code spelled by chars[from, to), or -1
	 */
	int find(char[] chars, int from, int to) {
		int slot = hash(chars, from, to) & mask;
		char[] code;
		while ((code = codes[slot]) != null) {
			if (Arrays.equals(code, 0, code.length, chars, from, to)) {
				return indexes[slot];
			}
			slot = (slot + 1) & mask;
		}
		return -1;
	}

	/**
	 * A hash of the length and a few characters, the last ones first (where identifiers
	 * such as PTCE-0042 differ): hashing every character was a tenth of a large ingest,
	 * and the equality test settles collisions anyway.
	 */
	private static int hash(char[] chars, int from, int to) {
		int length = to - from;
		int h = length;
		if (length > 0) {
			h = 31 * h + chars[to - 1];
			h = 31 * h + chars[from];
			h = 31 * h + chars[from + length / 2];
		}
		if (length > 3) {
			h = 31 * h + chars[to - 2];
			h = 31 * h + chars[to - 3];
			h = 31 * h + chars[to - 4];
		}
		h *= 0x9E3779B9;
		return h ^ (h >>> 16);
	}

}
