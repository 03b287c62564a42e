package io.kpipeline.schedule;

import io.kpipeline.job.ReportKind;
import io.kpipeline.period.PeriodKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.period.ReviewCycle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which periods a firing of a report's trigger runs. The period follows from the trigger's
 * <em>scheduled</em> fire time read in the report's zone, never from the time the job happens to
 * run, so that a late firing still runs the period it was meant for; the periods missed since the
 * last one that completed run too, oldest first, at most {@code maxPeriods} of them.
 *
 * @param cycle the 30-day review cycles
 */
record FiringPeriods(ReviewCycle cycle) {

    /**
     * The latest period of the report complete on the day of {@code scheduledFireTime} in {@code zone}
     * (as {@code ReportRunner.latestComplete}); empty for the review before its first cycle has ended.
     */
    Optional<ReportingPeriod> latestComplete(ReportKind report, Instant scheduledFireTime, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(scheduledFireTime, zone);
        if (report != ReportKind.REVIEW) {
            return Optional.of(ReportingPeriod.latestComplete(report.periodKind(), day));
        }
        if (day.isBefore(cycle.start().plusDays(ReviewCycle.DAYS))) {
            return Optional.empty();
        }
        return Optional.of(cycle.latestComplete(day));
    }

    /**
     * The periods to run, oldest first: those after {@code lastCompleted} up to {@code latest}, the
     * latest {@code maxPeriods} of them. Without a completed period the report has never run: a
     * regular firing then runs only {@code latest}, a start-up catch-up runs nothing.
     */
    Plan due(ReportingPeriod latest, Optional<ReportingPeriod> lastCompleted, int maxPeriods, boolean startUp) {
        if (lastCompleted.isEmpty()) {
            return new Plan(startUp ? List.of() : List.of(latest), List.of());
        }
        List<ReportingPeriod> missed = new ArrayList<>();
        List<ReportingPeriod> skipped = new ArrayList<>();
        for (ReportingPeriod p = latest; p.start().isAfter(lastCompleted.get().start()) && inRange(p); p = p.previous()) {
            if (missed.size() < maxPeriods) {
                missed.add(0, p);
            } else {
                skipped.add(0, p);
            }
        }
        return new Plan(List.copyOf(missed), List.copyOf(skipped));
    }

    private boolean inRange(ReportingPeriod p) {
        return p.kind() != PeriodKind.ROLLING_30_DAYS || cycle.isCycle(p);
    }

    /**
     * @param periods the periods to run, oldest first
     * @param skipped missed periods older than those, beyond the catch-up limit, oldest first
     */
    record Plan(List<ReportingPeriod> periods, List<ReportingPeriod> skipped) {
    }
}
