package fr.ptce.observatory.warehouse;

import java.util.Set;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;

import org.apache.parquet.schema.Types;

/**
 * The four Parquet layouts of interfaces.md, column for column. Partners read these with
 * DuckDB, pandas, R and Spark: a change here is a change of the published contract (raise
 * {@link Provenance#SCHEMA_VERSION}).
 */
public final class Tables {

	public static final String OBSERVATIONS = "observations";

	public static final String POLE_VALUES = "pole_values";

	public static final String AGGREGATES = "aggregates";

	public static final String TRENDS = "trends";

	private Tables() {
	}

	public static final ParquetTable<Observation> OBSERVATION = new ParquetTable<Observation>(OBSERVATIONS,
			ObservationLayout.SCHEMA, (o, out) -> {
				out.code(0, o.poleId());
				out.code(1, o.period());
				out.int32(2, o.quarter());
				out.code(3, o.indicator());
				out.float64(4, o.value());
				out.code(5, o.unit());
				out.code(6, o.status());
				out.string(7, o.comment());
				out.code(8, o.submissionId());
				out.code(9, o.sourceFile());
				out.int64(10, o.line());
				out.timestampMicros(11, o.ingestedAtMicros());
			})
		.tuned(Set.of("line", "value"), Set.of("unit", "status", "comment", "submission_id", "source_file"));

	public static final ParquetTable<PoleValue> POLE_VALUE = new ParquetTable<>(POLE_VALUES,
			Types.buildMessage()
				.required(BINARY)
				.as(stringType())
				.named("pole_id")
				.required(BINARY)
				.as(stringType())
				.named("indicator")
				.required(DOUBLE)
				.named("value")
				.required(BOOLEAN)
				.named("imputed")
				.required(INT32)
				.named("n_quarters")
				.named("pole_value"),
			(v, out) -> {
				out.code(0, v.poleId());
				out.code(1, v.indicator());
				out.float64(2, v.value());
				out.bool(3, v.imputed());
				out.int32(4, v.nQuarters());
			});

	public static final ParquetTable<AggregateCell> AGGREGATE = new ParquetTable<>(AGGREGATES,
			Types.buildMessage()
				.required(BINARY)
				.as(stringType())
				.named("indicator")
				.required(BINARY)
				.as(stringType())
				.named("level")
				.required(BINARY)
				.as(stringType())
				.named("area")
				.required(INT32)
				.named("n_expected")
				.required(INT32)
				.named("n_respondents")
				.required(INT32)
				.named("n_imputed")
				.optional(DOUBLE)
				.named("response_rate")
				.optional(DOUBLE)
				.named("total")
				.optional(DOUBLE)
				.named("mean")
				.optional(DOUBLE)
				.named("median")
				.optional(DOUBLE)
				.named("p25")
				.optional(DOUBLE)
				.named("p75")
				.optional(DOUBLE)
				.named("density")
				.optional(DOUBLE)
				.named("yoy_pct")
				.optional(DOUBLE)
				.named("yoy_constant_pct")
				.optional(DOUBLE)
				.named("ma3")
				.required(BINARY)
				.as(stringType())
				.named("conf_status")
				.named("aggregate"),
			(c, out) -> {
				out.code(0, c.indicator());
				out.code(1, c.level());
				out.code(2, c.area());
				out.int32(3, c.nExpected());
				out.int32(4, c.nRespondents());
				out.int32(5, c.nImputed());
				out.float64(6, c.responseRate());
				out.float64(7, c.total());
				out.float64(8, c.mean());
				out.float64(9, c.median());
				out.float64(10, c.p25());
				out.float64(11, c.p75());
				out.float64(12, c.density());
				out.float64(13, c.yoyPct());
				out.float64(14, c.yoyConstantPct());
				out.float64(15, c.ma3());
				out.code(16, c.confStatus());
			});

	public static final ParquetTable<Trend> TREND = new ParquetTable<>(TRENDS,
			Types.buildMessage()
				.required(BINARY)
				.as(stringType())
				.named("indicator")
				.required(BINARY)
				.as(stringType())
				.named("level")
				.required(BINARY)
				.as(stringType())
				.named("area")
				.optional(INT32)
				.named("first_year")
				.optional(INT32)
				.named("last_year")
				.required(INT32)
				.named("n_points")
				.optional(INT32)
				.named("mk_s")
				.optional(DOUBLE)
				.named("cagr_pct")
				.optional(DOUBLE)
				.named("theil_sen_slope")
				.optional(DOUBLE)
				.named("mk_z")
				.optional(DOUBLE)
				.named("mk_p")
				.optional(BINARY)
				.as(stringType())
				.named("direction")
				.named("trend"),
			(t, out) -> {
				out.code(0, t.indicator());
				out.code(1, t.level());
				out.code(2, t.area());
				out.int32(3, t.firstYear());
				out.int32(4, t.lastYear());
				out.int32(5, t.nPoints());
				out.int32(6, t.mkS());
				out.float64(7, t.cagrPct());
				out.float64(8, t.theilSenSlope());
				out.float64(9, t.mkZ());
				out.float64(10, t.mkP());
				out.code(11, t.direction());
			});

}
