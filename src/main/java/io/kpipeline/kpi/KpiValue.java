package io.kpipeline.kpi;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One computed value of a KPI for a period: the total ({@code dimension} null) or the value for
 * one breakdown value (e.g. dimension {@code channel}, value {@code EMAIL}). A value may be absent,
 * then {@code reason} says why ("no delivered marketing emails in the period"); it is never 0 in
 * place of "no value".
 *
 * <p>Ratios carry their numerator and denominator, as counted in the database; the division
 * happens here, unrounded to 16 significant digits, so that no SQL division truncates a rate.
 *
 * <p>{@code cases} is how many cases the value rests on (kpi-vocabulary.md, "small sample"): the
 * emails of an open rate, the deals closed for a win rate, the deals averaged for a deal size. It is
 * null for values that are never a small sample: counts, sums, money totals, the web averages over
 * sessions.
 *
 * @param kpiId          the catalog id
 * @param dimension      {@code channel}, {@code campaign}, {@code rep}, {@code segment},
 *                       {@code network}, {@code kind} or {@code type}; null for the total
 * @param dimensionValue the breakdown value (a channel code, campaign id, rep id …); null for the total
 * @param value          the value, or null when there is none
 * @param numerator      for ratios and averages, the numerator; else null
 * @param denominator    for ratios and averages, the denominator; else null
 * @param cases          the number of cases the value rests on; null when it is never a small sample
 * @param reason         why there is no value; null when there is one
 */
public record KpiValue(String kpiId, String dimension, String dimensionValue, BigDecimal value,
        BigDecimal numerator, BigDecimal denominator, Long cases, String reason) {

    public static final MathContext PRECISION = MathContext.DECIMAL64;

    public KpiValue {
        if ((dimension == null) != (dimensionValue == null)) {
            throw new IllegalArgumentException("dimension and its value go together: " + dimension + "=" + dimensionValue);
        }
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException(kpiId + ": a value or a reason, exactly one of them");
        }
        if (cases != null && cases < 0) {
            throw new IllegalArgumentException(kpiId + ": a negative number of cases, " + cases);
        }
    }

    /** A total that is a plain amount or count. */
    public static KpiValue total(String kpiId, BigDecimal value) {
        return new KpiValue(kpiId, null, null, value, null, null, null, null);
    }

    /** A breakdown value that is a plain amount or count. */
    public static KpiValue of(String kpiId, String dimension, String dimensionValue, BigDecimal value) {
        return new KpiValue(kpiId, dimension, dimensionValue, value, null, null, null, null);
    }

    /**
     * {@code numerator / denominator}; with a denominator of 0 no value, for the reason given
     * (it should say what was missing, e.g. "no sessions in the period"). Its case count is unset:
     * see {@link #countedRatio} and {@link #withCases}.
     */
    public static KpiValue ratio(String kpiId, String dimension, String dimensionValue, BigDecimal numerator,
            BigDecimal denominator, String reasonWhenZero) {
        if (denominator == null || denominator.signum() == 0) {
            return new KpiValue(kpiId, dimension, dimensionValue, null, numerator,
                    denominator == null ? BigDecimal.ZERO : denominator, null, reasonWhenZero);
        }
        return new KpiValue(kpiId, dimension, dimensionValue, numerator.divide(denominator, PRECISION), numerator,
                denominator, null, null);
    }

    /**
     * A {@link #ratio} whose denominator counts the cases it rests on (emails, leads, deals,
     * customers): the denominator is its case count.
     */
    public static KpiValue countedRatio(String kpiId, String dimension, String dimensionValue, BigDecimal numerator,
            BigDecimal denominator, String reasonWhenZero) {
        return ratio(kpiId, dimension, dimensionValue, numerator, denominator, reasonWhenZero)
                .withCases(denominator == null ? 0 : denominator.longValueExact());
    }

    /** No value, for the reason given. */
    public static KpiValue none(String kpiId, String dimension, String dimensionValue, String reason) {
        return new KpiValue(kpiId, dimension, dimensionValue, null, null, null, null, reason);
    }

    /** This value resting on {@code count} cases. */
    public KpiValue withCases(long count) {
        return new KpiValue(kpiId, dimension, dimensionValue, value, numerator, denominator, count, reason);
    }

    public boolean isTotal() {
        return dimension == null;
    }

    public boolean hasValue() {
        return value != null;
    }
}
