package io.kpipeline.schedule;

import io.kpipeline.job.ReportJobs;
import io.kpipeline.job.ReportRunner;
import io.kpipeline.job.RunOwner;
import io.kpipeline.job.RunOwners;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.period.ReviewCycle;
import io.kpipeline.report.ReportSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * What a firing of a report's trigger does: of the periods among the report's latest
 * {@code kpi.schedule.catch-up.max-periods} that have not completed (up to the latest complete one, and
 * after the first that ever completed) it runs those {@code kpi.schedule.catch-up.mode} names (by default
 * only the latest), oldest first, each through {@link ReportRunner} (which renders and delivers it), and
 * names the others with the {@code backfill} command that runs them. A period that has completed is never run again by the scheduler: completion is
 * checked again right before each period, as {@code run} or {@code backfill} may complete one while a
 * catch-up is under way.
 */
@Component
class ScheduledReports implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ScheduledReports.class);

    private final ReportRunner runner;
    private final CompletedPeriods completed;
    private final ReportSettings reports;
    private final ScheduleSettings settings;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final RunOwners owners;
    private volatile boolean closing;

    ScheduledReports(ReportRunner runner, CompletedPeriods completed, ReportSettings reports, ScheduleSettings settings,
            JobRepository jobRepository, JobOperator jobOperator, RunOwners owners) {
        this.runner = runner;
        this.owners = owners;
        this.completed = completed;
        this.reports = reports;
        this.settings = settings;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
    }

    /**
     * Runs the periods due at {@code scheduledFireTime} (read in {@code zone}); stops between two
     * periods once {@code stop} says so.
     *
     * @param startUp whether this is the catch-up queued when the scheduler starts: a report that has
     *                never completed a period then waits for its first regular firing
     * @return the periods run, oldest first (not those found completed meanwhile)
     * @throws io.kpipeline.system.KpiException when a period fails; the periods after it are not run
     */
    List<ReportingPeriod> fire(ReportKind report, Instant scheduledFireTime, ZoneId zone, boolean startUp,
            BooleanSupplier stop) {
        FiringPeriods periods = new FiringPeriods(reports.review().cycle());
        Optional<ReportingPeriod> latest = periods.latestComplete(report, scheduledFireTime, zone);
        if (latest.isEmpty()) {
            log.info("review: the first cycle from {} has not ended yet; nothing to run", reports.review().cycleStart());
            return List.of();
        }
        ReviewCycle cycle = reports.review().cycle();
        Set<ReportingPeriod> finished = completed.periods(report).stream()
                .filter(p -> !p.start().isAfter(latest.get().start()))
                .filter(p -> report != ReportKind.REVIEW || cycle.isCycle(p))
                .collect(Collectors.toSet());
        int maxPeriods = settings.catchUp().maxPeriods();
        ScheduleSettings.Mode mode = settings.catchUp().mode();
        FiringPeriods.Plan plan = periods.due(latest.get(), finished, maxPeriods, startUp, mode);
        List<ReportingPeriod> notRun = new ArrayList<>(plan.skipped());
        notRun.addAll(plan.left());
        if (!notRun.isEmpty()) {
            log.warn(notRun(report, notRun, plan, mode, maxPeriods));
        }
        if (plan.periods().isEmpty()) {
            log.info("{}: nothing due ({})", report.key(), finished.isEmpty()
                    ? "no period has run yet: the next regular firing runs the latest complete one"
                    : notRun.isEmpty() ? "every period up to " + latest.get().id() + " is done"
                            : "kpi.schedule.catch-up.mode is " + mode.key());
            return List.of();
        }
        List<ReportingPeriod> done = new ArrayList<>();
        for (ReportingPeriod period : plan.periods()) {
            if (closing || stop.getAsBoolean()) {
                log.warn("{}: stopping before {}; the next start catches up from there", report.key(), period.id());
                break;
            }
            // the plan is a few minutes old by now: `run` or `backfill` may have completed the period meanwhile
            if (completed.of(report).contains(period.id())) {
                log.info("{}: {} completed meanwhile (run by hand or by backfill); not running it again",
                        report.key(), period.id());
                continue;
            }
            long started = System.nanoTime();
            var outcome = runner.run(report, period, runner.defaultFolder(report, period));
            log.info("{} report {} (run {}) done in {} s. {}", report.key(), period.id(), outcome.run(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0,
                    outcome.delivery() == null ? "" : outcome.delivery().summary());
            if (outcome.delivery() != null && outcome.delivery().isHeld()) {
                log.warn("{} report {} was not delivered: held because {}. It is delivered by the next run of the"
                        + " period after the data is loaded (run, or backfill --rerun --mail), or with run --force.",
                        report.key(), period.id(), outcome.delivery().held());
            }
            done.add(period);
        }
        return done;
    }

    /**
     * The warning naming the missed periods the scheduler does not run, why, and the {@code backfill} command
     * that runs and delivers them, e.g. "weekly: 2 missed periods are not run by the scheduler (…): 2026-W41,
     * 2026-W42. Run and deliver them with: kpi-pipeline backfill weekly --from 2026-W41 --to 2026-W42 --mail".
     */
    static String notRun(ReportKind report, List<ReportingPeriod> periods, FiringPeriods.Plan plan,
            ScheduleSettings.Mode mode, int maxPeriods) {
        List<String> why = new ArrayList<>();
        if (!plan.left().isEmpty()) {
            why.add("kpi.schedule.catch-up.mode is " + mode.key() + (mode == ScheduleSettings.Mode.NONE
                    ? ": missed periods are not delivered late" : ": only the latest complete period runs"));
        }
        if (!plan.skipped().isEmpty()) {
            why.add((plan.left().isEmpty() ? "" : plan.skipped().size() + " of them ") + "older than the latest "
                    + maxPeriods + " (kpi.schedule.catch-up.max-periods)");
        }
        boolean one = periods.size() == 1;
        return report.key() + ": " + periods.size() + (one ? " missed period is" : " missed periods are")
                + " not run by the scheduler (" + String.join("; ", why) + "): " + ReportingPeriod.ids(periods) + ". Run and"
                + " deliver " + (one ? "it" : "them") + " with: kpi-pipeline backfill " + report.key() + " --from "
                + periods.get(0).id() + " --to " + periods.get(periods.size() - 1).id() + " --mail";
    }

    /** The application is shutting down (SIGTERM, Ctrl-C): the period running finishes, no other starts. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }

    /**
     * Marks the report's executions left STARTED by a process that is gone (a scheduler instance the
     * cluster dropped, or a killed process on this host) as FAILED, so that their periods restart at
     * the failed step. A run whose process is still going, or cannot be told (a manual run on another
     * host), is left alone: two processes must never deliver the same period at once.
     */
    void recoverAbandoned(ReportKind report) {
        for (JobExecution execution : jobRepository.findRunningJobExecutions(ReportJobs.name(report))) {
            RunOwner owner = RunOwner.recordedIn(execution.getJobParameters());
            String period = execution.getJobParameters().getString("period");
            if (!owners.isGone(owner)) {
                log.warn("{}: {} is still being run by {}; leaving it to that process", report.key(), period,
                        RunOwner.describe(owner));
                continue;
            }
            log.warn("{}: {} was left running by {}, which stopped; marking it failed, so that it restarts at the"
                    + " step it was in", report.key(), period, RunOwner.describe(owner));
            jobOperator.recover(execution);
        }
    }
}
