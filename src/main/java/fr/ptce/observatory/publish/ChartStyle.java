package fr.ptce.observatory.publish;

import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.CategoryPlot;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;

/**
 * The charts of the publication template (reports-templates/publication.jrxml): value
 * axis ticks printed in French with as many decimals as the tick unit has (0,25 and 0,75,
 * never rounded to 0,2 and 0,8 as a fixed mask would), thousands separated by a narrow
 * no-break space, and fonts large enough to read.
 */
public final class ChartStyle implements JRChartCustomizer {

	private static final Font TICKS = new Font("DejaVu Sans", Font.PLAIN, 8);

	private static final Font LABELS = new Font("DejaVu Sans", Font.PLAIN, 9);

	@Override
	public void customize(JFreeChart chart, JRChart jasperChart) {
		if (chart.getPlot() instanceof CategoryPlot plot) {
			if (plot.getRangeAxis() instanceof NumberAxis axis) {
				frenchTicks(axis);
				axis.setTickLabelFont(TICKS);
				axis.setLabelFont(LABELS);
			}
			CategoryAxis categories = plot.getDomainAxis();
			categories.setTickLabelFont(TICKS);
			categories.setMaximumCategoryLabelLines(2);
		}
	}

	/**
	 * The tick units 1, 2, 2,5 and 5 × 10^n, each labelled with exactly the decimals it
	 * needs.
	 */
	static void frenchTicks(NumberAxis axis) {
		TickUnits units = new TickUnits();
		for (int exponent = -4; exponent <= 10; exponent++) {
			for (double m : new double[] { 1, 2, 2.5, 5 }) {
				double size = m * Math.pow(10, exponent);
				int decimals = Math.max(0, -exponent + (m == 2.5 ? 1 : 0));
				units.add(new NumberTickUnit(size, format(decimals)));
			}
		}
		axis.setStandardTickUnits(units);
		axis.setNumberFormatOverride(null);
	}

	static DecimalFormat format(int decimals) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
		symbols.setGroupingSeparator(FrenchFormat.THOUSANDS);
		symbols.setDecimalSeparator(',');
		symbols.setMinusSign('\u2212');
		return new DecimalFormat("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""), symbols);
	}

}
