package io.kpipeline.period;

import java.util.Locale;
import java.util.Optional;

/**
 * The reports the pipeline produces, each over its own kind of period. Stored, printed and configured by its
 * {@link #key()}: {@code kpi_result.report}, the delivery ledger, the folders under {@code reports/} and the
 * {@code kpi.reports.<key>} settings.
 */
public enum ReportKind {
    /** Wochenbericht: the latest ISO week. */
    WEEKLY(PeriodKind.WEEK),
    /** Management-Report of a month. */
    MONTHLY(PeriodKind.MONTH),
    /** Management-Report of a calendar quarter, for the management. */
    QUARTERLY(PeriodKind.QUARTER),
    /** Management-Report of a calendar year, for the management. */
    YEARLY(PeriodKind.YEAR),
    /** 30-Tage-Review: the 30 days of a review cycle. */
    REVIEW(PeriodKind.ROLLING_30_DAYS);

    private final PeriodKind periodKind;

    ReportKind(PeriodKind periodKind) {
        this.periodKind = periodKind;
    }

    public PeriodKind periodKind() {
        return periodKind;
    }

    /** {@code weekly}, {@code monthly}, {@code quarterly}, {@code yearly}, {@code review}: the name in commands, folders and results. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The report whose {@link #key()} is {@code key}, e.g. {@code monthly}; empty for any other text. */
    public static Optional<ReportKind> byKey(String key) {
        for (ReportKind kind : values()) {
            if (kind.key().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
