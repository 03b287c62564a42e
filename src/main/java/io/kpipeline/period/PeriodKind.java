package io.kpipeline.period;

/** The kinds of reporting period. */
public enum PeriodKind {
    /** An ISO week, Monday to Sunday, e.g. {@code 2026-W44}. */
    WEEK,
    /** A calendar month, e.g. {@code 2026-10}. */
    MONTH,
    /** A calendar quarter, e.g. {@code 2026-Q4}. */
    QUARTER,
    /** A calendar year, e.g. {@code 2026}. */
    YEAR,
    /** The 30 days ending on a day, e.g. {@code 30d:2026-10-31} for 2026-10-02 to 2026-10-31. */
    ROLLING_30_DAYS
}
