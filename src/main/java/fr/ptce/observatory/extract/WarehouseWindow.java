package fr.ptce.observatory.extract;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import fr.ptce.observatory.extract.ExtractTables.YearCell;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.MissingAggregatesException;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.PoleValue;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;
import fr.ptce.observatory.warehouse.Trend;

/**
 * What an extract of year Y is made of, as the warehouse has it: the partitions of years
 * Y−9..Y of the aggregates and pole values, the trends of Y, and the provenance each
 * year's aggregates recorded. Only the data files of these three tables are read: nothing
 * else of the warehouse (observations, the audit, any internal file beside the
 * partitions) can reach a partner.
 */
final class WarehouseWindow {

	/** Ten years: the report year and the nine before it (methodology, extracts.md). */
	static final int YEARS = 10;

	private final DataDirectory dir;

	private final int year;

	private final Map<Integer, Map<String, String>> metadata;

	private final PoleValueReader poleValueReader = new PoleValueReader();

	private WarehouseWindow(DataDirectory dir, int year, Map<Integer, Map<String, String>> metadata) {
		this.dir = dir;
		this.year = year;
		this.metadata = metadata;
	}

	/**
	 * @throws MissingAggregatesException when year Y has no aggregates
	 */
	static WarehouseWindow open(DataDirectory dir, int year) {
		Map<Integer, Map<String, String>> metadata = new TreeMap<>();
		for (int y = year - YEARS + 1; y <= year; y++) {
			List<Path> files = partitionFiles(dir, Tables.AGGREGATES, y);
			if (!files.isEmpty()) {
				metadata.put(y, ParquetScan.keyValueMetadata(files.get(0)));
			}
		}
		if (!metadata.containsKey(year)) {
			throw new MissingAggregatesException(year, "extract");
		}
		return new WarehouseWindow(dir, year, metadata);
	}

	int year() {
		return year;
	}

	/** The years of the window that have aggregates, ascending. */
	List<Integer> years() {
		return List.copyOf(metadata.keySet());
	}

	/** The as-of instant of year Y's aggregates: the extract's version. */
	Instant asOf() {
		return asOf(year);
	}

	Instant asOf(int y) {
		String v = metadata.get(y).get("observatory.as_of");
		if (v == null || v.isBlank()) {
			throw new IllegalStateException("the aggregates of " + y + " do not record their as-of instant "
					+ "(observatory.as_of): run 'aggregate --year " + y + "' again");
		}
		return Timestamps.parseInstant(v);
	}

	/**
	 * A provenance key of year Y's aggregates (observatory.catalogue_sha256, ...), or
	 * null.
	 */
	String metadata(String key) {
		return metadata.get(year).get(key);
	}

	/** The as-of instant of each year of the window, for datapackage.json. */
	Map<Integer, Instant> asOfByYear() {
		Map<Integer, Instant> m = new TreeMap<>();
		metadata.keySet().forEach(y -> m.put(y, asOf(y)));
		return Collections.unmodifiableMap(m);
	}

	/** Every cell of the window, sorted by (year, indicator, level, area). */
	List<YearCell> aggregates() {
		List<YearCell> cells = new ArrayList<>();
		for (int y : metadata.keySet()) {
			List<AggregateCell> ofYear = read(Tables.AGGREGATES, y, TableReaders::aggregates);
			sortIfNeeded(ofYear, CELL_ORDER);
			ofYear.forEach(c -> cells.add(new YearCell(y, c)));
		}
		return cells;
	}

	List<Trend> trends() {
		List<Trend> trends = read(Tables.TRENDS, year, TableReaders::trends);
		trends.sort((a, b) -> compare(a.indicator(), a.level(), a.area(), b.indicator(), b.level(), b.area()));
		return trends;
	}

	/** The pole values of one year of the window, sorted by (pole_id, indicator). */
	List<PoleValue> poleValues(int y) {
		List<PoleValue> values = read(Tables.POLE_VALUES, y, poleValueReader::read);
		sortIfNeeded(values, VALUE_ORDER);
		return values;
	}

	/** Every file of a partition, a file that cannot be read named in the message. */
	private <T> List<T> read(String table, int y, Function<Path, List<T>> reader) {
		List<T> rows = new ArrayList<>();
		for (Path file : partitionFiles(dir, table, y)) {
			try {
				rows.addAll(reader.apply(file));
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("cannot read " + file + ": " + ex.getMessage(), ex);
			}
		}
		return rows;
	}

	/**
	 * The data files of a partition: {@code part-*.parquet} only, the names the
	 * aggregation job gives them. Anything else a job may keep beside them (the
	 * confidentiality audit, for the staff only) never reaches an extract, even if it is
	 * a Parquet file in the same folder.
	 */
	static List<Path> partitionFiles(DataDirectory dir, String table, int y) {
		return ParquetScan.files(dir.partition(table, y))
			.stream()
			.filter(f -> f.getFileName().toString().startsWith("part-"))
			.toList();
	}

	/**
	 * The warehouse writes its partitions sorted (interfaces.md): checking is a pass,
	 * sorting is only a safeguard.
	 */
	private static <T> void sortIfNeeded(List<T> rows, Comparator<? super T> order) {
		for (int i = 1; i < rows.size(); i++) {
			if (order.compare(rows.get(i - 1), rows.get(i)) > 0) {
				rows.sort(order);
				return;
			}
		}
	}

	private static final Comparator<PoleValue> VALUE_ORDER = (a, b) -> {
		int c = a.poleId().compareTo(b.poleId());
		return c != 0 ? c : a.indicator().compareTo(b.indicator());
	};

	private static final Comparator<AggregateCell> CELL_ORDER = (a, b) -> compare(a.indicator(), a.level(), a.area(),
			b.indicator(), b.level(), b.area());

	private static int compare(String i1, String l1, String a1, String i2, String l2, String a2) {
		int c = i1.compareTo(i2);
		if (c == 0) {
			c = l1.compareTo(l2);
		}
		return c != 0 ? c : a1.compareTo(a2);
	}

}
