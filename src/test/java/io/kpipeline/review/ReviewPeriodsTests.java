package io.kpipeline.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.period.ReportingPeriod;
import org.junit.jupiter.api.Test;

class ReviewPeriodsTests {

    @Test
    void theCheckpointsAreThe30DaysEndingOnDay7_14_21And28OfTheCycle() {
        // the cycle 2026-10-02 .. 2026-10-31: day 7 is 10-08, day 28 is 10-29
        assertThat(ReviewPeriods.checkpoints(ReviewFixtures.CYCLE)).extracting(ReportingPeriod::id)
                .containsExactly("30d:2026-10-08", "30d:2026-10-15", "30d:2026-10-22", "30d:2026-10-29");
    }

    @Test
    void theHistoryIsThe30DaysEndingEvery7DaysBackFromTheCyclesLastDayOver13Weeks() {
        // 2026-10-31 − 7 · 12 = 2026-08-08; the last of them is the cycle
        assertThat(ReviewPeriods.history(ReviewFixtures.CYCLE)).extracting(ReportingPeriod::id)
                .containsExactly("30d:2026-08-08", "30d:2026-08-15", "30d:2026-08-22", "30d:2026-08-29",
                        "30d:2026-09-05", "30d:2026-09-12", "30d:2026-09-19", "30d:2026-09-26", "30d:2026-10-03",
                        "30d:2026-10-10", "30d:2026-10-17", "30d:2026-10-24", "30d:2026-10-31");
    }

    @Test
    void theReviewComputesCheckpointsHistoryAndWeeksOnceAndLeavesTheCycleToItsOwnComputation() {
        var all = ReviewPeriods.all(ReviewFixtures.CYCLE, 13);
        // 4 checkpoints + 12 weeks of history + 13 ISO weeks, none shared
        assertThat(all).hasSize(4 + 12 + 13).doesNotHaveDuplicates().doesNotContain(ReviewFixtures.CYCLE);
    }

    @Test
    void theWeeksAreTheIsoWeeksEndingByTheCyclesLastDay() {
        // 2026-10-31 is a Saturday: its week W44 ends on Sunday 11-01, after the cycle, so W43 is the last
        assertThat(ReviewPeriods.weeks(ReviewFixtures.CYCLE, 3)).extracting(ReportingPeriod::id)
                .containsExactly("2026-W41", "2026-W42", "2026-W43");
        // a cycle ending on a Sunday (2026-11-01) includes its own week
        assertThat(ReviewPeriods.weeks(ReportingPeriod.parse("30d:2026-11-01"), 1)).extracting(ReportingPeriod::id)
                .containsExactly("2026-W44");
    }
}
