package fr.ptce.observatory.aggregate;

import java.nio.file.Path;
import java.util.stream.Collectors;

import fr.ptce.observatory.referential.Catalogue;

/**
 * The yearly values and the sum / count / mean / median cells written independently in
 * DuckDB SQL over the same Parquet files: the cross-check of the job's output and the
 * benchmark's yardstick.
 */
public final class DuckDbReference {

	private DuckDbReference() {
	}

	/**
	 * Methodology section 1 in SQL: current observations as of the instant, annual over
	 * quarterly, stock/flow.
	 */
	public static String yearlyValues(Path dataDir, long asOfMicros, Catalogue catalogue) {
		String kinds = catalogue.indicators()
			.stream()
			.map(i -> "('" + i.code() + "', " + i.isFlow() + ")")
			.collect(Collectors.joining(", "));
		String observations = dataDir.resolve("warehouse/observations/*/*.parquet").toString();
		return """
				WITH ranked AS (
				  SELECT year, pole_id, indicator, quarter, value,
				         row_number() OVER (PARTITION BY year, pole_id, indicator, quarter
				                            ORDER BY ingested_at DESC, source_file DESC) AS rn
				  FROM read_parquet('%s', hive_partitioning = true)
				  WHERE epoch_us(ingested_at) <= %d),
				current AS (SELECT year, pole_id, indicator, quarter, value FROM ranked WHERE rn = 1 AND value IS NOT NULL),
				annual AS (SELECT year, pole_id, indicator, value FROM current WHERE quarter IS NULL),
				quarterly AS (SELECT year, pole_id, indicator, count(*) AS n, sum(value) AS s,
				                     arg_max(value, quarter) AS latest
				              FROM current WHERE quarter IS NOT NULL GROUP BY year, pole_id, indicator),
				kinds AS (SELECT * FROM (VALUES %s) AS t(indicator, flow)),
				joined AS (
				  SELECT coalesce(a.year, q.year) AS year, coalesce(a.pole_id, q.pole_id) AS pole_id,
				         coalesce(a.indicator, q.indicator) AS indicator, a.value AS annual, q.n, q.s, q.latest
				  FROM annual a FULL OUTER JOIN quarterly q
				    ON a.year = q.year AND a.pole_id = q.pole_id AND a.indicator = q.indicator)
				SELECT j.year, j.pole_id, j.indicator,
				       CASE WHEN j.annual IS NOT NULL THEN j.annual
				            WHEN NOT k.flow THEN j.latest
				            WHEN j.n = 4 THEN j.s
				            WHEN j.n >= 2 THEN j.s * 4 / j.n END AS value
				FROM joined j JOIN kinds k ON k.indicator = j.indicator
				WHERE j.annual IS NOT NULL OR NOT k.flow OR j.n >= 2
				"""
			.formatted(observations, asOfMicros, kinds);
	}

	/**
	 * National, region and department cells (n, sum, mean, median) of a relation of
	 * yearly values joined to a relation {@code poles(pole_id, region, departement)}.
	 */
	public static String cells(String yearlyValues) {
		return """
				WITH v AS (%s), pv AS (SELECT v.*, p.region, p.departement FROM v JOIN poles p USING (pole_id))
				SELECT year, indicator, 'national' AS level, 'FR' AS area, count(*) AS n, sum(value) AS total,
				       avg(value) AS mean, median(value) AS median FROM pv GROUP BY ALL
				UNION ALL
				SELECT year, indicator, 'region', region, count(*), sum(value), avg(value), median(value)
				FROM pv GROUP BY ALL
				UNION ALL
				SELECT year, indicator, 'departement', departement, count(*), sum(value), avg(value), median(value)
				FROM pv GROUP BY ALL
				""".formatted(yearlyValues);
	}

}
