package io.kpipeline.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayRunsTests {

    @Test
    void consecutiveDaysFormOneRunAcrossAMonthsEndAndAGapStartsTheNext() {
        LocalDate oct30 = LocalDate.of(2026, 10, 30);
        LocalDate oct31 = LocalDate.of(2026, 10, 31);
        LocalDate nov1 = LocalDate.of(2026, 11, 1);
        LocalDate nov3 = LocalDate.of(2026, 11, 3);
        LocalDate nov10 = LocalDate.of(2026, 11, 10);

        assertThat(DayRuns.of(List.of(oct30, oct31, nov1, nov3, nov10)))
                .containsExactly(List.of(oct30, oct31, nov1), List.of(nov3), List.of(nov10));
        assertThat(DayRuns.of(List.of())).isEmpty();
    }
}
