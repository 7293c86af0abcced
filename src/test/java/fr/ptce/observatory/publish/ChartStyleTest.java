package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

/**
 * The value axis of the publication's charts, read from the chart's own model after
 * {@link ChartStyle}.
 */
class ChartStyleTest {

	@Test
	void aQuarterTickUnitIsPrintedWithItsTwoDecimals() {
		NumberAxis axis = new NumberAxis();
		ChartStyle.frenchTicks(axis);
		TickUnitSource units = axis.getStandardTickUnits();
		assertThat(units.getCeilingTickUnit(0.22).getSize()).isEqualTo(0.25);
		assertThat(units.getCeilingTickUnit(0.22).valueToString(0.75)).isEqualTo("0,75");
		assertThat(units.getCeilingTickUnit(0.22).valueToString(0.25)).isEqualTo("0,25");
		assertThat(units.getCeilingTickUnit(2_000).valueToString(12_000)).isEqualTo("12\u202F000");
		assertThat(units.getCeilingTickUnit(0.4).valueToString(1.5)).isEqualTo("1,5");
	}

	@Test
	void everyTickLabelOfADrawnChartIsItsExactValue() {
		for (double top : new double[] { 1, 1.3, 7.5, 0.9, 62.3, 48_215_730 }) {
			DefaultCategoryDataset data = new DefaultCategoryDataset();
			for (int y = 2016; y <= 2025; y++) {
				data.addValue(top * (y - 2015) / 10, "s", Integer.toString(y));
			}
			JFreeChart chart = ChartFactory.createLineChart(null, null, "axe", data);
			new ChartStyle().customize(chart, null);
			BufferedImage image = new BufferedImage(509, 160, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = image.createGraphics();
			chart.draw(g, new Rectangle2D.Double(0, 0, 509, 160));
			NumberAxis axis = (NumberAxis) ((CategoryPlot) chart.getPlot()).getRangeAxis();
			@SuppressWarnings("unchecked")
			List<NumberTick> ticks = (List<NumberTick>) (List<?>) axis.refreshTicks(g, new AxisState(),
					new Rectangle2D.Double(40, 0, 460, 130), RectangleEdge.LEFT);
			assertThat(ticks).as("ticks up to " + top).isNotEmpty().allSatisfy(t -> {
				double printed = Double
					.parseDouble(t.getText().replace("\u202F", "").replace(',', '.').replace('\u2212', '-'));
				assertThat(printed).as(t.getText()).isCloseTo(t.getValue(), org.assertj.core.data.Offset.offset(1e-9));
			});
		}
	}

}
