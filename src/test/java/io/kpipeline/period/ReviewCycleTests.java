package io.kpipeline.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReviewCycleTests {

    private final ReviewCycle cycles = new ReviewCycle(LocalDate.of(2026, 1, 5));

    @Test
    void cyclesFollowEachOtherEveryThirtyDaysFromTheStart() {
        // cycle 1: 5 Jan .. 3 Feb; cycle 2 starts 4 Feb (5 Jan + 30 days)
        assertThat(cycles.containing(LocalDate.of(2026, 2, 3)).id()).isEqualTo("30d:2026-02-03");
        assertThat(cycles.containing(LocalDate.of(2026, 2, 4)).start()).isEqualTo(LocalDate.of(2026, 2, 4));
        // 22 Nov 2026 is day 321 after 5 Jan: 321 / 30 = 10 → cycle 11 from 5 Jan + 300 days = 1 Nov
        ReportingPeriod current = cycles.containing(LocalDate.of(2026, 11, 22));
        assertThat(current.start()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(cycles.number(current)).isEqualTo(11);
    }

    @Test
    void theLatestCompleteCycleEndsBeforeToday() {
        // on 1 Nov the cycle 2 Oct .. 31 Oct has just ended
        assertThat(cycles.latestComplete(LocalDate.of(2026, 11, 1)).id()).isEqualTo("30d:2026-10-31");
        assertThat(cycles.latestComplete(LocalDate.of(2026, 11, 30)).id()).isEqualTo("30d:2026-10-31");
        assertThat(cycles.latestComplete(LocalDate.of(2026, 12, 1)).id()).isEqualTo("30d:2026-11-30");
        assertThat(cycles.isCycle(ReportingPeriod.parse("30d:2026-10-31"))).isTrue();
        assertThat(cycles.isCycle(ReportingPeriod.parse("30d:2026-10-30"))).isFalse();
    }

    @Test
    void thereIsNoCompleteCycleBeforeTheFirstHasEnded() {
        assertThatThrownBy(() -> cycles.latestComplete(LocalDate.of(2026, 2, 3)))
                .hasMessage("the first review cycle, 2026-01-05 to 2026-02-03, is not complete before 2026-02-04");
        assertThat(cycles.latestComplete(LocalDate.of(2026, 2, 4)).id()).isEqualTo("30d:2026-02-03");
    }
}
