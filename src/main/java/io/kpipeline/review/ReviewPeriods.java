package io.kpipeline.review;

import io.kpipeline.period.ReportingPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods a 30-day review reads besides its cycle. <b>Checkpoints</b>: the 30 days ending on
 * day 7, 14, 21 and 28 of the cycle, each on the same scale as the cycle and its target (a
 * weekly look at the 30-day value; the baseline is the 30 days before the cycle, the current
 * value the cycle itself). <b>Weeks</b>: the last ISO weeks ending on or before the cycle's last
 * day, whose values show which KPIs move together.
 */
public final class ReviewPeriods {

    /** Checkpoints per cycle, one a week. */
    public static final int CHECKPOINTS = 4;

    private ReviewPeriods() {
    }

    /** The 30 days ending on day 7, 14, 21 and 28 of the cycle, in that order. */
    public static List<ReportingPeriod> checkpoints(ReportingPeriod cycle) {
        List<ReportingPeriod> checkpoints = new ArrayList<>();
        for (int k = 1; k <= CHECKPOINTS; k++) {
            checkpoints.add(ReportingPeriod.rolling30Days(checkpointDay(cycle, k)));
        }
        return checkpoints;
    }

    /** The last day of checkpoint {@code k} (1..4): day {@code 7k} of the cycle. */
    public static LocalDate checkpointDay(ReportingPeriod cycle, int k) {
        return cycle.start().plusDays(7L * k - 1);
    }

    /** The {@code count} ISO weeks ending on or before the cycle's last day, oldest first. */
    public static List<ReportingPeriod> weeks(ReportingPeriod cycle, int count) {
        ReportingPeriod week = ReportingPeriod.weekOf(cycle.last());
        if (week.last().isAfter(cycle.last())) {
            week = week.previous();
        }
        return week.trend(count);
    }

    /** Every period the review computes besides those of the cycle's own comparison: checkpoints, then weeks. */
    public static List<ReportingPeriod> all(ReportingPeriod cycle, int weeks) {
        List<ReportingPeriod> all = new ArrayList<>(checkpoints(cycle));
        all.addAll(weeks(cycle, weeks));
        return all;
    }
}
