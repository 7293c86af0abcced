package fr.ptce.observatory.warehouse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decoders of the warehouse tables back into their records, for the small tables (pole
 * values, aggregates, trends) and for tests; the hot paths scan columns directly with
 * {@link ParquetScan}.
 */
public final class TableReaders {

	private TableReaders() {
	}

	private static String str(ParquetScan.RowGroup g, String name) {
		ParquetScan.Column c = g.column(name);
		String v = c.string();
		c.next();
		return v;
	}

	private static Double dbl(ParquetScan.RowGroup g, String name) {
		ParquetScan.Column c = g.column(name);
		Double v = c.nullableFloat64();
		c.next();
		return v;
	}

	private static Integer int32(ParquetScan.RowGroup g, String name) {
		ParquetScan.Column c = g.column(name);
		Integer v = c.nullableInt32();
		c.next();
		return v;
	}

	private static long int64(ParquetScan.RowGroup g, String name) {
		ParquetScan.Column c = g.column(name);
		long v = c.int64();
		c.next();
		return v;
	}

	private static boolean bool(ParquetScan.RowGroup g, String name) {
		ParquetScan.Column c = g.column(name);
		boolean v = c.bool();
		c.next();
		return v;
	}

	public static List<Observation> observations(Path file, int year) {
		return ParquetScan.readAll(file,
				g -> new Observation(year, str(g, "pole_id"), str(g, "period"), int32(g, "quarter"),
						str(g, "indicator"), dbl(g, "value"), str(g, "unit"), str(g, "status"), str(g, "comment"),
						str(g, "submission_id"), str(g, "source_file"), int64(g, "line"), int64(g, "ingested_at")));
	}

	public static List<PoleValue> poleValues(Path file) {
		return ParquetScan.readAll(file, g -> new PoleValue(str(g, "pole_id"), str(g, "indicator"), dbl(g, "value"),
				bool(g, "imputed"), int32(g, "n_quarters")));
	}

	public static List<AggregateCell> aggregates(Path file) {
		return ParquetScan.readAll(file,
				g -> new AggregateCell(str(g, "indicator"), str(g, "level"), str(g, "area"), int32(g, "n_expected"),
						int32(g, "n_respondents"), int32(g, "n_imputed"), dbl(g, "response_rate"), dbl(g, "total"),
						dbl(g, "mean"), dbl(g, "median"), dbl(g, "p25"), dbl(g, "p75"), dbl(g, "density"),
						dbl(g, "yoy_pct"), dbl(g, "yoy_constant_pct"), dbl(g, "ma3"), str(g, "conf_status")));
	}

	public static List<Trend> trends(Path file) {
		return ParquetScan.readAll(file,
				g -> new Trend(str(g, "indicator"), str(g, "level"), str(g, "area"), int32(g, "first_year"),
						int32(g, "last_year"), int32(g, "n_points"), int32(g, "mk_s"), dbl(g, "cagr_pct"),
						dbl(g, "theil_sen_slope"), dbl(g, "mk_z"), dbl(g, "mk_p"), str(g, "direction")));
	}

	public static List<AuditSummary> auditSummaries(Path file) {
		return ParquetScan.readAll(file,
				g -> new AuditSummary(str(g, "indicator"), int32(g, "protected_respondents"), int32(g, "poles_audited"),
						int32(g, "poles_exposed"), int32(g, "cells_suppressed"), int32(g, "constant_samples_withheld"),
						int32(g, "linear_programs")));
	}

	public static List<WithheldFigure> withheldFigures(Path file) {
		return ParquetScan.readAll(file, g -> new WithheldFigure(str(g, "indicator"), str(g, "level"), str(g, "area"),
				str(g, "rule"), int32(g, "round"), str(g, "pole_id")));
	}

	/** Every file of every partition of a table, or of one year's partition. */
	public static <T> List<T> readPartition(DataDirectory dir, String table, int year, Function<Path, List<T>> reader) {
		List<T> rows = new ArrayList<>();
		for (Path file : ParquetScan.files(dir.partition(table, year))) {
			rows.addAll(reader.apply(file));
		}
		return rows;
	}

}
