package fr.ptce.observatory.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.ptce.observatory.aggregate.Ratio;
import fr.ptce.observatory.extract.ExtractTables.IndicatorRow;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Indicator;

/**
 * The rows of indicators.parquet: the catalogue as it is, plus the derived ratios of
 * {@link Ratio#ALL}, which are not in the catalogue (they cannot be submitted) but are
 * rows of pole_values and aggregates.
 */
final class IndicatorRows {

	private IndicatorRows() {
	}

	/** Sorted by code, like every other table of an extract. */
	static List<IndicatorRow> of(Catalogue catalogue) {
		List<IndicatorRow> rows = new ArrayList<>();
		for (Indicator i : catalogue.indicators()) {
			rows.add(new IndicatorRow(i.code(), i.labelFr(), i.labelEn(), i.unit(),
					i.kind().name().toLowerCase(Locale.ROOT), i.valueType().name().toLowerCase(Locale.ROOT),
					i.domain()));
		}
		for (Ratio r : Ratio.ALL) {
			rows.add(new IndicatorRow(r.code(), r.labelFr(), r.labelEn(), Ratio.UNIT, "ratio", "decimal", "derived"));
		}
		rows.sort(Comparator.comparing(IndicatorRow::indicator));
		return rows;
	}

	/** The unit of an indicator or ratio code, for SDMX's UNIT_MEASURE. */
	static Map<String, String> units(List<IndicatorRow> rows) {
		Map<String, String> units = new HashMap<>();
		rows.forEach(r -> units.put(r.indicator(), r.unit()));
		return units;
	}

}
