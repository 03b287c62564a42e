package io.kpipeline.schedule;

import io.kpipeline.ingest.ImportListener;
import io.kpipeline.sync.SourceSync;
import io.kpipeline.sync.SyncReport;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of a source database: one firing syncs it ({@link SourceSync}), never two at once in the
 * cluster. A failed sync leaves the ledger where it was; the next firing reads from there.
 */
@DisallowConcurrentExecution
class SourceSyncFiring implements Job {

    /** Job data: the source's name under kpi.sources. */
    static final String SOURCE = "source";

    private static final Logger log = LoggerFactory.getLogger(SourceSyncFiring.class);

    private final SourceSync sync;

    SourceSyncFiring(SourceSync sync) {
        this.sync = sync;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String source = context.getMergedJobDataMap().getString(SOURCE);
        try {
            SyncReport report = sync.sync(source, ImportListener.none());
            if (report.succeeded()) {
                report.lines().forEach(log::info);
            } else {
                report.lines().forEach(log::warn);
            }
        } catch (RuntimeException e) {
            log.error("sync {}: {} The next firing tries again; `kpi-pipeline sync --source {}` does now.", source,
                    e.getMessage(), source);
            log.debug("sync {}: the full trace", source, e);
            throw new JobExecutionException(e.getMessage(), e, false);
        }
    }
}
