package fr.ptce.observatory.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * A Parquet layout of interfaces.md (observations, pole_values, aggregates, trends) and
 * how one row of it is written. Files are zstd-compressed, carry the provenance as
 * key-value metadata, and appear under their final name only once complete (see
 * {@link AtomicFiles}).
 *
 * @param <T> the record type of a row
 */
public final class ParquetTable<T> {

	/** Writes one row's fields, in schema order, skipping null ones. */
	@FunctionalInterface
	public interface RowWriter<T> {

		void write(T row, Fields out);

	}

	private final String name;

	private final MessageType schema;

	private final RowWriter<T> rowWriter;

	/**
	 * Columns written without a dictionary (values unique per row: a dictionary only
	 * costs).
	 */
	private final Set<String> plainColumns;

	/**
	 * Columns written without min/max statistics (never filtered on: comparing them only
	 * costs).
	 */
	private final Set<String> columnsWithoutStatistics;

	public ParquetTable(String name, MessageType schema, RowWriter<T> rowWriter) {
		this(name, schema, rowWriter, Set.of(), Set.of());
	}

	private ParquetTable(String name, MessageType schema, RowWriter<T> rowWriter, Set<String> plainColumns,
			Set<String> columnsWithoutStatistics) {
		this.name = name;
		this.schema = schema;
		this.rowWriter = rowWriter;
		this.plainColumns = plainColumns;
		this.columnsWithoutStatistics = columnsWithoutStatistics;
	}

	/**
	 * The same layout, written faster: see {@link #plainColumns} and
	 * {@link #columnsWithoutStatistics}.
	 */
	public ParquetTable<T> tuned(Set<String> plainColumns, Set<String> columnsWithoutStatistics) {
		return new ParquetTable<>(name, schema, rowWriter, plainColumns, columnsWithoutStatistics);
	}

	public String name() {
		return name;
	}

	public MessageType schema() {
		return schema;
	}

	/**
	 * Opens a file that becomes visible as {@code target} only when the sink is
	 * committed.
	 */
	public Sink<T> open(Path target, Provenance provenance) {
		return open(target, provenance, ParquetWriter.DEFAULT_BLOCK_SIZE);
	}

	/**
	 * @param rowGroupBytes the row group size: a writer buffers about that much before
	 * flushing, so a job that keeps several files open (one per year) bounds its memory
	 * with it
	 */
	public Sink<T> open(Path target, Provenance provenance, long rowGroupBytes) {
		return open(target, provenance.keyValueMetadata(), rowGroupBytes);
	}

	/**
	 * @param keyValueMetadata the provenance's metadata and any more keys (a partner
	 * extract adds its own)
	 */
	public Sink<T> open(Path target, Map<String, String> keyValueMetadata, long rowGroupBytes) {
		Path tmp = AtomicFiles.temporarySibling(target);
		try {
			Files.createDirectories(target.getParent());
			Builder<T> builder = new Builder<>(new LocalOutputFile(tmp), schema, rowWriter)
				.withExtraMetaData(keyValueMetadata)
				.withCompressionCodec(CompressionCodecName.ZSTD)
				.withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
				.withConf(HADOOP_CONF)
				.withRowGroupSize(rowGroupBytes);
			plainColumns.forEach(column -> builder.withDictionaryEncoding(column, false));
			columnsWithoutStatistics.forEach(column -> builder.withStatisticsEnabled(column, false));
			ParquetWriter<T> writer = builder.build();
			return new Sink<>(writer, tmp, target);
		}
		catch (IOException ex) {
			AtomicFiles.deleteQuietly(tmp);
			throw new UncheckedIOException("cannot open " + target + " for writing: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes a whole file atomically: the old file, if any, stays visible until the new
	 * one replaces it.
	 */
	public void writeFile(Path target, Provenance provenance, Iterable<? extends T> rows) {
		try (Sink<T> sink = open(target, provenance)) {
			for (T row : rows) {
				sink.write(row);
			}
			sink.commit();
		}
	}

	private static final Configuration HADOOP_CONF = new Configuration(false);

	/** An open file of this table; closing it without commit discards it. */
	public static final class Sink<T> implements AutoCloseable {

		private final ParquetWriter<T> writer;

		private final Path temporary;

		private final Path target;

		private long rows;

		private boolean closed;

		private Sink(ParquetWriter<T> writer, Path temporary, Path target) {
			this.writer = writer;
			this.temporary = temporary;
			this.target = target;
		}

		public void write(T row) {
			try {
				writer.write(row);
				rows++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
			}
		}

		public long rows() {
			return rows;
		}

		public Path target() {
			return target;
		}

		/** Finishes the file and renames it to its final name. */
		public void commit() {
			closeWriter();
			try {
				AtomicFiles.move(temporary, target);
			}
			catch (IOException ex) {
				AtomicFiles.deleteQuietly(temporary);
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Finishes the file under a name of the caller's choice (for a staging area that
		 * is published later).
		 */
		public void commitTo(Path other) {
			closeWriter();
			try {
				AtomicFiles.move(temporary, other);
			}
			catch (IOException ex) {
				AtomicFiles.deleteQuietly(temporary);
				throw new UncheckedIOException(ex);
			}
		}

		private void closeWriter() {
			if (closed) {
				return;
			}
			closed = true;
			try {
				writer.close();
			}
			catch (IOException ex) {
				AtomicFiles.deleteQuietly(temporary);
				throw new UncheckedIOException("cannot finish " + target + ": " + ex.getMessage(), ex);
			}
		}

		@Override
		public void close() {
			if (!closed) {
				try {
					writer.close();
				}
				catch (IOException | RuntimeException ignored) {
					// discarded anyway
				}
				closed = true;
			}
			AtomicFiles.deleteQuietly(temporary);
		}

	}

	/** The fields of the row being written, by schema position. */
	public static final class Fields {

		private final RecordConsumer consumer;

		private final MessageType schema;

		private final Map<String, Binary> binaryCache;

		/**
		 * Per field, the last code written (the same String instance) and its UTF-8 form:
		 * consecutive rows mostly share their file, status, unit, so this spares most
		 * hash lookups (a tenth of the encoding thread).
		 */
		private final String[] lastCode;

		private final Binary[] lastBinary;

		/**
		 * @param binaryCache the UTF-8 form of codes, kept from one row group of the file
		 * to the next
		 */
		Fields(RecordConsumer consumer, MessageType schema, Map<String, Binary> binaryCache) {
			this.consumer = consumer;
			this.schema = schema;
			this.binaryCache = binaryCache;
			this.lastCode = new String[schema.getFieldCount()];
			this.lastBinary = new Binary[schema.getFieldCount()];
		}

		private void start(int field) {
			consumer.startField(schema.getFieldName(field), field);
		}

		private void end(int field) {
			consumer.endField(schema.getFieldName(field), field);
		}

		public void string(int field, String value) {
			if (value == null) {
				return;
			}
			start(field);
			consumer.addBinary(Binary.fromString(value));
			end(field);
		}

		/**
		 * A string from a small set of values (codes, identifiers): its UTF-8 form is
		 * computed once.
		 */
		public void code(int field, String value) {
			if (value == null) {
				return;
			}
			Binary binary;
			if (lastCode[field] == value) {
				binary = lastBinary[field];
			}
			else {
				binary = binaryCache.get(value);
				if (binary == null) {
					binary = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
					if (binaryCache.size() < 100_000) {
						binaryCache.put(value, binary);
					}
				}
				lastCode[field] = value;
				lastBinary[field] = binary;
			}
			start(field);
			consumer.addBinary(binary);
			end(field);
		}

		public void int32(int field, int value) {
			start(field);
			consumer.addInteger(value);
			end(field);
		}

		public void int32(int field, Integer value) {
			if (value != null) {
				int32(field, value.intValue());
			}
		}

		public void int64(int field, long value) {
			start(field);
			consumer.addLong(value);
			end(field);
		}

		public void float64(int field, double value) {
			start(field);
			consumer.addDouble(value);
			end(field);
		}

		/** A nullable double: null and NaN are written as null. */
		public void float64(int field, Double value) {
			if (value != null && !value.isNaN()) {
				float64(field, value.doubleValue());
			}
		}

		public void bool(int field, boolean value) {
			start(field);
			consumer.addBoolean(value);
			end(field);
		}

		public void timestampMicros(int field, long micros) {
			int64(field, micros);
		}

	}

	private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {

		private final MessageType schema;

		private final RowWriter<T> rowWriter;

		Builder(LocalOutputFile file, MessageType schema, RowWriter<T> rowWriter) {
			super(file);
			this.schema = schema;
			this.rowWriter = rowWriter;
		}

		@Override
		protected Builder<T> self() {
			return this;
		}

		@Override
		protected WriteSupport<T> getWriteSupport(Configuration conf) {
			return new RowWriteSupport<>(schema, rowWriter);
		}

	}

	private static final class RowWriteSupport<T> extends WriteSupport<T> {

		private final MessageType schema;

		private final RowWriter<T> rowWriter;

		private RecordConsumer consumer;

		private Fields fields;

		private final Map<String, Binary> binaryCache = new HashMap<>();

		RowWriteSupport(MessageType schema, RowWriter<T> rowWriter) {
			this.schema = schema;
			this.rowWriter = rowWriter;
		}

		@Override
		public WriteContext init(Configuration configuration) {
			return new WriteContext(schema, Map.of());
		}

		@Override
		public void prepareForWrite(RecordConsumer recordConsumer) {
			this.consumer = recordConsumer;
			this.fields = new Fields(recordConsumer, schema, binaryCache);
		}

		@Override
		public void write(T record) {
			consumer.startMessage();
			rowWriter.write(record, fields);
			consumer.endMessage();
		}

		@Override
		public String getName() {
			return "observatory";
		}

	}

}
