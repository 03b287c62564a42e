package io.kpipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.period.ReviewCycle;
import io.kpipeline.schedule.ReportSchedules.ReportSchedule;
import io.kpipeline.schedule.ScheduleSettings.Mode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The period a firing runs follows from the scheduled fire time in the report's zone, across daylight-saving changes. */
class FiringPeriodsTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // cycles: 1 = 2026-01-05..02-03, 2 = 02-04..03-05, 3 = 03-06..04-04, 4 = 04-05..05-04
    private static final FiringPeriods PERIODS = new FiringPeriods(new ReviewCycle(LocalDate.of(2026, 1, 5)));

    /** The next fire time of the cron expression in Berlin after {@code after}. */
    private static Instant nextFiring(String cron, String after) {
        Date next = new ReportSchedule(ReportKind.WEEKLY, cron, BERLIN).expression()
                .getNextValidTimeAfter(Date.from(Instant.parse(after)));
        return next.toInstant();
    }

    private static String period(ReportKind report, Instant firing) {
        return PERIODS.latestComplete(report, firing, BERLIN).map(ReportingPeriod::id).orElse("none");
    }

    @Test
    void theWeeklyFiringOnTheMondayAfterTheAutumnChangeRunsTheWeekBefore() {
        Instant firing = nextFiring(ScheduleSettings.defaultCron(ReportKind.WEEKLY), "2026-10-20T00:00:00Z");
        assertThat(firing).isEqualTo("2026-10-26T06:00:00Z"); // Monday 07:00 CET (UTC+1) after the change on 25 Oct
        assertThat(period(ReportKind.WEEKLY, firing)).isEqualTo("2026-W43"); // Mon 19 .. Sun 25 Oct
    }

    @Test
    void theWeeklyFiringBeforeTheAutumnChangeIsAtSevenSummerTime() {
        Instant firing = nextFiring(ScheduleSettings.defaultCron(ReportKind.WEEKLY), "2026-10-13T00:00:00Z");
        assertThat(firing).isEqualTo("2026-10-19T05:00:00Z"); // Monday 07:00 CEST (UTC+2)
        assertThat(period(ReportKind.WEEKLY, firing)).isEqualTo("2026-W42"); // 12 .. 18 Oct
    }

    @Test
    void theMonthlyFiringAfterTheSpringChangeRunsMarch() {
        Instant firing = nextFiring(ScheduleSettings.defaultCron(ReportKind.MONTHLY), "2026-03-15T00:00:00Z");
        assertThat(firing).isEqualTo("2026-04-01T04:00:00Z"); // 1 April 06:00 CEST, summer time since 29 March
        assertThat(period(ReportKind.MONTHLY, firing)).isEqualTo("2026-03");
    }

    @Test
    void theMonthlyFiringAfterTheAutumnChangeRunsOctober() {
        Instant firing = nextFiring(ScheduleSettings.defaultCron(ReportKind.MONTHLY), "2026-10-15T00:00:00Z");
        assertThat(firing).isEqualTo("2026-11-01T05:00:00Z"); // 1 November 06:00 CET
        assertThat(period(ReportKind.MONTHLY, firing)).isEqualTo("2026-10");
    }

    @Test
    void firingsAtHalfPastMidnightAroundTheChangesTakeTheLocalDayNotTheUtcDay() {
        // 00:30 local is still the previous day in UTC: read in UTC each would run the period before.
        Instant afterSpringChange = nextFiring("0 30 0 ? * MON", "2026-03-28T00:00:00Z");
        assertThat(afterSpringChange).isEqualTo("2026-03-29T22:30:00Z"); // Mon 30 March 00:30 CEST, Sunday in UTC
        assertThat(period(ReportKind.WEEKLY, afterSpringChange)).isEqualTo("2026-W13"); // 23 .. 29 March, not W12

        Instant changeNight = nextFiring("0 30 0 * * ?", "2026-10-24T12:00:00Z");
        assertThat(changeNight).isEqualTo("2026-10-24T22:30:00Z"); // Sun 25 Oct 00:30 CEST, before 03:00 → 02:00
        assertThat(period(ReportKind.WEEKLY, changeNight)).isEqualTo("2026-W42"); // Sunday 25 is in W43, not complete
        Instant nightAfter = nextFiring("0 30 0 * * ?", "2026-10-25T12:00:00Z");
        assertThat(nightAfter).isEqualTo("2026-10-25T23:30:00Z"); // Mon 26 Oct 00:30 CET, a 25-hour day later
        assertThat(period(ReportKind.WEEKLY, nightAfter)).isEqualTo("2026-W43");

        Instant firstOfNovember = nextFiring("0 30 0 1 * ?", "2026-10-15T00:00:00Z");
        assertThat(firstOfNovember).isEqualTo("2026-10-31T23:30:00Z"); // 1 Nov 00:30 CET, still 31 Oct in UTC
        assertThat(period(ReportKind.MONTHLY, firstOfNovember)).isEqualTo("2026-10"); // not 2026-09

        Instant dayAfterCycle3 = nextFiring("0 30 0 * * ?", "2026-04-04T12:00:00Z");
        assertThat(dayAfterCycle3).isEqualTo("2026-04-04T22:30:00Z"); // 5 April 00:30 CEST
        assertThat(period(ReportKind.REVIEW, dayAfterCycle3)).isEqualTo("30d:2026-04-04"); // cycle 3, not cycle 2
    }

    @Test
    void theQuarterlyFiringOnTheSecondOfAprilJulyAndOctoberRunsTheQuarterBefore() {
        String cron = ScheduleSettings.defaultCron(ReportKind.QUARTERLY);
        Instant april = nextFiring(cron, "2026-03-15T00:00:00Z");
        assertThat(april).isEqualTo("2026-04-02T04:00:00Z"); // 2 April 06:00 CEST, summer time since 29 March
        assertThat(period(ReportKind.QUARTERLY, april)).isEqualTo("2026-Q1");
        Instant july = nextFiring(cron, april.toString());
        assertThat(july).isEqualTo("2026-07-02T04:00:00Z");
        assertThat(period(ReportKind.QUARTERLY, july)).isEqualTo("2026-Q2");
        Instant october = nextFiring(cron, july.toString());
        assertThat(october).isEqualTo("2026-10-02T04:00:00Z");
        assertThat(period(ReportKind.QUARTERLY, october)).isEqualTo("2026-Q3");
        // the monthly report of a quarter's last month ran the morning before
        assertThat(period(ReportKind.MONTHLY, nextFiring(ScheduleSettings.defaultCron(ReportKind.MONTHLY),
                july.minusSeconds(86_400 * 2).toString()))).isEqualTo("2026-06");
    }

    @Test
    void theSecondOfJanuaryRunsTheLastQuarterAndTheLastYear() {
        Instant quarterly = nextFiring(ScheduleSettings.defaultCron(ReportKind.QUARTERLY), "2026-11-01T00:00:00Z");
        Instant yearly = nextFiring(ScheduleSettings.defaultCron(ReportKind.YEARLY), "2026-11-01T00:00:00Z");
        assertThat(quarterly).isEqualTo("2027-01-02T05:00:00Z").isEqualTo(yearly); // 2 January 06:00 CET
        assertThat(period(ReportKind.QUARTERLY, quarterly)).isEqualTo("2026-Q4");
        assertThat(period(ReportKind.YEARLY, yearly)).isEqualTo("2026");
        // once a year: the firing after that is a year later
        assertThat(nextFiring(ScheduleSettings.defaultCron(ReportKind.YEARLY), yearly.toString()))
                .isEqualTo("2028-01-02T05:00:00Z");
    }

    @Test
    void aQuarterOrYearRunLateStillCoversTheOneBeforeItsScheduledDay() {
        // the 2 January firing, started on 5 January after downtime, reads its scheduled time
        Instant scheduled = Instant.parse("2027-01-02T05:00:00Z");
        assertThat(period(ReportKind.QUARTERLY, scheduled)).isEqualTo("2026-Q4");
        // 31 December 23:30 UTC is already 1 January in Berlin: 2026 and its fourth quarter have ended
        Instant newYear = Instant.parse("2026-12-31T23:30:00Z");
        assertThat(period(ReportKind.YEARLY, newYear)).isEqualTo("2026");
        assertThat(period(ReportKind.QUARTERLY, newYear)).isEqualTo("2026-Q4");
        assertThat(period(ReportKind.YEARLY, Instant.parse("2026-12-31T22:30:00Z"))).isEqualTo("2025");
    }

    @Test
    void quartersAndYearsMissedDuringDowntimeAreDueOldestFirst() {
        // 2025-Q3 ran last; the firing of 2 January 2027 catches up 2025-Q4 .. 2026-Q4
        var quarters = PERIODS.due(ReportingPeriod.parse("2026-Q4"), periods("2025-Q2", "2025-Q3"), 12, false, Mode.ALL);
        assertThat(ids(quarters.periods())).containsExactly("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
        var years = PERIODS.due(ReportingPeriod.parse("2026"), periods("2023"), 2, true, Mode.ALL);
        assertThat(ids(years.periods())).containsExactly("2025", "2026"); // a window of 2 years
        assertThat(ids(years.skipped())).containsExactly("2024");
    }

    @Test
    void theDailyReviewCheckRunsNothingUntilTheFirstCycleHasEnded() {
        assertThat(period(ReportKind.REVIEW, Instant.parse("2026-02-03T05:00:00Z"))).isEqualTo("none"); // its last day
        assertThat(period(ReportKind.REVIEW, Instant.parse("2026-02-04T05:00:00Z"))).isEqualTo("30d:2026-02-03");
        assertThat(period(ReportKind.REVIEW, Instant.parse("2026-02-20T05:00:00Z"))).isEqualTo("30d:2026-02-03");
    }

    @Test
    void aReportThatNeverRanRunsOnlyTheLatestPeriodAtItsFiringAndNothingAtStartUp() {
        ReportingPeriod w44 = ReportingPeriod.parse("2026-W44");
        assertThat(PERIODS.due(w44, Set.of(), 12, false, Mode.ALL).periods()).containsExactly(w44);
        assertThat(PERIODS.due(w44, Set.of(), 12, true, Mode.ALL).periods()).isEmpty();
    }

    @Test
    void afterItsFirstRegularFiringTheWeeksBeforeTheFirstCompletedOneAreHistoryNotCatchUp() {
        // W44 ran at the first firing; at W45's firing the 11 weeks before W44 in the window are not due
        var plan = PERIODS.due(ReportingPeriod.parse("2026-W45"), periods("2026-W44"), 12, false, Mode.ALL);
        assertThat(ids(plan.periods())).containsExactly("2026-W45");
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void afterDowntimeEveryMissedPeriodIsDueOnceOldestFirst() {
        var plan = PERIODS.due(ReportingPeriod.parse("2026-W44"), periods("2026-W40"), 12, true, Mode.ALL);
        assertThat(ids(plan.periods())).containsExactly("2026-W41", "2026-W42", "2026-W43", "2026-W44");
        assertThat(plan.skipped()).isEmpty();
        var upToDate = PERIODS.due(ReportingPeriod.parse("2026-10"), periods("2026-09", "2026-10"), 12, false, Mode.ALL);
        assertThat(upToDate.periods()).isEmpty();
        var acrossTheYear = PERIODS.due(ReportingPeriod.parse("2027-02"), periods("2026-11"), 12, false, Mode.ALL);
        assertThat(ids(acrossTheYear.periods())).containsExactly("2026-12", "2027-01", "2027-02");
    }

    @Test
    void weeksMissedDuringDowntimeRunAlthoughALaterWeekWasRunByHand() {
        // down W41..W44; W44 was run by hand before the restart in W45 (latest complete: W44)
        ReportingPeriod w44 = ReportingPeriod.parse("2026-W44");
        var plan = PERIODS.due(w44, periods("2026-W39", "2026-W40", "2026-W44"), 12, true, Mode.ALL);
        assertThat(ids(plan.periods())).containsExactly("2026-W41", "2026-W42", "2026-W43");
        assertThat(plan.skipped()).isEmpty();
        // once they have run, the next catch-up finds nothing
        var again = PERIODS.due(w44, periods("2026-W39", "2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44"),
                12, true, Mode.ALL);
        assertThat(again.periods()).isEmpty();
    }

    @Test
    void aFailedWeekRunsAgainAfterALaterWeekWasRunByHand() {
        // W42 failed (not completed), W43 was run by hand; W44's firing runs W42 and W44, not W43
        ReportingPeriod w44 = ReportingPeriod.parse("2026-W44");
        var plan = PERIODS.due(w44, periods("2026-W41", "2026-W43"), 12, false, Mode.ALL);
        assertThat(ids(plan.periods())).containsExactly("2026-W42", "2026-W44");
        assertThat(PERIODS.due(w44, periods("2026-W41", "2026-W42", "2026-W43", "2026-W44"), 12, false, Mode.ALL).periods())
                .isEmpty();
    }

    @Test
    void theCatchUpRunsAtMostTheLatestMaxPeriodsAndNamesTheOlderOnes() {
        var plan = PERIODS.due(ReportingPeriod.parse("2026-W44"), periods("2026-W30"), 3, true, Mode.ALL);
        assertThat(ids(plan.periods())).containsExactly("2026-W42", "2026-W43", "2026-W44");
        assertThat(plan.skipped()).hasSize(11); // W31 .. W41
        assertThat(plan.skipped().get(0).id()).isEqualTo("2026-W31");
        assertThat(plan.skipped().get(10).id()).isEqualTo("2026-W41");
    }

    @Test
    void theWindowCountsCompletedPeriodsToo() {
        // window of 3 up to W44: W42, W43 (done), W44; W35 (done) and W31..W41 without it are older
        var plan = PERIODS.due(ReportingPeriod.parse("2026-W44"), periods("2026-W30", "2026-W35", "2026-W43"), 3, true, Mode.ALL);
        assertThat(ids(plan.periods())).containsExactly("2026-W42", "2026-W44");
        assertThat(ids(plan.skipped())).containsExactly("2026-W31", "2026-W32", "2026-W33", "2026-W34", "2026-W36",
                "2026-W37", "2026-W38", "2026-W39", "2026-W40", "2026-W41"); // 11 weeks W31..W41 less W35: 10
    }

    @Test
    void byDefaultAStartAfterDowntimeRunsOnlyTheLatestMissedPeriodAndLeavesTheOlderOnesToBackfill() {
        // W40 ran last; down W41..W43, started in W44 (latest complete: W43)
        var plan = PERIODS.due(ReportingPeriod.parse("2026-W43"), periods("2026-W40"), 12, true, Mode.LATEST);
        assertThat(ids(plan.periods())).containsExactly("2026-W43");
        assertThat(ids(plan.left())).containsExactly("2026-W41", "2026-W42");
        assertThat(plan.skipped()).isEmpty();
        // once W43 has run, the next firing leaves W41 and W42 too: it never delivers one old week after another
        var next = PERIODS.due(ReportingPeriod.parse("2026-W43"), periods("2026-W40", "2026-W43"), 12, false,
                Mode.LATEST);
        assertThat(next.periods()).isEmpty();
        assertThat(ids(next.left())).containsExactly("2026-W41", "2026-W42");
        // W44 run by hand before the restart in W45: nothing runs, W41..W43 are left to backfill
        var byHand = PERIODS.due(ReportingPeriod.parse("2026-W44"), periods("2026-W40", "2026-W44"), 12, true,
                Mode.LATEST);
        assertThat(byHand.periods()).isEmpty();
        assertThat(ids(byHand.left())).containsExactly("2026-W41", "2026-W42", "2026-W43");
        // a window of 2: W41 is older than the window, W42 is left by the mode
        var window = PERIODS.due(ReportingPeriod.parse("2026-W43"), periods("2026-W40"), 2, true, Mode.LATEST);
        assertThat(ids(window.periods())).containsExactly("2026-W43");
        assertThat(ids(window.left())).containsExactly("2026-W42");
        assertThat(ids(window.skipped())).containsExactly("2026-W41");
    }

    @Test
    void withCatchUpNoneAStartRunsNothingMissedAndAFiringOnlyItsOwnPeriod() {
        ReportingPeriod w43 = ReportingPeriod.parse("2026-W43");
        var startUp = PERIODS.due(w43, periods("2026-W40"), 12, true, Mode.NONE);
        assertThat(startUp.periods()).isEmpty();
        assertThat(ids(startUp.left())).containsExactly("2026-W41", "2026-W42", "2026-W43");
        var firing = PERIODS.due(w43, periods("2026-W40"), 12, false, Mode.NONE);
        assertThat(ids(firing.periods())).containsExactly("2026-W43");
        assertThat(ids(firing.left())).containsExactly("2026-W41", "2026-W42");
    }

    @Test
    void theWarningNamesTheMissedPeriodsWhyAndTheBackfillCommandThatDeliversThem() {
        var plan = PERIODS.due(ReportingPeriod.parse("2026-W43"), periods("2026-W40"), 2, true, Mode.LATEST);
        List<ReportingPeriod> notRun = List.of(ReportingPeriod.parse("2026-W41"), ReportingPeriod.parse("2026-W42"));
        assertThat(ScheduledReports.notRun(ReportKind.WEEKLY, notRun, plan, Mode.LATEST, 2)).isEqualTo("weekly: 2"
                + " missed periods are not run by the scheduler (kpi.schedule.catch-up.mode is latest: only the latest complete"
                + " period runs; 1 of them older than the latest 2 (kpi.schedule.catch-up.max-periods)):"
                + " 2026-W41, 2026-W42. Run and deliver them with: kpi-pipeline backfill weekly --from 2026-W41"
                + " --to 2026-W42 --mail");
    }

    @Test
    void reviewCatchUpRunsWholeCyclesOnly() {
        var cycle4 = ReportingPeriod.parse("30d:2026-05-04");
        assertThat(ids(PERIODS.due(cycle4, periods("30d:2026-02-03"), 12, false, Mode.ALL).periods()))
                .containsExactly("30d:2026-03-05", "30d:2026-04-04", "30d:2026-05-04");
        // cycle 3 run by hand: cycle 2 and 4 are due
        assertThat(ids(PERIODS.due(cycle4, periods("30d:2026-02-03", "30d:2026-04-04"), 12, false, Mode.ALL).periods()))
                .containsExactly("30d:2026-03-05", "30d:2026-05-04");
    }

    private static Set<ReportingPeriod> periods(String... ids) {
        return Arrays.stream(ids).map(ReportingPeriod::parse).collect(Collectors.toSet());
    }

    private static List<String> ids(List<ReportingPeriod> periods) {
        return periods.stream().map(ReportingPeriod::id).toList();
    }
}
