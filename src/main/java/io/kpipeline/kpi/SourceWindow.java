package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.time.LocalDate;

/**
 * The rows of one source table a computation of a period reads: those dated in {@code [from, to)}, by any of
 * their date columns. An end left {@code null} is open: the computation can see rows dated however early or
 * late on that side (a first customer date reads the whole history, a lead's first contact may come after the
 * period). A stored computation stays valid while no row in its windows has changed.
 *
 * @param table a canonical table name
 * @param from  the first day, or {@code null}: every earlier row
 * @param to    the first day after, or {@code null}: every later row
 */
public record SourceWindow(String table, LocalDate from, LocalDate to) {

    /** The rows dated in the period. */
    static SourceWindow in(String table, ReportingPeriod period) {
        return new SourceWindow(table, period.start(), period.end());
    }

    /** The rows dated before the period's end, however early: state as of its last day. */
    static SourceWindow upTo(String table, ReportingPeriod period) {
        return new SourceWindow(table, null, period.end());
    }

    /** Every row, whatever its dates. */
    static SourceWindow all(String table) {
        return new SourceWindow(table, null, null);
    }
}
