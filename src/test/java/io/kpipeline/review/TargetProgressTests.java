package io.kpipeline.review;

import static io.kpipeline.review.ReviewFixtures.CYCLE;
import static io.kpipeline.review.ReviewFixtures.kpi;
import static io.kpipeline.review.ReviewFixtures.series;
import static io.kpipeline.review.ReviewFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kpipeline.evaluation.Targets.Direction;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Better;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.kpi.KpiDefinition.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The cycle is 2026-10-02 .. 2026-10-31; the checkpoints sit on day 7, 14, 21 and 28. */
class TargetProgressTests {

    private static final KpiDefinition RATE = kpi("conv_lead_mql", Unit.RATE, Better.HIGHER, Category.FUNNEL);
    private static final KpiDefinition HOURS = kpi("lead_response_hours", Unit.HOURS, Better.LOWER, Category.SALES);
    private static final LocalDate DECEMBER_1 = LocalDate.of(2026, 12, 1);

    @Test
    void aRisingRateThatReachesTheTargetByTheDeadlineIsOnTrack() {
        // 0.30, 0.32, 0.34, 0.36 at x = 7, 14, 21, 28: slope 0.02/7 a day, intercept 0.33 - 0.02/7 * 17.5 = 0.28;
        // 2027-03-31 is 180 days after the start 2026-10-02, day 181: 0.28 + 0.02 * 181 / 7 = 0.797142857…
        var p = TargetProgress.assess(CYCLE, RATE, target("conv_lead_mql", "0.40", null, LocalDate.of(2027, 3, 31)),
                new BigDecimal("0.29"), series("0.30", "0.32", "0.34", "0.36"), new BigDecimal("0.35"));
        assertThat(p.projected().doubleValue()).isCloseTo(0.28 + 0.02 * 181 / 7, within(1e-12));
        assertThat(p.direction()).as("from the KPI: higher is better").isEqualTo(Direction.AT_LEAST);
        assertThat(p.verdict()).isEqualTo(Verdict.ON_TRACK);
    }

    @Test
    void theSameRiseIsOffTrackWhenTheDeadlineIsTooNear() {
        // 2026-11-07 is day 37: 0.28 + 0.02 * 37 / 7 = 0.385714… < 0.40
        var p = TargetProgress.assess(CYCLE, RATE, target("conv_lead_mql", "0.40", null, LocalDate.of(2026, 11, 7)),
                null, series("0.30", "0.32", "0.34", "0.36"), new BigDecimal("0.35"));
        assertThat(p.projected().doubleValue()).isCloseTo(0.385714285714, within(1e-9));
        assertThat(p.verdict()).isEqualTo(Verdict.OFF_TRACK);
    }

    @Test
    void aValueThatMeetsTheTargetNowButFallsIsOffTrack() {
        // 0.50 … 0.44: slope -0.02/7, intercept 0.47 + 0.05 = 0.52; day 61 (2026-12-01): 0.52 - 1.22/7 = 0.345714…
        var p = TargetProgress.assess(CYCLE, RATE, target("conv_lead_mql", "0.40", null, DECEMBER_1),
                new BigDecimal("0.52"), series("0.50", "0.48", "0.46", "0.44"), new BigDecimal("0.43"));
        assertThat(p.projected().doubleValue()).isCloseTo(0.345714285714, within(1e-9));
        assertThat(p.verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(p.reachedTwice()).isFalse();
    }

    @Test
    void aValueThatMeetsTheTargetAndKeepsItIsReached_twiceWhenTheBaselineMetItToo() {
        var p = TargetProgress.assess(CYCLE, RATE, target("conv_lead_mql", "0.40", null, DECEMBER_1),
                new BigDecimal("0.40"), series("0.41", "0.42", "0.42", "0.43"), new BigDecimal("0.43"));
        assertThat(p.verdict()).isEqualTo(Verdict.REACHED);
        assertThat(p.reachedTwice()).as("baseline 0.40 meets at least 0.40").isTrue();
    }

    @Test
    void anAtMostTargetIsMetFromBelow() {
        // 26, 25.5, 25, 24.5 hours: slope -0.5/7, intercept 25.25 + 1.25 = 26.5; day 61: 26.5 - 30.5/7 = 22.142857…
        var p = TargetProgress.assess(CYCLE, HOURS, target("lead_response_hours", "24", null, DECEMBER_1),
                null, series("26", "25.5", "25", "24.5"), new BigDecimal("24.2"));
        assertThat(p.projected().doubleValue()).isCloseTo(22.142857142857, within(1e-9));
        assertThat(p.verdict()).isEqualTo(Verdict.ON_TRACK);
    }

    @Test
    void theTargetsOwnDirectionWinsOverTheKpis() {
        var p = TargetProgress.assess(CYCLE, HOURS, target("lead_response_hours", "24", Direction.AT_LEAST, DECEMBER_1),
                null, series("26", "25.5", "25", "24.5"), new BigDecimal("24.2"));
        assertThat(p.verdict()).as("at least 24, 22.1 projected").isEqualTo(Verdict.OFF_TRACK);
    }

    @Test
    void aProjectionStaysWithinWhatTheUnitAllows() {
        // 0.3 … 0.0: intercept 0.40, slope -0.1/7; day 61: 0.40 - 6.1/7 < 0, a rate cannot fall below 0
        var p = TargetProgress.assess(CYCLE, RATE, target("conv_lead_mql", "0.40", null, DECEMBER_1),
                null, series("0.3", "0.2", "0.1", "0.0"), new BigDecimal("0"));
        assertThat(p.projected()).isEqualByComparingTo("0");
    }

    @Test
    void aShareStopsAtOneHundredPercentButAFunnelConversionMayGoBeyond() {
        // 0.90, 1.00, 1.10, 1.20 at days 7 … 28: y = 0.80 + 0.1/7 · x; day 61: 0.80 + 6.1/7 = 1.6714…
        var flow = TargetProgress.assess(CYCLE, RATE, target("conv_lead_mql", "1.5", null, DECEMBER_1),
                null, series("0.90", "1.00", "1.10", "1.20"), new BigDecimal("1.2"));
        assertThat(flow.projected().doubleValue()).isCloseTo(0.8 + 6.1 / 7, within(1e-9));
        assertThat(flow.verdict()).as("1.67 projected, at least 1.5").isEqualTo(Verdict.ON_TRACK);

        var share = kpi("win_rate", Unit.RATE, Better.HIGHER, Category.SALES, "0", "1");
        var capped = TargetProgress.assess(CYCLE, share, target("win_rate", "0.5", null, DECEMBER_1),
                null, series("0.90", "1.00", "1.10", "1.20"), new BigDecimal("1"));
        assertThat(capped.projected()).as("a share of won deals cannot pass 100 %").isEqualByComparingTo("1");

        var romi = kpi("romi", Unit.RATE, Better.HIGHER, Category.UNIT_ECONOMICS, "-1", null);
        var returns = TargetProgress.assess(CYCLE, romi, target("romi", "2.0", null, DECEMBER_1),
                null, series("-0.60", "-0.80", "-1.00", "-1.20"), new BigDecimal("-1"));
        // y = -0.40 - 0.2/7 · x reaches -2.14 at day 61: ROMI cannot lose more than the cost
        assertThat(returns.projected()).isEqualByComparingTo("-1");
    }

    @Test
    void withFewerThanThreeCheckpointsThereIsNoProjection() {
        var below = TargetProgress.assess(CYCLE, RATE, target("conv_lead_mql", "0.40", null, DECEMBER_1),
                null, series(null, "0.32", null, "0.36"), new BigDecimal("0.35"));
        assertThat(below.projected()).isNull();
        assertThat(below.verdict()).isEqualTo(Verdict.NO_PROJECTION);
        var above = TargetProgress.assess(CYCLE, RATE, target("conv_lead_mql", "0.40", null, DECEMBER_1),
                null, series(null, "0.42", null, "0.46"), new BigDecimal("0.45"));
        assertThat(above.verdict()).as("the cycle's value meets it").isEqualTo(Verdict.REACHED);
    }

    @Test
    void aDeadlineWithinTheCycleIsJudgedByTheCyclesValue() {
        var p = TargetProgress.assess(CYCLE, RATE, target("conv_lead_mql", "0.40", null, LocalDate.of(2026, 10, 31)),
                null, series("0.30", "0.32", "0.34", "0.36"), new BigDecimal("0.35"));
        assertThat(p.projected()).isEqualByComparingTo("0.35");
        assertThat(p.verdict()).isEqualTo(Verdict.OFF_TRACK);
    }
}
