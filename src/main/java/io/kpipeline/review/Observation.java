package io.kpipeline.review;

import java.math.BigDecimal;

/**
 * A KPI's stored total for one period as the review reads it: the value and the number of cases it
 * rests on (kpi-vocabulary.md, "small sample").
 *
 * @param value the value, null when there is none
 * @param cases the cases it rests on, null for values that are never a small sample (sums, money totals)
 */
public record Observation(BigDecimal value, Long cases) {

    /** No value. */
    public static final Observation NONE = new Observation(null, null);

    /** A value that is never a small sample; null gives {@link #NONE}. */
    public static Observation of(BigDecimal value) {
        return value == null ? NONE : new Observation(value, null);
    }

    /** A value resting on {@code cases} cases. */
    public static Observation of(BigDecimal value, long cases) {
        return new Observation(value, cases);
    }

    public boolean hasValue() {
        return value != null;
    }

    /** Whether the value rests on fewer than {@code smallSample} cases, as the evaluator flags it. */
    public boolean isSmallSample(int smallSample) {
        return value != null && cases != null && cases < smallSample;
    }
}
