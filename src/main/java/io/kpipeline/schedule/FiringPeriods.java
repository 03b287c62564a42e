package io.kpipeline.schedule;

import io.kpipeline.period.PeriodKind;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.period.ReviewCycle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which periods a firing of a report's trigger runs. The period follows from the trigger's
 * <em>scheduled</em> fire time read in the report's zone, never from the time the job happens to
 * run, so that a late firing still runs the period it was meant for; of the periods among the latest
 * {@code maxPeriods} that have not completed, the catch-up mode says which run too, oldest first.
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
     * The periods to run, oldest first, and the missing ones left to {@code backfill}. Missing are the periods
     * of the last {@code maxPeriods} up to {@code latest} that have not completed, however they came to be
     * missing (downtime, a failure, a later period run by hand); {@code mode} says which of them run: all,
     * only {@code latest}, or none (a regular firing then still runs {@code latest}, its own period). Only periods
     * after the report's first completed one count: what lies before it is history, left to {@code backfill}.
     * Without a completed period the report has never run: a regular firing then runs only {@code latest}, a
     * start-up catch-up runs nothing.
     *
     * @param completed the report's completed periods (review: whole cycles only) up to {@code latest}
     */
    Plan due(ReportingPeriod latest, Set<ReportingPeriod> completed, int maxPeriods, boolean startUp,
            ScheduleSettings.Mode mode) {
        Optional<ReportingPeriod> first = completed.stream().min(Comparator.comparing(ReportingPeriod::start));
        if (first.isEmpty()) {
            return new Plan(startUp ? List.of() : List.of(latest), List.of(), List.of());
        }
        List<ReportingPeriod> missed = new ArrayList<>();
        List<ReportingPeriod> skipped = new ArrayList<>();
        int position = 0;
        for (ReportingPeriod p = latest; p.start().isAfter(first.get().start()) && inRange(p); p = p.previous()) {
            if (!completed.contains(p)) {
                (position < maxPeriods ? missed : skipped).add(0, p);
            }
            position++;
        }
        List<ReportingPeriod> run = switch (mode) {
            case ALL -> missed;
            // the latest period only, never an older one: else each firing would deliver one more old period
            case LATEST -> missed.contains(latest) ? List.of(latest) : List.of();
            case NONE -> !startUp && missed.contains(latest) ? List.of(latest) : List.of();
        };
        List<ReportingPeriod> left = missed.stream().filter(p -> !run.contains(p)).toList();
        return new Plan(List.copyOf(run), List.copyOf(skipped), left);
    }

    private boolean inRange(ReportingPeriod p) {
        return p.kind() != PeriodKind.ROLLING_30_DAYS || cycle.isCycle(p);
    }

    /**
     * @param periods the periods to run, oldest first
     * @param skipped missing periods older than the latest {@code maxPeriods} (and after the first completed
     *                one), left to {@code backfill}, oldest first
     * @param left    missing periods within the latest {@code maxPeriods} that the catch-up mode does not run,
     *                left to {@code backfill}, oldest first
     */
    record Plan(List<ReportingPeriod> periods, List<ReportingPeriod> skipped, List<ReportingPeriod> left) {
    }
}
