package fr.ptce.observatory.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;

/**
 * Reads the warehouse's flat Parquet files column by column, row group by row group,
 * without materialising row objects: the fast path for loading observations into Arrow
 * vectors, and the one way the project reads its own Parquet files back.
 */
public final class ParquetScan {

	private ParquetScan() {
	}

	/** The columns of one row group; each column is read forward, one value per row. */
	public static final class RowGroup {

		private final long rows;

		private final Map<String, Column> columns;

		RowGroup(long rows, Map<String, Column> columns) {
			this.rows = rows;
			this.columns = columns;
		}

		public long rows() {
			return rows;
		}

		public Column column(String name) {
			Column column = columns.get(name);
			if (column == null) {
				throw new IllegalArgumentException("no column " + name + " in this file");
			}
			return column;
		}

		public boolean has(String name) {
			return columns.containsKey(name);
		}

	}

	/**
	 * A column cursor: read the current row's value (after checking {@link #isNull()}),
	 * then {@link #next()}.
	 */
	public static final class Column {

		private final ColumnReader reader;

		private final int maxDefinitionLevel;

		Column(ColumnReader reader, ColumnDescriptor descriptor) {
			this.reader = reader;
			this.maxDefinitionLevel = descriptor.getMaxDefinitionLevel();
		}

		public boolean isNull() {
			return reader.getCurrentDefinitionLevel() < maxDefinitionLevel;
		}

		public String string() {
			return isNull() ? null : reader.getBinary().toStringUsingUTF8();
		}

		public double float64() {
			return reader.getDouble();
		}

		public Double nullableFloat64() {
			return isNull() ? null : reader.getDouble();
		}

		public int int32() {
			return reader.getInteger();
		}

		public Integer nullableInt32() {
			return isNull() ? null : reader.getInteger();
		}

		public long int64() {
			return reader.getLong();
		}

		public boolean bool() {
			return reader.getBoolean();
		}

		/**
		 * Dictionary id of the current value, or -1 when the page is not
		 * dictionary-encoded.
		 */
		public int dictionaryId() {
			try {
				return reader.getCurrentValueDictionaryID();
			}
			catch (UnsupportedOperationException ex) {
				return -1;
			}
		}

		public void next() {
			reader.consume();
		}

	}

	/**
	 * What every read of the warehouse uses: no Hadoop configuration (the default
	 * builder's parses core-default.xml) and pages decompressed without Hadoop.
	 */
	private static final ParquetReadOptions OPTIONS = new ParquetReadOptions.Builder(new PlainParquetConfiguration())
		.withCodecFactory(PageDecompression.INSTANCE)
		.build();

	private static ParquetFileReader open(Path file) throws IOException {
		return ParquetFileReader.open(new LocalInputFile(file), OPTIONS);
	}

	/** Visits each row group of the file with cursors over all its columns. */
	public static void scan(Path file, Consumer<RowGroup> visitor) {
		try (ParquetFileReader reader = open(file)) {
			MessageType schema = reader.getFooter().getFileMetaData().getSchema();
			String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
			PageReadStore pages;
			while ((pages = reader.readNextRowGroup()) != null) {
				ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new NoOpGroupConverter(schema), schema,
						createdBy);
				Map<String, Column> columns = new HashMap<>();
				for (ColumnDescriptor descriptor : schema.getColumns()) {
					columns.put(descriptor.getPath()[0], new Column(store.getColumnReader(descriptor), descriptor));
				}
				visitor.accept(new RowGroup(pages.getRowCount(), columns));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	public static Map<String, String> keyValueMetadata(Path file) {
		try (ParquetFileReader reader = open(file)) {
			return reader.getFooter().getFileMetaData().getKeyValueMetaData();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The visible Parquet files of a folder (hidden temporary files skipped), in name
	 * order.
	 */
	public static List<Path> files(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(folder)) {
			return list.filter(p -> {
				String name = p.getFileName().toString();
				return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
			}).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/** The years of a Hive-partitioned table (folders year=YYYY), ascending. */
	public static List<Integer> years(Path table) {
		if (!Files.isDirectory(table)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(table)) {
			List<Integer> years = new ArrayList<>();
			list.map(p -> p.getFileName().toString())
				.filter(n -> n.matches("year=\\d{4}"))
				.forEach(n -> years.add(Integer.parseInt(n.substring(5))));
			years.sort(null);
			return years;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + table + ": " + ex.getMessage(), ex);
		}
	}

	/** Reads a whole (small) file into records of one of the warehouse tables. */
	public static <T> List<T> readAll(Path file, RowDecoder<T> decoder) {
		List<T> rows = new ArrayList<>();
		scan(file, group -> {
			for (long i = 0; i < group.rows(); i++) {
				rows.add(decoder.decode(group));
			}
		});
		return rows;
	}

	/** Decodes the current row of a row group and advances every column it reads. */
	@FunctionalInterface
	public interface RowDecoder<T> {

		T decode(RowGroup group);

	}

	/** Column readers want a converter tree even when values are pulled directly. */
	private static final class NoOpGroupConverter extends GroupConverter {

		private final Converter[] children;

		NoOpGroupConverter(MessageType schema) {
			children = new Converter[schema.getFieldCount()];
			for (int i = 0; i < children.length; i++) {
				// with dictionary support, dictionary-encoded pages are bound to their
				// dictionary ids, so that
				// Column.dictionaryId() works (values are still decoded through the
				// dictionary by the getters)
				children[i] = new PrimitiveConverter() {

					@Override
					public boolean hasDictionarySupport() {
						return true;
					}

					@Override
					public void setDictionary(org.apache.parquet.column.Dictionary dictionary) {
					}

				};
			}
		}

		@Override
		public Converter getConverter(int fieldIndex) {
			return children[fieldIndex];
		}

		@Override
		public void start() {
		}

		@Override
		public void end() {
		}

	}

}
