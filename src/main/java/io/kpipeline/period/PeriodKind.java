package io.kpipeline.period;

/**
 * The kinds of reporting period, each with the length of the trend its values are shown in
 * (kpi-vocabulary.md, "Periods"): 13 weeks, months or 30-day periods, 8 quarters, 5 years.
 */
public enum PeriodKind {
    /** An ISO week, Monday to Sunday, e.g. {@code 2026-W44}. */
    WEEK(13),
    /** A calendar month, e.g. {@code 2026-10}. */
    MONTH(13),
    /** A calendar quarter, e.g. {@code 2026-Q4}. */
    QUARTER(8),
    /** A calendar year, e.g. {@code 2026}. */
    YEAR(5),
    /** The 30 days ending on a day, e.g. {@code 30d:2026-10-31} for 2026-10-02 to 2026-10-31. */
    ROLLING_30_DAYS(13);

    private final int trendPeriods;

    PeriodKind(int trendPeriods) {
        this.trendPeriods = trendPeriods;
    }

    /** How many periods a trend of this kind holds: the period itself and the ones before it. */
    public int trendPeriods() {
        return trendPeriods;
    }
}
