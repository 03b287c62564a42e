package io.kpipeline.job;

import io.kpipeline.period.ReportKind;

/** The Spring Batch job of each report, by the name its runs are recorded under ({@code weeklyReportJob}, …). */
public final class ReportJobs {

    private ReportJobs() {
    }

    /** {@code weeklyReportJob}, {@code monthlyReportJob}, …: the bean and the job name of the report's runs. */
    public static String name(ReportKind report) {
        return report.key() + "ReportJob";
    }
}
