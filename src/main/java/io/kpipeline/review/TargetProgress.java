package io.kpipeline.review;

import io.kpipeline.evaluation.Targets.Direction;
import io.kpipeline.evaluation.Targets.Target;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A KPI with a target over one review cycle: the baseline (the 30 days before the cycle), the four
 * checkpoints, the cycle's value, and the projection to the target's deadline — the least-squares
 * line through the checkpoints (x = day of the cycle: 7, 14, 21, 28) read at the deadline's day.
 * A deadline on or before the cycle's last day needs no projection: the cycle's value is what counts.
 *
 * @param kpi         the KPI
 * @param target      its target for 30 days
 * @param direction   at least or at most the target; null when neither the target nor the KPI says
 * @param baseline    the value of the 30 days before the cycle, null if none
 * @param checkpoints the four checkpoint values, null where there is none
 * @param current     the cycle's value, null if none
 * @param projected   the value the line reaches at the deadline, null without a projection
 * @param verdict     reached, on track, off track or no projection
 */
public record TargetProgress(KpiDefinition kpi, Target target, Direction direction, BigDecimal baseline,
        List<BigDecimal> checkpoints, BigDecimal current, BigDecimal projected, Verdict verdict) {

    /** Checkpoints with a value needed for a line: two points always fit one, three start to show a trend. */
    public static final int MINIMUM_CHECKPOINTS = 3;

    public static TargetProgress assess(ReportingPeriod cycle, KpiDefinition kpi, Target target, BigDecimal baseline,
            List<BigDecimal> checkpoints, BigDecimal current) {
        Direction direction = direction(kpi, target);
        BigDecimal projected = project(cycle, kpi, target.deadline(), checkpoints, current);
        Verdict verdict;
        if (direction == null || projected == null) {
            verdict = current != null && direction != null && meets(current, target.value(), direction)
                    ? Verdict.REACHED : Verdict.NO_PROJECTION;
        } else if (!meets(projected, target.value(), direction)) {
            verdict = Verdict.OFF_TRACK;
        } else {
            verdict = current != null && meets(current, target.value(), direction) ? Verdict.REACHED : Verdict.ON_TRACK;
        }
        return new TargetProgress(kpi, target, direction, baseline, nullable(checkpoints), current,
                projected, verdict);
    }

    /** Whether the baseline met the target as well: reached two cycles in a row, not by a fluke. */
    public boolean reachedTwice() {
        return verdict == Verdict.REACHED && baseline != null && meets(baseline, target.value(), direction);
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

    /**
     * The line through the checkpoints at the deadline's day of the cycle, within what the KPI can
     * take (its range in the catalog).
     */
    static BigDecimal project(ReportingPeriod cycle, KpiDefinition kpi, LocalDate deadline,
            List<BigDecimal> checkpoints, BigDecimal current) {
        if (!deadline.isAfter(cycle.last())) {
            return current;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 0; k < checkpoints.size(); k++) {
            if (checkpoints.get(k) != null) {
                xs.add(7.0 * (k + 1));
                ys.add(checkpoints.get(k).doubleValue());
            }
        }
        if (xs.size() < MINIMUM_CHECKPOINTS) {
            return null;
        }
        double day = ChronoUnit.DAYS.between(cycle.start(), deadline) + 1;
        double value = LinearFit.of(xs, ys).at(day);
        value = Math.max(lowest(kpi), Math.min(highest(kpi), value));
        return new BigDecimal(value, MathContext.DECIMAL64).stripTrailingZeros();
    }

    private static double lowest(KpiDefinition kpi) {
        return kpi.range().min() == null ? Double.NEGATIVE_INFINITY : kpi.range().min().doubleValue();
    }

    private static double highest(KpiDefinition kpi) {
        return kpi.range().max() == null ? Double.POSITIVE_INFINITY : kpi.range().max().doubleValue();
    }

    private static List<BigDecimal> nullable(List<BigDecimal> values) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
}
