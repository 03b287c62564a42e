package io.kpipeline.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Turns a template's line chart into a sparkline: no axes, grid, legend or frame, a thin line over
 * the weeks and a dot on the latest one. Gaps (weeks without a value) stay gaps.
 */
public class SparklineCustomizer implements JRChartCustomizer {

    private static final Color LINE = new Color(0x1F, 0x3A, 0x5F);

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        chart.setBorderVisible(false);
        chart.setBackgroundPaint(null);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        chart.removeLegend();
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setInsets(new RectangleInsets(2, 1, 2, 3));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setOutlineVisible(false);
        plot.setBackgroundPaint(null);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.getDomainAxis().setVisible(false);
        plot.getDomainAxis().setLowerMargin(0);
        plot.getDomainAxis().setUpperMargin(0);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setVisible(false);
        range.setAutoRangeIncludesZero(false);
        int last = plot.getDataset() == null ? -1 : plot.getDataset().getColumnCount() - 1;
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true) {
            @Override
            public boolean getItemShapeVisible(int series, int item) {
                return item == last;
            }
        };
        line.setSeriesPaint(0, LINE);
        line.setSeriesStroke(0, new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        line.setSeriesShape(0, new Ellipse2D.Double(-1.8, -1.8, 3.6, 3.6));
        line.setDefaultItemLabelsVisible(false);
        plot.setRenderer(line);
    }
}
