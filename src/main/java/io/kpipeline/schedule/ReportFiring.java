package io.kpipeline.schedule;

import io.kpipeline.period.ReportKind;
import java.time.ZoneId;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of a report: one firing runs the periods due ({@link ScheduledReports}). Never two
 * firings of the same report at once, in the whole cluster; when the scheduler shuts down, the running
 * period finishes and the rest waits for the next start.
 */
@DisallowConcurrentExecution
class ReportFiring implements InterruptableJob {

    /** Job data: the {@link ReportKind} name. */
    static final String REPORT = "report";
    /** Trigger data: the zone the cron expression is read in, and so the zone of the period's day. */
    static final String ZONE = "zone";
    /** Trigger data: "true" for the catch-up queued at start-up. */
    static final String START_UP = "startUp";

    private static final Logger log = LoggerFactory.getLogger(ReportFiring.class);

    private final ScheduledReports reports;
    private volatile boolean stopping;

    ReportFiring(ScheduledReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        // read from the context, not through setters: Boot's job factory does not call those reliably
        JobDataMap data = context.getMergedJobDataMap();
        ReportKind report = ReportKind.valueOf(data.getString(REPORT));
        try {
            if (context.isRecovering()) {
                reports.recoverAbandoned(report);
            }
            reports.fire(report, context.getScheduledFireTime().toInstant(), ZoneId.of(data.getString(ZONE)),
                    Boolean.parseBoolean(data.getString(START_UP)), () -> stopping);
        } catch (RuntimeException e) {
            log.error("{}: {} The scheduler runs it again at the next firing or start; `kpi-pipeline run {}"
                    + " --period <period>` resumes it now.", report.key(), e.getMessage(), report.key());
            log.debug("{}: the full trace", report.key(), e);
            throw new JobExecutionException(e.getMessage(), e, false);
        }
    }

    /** Scheduler.interrupt(jobKey): finish the running period, start no other (shutdown is seen by ScheduledReports). */
    @Override
    public void interrupt() {
        stopping = true;
    }
}
