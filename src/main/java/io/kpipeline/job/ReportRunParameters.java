package io.kpipeline.job;

import io.kpipeline.delivery.DeliveryOptions;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of a report's run, typed: what {@link ReportRunner} starts a run with and each step reads,
 * once per step execution (see {@link ReportJobConfiguration#reportRunParameters}). The identifying parameters
 * are the business key: report, period and the run number of that period, and for a preliminary report the last
 * day of its data, so that a preliminary run is never a run of the period's report.
 *
 * @param report          the report
 * @param period          the period reported on
 * @param run             the run number of the period: 1, and the next for each completed run before
 * @param out             the folder the run writes kpi-results.csv and its PDFs into
 * @param preliminaryUpTo for a preliminary report the last day of its data; null for the period's report
 * @param delivery        whether and how the deliver step mails
 */
record ReportRunParameters(ReportKind report, ReportingPeriod period, long run, Path out, LocalDate preliminaryUpTo,
        DeliveryOptions delivery) {

    static final String REPORT = "report";
    static final String PERIOD = "period";
    static final String RUN = "run";
    /**
     * Identifying, and only on a preliminary run: the last day of data it reports, e.g. {@code 2026-12-02}
     * (CompletedPeriods leaves such runs out).
     */
    static final String PRELIMINARY = "preliminary";
    static final String OUT = "out";
    /** Non-identifying: "true" or "false". */
    static final String MAIL = "mail";
    static final String RESEND = "resend";
    static final String FORCE = "force";

    /** Reads the parameters a run was started with ({@link #jobParameters}). */
    static ReportRunParameters of(JobParameters parameters) {
        String report = parameters.getString(REPORT);
        String upTo = parameters.getString(PRELIMINARY);
        return new ReportRunParameters(
                ReportKind.byKey(report).orElseThrow(() -> new IllegalArgumentException("No report " + report)),
                ReportingPeriod.parse(parameters.getString(PERIOD)), parameters.getLong(RUN),
                Path.of(parameters.getString(OUT)), upTo == null ? null : LocalDate.parse(upTo),
                new DeliveryOptions(!"false".equals(parameters.getString(MAIL)),
                        "true".equals(parameters.getString(RESEND)), "true".equals(parameters.getString(FORCE))));
    }

    /** The job parameters of the run, recording {@code owner} as the process that runs it. */
    JobParameters jobParameters(RunOwner owner) {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(REPORT, report.key())
                .addString(PERIOD, period.id())
                .addLong(RUN, run);
        if (preliminaryUpTo != null) {
            builder.addString(PRELIMINARY, preliminaryUpTo.toString());
        }
        return builder
                .addString(OUT, out.toAbsolutePath().toString(), false)
                .addString(MAIL, Boolean.toString(delivery.mail()), false)
                .addString(RESEND, Boolean.toString(delivery.resend()), false)
                .addString(FORCE, Boolean.toString(delivery.force()), false)
                .addString(RunOwner.PARAMETER, owner.text(), false)
                .toJobParameters();
    }

    /** The report and period of the run, preliminary when it has the {@value #PRELIMINARY} parameter. */
    Edition edition() {
        return preliminaryUpTo == null ? Edition.of(report, period) : Edition.preliminary(report, period, preliminaryUpTo);
    }
}
