package fr.ptce.observatory.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.PoleValue;

/**
 * Reads pole_values files with one String instance per pole and indicator code for the
 * whole run (looked up by the value's dictionary id in its row group, so most rows decode
 * no UTF-8 at all). Each row is then filtered and written once per partner: with shared
 * instances the set lookup and the Parquet writer's code cache find the hash already
 * computed, or the same instance as the row before.
 * <p>
 * A row group is read column after column into arrays, then made into rows: each loop
 * reads one column, so that a cold JVM compiles five small loops, each with one column's
 * decoding inlined, instead of one method with the decoding of the five columns inlined
 * together (a JFR recording of a cold extract showed that method compiled three times,
 * seconds of C2, as each new page kind deoptimised it).
 */
final class PoleValueReader {

	private final Map<String, String> canonical = new HashMap<>();

	List<PoleValue> read(Path file) {
		ArrayList<PoleValue> rows = new ArrayList<>();
		ParquetScan.scan(file, g -> {
			int n = Math.toIntExact(g.rows());
			String[] poles = codes(g.column("pole_id"), n, 256);
			String[] indicators = codes(g.column("indicator"), n, 64);
			double[] values = doubles(g.column("value"), n);
			boolean[] imputed = booleans(g.column("imputed"), n);
			int[] quarters = ints(g.column("n_quarters"), n);
			rows.ensureCapacity(rows.size() + n);
			for (int i = 0; i < n; i++) {
				rows.add(new PoleValue(poles[i], indicators[i], values[i], imputed[i], quarters[i]));
			}
		});
		return rows;
	}

	/** A code column, one shared instance per distinct code. */
	private String[] codes(ParquetScan.Column column, int n, int expected) {
		String[] out = new String[n];
		String[] byId = new String[expected];
		for (int i = 0; i < n; i++) {
			int id = column.dictionaryId();
			String s;
			if (id < 0) {
				s = canonical.computeIfAbsent(column.string(), k -> k);
			}
			else {
				if (id >= byId.length) {
					byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
				}
				s = byId[id];
				if (s == null) {
					s = canonical.computeIfAbsent(column.string(), k -> k);
					byId[id] = s;
				}
			}
			out[i] = s;
			column.next();
		}
		return out;
	}

	private static double[] doubles(ParquetScan.Column column, int n) {
		double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			out[i] = column.float64();
			column.next();
		}
		return out;
	}

	private static boolean[] booleans(ParquetScan.Column column, int n) {
		boolean[] out = new boolean[n];
		for (int i = 0; i < n; i++) {
			out[i] = column.bool();
			column.next();
		}
		return out;
	}

	private static int[] ints(ParquetScan.Column column, int n) {
		int[] out = new int[n];
		for (int i = 0; i < n; i++) {
			out[i] = column.int32();
			column.next();
		}
		return out;
	}

}
