package io.kpipeline.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.engine.JRParameter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The house style of the management report's charts, legible in black-and-white print: flat bars
 * lying down with their values beside them (funnel, channels), lines with dots over the trend (13
 * months, 8 quarters, 5 years), light grid, and axis numbers in the report locale. The chart element's {@code key} says what its
 * values are: {@code money…} for amounts in the report currency, anything else for counts.
 */
public class ManagementChartCustomizer extends JRAbstractChartCustomizer {

    private static final Color[] SERIES = {new Color(0x1F, 0x3A, 0x5F), new Color(0xC0, 0x6A, 0x1B)};
    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        Locale locale = (Locale) getParameterValue(JRParameter.REPORT_LOCALE);
        Currency currency = (Currency) getParameterValue("Currency");
        NumberFormat numbers = numbers(jasperChart.getKey(), locale, currency);

        chart.setBorderVisible(false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(2, 0, 2, 6));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);

        CategoryAxis categories = plot.getDomainAxis();
        Font font = categories.getTickLabelFont().deriveFont(7f);
        categories.setTickLabelFont(font);
        categories.setTickLabelPaint(Color.DARK_GRAY);
        categories.setMaximumCategoryLabelLines(3);
        // lying bars: labels may take 40 % of the width; months under lines: the whole category
        categories.setMaximumCategoryLabelWidthRatio(plot.getRenderer() instanceof BarRenderer ? 0.4f : 1f);
        categories.setCategoryMargin(0.05);
        categories.setLowerMargin(0.02);
        categories.setUpperMargin(0.02);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setTickLabelFont(font);
        values.setTickLabelPaint(Color.DARK_GRAY);
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits(locale));
        values.setNumberFormatOverride(numbers);
        values.setAutoRangeIncludesZero(true);
        values.setUpperMargin(plot.getRenderer() instanceof BarRenderer ? 0.45 : 0.08);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(font);
            chart.getLegend().setBorder(0, 0, 0, 0);
        }

        if (plot.getRenderer() instanceof BarRenderer bars) {
            plot.setOrientation(PlotOrientation.HORIZONTAL);
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
            bars.setMaximumBarWidth(0.12);
            bars.setItemMargin(0.05);
            bars.setSeriesPaint(0, SERIES[0]);
            bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", numbers));
            bars.setDefaultItemLabelFont(font);
            bars.setDefaultItemLabelsVisible(true);
            bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                    TextAnchor.CENTER_LEFT));
        } else {
            LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
            for (int i = 0; i < SERIES.length; i++) {
                lines.setSeriesPaint(i, SERIES[i]);
                lines.setSeriesStroke(i, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                        1f, i == 0 ? null : new float[] {5f, 3f}, 0f));
                lines.setSeriesShape(i, new Ellipse2D.Double(-2.2, -2.2, 4.4, 4.4));
            }
            plot.setRenderer(lines);
        }
    }

    /** Amounts in whole currency units (the axis needs no cents), counts as whole numbers. */
    static NumberFormat numbers(String key, Locale locale, Currency currency) {
        DecimalFormat format;
        if (key != null && key.startsWith("money")) {
            format = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(currency);
        } else {
            format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        }
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(0);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
