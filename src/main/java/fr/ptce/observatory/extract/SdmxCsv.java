package fr.ptce.observatory.extract;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.extract.ExtractTables.YearCell;

/**
 * aggregates.sdmx.csv (extracts.md): the aggregate cells as SDMX-CSV 2.0, one row per
 * cell and measure {@code total}. The first two columns say what the rows are (a dataflow
 * of the observatory, agency PTCE), then the dimensions FREQ (A), INDICATOR, LEVEL,
 * REF_AREA, TIME_PERIOD, the measure OBS_VALUE (empty where the cell is confidential) and
 * the attributes UNIT_MEASURE and CONF_STATUS.
 */
final class SdmxCsv {

	static final String FILE = "aggregates.sdmx.csv";

	static final String STRUCTURE_ID = "PTCE:DF_PTCE_AGGREGATES(1.0)";

	static final String HEADER = "STRUCTURE,STRUCTURE_ID,FREQ,INDICATOR,LEVEL,REF_AREA,TIME_PERIOD,OBS_VALUE,"
			+ "UNIT_MEASURE,CONF_STATUS\n";

	private SdmxCsv() {
	}

	static void write(Writer out, List<YearCell> cells, Map<String, String> units) throws IOException {
		out.write(HEADER);
		StringBuilder b = new StringBuilder(128);
		for (YearCell yc : cells) {
			var c = yc.cell();
			b.setLength(0);
			b.append("dataflow,").append(STRUCTURE_ID).append(",A,");
			CsvValues.appendString(b, c.indicator());
			b.append(',');
			CsvValues.appendString(b, c.level());
			b.append(',');
			CsvValues.appendString(b, c.area());
			b.append(',').append(yc.year()).append(',');
			// a confidential cell's total is already null in the warehouse; the status
			// decides, whatever it holds
			if ("F".equals(c.confStatus()) && c.total() != null) {
				CsvValues.appendNumber(b, c.total());
			}
			b.append(',');
			CsvValues.appendString(b, units.getOrDefault(c.indicator(), ""));
			b.append(',');
			CsvValues.appendString(b, c.confStatus());
			b.append('\n');
			out.append(b);
		}
	}

}
