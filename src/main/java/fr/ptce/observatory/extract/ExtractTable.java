package fr.ptce.observatory.extract;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.ptce.observatory.warehouse.ParquetTable;

import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * A table of a partner extract, defined once column by column: its Parquet layout, its
 * CSV form and the {@code schema} of its resource in {@code datapackage.json} all come
 * from this one list, so that the three can never disagree on a column's name, order,
 * type or meaning.
 *
 * @param name the file name without extension ({@code aggregates} gives
 * aggregates.parquet and csv/aggregates.csv)
 * @param title what the table holds, in French, for datapackage.json
 * @param <T> the record type of a row
 */
record ExtractTable<T>(String name, String title, List<Column<T>> columns, ParquetTable.RowWriter<T> rowWriter,
		CsvRow<T> csvRow) {

	/** Writes one row's CSV fields, without the line end. */
	@FunctionalInterface
	interface CsvRow<T> {

		void append(StringBuilder out, T row);

	}

	/** A table written through its column list: enough for the small tables. */
	ExtractTable(String name, String title, List<Column<T>> columns) {
		this(name, title, columns, null, null);
	}

	/**
	 * The same columns, written by hand-written code for a table of many rows
	 * (pole_values): one monomorphic call per row instead of a lambda per column, which a
	 * cold JVM compiles sooner. ExtractContentTest checks both against the column list
	 * (DuckDB reads the Parquet and the CSV with the same types).
	 */
	ExtractTable<T> writtenBy(ParquetTable.RowWriter<T> rowWriter, CsvRow<T> csvRow) {
		return new ExtractTable<>(name, title, columns, rowWriter, csvRow);
	}

	/** Column types, with their Parquet and Frictionless spellings. */
	enum Type {

		STRING("string"), INT32("integer"), DOUBLE("number"), BOOLEAN("boolean");

		final String frictionless;

		Type(String frictionless) {
			this.frictionless = frictionless;
		}

	}

	/**
	 * @param nullable whether the column may be null (Parquet optional, empty in CSV)
	 * @param description the column's meaning in French, for the partners
	 */
	record Column<T>(String name, Type type, boolean nullable, String description, Function<T, Object> value) {
	}

	static <T> Column<T> required(String name, Type type, String description, Function<T, Object> value) {
		return new Column<>(name, type, false, description, value);
	}

	static <T> Column<T> optional(String name, Type type, String description, Function<T, Object> value) {
		return new Column<>(name, type, true, description, value);
	}

	String parquetFile() {
		return name + ".parquet";
	}

	String csvFile() {
		return "csv/" + name + ".csv";
	}

	/**
	 * The Parquet layout: strings UTF-8, int32, double, boolean, as the warehouse tables
	 * (interfaces.md).
	 */
	ParquetTable<T> parquet() {
		Types.MessageTypeBuilder message = Types.buildMessage();
		for (Column<T> c : columns) {
			Repetition repetition = c.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
			switch (c.type()) {
				case STRING -> message.primitive(PrimitiveTypeName.BINARY, repetition).as(stringType()).named(c.name());
				case INT32 -> message.primitive(PrimitiveTypeName.INT32, repetition).named(c.name());
				case DOUBLE -> message.primitive(PrimitiveTypeName.DOUBLE, repetition).named(c.name());
				case BOOLEAN -> message.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(c.name());
			}
		}
		if (rowWriter != null) {
			return new ParquetTable<>(name, message.named(name), rowWriter);
		}
		List<Column<T>> cols = List.copyOf(columns);
		return new ParquetTable<>(name, message.named(name), (row, out) -> {
			for (int i = 0; i < cols.size(); i++) {
				Object v = cols.get(i).value().apply(row);
				if (v == null) {
					continue;
				}
				switch (cols.get(i).type()) {
					case STRING -> out.code(i, (String) v);
					case INT32 -> out.int32(i, ((Number) v).intValue());
					case DOUBLE -> out.float64(i, (Double) v);
					case BOOLEAN -> out.bool(i, (Boolean) v);
				}
			}
		});
	}

	void writeCsvHeader(Writer out) throws IOException {
		for (int i = 0; i < columns.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(columns.get(i).name());
		}
		out.write('\n');
	}

	void writeCsvRow(Writer out, T row, StringBuilder buffer) throws IOException {
		buffer.setLength(0);
		if (csvRow != null) {
			csvRow.append(buffer, row);
		}
		else {
			for (int i = 0; i < columns.size(); i++) {
				if (i > 0) {
					buffer.append(',');
				}
				CsvValues.append(buffer, columns.get(i).value().apply(row));
			}
		}
		buffer.append('\n');
		out.append(buffer);
	}

	/**
	 * The Frictionless Table Schema of the table: every column in file order, its type
	 * and French description.
	 */
	Map<String, Object> schema() {
		List<Map<String, Object>> fields = columns.stream().map(c -> {
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("name", c.name());
			f.put("type", c.type().frictionless);
			f.put("description", c.description());
			if (!c.nullable()) {
				f.put("constraints", Map.of("required", true));
			}
			return f;
		}).toList();
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("fields", fields);
		schema.put("missingValues", List.of(""));
		return schema;
	}

}
