package io.kpipeline.report;

import io.kpipeline.evaluation.FiredMeasures.FiredMeasure;
import io.kpipeline.evaluation.FiredMeasures.Weakest;
import io.kpipeline.evaluation.Status;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recommended measures that fired on a period's totals as the weekly and management reports list them:
 * the KPI with its value and status, the measure, and under the first measure of each KPI the place to
 * start, its weakest channel, campaign or rep against the average ("Kosten pro Lead: Messe 412,00 € gegen
 * 160,00 € im Schnitt").
 */
final class MeasureRows {

    private final KpiCatalog catalog;
    private final ReportFormat format;
    private final DisplayNames.Names names;

    MeasureRows(KpiCatalog catalog, ReportFormat format, DisplayNames.Names names) {
        this.catalog = catalog;
        this.format = format;
        this.names = names;
    }

    /**
     * @param fired the measures that fired, in catalog order of their KPIs
     * @param focus the focus KPIs: their measures come first, in focus order, the others keep catalog order;
     *              empty for catalog order
     */
    List<WeeklyRows.Measure> rows(List<FiredMeasure> fired, List<String> focus) {
        List<FiredMeasure> ordered = fired.stream()
                .sorted(Comparator.comparingInt(f -> rank(focus, f.total().kpiId()))).toList();
        List<WeeklyRows.Measure> rows = new ArrayList<>();
        String previous = null;
        for (FiredMeasure f : ordered) {
            KpiDefinition kpi = catalog.get(f.total().kpiId());
            boolean first = !kpi.id().equals(previous);
            rows.add(new WeeklyRows.Measure(caption(kpi, f.total()), f.measure().text().in(format.locale()),
                    first && f.weakest() != null ? start(kpi, f.weakest()) : null));
            previous = kpi.id();
        }
        return rows;
    }

    /** "E-Mail-Öffnungsrate (18,0 %, schlecht)"; a measure fired by a rule on the change has no verdict to name. */
    private String caption(KpiDefinition kpi, StoredResult total) {
        String value = format.value(total.value(), kpi.unit());
        String inBrackets = total.status() == Status.NEUTRAL ? value
                : value + ", " + format.text("status." + total.status().name());
        return kpi.name().in(format.locale()) + " (" + inBrackets + ")";
    }

    /** "Kosten pro Lead: Messe 412,00 € gegen 160,00 € im Schnitt". */
    String start(KpiDefinition kpi, Weakest weakest) {
        return format.text("weekly.start", kpi.name().in(format.locale()),
                names.of(weakest.dimension(), weakest.value()), format.value(weakest.kpiValue(), kpi.unit()),
                reference(kpi, weakest.reference()));
    }

    /** The mean of counts has a fraction: printed with one decimal, as the personal report does. */
    private String reference(KpiDefinition kpi, BigDecimal reference) {
        return format.value(reference, kpi.unit() == Unit.COUNT ? Unit.SCORE : kpi.unit());
    }

    private static int rank(List<String> focus, String kpiId) {
        int i = focus.indexOf(kpiId);
        return i < 0 ? focus.size() : i;
    }
}
