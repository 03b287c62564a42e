package io.kpipeline.report;

import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.time.LocalDate;

/**
 * What a report job renders and delivers: the report, its period, and whether it is the period's
 * report or a preliminary one. A preliminary report covers a period that has not ended, or has no data
 * yet, with the data up to a day; every output says so, so that it cannot be taken for the final one
 * (kpi-vocabulary.md, "Periods").
 *
 * @param report          the report
 * @param period          the period reported on
 * @param preliminaryUpTo for a preliminary report the last day of data it shows; null for the period's report
 */
public record Edition(ReportKind report, ReportingPeriod period, LocalDate preliminaryUpTo) {

    /** The report of a period that has ended. */
    public static Edition of(ReportKind report, ReportingPeriod period) {
        return new Edition(report, period, null);
    }

    /** A preliminary report of the period with the data up to {@code upTo}. */
    public static Edition preliminary(ReportKind report, ReportingPeriod period, LocalDate upTo) {
        return new Edition(report, period, upTo);
    }

    public boolean isPreliminary() {
        return preliminaryUpTo != null;
    }

    /** The only date a PDF carries: the period's last day, or for a preliminary report the last day of its data. */
    public LocalDate documentDate() {
        return isPreliminary() ? preliminaryUpTo : period.last();
    }
}
