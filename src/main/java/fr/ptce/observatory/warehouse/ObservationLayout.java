package fr.ptce.observatory.warehouse;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import java.util.List;

import fr.ptce.observatory.SoftwareVersion;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The columns of the observations layout ({@link Tables#OBSERVATION}) by position, as
 * {@link ObservationEncoder} writes them, and what the files say about their writer.
 */
final class ObservationLayout {

	/**
	 * The footer's created_by: this program, in the form readers parse ("APP version
	 * VERSION"). Readers apply their workarounds for old parquet-mr releases by this
	 * field, and none of them applies to these files, whose pages are encoded here (as
	 * parquet-mr 1.18's V1 writer lays them out) and framed by parquet-java.
	 */
	static final String CREATED_BY = "observatory version " + SoftwareVersion.get();

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

	/**
	 * The schema of {@link Tables#OBSERVATION}, defined here so that writing observation
	 * files does not initialise {@link Tables}: its record-path tables
	 * ({@link ParquetTable}) load Hadoop's Configuration and bootstrap a lambda per
	 * column, a cold cost the ingest's writer path has no use for.
	 */
	static final MessageType SCHEMA = Types.buildMessage()
		.required(BINARY)
		.as(stringType())
		.named("pole_id")
		.required(BINARY)
		.as(stringType())
		.named("period")
		.optional(INT32)
		.named("quarter")
		.required(BINARY)
		.as(stringType())
		.named("indicator")
		.optional(DOUBLE)
		.named("value")
		.required(BINARY)
		.as(stringType())
		.named("unit")
		.required(BINARY)
		.as(stringType())
		.named("status")
		.optional(BINARY)
		.as(stringType())
		.named("comment")
		.required(BINARY)
		.as(stringType())
		.named("submission_id")
		.required(BINARY)
		.as(stringType())
		.named("source_file")
		.required(INT64)
		.named("line")
		.required(INT64)
		.as(timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
		.named("ingested_at")
		.named("observation");

	private static final List<ColumnDescriptor> COLUMNS = SCHEMA.getColumns();

	static final int COUNT = COLUMNS.size();

	private ObservationLayout() {
	}

	static ColumnDescriptor column(int column) {
		return COLUMNS.get(column);
	}

	static String name(int column) {
		return COLUMNS.get(column).getPath()[0];
	}

	/**
	 * Statistics of a column chunk as parquet-java holds them: {@code min}/{@code max} in
	 * PLAIN encoding (null when every value is null), the null count, and for doubles a
	 * NaN count (0: NaN is written as null).
	 */
	static Statistics<?> statistics(int column, byte[] min, byte[] max, long nulls) {
		Statistics.Builder builder = Statistics.getBuilderForReading(COLUMNS.get(column).getPrimitiveType())
			.withNumNulls(nulls);
		if (column == VALUE) {
			builder.withNanCount(0);
		}
		if (min != null) {
			builder.withMin(min).withMax(max);
		}
		return builder.build();
	}

}
