package fr.ptce.observatory.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.AuditSummary;
import fr.ptce.observatory.warehouse.InternalTables;
import fr.ptce.observatory.warehouse.MissingAggregatesException;
import fr.ptce.observatory.warehouse.WithheldFigure;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;
import fr.ptce.observatory.warehouse.Trend;

/**
 * What a publication of year Y is made of, read from the warehouse: the aggregate cells
 * of Y and of the nine years before (for the 10-year series and the changes of counts),
 * and the trends of Y. Also the provenance the aggregation job recorded in the files
 * (as-of instant, catalogue and registry SHA-256, software version).
 */
public final class PublicationData {

	public static final int WINDOW = 10;

	private final int year;

	private final Map<Integer, Map<String, AggregateCell>> cells;

	private final Map<String, Trend> trends;

	private final Map<String, String> metadata;

	/**
	 * What the rules of section 4 withheld in the year's published cells (staff-only
	 * table of the warehouse).
	 */
	private final List<WithheldFigure> withheld;

	/** The confidentiality audit of the year, for the internal follow-up only. */
	private final List<AuditSummary> audit;

	private PublicationData(int year, Map<Integer, Map<String, AggregateCell>> cells, Map<String, Trend> trends,
			Map<String, String> metadata, List<WithheldFigure> withheld, List<AuditSummary> audit) {
		this.year = year;
		this.cells = cells;
		this.trends = trends;
		this.metadata = metadata;
		this.withheld = withheld;
		this.audit = audit;
	}

	public static PublicationData load(DataDirectory dir, int year) {
		MissingAggregatesException.require(dir, year, "report");
		Map<Integer, Map<String, AggregateCell>> cells = new HashMap<>();
		for (int y = year - WINDOW + 1; y <= year; y++) {
			if (!MissingAggregatesException.present(dir, y)) {
				continue;
			}
			Map<String, AggregateCell> ofYear = new HashMap<>();
			for (AggregateCell c : TableReaders.readPartition(dir, Tables.AGGREGATES, y, TableReaders::aggregates)) {
				ofYear.put(key(c.indicator(), c.level(), c.area()), c);
			}
			cells.put(y, ofYear);
		}
		Map<String, Trend> trends = new HashMap<>();
		Path trendFolder = dir.partition(Tables.TRENDS, year);
		if (Files.isDirectory(trendFolder)) {
			for (Trend t : TableReaders.readPartition(dir, Tables.TRENDS, year, TableReaders::trends)) {
				trends.put(key(t.indicator(), t.level(), t.area()), t);
			}
		}
		List<Path> files = ParquetScan.files(dir.partition(Tables.AGGREGATES, year));
		Map<String, String> metadata = ParquetScan.keyValueMetadata(files.get(0));
		return new PublicationData(year, cells, trends, metadata,
				TableReaders.readPartition(dir, InternalTables.WITHHELD_FIGURES, year, TableReaders::withheldFigures),
				TableReaders.readPartition(dir, InternalTables.CONFIDENTIALITY_AUDIT, year,
						TableReaders::auditSummaries));
	}

	/**
	 * The as-of instant recorded in the aggregates of the year, or null when they do not
	 * say.
	 */
	public static Instant recordedAsOf(DataDirectory dir, int year) {
		MissingAggregatesException.require(dir, year, "report");
		String v = ParquetScan.keyValueMetadata(ParquetScan.files(dir.partition(Tables.AGGREGATES, year)).get(0))
			.get("observatory.as_of");
		return v == null || v.isBlank() ? null : Timestamps.parseInstant(v);
	}

	private static String key(String indicator, String level, String area) {
		return indicator + '|' + level + '|' + area;
	}

	public int year() {
		return year;
	}

	/**
	 * The cell of the report year, or null when none was written (no pole expected in the
	 * area).
	 */
	public AggregateCell cell(String indicator, String level, String area) {
		return cell(year, indicator, level, area);
	}

	public AggregateCell cell(int y, String indicator, String level, String area) {
		Map<String, AggregateCell> ofYear = cells.get(y);
		return ofYear == null ? null : ofYear.get(key(indicator, level, area));
	}

	/**
	 * Whether the cell's yoy_constant_pct was withheld by the rule Constant sample
	 * (printed s, not –).
	 */
	public boolean constantSampleWithheld(String indicator, String level, String area) {
		return withheld.stream()
			.anyMatch(w -> w.rule().equals(WithheldFigure.CONSTANT_SAMPLE) && w.indicator().equals(indicator)
					&& w.level().equals(level) && w.area().equals(area));
	}

	/**
	 * The audit's suppressions of the year (cell and the pole each protects), for the
	 * internal follow-up.
	 */
	public List<WithheldFigure> auditSuppressions() {
		return withheld.stream().filter(w -> w.rule().equals(WithheldFigure.AUDIT)).toList();
	}

	public List<AuditSummary> audit() {
		return audit;
	}

	public Trend trend(String indicator, String level, String area) {
		return trends.get(key(indicator, level, area));
	}

	/**
	 * The instant the aggregates were computed as of (their Parquet key-value metadata),
	 * or null if absent.
	 */
	public Instant asOf() {
		String v = metadata.get("observatory.as_of");
		return v == null || v.isBlank() ? null : Timestamps.parseInstant(v);
	}

	public String metadata(String key) {
		return metadata.get(key);
	}

}
