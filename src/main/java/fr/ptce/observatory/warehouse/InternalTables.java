package fr.ptce.observatory.warehouse;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;

import java.util.List;

import org.apache.parquet.schema.Types;

/**
 * Layouts of the warehouse tables that are for the observatory's staff only (the
 * confidentiality audit): not part of interfaces.md, never copied into a publication or a
 * partner extract, since they name the protected poles. Partitioned by year beside the
 * aggregates they explain.
 */
public final class InternalTables {

	public static final String CONFIDENTIALITY_AUDIT = "confidentiality_audit";

	public static final String WITHHELD_FIGURES = "withheld_figures";

	/**
	 * Every internal table: whatever copies the warehouse for others must leave these
	 * out.
	 */
	public static final List<String> ALL = List.of(CONFIDENTIALITY_AUDIT, WITHHELD_FIGURES);

	private InternalTables() {
	}

	public static final ParquetTable<AuditSummary> AUDIT = new ParquetTable<>(CONFIDENTIALITY_AUDIT,
			Types.buildMessage()
				.required(BINARY)
				.as(stringType())
				.named("indicator")
				.required(INT32)
				.named("protected_respondents")
				.required(INT32)
				.named("poles_audited")
				.required(INT32)
				.named("poles_exposed")
				.required(INT32)
				.named("cells_suppressed")
				.required(INT32)
				.named("constant_samples_withheld")
				.required(INT32)
				.named("linear_programs")
				.named("confidentiality_audit"),
			(a, out) -> {
				out.code(0, a.indicator());
				out.int32(1, a.protectedRespondents());
				out.int32(2, a.polesAudited());
				out.int32(3, a.polesExposed());
				out.int32(4, a.cellsSuppressed());
				out.int32(5, a.constantSamplesWithheld());
				out.int32(6, a.linearPrograms());
			});

	public static final ParquetTable<WithheldFigure> WITHHELD = new ParquetTable<>(WITHHELD_FIGURES,
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
				.required(BINARY)
				.as(stringType())
				.named("rule")
				.optional(INT32)
				.named("round")
				.optional(BINARY)
				.as(stringType())
				.named("pole_id")
				.named("withheld_figure"),
			(w, out) -> {
				out.code(0, w.indicator());
				out.code(1, w.level());
				out.code(2, w.area());
				out.code(3, w.rule());
				out.int32(4, w.round());
				out.string(5, w.poleId());
			});

}
