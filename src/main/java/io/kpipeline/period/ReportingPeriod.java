package io.kpipeline.period;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: the half-open interval {@code [start 00:00, end 00:00)} of business-local
 * time (data-model.md), so that something happened "in P" when {@code start <= t < end}. Days are
 * calendar days of the business time zone; since the data's timestamps are stored as local time,
 * a period needs no time zone arithmetic, only "today" does ({@link #latestComplete}).
 *
 * @param kind  the kind of period
 * @param start the first day
 * @param end   the day after the last day
 */
public record ReportingPeriod(PeriodKind kind, LocalDate start, LocalDate end) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern ROLLING = Pattern.compile("30d:(\\d{4}-\\d{2}-\\d{2})");

    public ReportingPeriod {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A period ends after it starts: " + start + " .. " + end);
        }
    }

    /**
     * Reads {@code 2026-W44}, {@code 2026-10}, {@code 2026-Q4}, {@code 2026} or {@code 30d:2026-10-31}.
     *
     * @throws IllegalArgumentException with a message that shows the accepted forms
     */
    public static ReportingPeriod parse(String text) {
        String t = text.strip();
        try {
            Matcher m;
            if ((m = WEEK.matcher(t)).matches()) {
                return isoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = MONTH.matcher(t)).matches()) {
                return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if ((m = QUARTER.matcher(t)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YEAR.matcher(t)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
            if ((m = ROLLING.matcher(t)).matches()) {
                return rolling30Days(LocalDate.parse(m.group(1)));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a period: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a period; write 2026-W44 (ISO week), 2026-10"
                + " (month), 2026-Q4 (quarter), 2026 (year) or 30d:2026-10-31 (30 days ending that day).");
    }

    public static ReportingPeriod isoWeek(int weekBasedYear, int week) {
        LocalDate monday = LocalDate.of(weekBasedYear, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1)
                .with(DayOfWeek.MONDAY);
        int weeks = (int) monday.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(weekBasedYear + " has ISO weeks 1 to " + weeks + ", not " + week);
        }
        LocalDate start = monday.plusWeeks(week - 1L);
        return new ReportingPeriod(PeriodKind.WEEK, start, start.plusWeeks(1));
    }

    public static ReportingPeriod weekOf(LocalDate day) {
        LocalDate start = day.with(DayOfWeek.MONDAY);
        return new ReportingPeriod(PeriodKind.WEEK, start, start.plusWeeks(1));
    }

    public static ReportingPeriod month(YearMonth month) {
        return new ReportingPeriod(PeriodKind.MONTH, month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public static ReportingPeriod quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new ReportingPeriod(PeriodKind.QUARTER, start, start.plusMonths(3));
    }

    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(PeriodKind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** The 30 days ending on {@code last}, {@code last} included. */
    public static ReportingPeriod rolling30Days(LocalDate last) {
        return new ReportingPeriod(PeriodKind.ROLLING_30_DAYS, last.minusDays(29), last.plusDays(1));
    }

    /** The period of {@code kind} containing {@code day} (for rolling periods: the 30 days ending on it). */
    public static ReportingPeriod containing(PeriodKind kind, LocalDate day) {
        return switch (kind) {
            case WEEK -> weekOf(day);
            case MONTH -> month(YearMonth.from(day));
            case QUARTER -> quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
            case YEAR -> year(day.getYear());
            case ROLLING_30_DAYS -> rolling30Days(day);
        };
    }

    /**
     * The latest period of {@code kind} that has ended by {@code today} (today itself is not complete):
     * for a week, last week; for a month, last month; for rolling 30 days, the 30 days up to yesterday.
     */
    public static ReportingPeriod latestComplete(PeriodKind kind, LocalDate today) {
        return kind == PeriodKind.ROLLING_30_DAYS ? rolling30Days(today.minusDays(1))
                : containing(kind, today).previous();
    }

    /**
     * Whether the period has ended by {@code today}: {@code end <= today}, so its last day lies before
     * today. A report covers a period only then (kpi-vocabulary.md, "Periods").
     */
    public boolean hasEnded(LocalDate today) {
        return !end.isAfter(today);
    }

    /** The last day in the period ({@code end − 1 day}). */
    public LocalDate last() {
        return end.minusDays(1);
    }

    /** {@code start} at 00:00, for comparisons with timestamps. */
    public LocalDateTime startTime() {
        return start.atStartOfDay();
    }

    /** {@code end} at 00:00, the first instant no longer in the period. */
    public LocalDateTime endTime() {
        return end.atStartOfDay();
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    /** The period of the same kind just before this one. */
    public ReportingPeriod previous() {
        return switch (kind) {
            case WEEK -> new ReportingPeriod(kind, start.minusWeeks(1), start);
            case MONTH -> new ReportingPeriod(kind, start.minusMonths(1), start);
            case QUARTER -> new ReportingPeriod(kind, start.minusMonths(3), start);
            case YEAR -> new ReportingPeriod(kind, start.minusYears(1), start);
            case ROLLING_30_DAYS -> rolling30Days(start.minusDays(1));
        };
    }

    /** The period of the same kind just after this one (for 30 days: the 30 days after it). */
    public ReportingPeriod next() {
        return switch (kind) {
            case WEEK -> new ReportingPeriod(kind, end, end.plusWeeks(1));
            case MONTH -> new ReportingPeriod(kind, end, end.plusMonths(1));
            case QUARTER -> new ReportingPeriod(kind, end, end.plusMonths(3));
            case YEAR -> new ReportingPeriod(kind, end, end.plusYears(1));
            case ROLLING_30_DAYS -> rolling30Days(last().plusDays(30));
        };
    }

    /**
     * The same period one year earlier: the ISO week with the same number, the same month, quarter
     * or year (for a year that is the previous one), or the 30 days ending on the same day a year
     * earlier (28 February for a 29 February). Empty for ISO week 53 when the year before had 52
     * weeks: that week has no counterpart, and week 52 is another week (kpi-vocabulary.md).
     */
    public Optional<ReportingPeriod> sameLastYear() {
        return switch (kind) {
            case WEEK -> {
                int year = start.get(IsoFields.WEEK_BASED_YEAR) - 1;
                int week = start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                int weeks = (int) LocalDate.of(year, 7, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
                yield week > weeks ? Optional.empty() : Optional.of(isoWeek(year, week));
            }
            case MONTH, QUARTER, YEAR -> Optional.of(new ReportingPeriod(kind, start.minusYears(1), end.minusYears(1)));
            case ROLLING_30_DAYS -> Optional.of(rolling30Days(last().minusYears(1)));
        };
    }

    /** This period and the periods of its kind before it, as many as {@link PeriodKind#trendPeriods()}, oldest first. */
    public List<ReportingPeriod> trend() {
        return trend(kind.trendPeriods());
    }

    /** This period and the {@code count − 1} periods of the same kind before it, oldest first. */
    public List<ReportingPeriod> trend(int count) {
        List<ReportingPeriod> periods = new ArrayList<>();
        ReportingPeriod p = this;
        for (int i = 0; i < count; i++) {
            periods.add(0, p);
            p = p.previous();
        }
        return periods;
    }

    /** The ids of {@code periods}, at most ten of them and "…" for the rest: for a line of text. */
    public static String ids(List<ReportingPeriod> periods) {
        String ids = periods.stream().limit(10).map(ReportingPeriod::id).collect(Collectors.joining(", "));
        return periods.size() > 10 ? ids + ", …" : ids;
    }

    /** The period's name as {@link #parse} reads it: {@code 2026-W44}, {@code 2026-10}, … */
    public String id() {
        return switch (kind) {
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> String.format(Locale.ROOT, "%d-Q%d", start.getYear(), start.get(IsoFields.QUARTER_OF_YEAR));
            case YEAR -> Integer.toString(start.getYear());
            case ROLLING_30_DAYS -> "30d:" + last();
        };
    }

    @Override
    public String toString() {
        return id() + " [" + start + " .. " + last() + "]";
    }
}
