package io.kpipeline.schedule;

import io.kpipeline.period.ReportKind;
import io.kpipeline.schedule.ReportSchedules.ReportSchedule;
import io.kpipeline.sync.SourceSettings;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.KpiProperties;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFamily;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the reports' schedules into Quartz's job store and starts the scheduler: one durable job and
 * one cron trigger per report (replaced on every start, so a changed setting takes effect), plus a
 * one-off catch-up firing that runs the periods missed while no scheduler was running. The settings
 * are checked whenever the application starts ({@link ScheduleSettingsCheck}), so that check-config reports
 * a wrong schedule too.
 */
@Component
public class Scheduling {

    static final String GROUP = "reports";
    static final String SYNC_GROUP = "sources";

    private final Scheduler scheduler;
    private final ScheduleSettings settings;
    private final KpiProperties kpi;
    private final Environment environment;
    private final TransactionTemplate transaction;
    private final SourceSettings sources;

    Scheduling(Scheduler scheduler, ScheduleSettings settings, KpiProperties kpi, Environment environment,
            PlatformTransactionManager transactions, SourceSettings sources) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.sources = sources;
        this.kpi = kpi;
        this.environment = environment;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Which missed periods the catch-up runs, as the setting is written: latest, all or none. */
    public String catchUpMode() {
        return settings.catchUp().mode().key();
    }

    /** A report's or a source sync's next regular firing, in the zone of its schedule. */
    public record NextFiring(String name, String cron, ZonedDateTime next) {
    }

    /**
     * Checks and stores the schedules, queues the catch-up and starts the scheduler.
     *
     * @return the next firing of every enabled report
     * @throws KpiException when a schedule setting is wrong (naming file, key and value) or the job
     *                      store cannot be reached
     */
    public List<NextFiring> start() {
        List<ReportSchedule> schedules = ReportSchedules.read(settings, kpi.zone(), environment);
        List<SourceSchedules.SourceSchedule> syncs = SourceSchedules.read(sources, kpi.zone(), environment);
        try {
            List<NextFiring> next = new ArrayList<>();
            // Each in a transaction: the job store takes its cluster lock on the transaction's connection and
            // holds it to the commit; without one the lock ends with the statement and another instance
            // starting at the same time could interleave.
            for (ReportKind report : ReportKind.values()) {
                if (schedules.stream().noneMatch(s -> s.report() == report)) {
                    inTransaction(() -> scheduler.deleteJob(JobKey.jobKey(report.key(), GROUP)));
                }
            }
            for (ReportSchedule schedule : schedules) {
                inTransaction(() -> store(schedule));
            }
            for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SYNC_GROUP))) {
                if (syncs.stream().noneMatch(s -> s.source().equals(job.getName()))) {
                    inTransaction(() -> scheduler.deleteJob(job));
                }
            }
            for (SourceSchedules.SourceSchedule sync : syncs) {
                inTransaction(() -> store(sync));
            }
            loadLazyShutdownHooks();
            scheduler.start();
            for (ReportSchedule schedule : schedules) {
                Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(schedule.report().key(), GROUP));
                next.add(new NextFiring(schedule.report().key(), schedule.cron(),
                        trigger.getNextFireTime().toInstant().atZone(schedule.zone())));
            }
            for (SourceSchedules.SourceSchedule sync : syncs) {
                Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(sync.source(), SYNC_GROUP));
                next.add(new NextFiring("sync " + sync.source(), sync.cron(),
                        trigger.getNextFireTime().toInstant().atZone(sync.zone())));
            }
            return next;
        } catch (SchedulerException e) {
            throw new KpiException("The scheduler could not store its schedules in the database: " + e.getMessage()
                    + ". Check that the database is reachable and its migrations are applied.", e);
        }
    }

    /**
     * Java's image and font code registers JVM shutdown hooks the first time it is used, which fails
     * with "Shutdown in progress" once the JVM is stopping: a report that started its PDF just before a
     * SIGTERM would then fail instead of finishing. Using that code now registers the hooks up front.
     */
    private static void loadLazyShutdownHooks() {
        ImageIO.setUseCache(false); // in-memory image streams: no temp files closed by a hook
        DefaultJasperReportsContext.getInstance().getExtensions(FontFamily.class); // loads the fonts
    }

    /** This instance's id in the cluster, as recorded in QRTZ_SCHEDULER_STATE. */
    public String instanceId() throws SchedulerException {
        return scheduler.getSchedulerInstanceId();
    }

    private interface SchedulerWork {
        void run() throws SchedulerException;
    }

    private void inTransaction(SchedulerWork work) throws SchedulerException {
        try {
            transaction.executeWithoutResult(status -> {
                try {
                    work.run();
                } catch (SchedulerException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SchedulerException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A source's sync: a durable job and its cron trigger, replaced on every start; no catch-up (one sync reads all). */
    private void store(SourceSchedules.SourceSchedule sync) throws SchedulerException {
        JobDetail job = JobBuilder.newJob(SourceSyncFiring.class).withIdentity(sync.source(), SYNC_GROUP)
                .withDescription("syncs the source " + sync.source())
                .usingJobData(SourceSyncFiring.SOURCE, sync.source())
                .storeDurably().requestRecovery().build();
        Trigger cron = TriggerBuilder.newTrigger().withIdentity(sync.source(), SYNC_GROUP).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(sync.cron())
                        .inTimeZone(TimeZone.getTimeZone(sync.zone()))
                        // a sync missed while the scheduler was down runs once at its start
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.scheduleJob(job, Set.of(cron), true);
    }

    private void store(ReportSchedule schedule) throws SchedulerException {
        String key = schedule.report().key();
        JobDetail job = JobBuilder.newJob(ReportFiring.class).withIdentity(key, GROUP)
                .withDescription("runs the " + key + " report")
                .usingJobData(ReportFiring.REPORT, schedule.report().name())
                .storeDurably().requestRecovery().build();
        Trigger cron = TriggerBuilder.newTrigger().withIdentity(key, GROUP).forJob(job)
                .usingJobData(ReportFiring.ZONE, schedule.zone().getId())
                .usingJobData(ReportFiring.START_UP, "false")
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
                        .inTimeZone(TimeZone.getTimeZone(schedule.zone()))
                        // a firing missed while busy runs late; the catch-up covers every missed period
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.scheduleJob(job, Set.of(cron), true);
        Trigger catchUp = TriggerBuilder.newTrigger().withIdentity(key + "-catch-up", GROUP).forJob(job)
                .usingJobData(ReportFiring.ZONE, schedule.zone().getId())
                .usingJobData(ReportFiring.START_UP, "true")
                .startNow().withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(catchUp);
        } catch (ObjectAlreadyExistsException queuedByAnotherInstance) {
            // one catch-up at a time is enough: it runs every missed period
        }
    }
}
