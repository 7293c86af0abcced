package fr.ptce.observatory.extract;

import java.nio.file.Path;
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
 */
final class PoleValueReader {

	private final Map<String, String> canonical = new HashMap<>();

	List<PoleValue> read(Path file) {
		Object[] group = new Object[1];
		String[][] byId = new String[2][];
		return ParquetScan.readAll(file, g -> {
			if (group[0] != g) {
				group[0] = g;
				byId[0] = new String[256];
				byId[1] = new String[64];
			}
			String pole = code(g.column("pole_id"), byId, 0);
			String indicator = code(g.column("indicator"), byId, 1);
			ParquetScan.Column value = g.column("value");
			double v = value.float64();
			value.next();
			ParquetScan.Column imputed = g.column("imputed");
			boolean i = imputed.bool();
			imputed.next();
			ParquetScan.Column quarters = g.column("n_quarters");
			int q = quarters.int32();
			quarters.next();
			return new PoleValue(pole, indicator, v, i, q);
		});
	}

	private String code(ParquetScan.Column column, String[][] byId, int which) {
		int id = column.dictionaryId();
		String s;
		if (id < 0) {
			s = canonical.computeIfAbsent(column.string(), k -> k);
		}
		else {
			if (id >= byId[which].length) {
				byId[which] = java.util.Arrays.copyOf(byId[which], Math.max(id + 1, byId[which].length * 2));
			}
			s = byId[which][id];
			if (s == null) {
				s = canonical.computeIfAbsent(column.string(), k -> k);
				byId[which][id] = s;
			}
		}
		column.next();
		return s;
	}

}
