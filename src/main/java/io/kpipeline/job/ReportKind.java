package io.kpipeline.job;

import io.kpipeline.period.PeriodKind;
import java.util.Locale;

/** The reports the pipeline produces, each over its own kind of period. */
public enum ReportKind {
    /** Wochenbericht: the latest ISO week. */
    WEEKLY(PeriodKind.WEEK),
    /** Management-Report: the latest month. */
    MONTHLY(PeriodKind.MONTH),
    /** 30-Tage-Review: the 30 days of a review cycle. */
    REVIEW(PeriodKind.ROLLING_30_DAYS);

    private final PeriodKind periodKind;

    ReportKind(PeriodKind periodKind) {
        this.periodKind = periodKind;
    }

    public PeriodKind periodKind() {
        return periodKind;
    }

    /** {@code weekly}, {@code monthly}, {@code review}: the name in commands, folders and results. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Batch job of this report. */
    public String jobName() {
        return key() + "ReportJob";
    }
}
