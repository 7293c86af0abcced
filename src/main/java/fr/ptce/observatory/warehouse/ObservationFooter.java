package fr.ptce.observatory.warehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.IEEE754TotalOrder;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.TypeDefinedOrder;
import org.apache.parquet.format.Util;

/**
 * The observations layout ({@link Tables#OBSERVATION}) as the thrift structures of a Parquet footer, and the
 * footer itself: what parquet-mr's ParquetFileWriter writes for that schema, built directly, so that writing a file
 * loads none of parquet-mr's schema, metadata and JSON machinery (most of the cold cost of a first file: see
 * {@link ObservationFile#preload}). ObservationFileTest reads the footer back with parquet-mr and checks that it
 * gives {@code Tables.OBSERVATION.schema()} again.
 */
final class ObservationFooter {

	/** The file's magic, first and last. */
	static final byte[] MAGIC = { 'P', 'A', 'R', '1' };

	/**
	 * What parquet-mr writes (a compile-time constant, so nothing of it is loaded): readers apply their workarounds
	 * by writer and version, and the pages are laid out as parquet-mr 1.18's V1 writer lays them out, so the files
	 * say what they were written as until now.
	 */
	static final String CREATED_BY = org.apache.parquet.Version.FULL_VERSION;

	static final int POLE_ID = 0;

	static final int PERIOD = 1;

	static final int QUARTER = 2;

	static final int INDICATOR = 3;

	static final int VALUE = 4;

	static final int UNIT = 5;

	static final int STATUS = 6;

	static final int COMMENT = 7;

	static final int SUBMISSION_ID = 8;

	static final int SOURCE_FILE = 9;

	static final int LINE = 10;

	static final int INGESTED_AT = 11;

	private static final String[] NAMES = { "pole_id", "period", "quarter", "indicator", "value", "unit", "status",
			"comment", "submission_id", "source_file", "line", "ingested_at" };

	private static final Type[] TYPES = { Type.BYTE_ARRAY, Type.BYTE_ARRAY, Type.INT32, Type.BYTE_ARRAY,
			Type.DOUBLE, Type.BYTE_ARRAY, Type.BYTE_ARRAY, Type.BYTE_ARRAY, Type.BYTE_ARRAY, Type.BYTE_ARRAY,
			Type.INT64, Type.INT64 };

	private static final boolean[] OPTIONAL = { false, false, true, false, true, false, false, true, false, false,
			false, false };

	static final int COLUMNS = NAMES.length;

	private ObservationFooter() {
	}

	static String name(int column) {
		return NAMES[column];
	}

	static Type type(int column) {
		return TYPES[column];
	}

	/**
	 * The schema in depth-first order, root first, as parquet-mr converts a MessageType: a text column is
	 * BYTE_ARRAY with both the legacy converted type UTF8 and the logical type STRING (old readers know only the
	 * first), ingested_at INT64 TIMESTAMP_MICROS and TIMESTAMP(MICROS, adjusted to UTC).
	 */
	static List<SchemaElement> schema() {
		List<SchemaElement> schema = new ArrayList<>(COLUMNS + 1);
		schema.add(new SchemaElement("observation").setNum_children(COLUMNS));
		for (int c = 0; c < COLUMNS; c++) {
			SchemaElement leaf = new SchemaElement(NAMES[c])
				.setType(TYPES[c])
				.setRepetition_type(OPTIONAL[c] ? FieldRepetitionType.OPTIONAL : FieldRepetitionType.REQUIRED);
			if (TYPES[c] == Type.BYTE_ARRAY) {
				leaf.setConverted_type(ConvertedType.UTF8).setLogicalType(LogicalType.STRING(new StringType()));
			}
			else if (c == INGESTED_AT) {
				leaf.setConverted_type(ConvertedType.TIMESTAMP_MICROS)
					.setLogicalType(LogicalType.TIMESTAMP(new TimestampType(true, TimeUnit.MICROS(new MicroSeconds()))));
			}
			schema.add(leaf);
		}
		return schema;
	}

	/**
	 * One order per leaf; without them readers must not trust min_value/max_value. Type-defined (unsigned bytes for
	 * text, signed for integers) except for value: parquet-mr 1.18 declares doubles in IEEE 754 total order (-0.0
	 * before +0.0, NaN apart, with nan_count in the statistics), and a reader reading the schema back from the file
	 * must find the same order, or the schema would not equal {@code Tables.OBSERVATION.schema()}.
	 */
	static List<ColumnOrder> columnOrders() {
		List<ColumnOrder> orders = new ArrayList<>(COLUMNS);
		for (int c = 0; c < COLUMNS; c++) {
			orders.add(TYPES[c] == Type.DOUBLE ? ColumnOrder.IEEE_754_TOTAL_ORDER(new IEEE754TotalOrder())
					: ColumnOrder.TYPE_ORDER(new TypeDefinedOrder()));
		}
		return orders;
	}

	/**
	 * Writes the footer at the end of the file: the thrift FileMetaData, its length (4 bytes little-endian) and the
	 * magic. Version 1: the pages are data pages V1.
	 */
	static void write(PositionOutput out, List<RowGroup> rowGroups, Map<String, String> keyValueMetadata)
			throws IOException {
		long rows = 0;
		for (RowGroup group : rowGroups) {
			rows += group.getNum_rows();
		}
		FileMetaData footer = new FileMetaData(1, schema(), rows, rowGroups);
		for (Map.Entry<String, String> e : keyValueMetadata.entrySet()) {
			footer.addToKey_value_metadata(new KeyValue(e.getKey()).setValue(e.getValue()));
		}
		footer.setCreated_by(CREATED_BY);
		footer.setColumn_orders(columnOrders());
		long start = out.position();
		Util.writeFileMetaData(footer, out);
		out.writeIntLE(Math.toIntExact(out.position() - start));
		out.write(MAGIC);
	}

}
