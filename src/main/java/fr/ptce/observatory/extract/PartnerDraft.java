package fr.ptce.observatory.extract;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.ptce.observatory.extract.ExtractTables.YearValue;
import fr.ptce.observatory.partners.Partner;
import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.ParquetTable;
import fr.ptce.observatory.warehouse.PoleValue;

/**
 * One partner's extract while it is written, in a hidden folder beside its final place.
 * The small tables are written whole; pole values arrive year by year (the warehouse is
 * read once for every partner) and go to files kept open until {@link #finish()}. Nothing
 * of it is visible until the builder renames the folder.
 */
final class PartnerDraft implements AutoCloseable {

	/**
	 * Row groups of pole_values: one partner's ten years are a few MB encoded, so one
	 * group is typical.
	 */
	private static final long ROW_GROUP_BYTES = 64L << 20;

	private final Partner partner;

	private final Path folder;

	private final Map<String, String> keyValueMetadata;

	private final Set<String> visiblePoles;

	private final ParquetTable.Sink<YearValue> values;

	private final OutputStream valuesCsv;

	private final Map<String, Long> rows = new LinkedHashMap<>();

	private boolean finished;

	/**
	 * @param visiblePoles the poles the partner may see at pole level; their values only
	 * are kept
	 */
	PartnerDraft(Partner partner, Path folder, Map<String, String> keyValueMetadata, Set<String> visiblePoles) {
		this.partner = partner;
		this.folder = folder;
		this.keyValueMetadata = keyValueMetadata;
		this.visiblePoles = visiblePoles;
		try {
			Files.createDirectories(folder.resolve("csv"));
			// values are nearly all distinct: a dictionary only costs (parquet-mr tries
			// one, then falls back)
			this.values = ExtractTables.POLE_VALUES.parquet()
				.tuned(Set.of("value"), Set.of())
				.open(folder.resolve(ExtractTables.POLE_VALUES.parquetFile()), keyValueMetadata, ROW_GROUP_BYTES);
			this.valuesCsv = new BufferedOutputStream(
					Files.newOutputStream(folder.resolve(ExtractTables.POLE_VALUES.csvFile())), 1 << 16);
			valuesCsv.write(header(ExtractTables.POLE_VALUES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"cannot write the extract of " + partner.code() + " into " + folder + ": " + ex.getMessage(), ex);
		}
	}

	Set<String> visiblePoles() {
		return visiblePoles;
	}

	Partner partner() {
		return partner;
	}

	Path folder() {
		return folder;
	}

	/** Writes a whole table's Parquet file from rows already in file order. */
	<T> void parquet(ExtractTable<T> table, List<T> tableRows) {
		try (ParquetTable.Sink<T> sink = table.parquet()
			.open(folder.resolve(table.parquetFile()), keyValueMetadata, ROW_GROUP_BYTES)) {
			for (T row : tableRows) {
				sink.write(row);
			}
			sink.commit();
		}
		rows.put(table.name(), (long) tableRows.size());
	}

	/**
	 * Writes a whole table's CSV file. The CSV of a table that is the same for every
	 * partner (aggregates, trends, indicators: no metadata inside) is written once and
	 * copied to the others with {@link #copyFrom}.
	 */
	<T> void csv(ExtractTable<T> table, List<T> tableRows) {
		try (Writer out = csv(table)) {
			StringBuilder b = new StringBuilder(256);
			for (T row : tableRows) {
				table.writeCsvRow(out, row, b);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"cannot write " + table.csvFile() + " of " + partner.code() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Copies a table's Parquet file from another partner's draft, with this partner's
	 * code in its metadata: for the tables whose rows are the same for every partner.
	 */
	void parquetFrom(PartnerDraft other, ExtractTable<?> table) {
		try {
			ParquetCopy.withMetadata(other.folder.resolve(table.parquetFile()), folder.resolve(table.parquetFile()),
					Map.of("observatory.partner", partner.code()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot copy " + table.parquetFile() + " into the extract of "
					+ partner.code() + ": " + ex.getMessage(), ex);
		}
		rows.put(table.name(), other.rows.get(table.name()));
	}

	/** Copies files that are the same for every partner from another draft. */
	void copyFrom(PartnerDraft other, List<String> paths) {
		try {
			for (String path : paths) {
				Files.copy(other.folder.resolve(path), folder.resolve(path));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot copy into the extract of " + partner.code() + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * The values of one year (sorted by pole and indicator), of the visible poles only.
	 * @param lines their CSV lines, encoded once for every partner
	 * @param sees by audience, whether this partner sees the pole of a line
	 */
	void poleValues(int year, List<PoleValue> ofYear, CsvLines lines, boolean[] sees) {
		long kept = 0;
		byte[] csv = lines.bytes();
		try {
			for (int i = 0; i < ofYear.size(); i++) {
				if (sees[lines.audience(i)]) {
					values.write(new YearValue(year, ofYear.get(i)));
					valuesCsv.write(csv, lines.start(i), lines.length(i));
					kept++;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write pole_values of " + partner.code() + ": " + ex.getMessage(),
					ex);
		}
		rows.merge(ExtractTables.POLE_VALUES.name(), kept, Long::sum);
	}

	/** Finishes the pole values' files. */
	void finish() {
		try {
			values.commit();
			valuesCsv.close();
			finished = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot finish pole_values of " + partner.code() + ": " + ex.getMessage(),
					ex);
		}
		rows.putIfAbsent(ExtractTables.POLE_VALUES.name(), 0L);
	}

	/** Rows written per table. */
	Map<String, Long> rows() {
		return rows;
	}

	long totalRows() {
		return rows.values().stream().mapToLong(Long::longValue).sum();
	}

	private static byte[] header(ExtractTable<?> table) throws IOException {
		StringWriter header = new StringWriter();
		table.writeCsvHeader(header);
		return header.toString().getBytes(StandardCharsets.UTF_8);
	}

	private Writer csv(ExtractTable<?> table) throws IOException {
		Writer out = new BufferedWriter(
				new OutputStreamWriter(Files.newOutputStream(folder.resolve(table.csvFile())), StandardCharsets.UTF_8),
				1 << 16);
		table.writeCsvHeader(out);
		return out;
	}

	/** Without {@link #finish()}: the draft is abandoned and its folder deleted. */
	@Override
	public void close() {
		if (!finished) {
			values.close();
			try {
				valuesCsv.close();
			}
			catch (IOException ignored) {
				// deleted below
			}
			AtomicFiles.deleteTree(folder);
		}
	}

}
