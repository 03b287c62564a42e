package io.kpipeline.evaluation;

import io.kpipeline.evaluation.Benchmarks.Benchmark;
import io.kpipeline.evaluation.Targets.Target;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiValue;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A KPI value of a report's period with everything it is compared with.
 *
 * @param report            the report
 * @param period            the period
 * @param kpi               the catalog entry
 * @param value             the computed value (total or breakdown)
 * @param previousValue     the value of the previous period, null when it had none
 * @param previousYearValue the value of the same period last year, null when it had none
 * @param trend             the values of the trend of the period kind (13 weeks or months, 8 quarters, 5 years),
 *                          oldest first, this one last; null entries for none
 * @param target            the target that applies, or null
 * @param status            the status against the target, else the benchmark
 * @param benchmark         the benchmark that applies to the period kind, or null
 * @param flags             anomaly, small sample
 * @param actions           the ids of the recommended measures whose rules fired
 */
public record KpiResult(ReportKind report, ReportingPeriod period, KpiDefinition kpi, KpiValue value,
        BigDecimal previousValue, BigDecimal previousYearValue, List<BigDecimal> trend, Target target, Status status,
        Benchmark benchmark, Set<Flag> flags, List<String> actions) {

    /** Value minus the previous period's value; null when either is missing. */
    public BigDecimal changeToPrevious() {
        return Change.difference(value.value(), previousValue);
    }

    /** Relative change to the previous period; null when either is missing or the previous is 0. */
    public BigDecimal relativeChangeToPrevious() {
        return Change.relative(value.value(), previousValue);
    }

    public BigDecimal changeToPreviousYear() {
        return Change.difference(value.value(), previousYearValue);
    }

    public BigDecimal relativeChangeToPreviousYear() {
        return Change.relative(value.value(), previousYearValue);
    }
}
