package io.kpipeline.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportingPeriodTests {

    @Test
    void anIsoWeekRunsMondayToSundayAndMaySpanTwoMonths() {
        ReportingPeriod w44 = ReportingPeriod.parse("2026-W44");
        assertThat(w44.start()).isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(w44.last()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(w44.end()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(w44.days()).isEqualTo(7);
        assertThat(w44.id()).isEqualTo("2026-W44");
    }

    @Test
    void week1BelongsToTheYearOfItsThursday() {
        // 2026-01-01 is a Thursday: week 1 of 2026 starts on Monday 2025-12-29.
        assertThat(ReportingPeriod.parse("2026-W01").start()).isEqualTo(LocalDate.of(2025, 12, 29));
        // 2021-01-01 is a Friday: it still belongs to week 53 of 2020.
        assertThat(ReportingPeriod.weekOf(LocalDate.of(2021, 1, 1)).id()).isEqualTo("2020-W53");
    }

    @Test
    void monthsQuartersYearsAndRollingPeriodsParseAndPrintTheSame() {
        for (String id : new String[] {"2026-10", "2026-Q4", "2026", "30d:2026-10-31", "2020-W53"}) {
            assertThat(ReportingPeriod.parse(id).id()).isEqualTo(id);
        }
        ReportingPeriod rolling = ReportingPeriod.parse("30d:2026-10-31");
        assertThat(rolling.start()).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(rolling.end()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(ReportingPeriod.parse("2026-Q4").end()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void previousPeriodIsTheSameKindJustBefore() {
        assertThat(ReportingPeriod.parse("2026-W01").previous().id()).isEqualTo("2025-W52");
        assertThat(ReportingPeriod.parse("2026-01").previous().id()).isEqualTo("2025-12");
        assertThat(ReportingPeriod.parse("2026-Q1").previous().id()).isEqualTo("2025-Q4");
        assertThat(ReportingPeriod.parse("30d:2026-10-31").previous().id()).isEqualTo("30d:2026-10-01");
    }

    @Test
    void sameLastYearKeepsTheWeekNumberAndWeek53HasNoneWhenTheYearBeforeHadNoWeek53() {
        assertThat(sameLastYear("2026-W44")).isEqualTo("2025-W44");
        // 2019 has 52 ISO weeks: 2020-W53 has no counterpart, and 2019-W52 is another week
        assertThat(ReportingPeriod.parse("2020-W53").sameLastYear()).isEmpty();
        // 2026 starts on a Thursday and has a week 53 (28 Dec 2026 .. 3 Jan 2027); 2025 has 52
        assertThat(ReportingPeriod.parse("2026-W53").sameLastYear()).isEmpty();
        assertThat(sameLastYear("2021-W52")).isEqualTo("2020-W52");
        assertThat(sameLastYear("2026-10")).isEqualTo("2025-10");
        assertThat(sameLastYear("2026-Q3")).isEqualTo("2025-Q3");
        assertThat(sameLastYear("2025")).isEqualTo("2024");
        assertThat(sameLastYear("30d:2024-02-29")).isEqualTo("30d:2023-02-28");
    }

    @Test
    void aTrendHoldsThirteenWeeksOrMonthsEightQuartersOrFiveYears() {
        assertThat(ReportingPeriod.parse("2026-W44").trend()).hasSize(13);
        assertThat(ReportingPeriod.parse("30d:2026-10-31").trend()).hasSize(13);
        var months = ReportingPeriod.parse("2026-10").trend();
        assertThat(months).hasSize(13).first().extracting(ReportingPeriod::id).isEqualTo("2025-10");
        // 2026-Q3 and the 7 quarters before it: 2024-Q4 .. 2026-Q3
        assertThat(ReportingPeriod.parse("2026-Q3").trend()).extracting(ReportingPeriod::id).containsExactly(
                "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");
        assertThat(ReportingPeriod.parse("2025").trend()).extracting(ReportingPeriod::id)
                .containsExactly("2021", "2022", "2023", "2024", "2025");
    }

    @Test
    void aPeriodHasEndedFromTheDayAfterItsLastDay() {
        ReportingPeriod december = ReportingPeriod.parse("2026-12");
        assertThat(december.hasEnded(LocalDate.of(2026, 12, 31))).isFalse(); // its last day is not over
        assertThat(december.hasEnded(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(ReportingPeriod.parse("2026-Q3").hasEnded(LocalDate.of(2026, 10, 1))).isTrue();
        assertThat(ReportingPeriod.parse("2026").hasEnded(LocalDate.of(2026, 12, 2))).isFalse();
    }

    private static String sameLastYear(String period) {
        return ReportingPeriod.parse(period).sameLastYear().map(ReportingPeriod::id).orElse("none");
    }

    @Test
    void theLatestCompletePeriodHasEndedByToday() {
        LocalDate sunday = LocalDate.of(2026, 11, 22);
        assertThat(ReportingPeriod.latestComplete(PeriodKind.WEEK, sunday).id()).isEqualTo("2026-W46");
        assertThat(ReportingPeriod.latestComplete(PeriodKind.WEEK, LocalDate.of(2026, 11, 23)).id())
                .isEqualTo("2026-W47");
        assertThat(ReportingPeriod.latestComplete(PeriodKind.MONTH, LocalDate.of(2026, 11, 1)).id())
                .isEqualTo("2026-10");
        assertThat(ReportingPeriod.latestComplete(PeriodKind.QUARTER, LocalDate.of(2026, 10, 2)).id())
                .isEqualTo("2026-Q3");
        assertThat(ReportingPeriod.latestComplete(PeriodKind.QUARTER, LocalDate.of(2027, 1, 1)).id())
                .isEqualTo("2026-Q4");
        assertThat(ReportingPeriod.latestComplete(PeriodKind.YEAR, LocalDate.of(2026, 12, 2)).id()).isEqualTo("2025");
        assertThat(ReportingPeriod.latestComplete(PeriodKind.ROLLING_30_DAYS, sunday).id())
                .isEqualTo("30d:2026-11-21");
    }

    @Test
    void theTrendListsThePeriodAndItsPredecessorsOldestFirst() {
        var trend = ReportingPeriod.parse("2026-03").trend(13);
        assertThat(trend).hasSize(13);
        assertThat(trend.get(0).id()).isEqualTo("2025-03");
        assertThat(trend.get(12).id()).isEqualTo("2026-03");
    }

    @Test
    void aWrongPeriodSaysWhichFormsAreAccepted() {
        assertThatThrownBy(() -> ReportingPeriod.parse("October"))
                .hasMessage("\"October\" is not a period; write 2026-W44 (ISO week), 2026-10 (month), 2026-Q4"
                        + " (quarter), 2026 (year) or 30d:2026-10-31 (30 days ending that day).");
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-W54")).hasMessage("2026 has ISO weeks 1 to 53, not 54");
        assertThatThrownBy(() -> ReportingPeriod.parse("2026-13")).hasMessageStartingWith("\"2026-13\" is not a period: ");
    }
}
