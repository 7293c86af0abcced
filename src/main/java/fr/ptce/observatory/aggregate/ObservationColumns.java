package fr.ptce.observatory.aggregate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.ParquetScan;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * The observations of one year partition, as of an instant, in Arrow vectors: the
 * in-memory columnar form the aggregation works on. Pole and indicator are
 * dictionary-encoded to the registry's and catalogue's indices, the source file to a code
 * whose rank is its name order (the tie-break of revisions of one run); rows ingested
 * after the as-of instant are left out at load time, rows of poles or indicators the
 * referential no longer has are skipped.
 */
public final class ObservationColumns implements AutoCloseable {

	final IntVector pole;

	final IntVector indicator;

	/** 0 for an annual observation, else the quarter 1..4. */
	final TinyIntVector slot;

	/** Null for status M (absent). */
	final Float8Vector value;

	final BigIntVector ingestedAt;

	final IntVector sourceFile;

	/** Rank of each source-file code in name order. */
	final int[] sourceFileRank;

	final int rows;

	/**
	 * Rows of the partition left out because they were ingested after the as-of instant.
	 */
	final long later;

	private ObservationColumns(IntVector pole, IntVector indicator, TinyIntVector slot, Float8Vector value,
			BigIntVector ingestedAt, IntVector sourceFile, int[] sourceFileRank, int rows, long later) {
		this.pole = pole;
		this.indicator = indicator;
		this.slot = slot;
		this.value = value;
		this.ingestedAt = ingestedAt;
		this.sourceFile = sourceFile;
		this.sourceFileRank = sourceFileRank;
		this.rows = rows;
		this.later = later;
	}

	public int rows() {
		return rows;
	}

	/**
	 * Reads the files of a partition column by column into vectors allocated from the
	 * allocator.
	 */
	public static ObservationColumns load(BufferAllocator allocator, List<Path> files, long asOfMicros,
			Registry registry, Catalogue catalogue) {
		Loader loader = new Loader(allocator, asOfMicros, registry, catalogue);
		try {
			for (Path file : files) {
				try {
					ParquetScan.scan(file, loader::rowGroup);
				}
				catch (RuntimeException ex) {
					throw unreadable(file, ex);
				}
			}
			return loader.finish();
		}
		catch (RuntimeException ex) {
			for (var vector : loader.vectors()) {
				vector.close();
			}
			throw ex;
		}
	}

	/**
	 * The vectors being filled, row group by row group, and the dictionaries of the text
	 * columns.
	 */
	private static final class Loader {

		final IntVector pole;

		final IntVector indicator;

		final TinyIntVector slot;

		final Float8Vector value;

		final BigIntVector ingestedAt;

		final IntVector sourceFile;

		final long asOfMicros;

		final Dictionary poles;

		final Dictionary indicators;

		final Dictionary sources;

		final List<String> sourceNames = new ArrayList<>();

		int rows;

		long later;

		Loader(BufferAllocator allocator, long asOfMicros, Registry registry, Catalogue catalogue) {
			this.asOfMicros = asOfMicros;
			pole = new IntVector("pole", allocator);
			indicator = new IntVector("indicator", allocator);
			slot = new TinyIntVector("slot", allocator);
			value = new Float8Vector("value", allocator);
			ingestedAt = new BigIntVector("ingested_at", allocator);
			sourceFile = new IntVector("source_file", allocator);
			try {
				int initial = 1 << 16;
				for (BaseFixedWidthVector vector : vectors()) {
					vector.allocateNew(initial);
				}
			}
			catch (RuntimeException ex) {
				for (var vector : vectors()) {
					vector.close();
				}
				throw ex;
			}
			Map<String, Integer> poleCodes = new HashMap<>();
			registry.poles().forEach(p -> poleCodes.put(p.id(), p.index()));
			Map<String, Integer> indicatorCodes = new HashMap<>();
			catalogue.indicators().forEach(i -> indicatorCodes.put(i.code(), i.index()));
			poles = new Dictionary(poleCodes, false);
			indicators = new Dictionary(indicatorCodes, false);
			sources = new Dictionary(new HashMap<>(), true, sourceNames);
		}

		List<BaseFixedWidthVector> vectors() {
			return List.of(pole, indicator, slot, value, ingestedAt, sourceFile);
		}

		/**
		 * Appends the rows of a row group: those ingested after the as-of instant are
		 * counted in {@link #later}, those of poles or indicators the referential no
		 * longer has skipped.
		 */
		void rowGroup(ParquetScan.RowGroup group) {
			ParquetScan.Column cPole = group.column("pole_id");
			ParquetScan.Column cQuarter = group.column("quarter");
			ParquetScan.Column cIndicator = group.column("indicator");
			ParquetScan.Column cValue = group.column("value");
			ParquetScan.Column cSource = group.column("source_file");
			ParquetScan.Column cIngested = group.column("ingested_at");
			poles.newRowGroup();
			indicators.newRowGroup();
			sources.newRowGroup();
			int row = rows;
			long n = group.rows();
			ensureCapacity(row + (int) n, pole, indicator, slot, value, ingestedAt, sourceFile);
			for (long i = 0; i < n; i++) {
				long at = cIngested.int64();
				cIngested.next();
				int p = poles.code(cPole);
				cPole.next();
				int q = cQuarter.isNull() ? 0 : cQuarter.int32();
				cQuarter.next();
				int ind = indicators.code(cIndicator);
				cIndicator.next();
				boolean missing = cValue.isNull();
				double v = missing ? 0 : cValue.float64();
				cValue.next();
				int src = sources.code(cSource);
				cSource.next();
				if (at > asOfMicros) {
					later++;
					continue;
				}
				if (p < 0 || ind < 0 || q < 0 || q > 4) {
					continue;
				}
				pole.set(row, p);
				indicator.set(row, ind);
				slot.set(row, q);
				if (missing) {
					value.setNull(row);
				}
				else {
					value.set(row, v);
				}
				ingestedAt.set(row, at);
				sourceFile.set(row, src);
				row++;
			}
			rows = row;
		}

		ObservationColumns finish() {
			for (var vector : vectors()) {
				vector.setValueCount(rows);
			}
			return new ObservationColumns(pole, indicator, slot, value, ingestedAt, sourceFile, sourceRanks(), rows,
					later);
		}

		/**
		 * The rank of each source file code: its position in name order (the later name
		 * wins a tie of one run).
		 */
		private int[] sourceRanks() {
			Integer[] order = new Integer[sourceNames.size()];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			Arrays.sort(order, (a, b) -> sourceNames.get(a).compareTo(sourceNames.get(b)));
			int[] rank = new int[order.length];
			for (int r = 0; r < order.length; r++) {
				rank[order[r]] = r;
			}
			return rank;
		}

	}

	/**
	 * The operator's message names the file: the cause is kept as suppressed, not as
	 * cause, because the command line reports the deepest cause's message, which Parquet
	 * words without the file name.
	 */
	private static IllegalStateException unreadable(Path file, RuntimeException ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		IllegalStateException failure = new IllegalStateException(
				"cannot read the observation file " + file + ": " + root.getMessage());
		failure.addSuppressed(ex);
		return failure;
	}

	private static void ensureCapacity(int needed, BaseFixedWidthVector... vectors) {
		for (var vector : vectors) {
			while (vector.getValueCapacity() < needed) {
				vector.reAlloc();
			}
		}
	}

	@Override
	public void close() {
		pole.close();
		indicator.close();
		slot.close();
		value.close();
		ingestedAt.close();
		sourceFile.close();
	}

	/**
	 * String column to int code, decoding each distinct Parquet dictionary entry once per
	 * row group rather than each row.
	 */
	private static final class Dictionary {

		private static final int UNKNOWN = Integer.MIN_VALUE;

		private final Map<String, Integer> codes;

		private final boolean grow;

		private final List<String> names;

		private int[] byDictionaryId = new int[256];

		Dictionary(Map<String, Integer> codes, boolean grow) {
			this(codes, grow, null);
		}

		Dictionary(Map<String, Integer> codes, boolean grow, List<String> names) {
			this.codes = codes;
			this.grow = grow;
			this.names = names;
		}

		void newRowGroup() {
			Arrays.fill(byDictionaryId, UNKNOWN);
		}

		int code(ParquetScan.Column column) {
			int id = column.dictionaryId();
			if (id < 0) {
				return lookup(column.string());
			}
			if (id >= byDictionaryId.length) {
				int old = byDictionaryId.length;
				byDictionaryId = Arrays.copyOf(byDictionaryId, Math.max(id + 1, old * 2));
				Arrays.fill(byDictionaryId, old, byDictionaryId.length, UNKNOWN);
			}
			int code = byDictionaryId[id];
			if (code == UNKNOWN) {
				code = lookup(column.string());
				byDictionaryId[id] = code;
			}
			return code;
		}

		private int lookup(String text) {
			Integer code = codes.get(text);
			if (code == null) {
				if (!grow) {
					return -1;
				}
				code = codes.size();
				codes.put(text, code);
				names.add(text);
			}
			return code;
		}

	}

}
