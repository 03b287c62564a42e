package io.kpipeline.period;

import java.time.LocalDate;

/**
 * The 30-day KPI review cycles: consecutive 30-day periods from a configured first day
 * ({@code kpi.reports.review.cycle-start}). Cycle 1 is {@code start .. start + 29 days}, cycle 2
 * the 30 days after it, and so on.
 *
 * @param start the first day of the first cycle
 */
public record ReviewCycle(LocalDate start) {

    public static final int DAYS = 30;

    /** The cycle the day falls in; days before the first cycle have none. */
    public ReportingPeriod containing(LocalDate day) {
        if (day.isBefore(start)) {
            throw new IllegalArgumentException(day + " is before the first review cycle, which starts on " + start);
        }
        long index = (day.toEpochDay() - start.toEpochDay()) / DAYS;
        return cycle(index);
    }

    /** The latest cycle whose last day is before {@code today}: the one a review covers on {@code today}. */
    public ReportingPeriod latestComplete(LocalDate today) {
        ReportingPeriod first = cycle(0);
        if (today.isBefore(first.end())) {
            throw new IllegalArgumentException("the first review cycle, " + start + " to " + first.last()
                    + ", is not complete before " + first.end());
        }
        return containing(today).previous();
    }

    /** 1 for the cycle starting on {@code start}, 2 for the next, … */
    public long number(ReportingPeriod cycle) {
        return (cycle.start().toEpochDay() - start.toEpochDay()) / DAYS + 1;
    }

    /** Whether the period is one of the cycles, not just any 30 days. */
    public boolean isCycle(ReportingPeriod period) {
        return period.kind() == PeriodKind.ROLLING_30_DAYS && !period.start().isBefore(start)
                && (period.start().toEpochDay() - start.toEpochDay()) % DAYS == 0;
    }

    private ReportingPeriod cycle(long index) {
        LocalDate first = start.plusDays(index * DAYS);
        return new ReportingPeriod(PeriodKind.ROLLING_30_DAYS, first, first.plusDays(DAYS));
    }
}
