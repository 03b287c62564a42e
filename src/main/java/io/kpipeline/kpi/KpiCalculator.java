package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.util.List;
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
}
