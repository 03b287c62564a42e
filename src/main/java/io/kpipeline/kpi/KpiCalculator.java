package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes one family of KPIs for a period, set-based in the database: one bean per family
 * (web traffic, email, funnel …), each reading its source tables as few times as possible.
 * The catalog ({@code config/kpis.yml}) and the calculators must cover the same KPI ids; the
 * application refuses to start otherwise.
 */
public interface KpiCalculator {

    /** The catalog ids of the KPIs this calculator computes. */
    Set<String> kpiIds();

    /**
     * The values of its KPIs for {@code period}: for every KPI a total (with a value or a reason)
     * and one value per breakdown value that occurs in the period's data, for each breakdown
     * dimension of the vocabulary.
     */
    List<KpiValue> compute(ReportingPeriod period);

    /**
     * The values of several periods, by period: by default {@link #compute(ReportingPeriod)} of each. A
     * calculator that reads all of them in one pass over its rows, cheaper than one pass per period, overrides
     * it and {@link #readsPeriodsTogether()}; its values are those {@code compute} gives each period.
     */
    default Map<ReportingPeriod, List<KpiValue>> computeAll(List<ReportingPeriod> periods) {
        Map<ReportingPeriod, List<KpiValue>> values = new LinkedHashMap<>();
        periods.forEach(p -> values.put(p, compute(p)));
        return values;
    }

    /** Whether {@link #computeAll} reads several periods in one pass: the engine then hands it all of them. */
    default boolean readsPeriodsTogether() {
        return false;
    }

    /**
     * What its computation of {@code period} reads that other calculators' computations of it share (the customer
     * figures of a window, {@link CustomerQueries}), as work the engine runs ahead of all of them: on one thread,
     * while the others compute what shares nothing, instead of one computation waiting for another's read. Null
     * when it shares nothing.
     */
    default Runnable sharedReads(ReportingPeriod period) {
        return null;
    }

    /**
     * The canonical tables its KPIs are computed from. When none of them holds a single row — nothing has been
     * imported into them, as with a CRM's exports alone — its KPIs have no value, for that reason, instead of a
     * 0 that reads as a figure. Empty: its KPIs are always computed.
     */
    default Set<String> sourceTables() {
        return Set.of();
    }

    /**
     * The source rows its values of {@code period} depend on, per table (including the reference tables it
     * joins): while none of them changes, a stored computation of the period is reused. By default the rows of
     * {@link #sourceTables()} dated in the period; a calculator that looks before or after the period, or
     * joins further tables, says so. Too wide a window costs a computation; too narrow a one shows stale values.
     */
    default List<SourceWindow> reads(ReportingPeriod period) {
        return sourceTables().stream().sorted().map(t -> SourceWindow.in(t, period)).toList();
    }
}
