package io.kpipeline.review;

import io.kpipeline.evaluation.Targets.Basis;
import io.kpipeline.evaluation.Targets.Direction;
import io.kpipeline.evaluation.Targets.Target;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Better;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.kpi.KpiDefinition.Indicator;
import io.kpipeline.kpi.KpiDefinition.Range;
import io.kpipeline.kpi.KpiDefinition.Text;
import io.kpipeline.kpi.KpiDefinition.Unit;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** KPIs, targets and series for the review's unit tests. */
final class ReviewFixtures {

    /** 2026-10-02 .. 2026-10-31. */
    static final ReportingPeriod CYCLE = ReportingPeriod.parse("30d:2026-10-31");

    private ReviewFixtures() {
    }

    static KpiDefinition kpi(String id, Unit unit, Better better, Category category) {
        return kpi(id, unit, better, category, null);
    }

    /** A KPI that can take the values from {@code min} to {@code max} (null: open), as in config/kpis.yml. */
    static KpiDefinition kpi(String id, Unit unit, Better better, Category category, String min, String max) {
        return kpi(id, unit, better, category, new Range(min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max)));
    }

    private static KpiDefinition kpi(String id, Unit unit, Better better, Category category, Range range) {
        return new KpiDefinition(id, new Text(id + " de", id + " en"), new Text("d", "d"), new Text("t", "t"),
                unit, better, category, Indicator.LEADING, List.of(), true, range);
    }

    static Target target(String kpi, String value, Direction direction, LocalDate deadline) {
        return new Target(kpi, null, null, new BigDecimal(value), direction, Basis.ANY, "Head of " + kpi, deadline,
                new BigDecimal("0.10"));
    }

    /** Decimals from text, null for null. */
    static List<BigDecimal> series(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }

    /** Values that are never small samples, from text; null for none. */
    static List<Observation> observations(String... values) {
        return Arrays.stream(values).map(ReviewFixtures::value).toList();
    }

    /** A value that is never a small sample, from text; null for none. */
    static Observation value(String value) {
        return value == null ? Observation.NONE : Observation.of(new BigDecimal(value));
    }

    /** A value resting on {@code cases} cases. */
    static Observation value(String value, long cases) {
        return Observation.of(new BigDecimal(value), cases);
    }

    /** 13 weeks of 30-day values, oldest first: {@code first}, then each {@code step} more. */
    static List<Observation> history(String first, String step) {
        List<Observation> history = new java.util.ArrayList<>();
        for (int k = 0; k < ReviewPeriods.HISTORY_WEEKS; k++) {
            history.add(Observation.of(new BigDecimal(first).add(new BigDecimal(step).multiply(BigDecimal.valueOf(k)))));
        }
        return history;
    }
}
