package io.kpipeline.review;

import io.kpipeline.evaluation.Targets.Direction;
import io.kpipeline.evaluation.Targets.Target;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A KPI with a target over one review cycle: the baseline (the 30 days before the cycle), the four
 * checkpoints, the cycle's value, the least-squares line through the checkpoints (x = day of the cycle:
 * 7, 14, 21, 28) and, where it is defensible, the line read at the deadline's day.
 *
 * <p>A projection is defensible when all of these hold: the cycle's value and every checkpoint with a value
 * rest on enough cases (not a small sample); at least {@value #MINIMUM_CHECKPOINTS} checkpoints have a value;
 * the deadline lies after the cycle's last day and at most {@link Rules#horizonDays()} days after it; the
 * line explains the checkpoints' movement (R² at least {@link Rules#minimumRSquared()}); and the value at
 * the deadline lies within what the KPI has shown over the last 13 weeks (the lowest to the highest of the
 * 30-day values ending every 7 days back from the cycle's last day), widened by half that span on each
 * side, and within the KPI's range in the catalog. Without a projection the review judges the cycle's value
 * alone (reached or not) and says whether the line's slope heads towards the target or away from it.
 *
 * @param kpi         the KPI
 * @param target      its target for 30 days
 * @param direction   at least or at most the target; null when neither the target nor the KPI says
 * @param baseline    the 30 days before the cycle
 * @param checkpoints the four checkpoints
 * @param current     the cycle
 * @param fit         the line through the checkpoints with a value, null with fewer than three
 * @param heading     whether the line heads towards the target; null without a line, a direction, or with a
 *                    flat line or a small-sample cycle
 * @param projected   the line's value at the deadline, null unless it is defensible
 * @param why         why there is no projection, null when there is one
 * @param verdict     where the KPI stands
 * @param rules       the rules it was judged by
 */
public record TargetProgress(KpiDefinition kpi, Target target, Direction direction, Observation baseline,
        List<Observation> checkpoints, Observation current, LinearFit fit, Heading heading, BigDecimal projected,
        NoProjection why, Verdict verdict, Rules rules) {

    /** Checkpoints with a value needed for a line: two points always fit one, three start to show a trend. */
    public static final int MINIMUM_CHECKPOINTS = 3;

    /** How far the 13 weeks' span is widened on each side, as a share of it. */
    public static final double RANGE_WIDENING = 0.5;

    /** Whether the checkpoints' line moves towards the target or away from it. */
    public enum Heading {
        RIGHT, WRONG
    }

    /** Why a KPI gets no projection, in the order they are tested. */
    public enum NoProjection {
        /** The cycle has no value. */
        NO_VALUE,
        /** Neither the target nor the KPI says whether higher or lower is better. */
        NO_DIRECTION,
        /** The cycle's value rests on too few cases. */
        SMALL_SAMPLE,
        /** The deadline is on or before the cycle's last day: the cycle's value is the outcome. */
        DEADLINE_PASSED,
        /** Fewer than three checkpoints have a value. */
        FEW_CHECKPOINTS,
        /** A checkpoint rests on too few cases. */
        SMALL_CHECKPOINTS,
        /** The deadline is further after the cycle than the horizon. */
        DEADLINE_FAR,
        /** The line explains too little of the checkpoints' movement (R² below the minimum). */
        POOR_FIT,
        /** The line's value at the deadline lies outside the widened 13 weeks or the KPI's range. */
        OUTSIDE_RANGE
    }

    /**
     * @param horizonDays              how many days after the cycle's last day a target's deadline may lie to
     *                                 be projected
     * @param minimumRSquared          the R² from which the line explains the checkpoints enough to be extended
     * @param directionMinimumRSquared the R² from which the line's slope says where the KPI is heading; below
     *                                 it the checkpoints zigzag and the direction is unclear
     * @param smallSample              values resting on fewer cases are small samples (kpi.settings.small-sample)
     */
    public record Rules(int horizonDays, double minimumRSquared, double directionMinimumRSquared, int smallSample) {

        /** Two cycles, R² 0.6 for a projection and 0.3 for a direction, 30 cases. */
        public static final Rules DEFAULT = new Rules(60, 0.6, 0.3, 30);
    }

    /**
     * @param cycle       the review cycle
     * @param baseline    the 30 days before the cycle
     * @param checkpoints the four checkpoints in order; a missing one is {@link Observation#NONE}
     * @param current     the cycle
     * @param history     the 30-day values ending every 7 days back from the cycle's last day over 13 weeks
     *                    ({@link ReviewPeriods#history}), in any order
     */
    public static TargetProgress assess(ReportingPeriod cycle, KpiDefinition kpi, Target target, Observation baseline,
            List<Observation> checkpoints, Observation current, List<Observation> history, Rules rules) {
        Direction direction = direction(kpi, target);
        LinearFit fit = fit(checkpoints);
        Heading heading = direction == null || fit == null || fit.slope() == 0
                || fit.rSquared() < rules.directionMinimumRSquared() ? null
                : (fit.slope() > 0) == (direction == Direction.AT_LEAST) ? Heading.RIGHT : Heading.WRONG;
        var progress = new Builder(kpi, target, direction, baseline, checkpoints, current, fit, rules);
        if (!current.hasValue()) {
            return progress.without(NoProjection.NO_VALUE, null, Verdict.NO_PROJECTION);
        }
        if (direction == null) {
            return progress.without(NoProjection.NO_DIRECTION, null, Verdict.NO_PROJECTION);
        }
        if (current.isSmallSample(rules.smallSample())) {
            return progress.without(NoProjection.SMALL_SAMPLE, null, Verdict.NO_PROJECTION);
        }
        boolean metNow = meets(current.value(), target.value(), direction);
        if (!target.deadline().isAfter(cycle.last())) {
            return progress.without(NoProjection.DEADLINE_PASSED, heading, metNow ? Verdict.REACHED : Verdict.MISSED);
        }
        double day = ChronoUnit.DAYS.between(cycle.start(), target.deadline()) + 1;
        NoProjection why = fit == null ? NoProjection.FEW_CHECKPOINTS
                : checkpoints.stream().anyMatch(c -> c.isSmallSample(rules.smallSample())) ? NoProjection.SMALL_CHECKPOINTS
                : ChronoUnit.DAYS.between(cycle.last(), target.deadline()) > rules.horizonDays() ? NoProjection.DEADLINE_FAR
                : fit.rSquared() < rules.minimumRSquared() ? NoProjection.POOR_FIT
                : !within(fit.at(day), kpi, history, rules) ? NoProjection.OUTSIDE_RANGE
                : null;
        if (why != null) {
            Verdict verdict = metNow ? Verdict.REACHED
                    : heading == Heading.RIGHT ? Verdict.DIRECTION_RIGHT
                    : heading == Heading.WRONG ? Verdict.DIRECTION_WRONG : Verdict.NO_PROJECTION;
            return progress.without(why, heading, verdict);
        }
        BigDecimal projected = new BigDecimal(fit.at(day), MathContext.DECIMAL64).stripTrailingZeros();
        Verdict verdict = !meets(projected, target.value(), direction) ? Verdict.OFF_TRACK
                : metNow ? Verdict.REACHED : Verdict.ON_TRACK;
        return progress.with(projected, heading, verdict);
    }

    /** Whether {@code value} rests on too few cases to be judged, by the rules of this assessment. */
    public boolean isSmallSample(Observation value) {
        return value.isSmallSample(rules.smallSample());
    }

    /**
     * Whether the baseline met the target as well, on enough cases, and nothing says the KPI is leaving it:
     * reached two cycles in a row, not by a fluke.
     */
    public boolean reachedTwice() {
        return verdict == Verdict.REACHED && heading != Heading.WRONG && baseline.hasValue()
                && !isSmallSample(baseline) && meets(baseline.value(), target.value(), direction);
    }

    static Direction direction(KpiDefinition kpi, Target target) {
        if (target.direction() != null) {
            return target.direction();
        }
        return switch (kpi.better()) {
            case HIGHER -> Direction.AT_LEAST;
            case LOWER -> Direction.AT_MOST;
            case NONE -> null;
        };
    }

    static boolean meets(BigDecimal value, BigDecimal target, Direction direction) {
        int c = value.compareTo(target);
        return direction == Direction.AT_LEAST ? c >= 0 : c <= 0;
    }

    /** The line through the checkpoints with a value, at x = 7, 14, 21, 28; null with fewer than three. */
    static LinearFit fit(List<Observation> checkpoints) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < checkpoints.size(); k++) {
            if (checkpoints.get(k).hasValue()) {
                xs.add(7.0 * (k + 1));
                ys.add(checkpoints.get(k).value().doubleValue());
            }
        }
        return xs.size() < MINIMUM_CHECKPOINTS ? null : LinearFit.of(xs, ys);
    }

    /**
     * Whether {@code value} lies within the KPI's range and within the lowest to the highest of the history's
     * values on enough cases, widened by {@value #RANGE_WIDENING} of that span on each side.
     */
    static boolean within(double value, KpiDefinition kpi, List<Observation> history, Rules rules) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Observation o : history) {
            if (o.hasValue() && !o.isSmallSample(rules.smallSample())) {
                low = Math.min(low, o.value().doubleValue());
                high = Math.max(high, o.value().doubleValue());
            }
        }
        if (low > high) {
            return false;
        }
        double widening = (high - low) * RANGE_WIDENING;
        return kpi.range().contains(value) && value >= low - widening && value <= high + widening;
    }

    /** Collects the parts every outcome shares. */
    private record Builder(KpiDefinition kpi, Target target, Direction direction, Observation baseline,
            List<Observation> checkpoints, Observation current, LinearFit fit, Rules rules) {

        TargetProgress without(NoProjection why, Heading heading, Verdict verdict) {
            return new TargetProgress(kpi, target, direction, baseline, List.copyOf(checkpoints), current, fit,
                    heading, null, why, verdict, rules);
        }

        TargetProgress with(BigDecimal projected, Heading heading, Verdict verdict) {
            return new TargetProgress(kpi, target, direction, baseline, List.copyOf(checkpoints), current, fit,
                    heading, projected, null, verdict, rules);
        }
    }
}
