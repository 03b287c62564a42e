package io.kpipeline.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;

/**
 * The generated period and the rhythm of a German B2B business in it: weekdays busy, weekends
 * quiet, August and the days around Christmas slow, spring and autumn strong.
 */
final class BusinessCalendar {

    private static final double[] MONTH_FACTOR = {1.0, 1.05, 1.2, 1.15, 1.1, 0.95, 0.85, 0.55, 1.1, 1.2, 1.1, 0.85};

    final LocalDate from;
    final LocalDate to;
    final LocalDateTime start;
    final LocalDateTime end;

    BusinessCalendar(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
        this.start = from.atStartOfDay();
        this.end = to.atTime(23, 59, 59);
    }

    boolean inPeriod(LocalDateTime t) {
        return t != null && !t.isBefore(start) && !t.isAfter(end);
    }

    boolean inPeriod(LocalDate d) {
        return !d.isBefore(from) && !d.isAfter(to);
    }

    /** {@code t}, or {@code null} when it lies after the end of the period. */
    LocalDateTime orNull(LocalDateTime t) {
        return t == null || t.isAfter(end) ? null : t;
    }

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Relative business activity on a day: season times weekday. */
    static double activity(LocalDate d) {
        double season = MONTH_FACTOR[d.getMonthValue() - 1];
        if ((d.getMonth() == Month.DECEMBER && d.getDayOfMonth() >= 22)
                || (d.getMonth() == Month.JANUARY && d.getDayOfMonth() <= 2)) {
            season = 0.25;
        }
        double weekday = switch (d.getDayOfWeek()) {
            case MONDAY, TUESDAY -> 1.1;
            case WEDNESDAY -> 1.05;
            case THURSDAY -> 1.0;
            case FRIDAY -> 0.8;
            case SATURDAY -> 0.12;
            case SUNDAY -> 0.08;
        };
        return season * weekday;
    }

    /** The day itself, or the Monday after when it falls on a weekend. */
    static LocalDate nextWorkday(LocalDate d) {
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.plusDays(2);
            case SUNDAY -> d.plusDays(1);
            default -> d;
        };
    }

    /** A time between 08:00 and 18:00 on the workday {@code d} or the next one. */
    static LocalDateTime workTime(LocalDate d, Rng rng) {
        return LocalDateTime.of(nextWorkday(d), LocalTime.ofSecondOfDay(8 * 3600 + rng.between(0, 10 * 3600 - 1)));
    }

    /**
     * A working-hours time some days after {@code t} (uniform in [minDays, maxDays]), always
     * strictly after {@code t}.
     */
    static LocalDateTime workTimeAfter(LocalDateTime t, double minDays, double maxDays, Rng rng) {
        LocalDate day = t.toLocalDate().plusDays(Math.round(rng.uniform(minDays, maxDays)));
        LocalDateTime candidate = workTime(day, rng);
        if (!candidate.isAfter(t)) {
            candidate = t.plusMinutes(rng.between(20, 180));
        }
        return candidate;
    }
}
