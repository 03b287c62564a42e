package io.kpipeline.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An evaluated result as stored for a report's period: what exports and reports read.
 * Breakdown fields are null for the total; flags and actions are empty when there are none, and the trend (oldest
 * first, this period last) holds null for a period without a value; {@code cases} is the number of cases the value
 * rests on, null when it is never a small sample.
 */
public record StoredResult(String kpiId, String dimension, String dimensionValue, BigDecimal value, String unit,
        BigDecimal numerator, BigDecimal denominator, Long cases, String reason, BigDecimal previousValue,
        BigDecimal previousYearValue, List<BigDecimal> trend, BigDecimal target, String targetOwner,
        LocalDate targetDeadline, Status status, BigDecimal benchmark, String benchmarkSource, List<String> flags,
        List<String> actions) {

    /** A result without a case count: one that is never a small sample. */
    public StoredResult(String kpiId, String dimension, String dimensionValue, BigDecimal value, String unit,
            BigDecimal numerator, BigDecimal denominator, String reason, BigDecimal previousValue,
            BigDecimal previousYearValue, List<BigDecimal> trend, BigDecimal target, String targetOwner,
            LocalDate targetDeadline, Status status, BigDecimal benchmark, String benchmarkSource, List<String> flags,
            List<String> actions) {
        this(kpiId, dimension, dimensionValue, value, unit, numerator, denominator, null, reason, previousValue,
                previousYearValue, trend, target, targetOwner, targetDeadline, status, benchmark, benchmarkSource, flags,
                actions);
    }

    /** Whether the value rests on too few cases to be judged (kpi-vocabulary.md, "small sample"). */
    public boolean isSmallSample() {
        return flags.contains(Flag.SMALL_SAMPLE.name());
    }

    /** Whether the value gets a status: there is a value, and it rests on enough cases. */
    public boolean isJudged() {
        return value != null && !isSmallSample();
    }

    public boolean isTotal() {
        return dimension == null;
    }

    public BigDecimal change() {
        return Change.difference(value, previousValue);
    }

    public BigDecimal relativeChange() {
        return Change.relative(value, previousValue);
    }

    public BigDecimal previousYearChange() {
        return Change.difference(value, previousYearValue);
    }

    public BigDecimal previousYearRelativeChange() {
        return Change.relative(value, previousYearValue);
    }
}
