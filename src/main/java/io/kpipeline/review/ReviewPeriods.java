package io.kpipeline.review;

import io.kpipeline.period.ReportingPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The periods a 30-day review reads besides its cycle. <b>Checkpoints</b>: the 30 days ending on
 * day 7, 14, 21 and 28 of the cycle, each on the same scale as the cycle and its target (a
 * weekly look at the 30-day value; the baseline is the 30 days before the cycle, the current
 * value the cycle itself). <b>History</b>: the 30 days ending every 7 days back from the cycle's
 * last day over 13 weeks, what the KPI has shown on the target's scale; a projection outside it
 * (widened by half its span) is not printed. <b>Weeks</b>: the last ISO weeks ending on or before
 * the cycle's last day, whose values show which KPIs move together.
 */
public final class ReviewPeriods {

    /** Checkpoints per cycle, one a week. */
    public static final int CHECKPOINTS = 4;

    /** Weeks of history, the cycle's own week included. */
    public static final int HISTORY_WEEKS = 13;

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

    /**
     * The 30 days ending on the cycle's last day − 7k for k = 12 … 0, oldest first: the last of them is
     * the cycle itself.
     */
    public static List<ReportingPeriod> history(ReportingPeriod cycle) {
        List<ReportingPeriod> history = new ArrayList<>();
        for (int k = HISTORY_WEEKS - 1; k >= 0; k--) {
            history.add(ReportingPeriod.rolling30Days(cycle.last().minusDays(7L * k)));
        }
        return history;
    }

    /** The {@code count} ISO weeks ending on or before the cycle's last day, oldest first. */
    public static List<ReportingPeriod> weeks(ReportingPeriod cycle, int count) {
        ReportingPeriod week = ReportingPeriod.weekOf(cycle.last());
        if (week.last().isAfter(cycle.last())) {
            week = week.previous();
        }
        return week.trend(count);
    }

    /**
     * Every period the review computes besides the cycle and those of its own comparison: checkpoints,
     * history (without the cycle), then weeks, each once.
     */
    public static List<ReportingPeriod> all(ReportingPeriod cycle, int weeks) {
        Set<ReportingPeriod> all = new LinkedHashSet<>(checkpoints(cycle));
        all.addAll(history(cycle));
        all.remove(cycle);
        all.addAll(weeks(cycle, weeks));
        return List.copyOf(all);
    }
}
