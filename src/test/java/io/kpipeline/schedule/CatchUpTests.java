package io.kpipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.kpipeline.job.ReportRunner;
import io.kpipeline.job.RunOwners;
import io.kpipeline.report.ReportSettings;
import io.kpipeline.schedule.ScheduleSettings.Mode;
import io.kpipeline.system.KpiProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.batch.core.BatchStatus;
import org.junit.jupiter.api.Test;
import org.quartz.SchedulerException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.KeyMatcher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After downtime the latest missed period runs and the older ones are named with the backfill command
 * (kpi.schedule.catch-up.mode: latest); with {@code all} each missed period runs once, whatever the number
 * of firings that catch up. The context has its own KPI home and scheduler name: Quartz keeps each
 * scheduler's connection provider in a JVM-wide registry by name, which a command-line test's context of
 * the same name replaces and then closes. The weekly freshness gate is off: the catch-up's weeks have no
 * data, and the tests see their delivery in the outbox.
 */
@SpringBootTest(properties = {"kpi.home=target/test-home-catch-up",
        "spring.quartz.scheduler-name=kpi-pipeline-catch-up-tests", "kpi.delivery.freshness.weekly.tables="})
@ExtendWith(OutputCaptureExtension.class)
class CatchUpTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The scheduler as configured: kpi.schedule.catch-up.mode is latest. */
    @Autowired
    ScheduledReports latestOnly;
    /** The scheduler with kpi.schedule.catch-up.mode: all. */
    ScheduledReports scheduled;
    BatchHistory history;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    Path outbox;

    @BeforeEach
    void history(@Autowired JobRepository jobs, @Autowired KpiProperties properties) {
        history = new BatchHistory(jobs, jdbc);
        history.forget(ReportKind.WEEKLY, ""); // no week of another test may count as done or missing
        scheduled = withMode(Mode.ALL);
        outbox = properties.home().resolve("outbox").toAbsolutePath().normalize();
    }

    @Test
    void theFirstStartAfterThreeMissedWeeksDeliversTheLatestAndNamesTheOthersWithTheBackfillCommand(
            CapturedOutput output) throws IOException {
        forgetWeeks("2024-W4"); // W40 ran; the scheduler was down from 7 Oct, W41..W43 were missed
        history.recordCompleted(ReportKind.WEEKLY, "2024-W40");
        Instant monday = ZonedDateTime.of(2024, 10, 28, 7, 0, 0, 0, BERLIN).toInstant(); // W44: latest complete W43

        assertThat(ids(latestOnly.fire(ReportKind.WEEKLY, monday, BERLIN, true, () -> false)))
                .containsExactly("2024-W43");
        assertThat(output).contains("weekly: 2 missed periods are not run by the scheduler (kpi.schedule.catch-up.mode"
                + " is latest: only the latest complete period runs): 2024-W41, 2024-W42. Run and deliver them with:"
                + " kpi-pipeline backfill weekly --from 2024-W41 --to 2024-W42 --mail");
        assertThat(messages("weekly-2024-W43-")).isNotEmpty();
        assertThat(messages("weekly-2024-W41-")).isEmpty();
        assertThat(messages("weekly-2024-W42-")).isEmpty();
        // the regular firing of the same Monday runs nothing more
        assertThat(latestOnly.fire(ReportKind.WEEKLY, monday, BERLIN, false, () -> false)).isEmpty();
        assertThat(history.completedRuns("weeklyReportJob", "2024-W4%")).isEqualTo(
                java.util.Map.of("2024-W40", 1L, "2024-W43", 1L));
    }

    @Test
    void withCatchUpAllTheFirstStartAfterThreeMissedWeeksDeliversAllThree(CapturedOutput output) throws IOException {
        forgetWeeks("2023-W4");
        history.recordCompleted(ReportKind.WEEKLY, "2023-W40");
        Instant monday = ZonedDateTime.of(2023, 10, 30, 7, 0, 0, 0, BERLIN).toInstant(); // W44: latest complete W43

        assertThat(ids(scheduled.fire(ReportKind.WEEKLY, monday, BERLIN, true, () -> false)))
                .containsExactly("2023-W41", "2023-W42", "2023-W43");
        assertThat(messages("weekly-2023-W41-")).isNotEmpty();
        assertThat(messages("weekly-2023-W42-")).isNotEmpty();
        assertThat(messages("weekly-2023-W43-")).isNotEmpty();
        assertThat(output).doesNotContain("missed periods are not run");
    }

    @Test
    void withCatchUpNoneTheStartDeliversNothingMissedAndNamesIt(CapturedOutput output) throws IOException {
        forgetWeeks("2022-W4");
        history.recordCompleted(ReportKind.WEEKLY, "2022-W40");
        Instant monday = ZonedDateTime.of(2022, 10, 31, 7, 0, 0, 0, BERLIN).toInstant(); // W44: latest complete W43
        ScheduledReports none = withMode(Mode.NONE);

        assertThat(none.fire(ReportKind.WEEKLY, monday, BERLIN, true, () -> false)).isEmpty();
        assertThat(output).contains("weekly: 3 missed periods are not run by the scheduler (kpi.schedule.catch-up.mode"
                + " is none: missed periods are not delivered late): 2022-W41, 2022-W42, 2022-W43. Run and deliver them"
                + " with: kpi-pipeline backfill weekly --from 2022-W41 --to 2022-W43 --mail");
        assertThat(messages("weekly-2022-W4")).isEmpty();
    }

    @Test
    void afterDowntimeEachMissedWeekRunsOnceHoweverOftenTheCatchUpRuns() {
        history.forget(ReportKind.WEEKLY, "2024-W");
        history.recordCompleted(ReportKind.WEEKLY, "2024-W03"); // the last week that ran before the downtime
        // the scheduler comes back on Monday 5 Feb 2024 (W06), a firing late by years: W04 and W05 were missed
        Instant monday = ZonedDateTime.of(2024, 2, 5, 7, 0, 0, 0, BERLIN).toInstant();

        AtomicInteger checks = new AtomicInteger();
        // the start-up catch-up is stopped (SIGTERM) while W04 runs: it starts no further period
        List<ReportingPeriod> startUp = scheduled.fire(ReportKind.WEEKLY, monday, BERLIN, true,
                () -> checks.getAndIncrement() > 0);
        assertThat(ids(startUp)).containsExactly("2024-W04");
        // the next start's catch-up, then the regular firing of the same Monday
        assertThat(ids(scheduled.fire(ReportKind.WEEKLY, monday, BERLIN, true, () -> false)))
                .containsExactly("2024-W05");
        assertThat(scheduled.fire(ReportKind.WEEKLY, monday, BERLIN, false, () -> false)).isEmpty();

        assertThat(history.completedRuns("weeklyReportJob", "2024-W%")).isEqualTo(
                java.util.Map.of("2024-W03", 1L, "2024-W04", 1L, "2024-W05", 1L));
    }

    @Test
    void weeksMissedDuringDowntimeRunOnceAlthoughALaterWeekWasRunByHand() {
        history.forget(ReportKind.WEEKLY, "2024-W"); // no other 2024 week may count as done or missing
        history.recordCompleted(ReportKind.WEEKLY, "2024-W30"); // the last week before the downtime (W31..W34)
        history.recordCompleted(ReportKind.WEEKLY, "2024-W34"); // run by hand with `run weekly` before the restart
        Instant monday = ZonedDateTime.of(2024, 8, 26, 7, 0, 0, 0, BERLIN).toInstant(); // W35: latest complete W34

        assertThat(ids(scheduled.fire(ReportKind.WEEKLY, monday, BERLIN, true, () -> false)))
                .containsExactly("2024-W31", "2024-W32", "2024-W33");
        assertThat(scheduled.fire(ReportKind.WEEKLY, monday, BERLIN, false, () -> false)).isEmpty();
        assertThat(history.completedRuns("weeklyReportJob", "2024-W3%")).isEqualTo(java.util.Map.of(
                "2024-W30", 1L, "2024-W31", 1L, "2024-W32", 1L, "2024-W33", 1L, "2024-W34", 1L));
    }

    @Test
    void aPlannedWeekCompletedByHandDuringTheCatchUpIsNotRunAgain() {
        history.forget(ReportKind.WEEKLY, "2024-W");
        history.recordCompleted(ReportKind.WEEKLY, "2024-W20");
        Instant monday = ZonedDateTime.of(2024, 6, 3, 7, 0, 0, 0, BERLIN).toInstant(); // W23: W21 and W22 are due
        AtomicInteger checks = new AtomicInteger();

        // the stop check before the first period runs after the plan is made: `run weekly` completes W22 there
        List<ReportingPeriod> ran = scheduled.fire(ReportKind.WEEKLY, monday, BERLIN, false, () -> {
            if (checks.getAndIncrement() == 0) {
                history.recordCompleted(ReportKind.WEEKLY, "2024-W22");
            }
            return false;
        });

        assertThat(ids(ran)).containsExactly("2024-W21");
        assertThat(history.completedRuns("weeklyReportJob", "2024-W2%")).isEqualTo(java.util.Map.of(
                "2024-W20", 1L, "2024-W21", 1L, "2024-W22", 1L)); // W22 once: the run by hand, no run 2
    }

    @Test
    void theSecondOfJanuaryCatchesUpTheMissedQuartersAndYearsEachOnce() {
        history.forget(ReportKind.QUARTERLY, ""); // no other quarter may count as done or missing
        history.forget(ReportKind.YEARLY, "");
        history.recordCompleted(ReportKind.QUARTERLY, "2023-Q2"); // the last quarter before the downtime
        history.recordCompleted(ReportKind.YEARLY, "2021");
        Instant january2 = ZonedDateTime.of(2024, 1, 2, 6, 0, 0, 0, BERLIN).toInstant();

        assertThat(ids(scheduled.fire(ReportKind.QUARTERLY, january2, BERLIN, false, () -> false)))
                .containsExactly("2023-Q3", "2023-Q4");
        assertThat(ids(scheduled.fire(ReportKind.YEARLY, january2, BERLIN, false, () -> false)))
                .containsExactly("2022", "2023");
        // a second catch-up the same morning finds both done
        assertThat(scheduled.fire(ReportKind.QUARTERLY, january2, BERLIN, true, () -> false)).isEmpty();
        assertThat(scheduled.fire(ReportKind.YEARLY, january2, BERLIN, true, () -> false)).isEmpty();
        assertThat(history.completedRuns("quarterlyReportJob", "2023-Q%"))
                .isEqualTo(java.util.Map.of("2023-Q2", 1L, "2023-Q3", 1L, "2023-Q4", 1L));
        assertThat(history.completedRuns("yearlyReportJob", "202%"))
                .isEqualTo(java.util.Map.of("2021", 1L, "2022", 1L, "2023", 1L));
    }

    @Test
    void aPreliminaryRunIsNotTheQuartersReportSoTheCatchUpRunsTheQuarter() {
        history.forget(ReportKind.QUARTERLY, "");
        history.recordCompleted(ReportKind.QUARTERLY, "2022-Q2");
        // run quarterly --period 2022-Q3 --preliminary on 15 September 2022, before the quarter ended
        history.recordCompletedPreliminary(ReportKind.QUARTERLY, "2022-Q3", "2022-09-15");
        Instant october2 = ZonedDateTime.of(2022, 10, 2, 6, 0, 0, 0, BERLIN).toInstant();

        assertThat(ids(scheduled.fire(ReportKind.QUARTERLY, october2, BERLIN, false, () -> false)))
                .containsExactly("2022-Q3");
        // two completed runs of the period now: the preliminary one and the quarter's own report
        assertThat(history.completedRuns("quarterlyReportJob", "2022-Q3")).isEqualTo(java.util.Map.of("2022-Q3", 2L));
        assertThat(scheduled.fire(ReportKind.QUARTERLY, october2, BERLIN, false, () -> false)).isEmpty();
    }

    @Test
    void aRunLeftStartedByAKilledInstanceIsMarkedFailedOnRecoveryAndThenRunsAgain() {
        history.forget(ReportKind.WEEKLY, "2024-W0");
        history.recordCompleted(ReportKind.WEEKLY, "2024-W07");
        history.recordStarted(ReportKind.WEEKLY, "2024-W08"); // the instance running it was killed
        Instant monday = ZonedDateTime.of(2024, 2, 26, 7, 0, 0, 0, BERLIN).toInstant(); // W09: W08 is due

        scheduled.recoverAbandoned(ReportKind.WEEKLY); // what a recovering firing does first
        assertThat(history.lastStatus(ReportKind.WEEKLY, "2024-W08")).isEqualTo(BatchStatus.FAILED);
        assertThat(ids(scheduled.fire(ReportKind.WEEKLY, monday, BERLIN, false, () -> false)))
                .containsExactly("2024-W08");
        assertThat(history.lastStatus(ReportKind.WEEKLY, "2024-W08")).isEqualTo(BatchStatus.COMPLETED);
        assertThat(history.completedRuns("weeklyReportJob", "2024-W08")).isEqualTo(java.util.Map.of("2024-W08", 1L));
    }

    @Test
    void bootsJobFactoryBuildsTheReportFiringWithItsDependencies(@Autowired Scheduler scheduler) throws Exception {
        history.forget(ReportKind.MONTHLY, ""); // a report that has never run: the start-up catch-up has nothing to do
        JobKey key = JobKey.jobKey("monthly", Scheduling.GROUP);
        CompletableFuture<Object> executed = new CompletableFuture<>();
        scheduler.getListenerManager().addJobListener(new JobListener() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public void jobToBeExecuted(JobExecutionContext context) {
            }

            @Override
            public void jobExecutionVetoed(JobExecutionContext context) {
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                executed.complete(failure != null ? failure : context.getJobInstance());
            }
        }, KeyMatcher.keyEquals(key));
        scheduler.addJob(org.quartz.JobBuilder.newJob(ReportFiring.class).withIdentity(key)
                .usingJobData(ReportFiring.REPORT, "MONTHLY").storeDurably().build(), true);
        Trigger now = TriggerBuilder.newTrigger().forJob(key).usingJobData(ReportFiring.ZONE, "Europe/Berlin")
                .usingJobData(ReportFiring.START_UP, "true").startNow().build();
        scheduler.scheduleJob(now);
        scheduler.start();
        try {
            assertThat(executed.get(20, TimeUnit.SECONDS)).isInstanceOf(ReportFiring.class);
        } finally {
            scheduler.standby();
            long deadline = System.nanoTime() + 5_000_000_000L; // the one-off trigger is removed just after the run
            while (!scheduler.getTriggersOfJob(key).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // in a transaction, as Scheduling stores jobs: the job store's lock is held to the commit
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                try {
                    scheduler.deleteJob(key);
                } catch (SchedulerException e) {
                    throw new IllegalStateException(e);
                }
            });
            scheduler.getListenerManager().removeJobListener("test");
        }
    }

    @Autowired
    ApplicationContext context;

    private ScheduledReports withMode(Mode mode) {
        ScheduleSettings settings = context.getBean(ScheduleSettings.class);
        return new ScheduledReports(context.getBean(ReportRunner.class), context.getBean(CompletedPeriods.class),
                context.getBean(ReportSettings.class), new ScheduleSettings(settings.weekly(), settings.monthly(),
                        settings.quarterly(), settings.yearly(), settings.review(),
                        new ScheduleSettings.CatchUp(mode, settings.catchUp().maxPeriods())),
                context.getBean(JobRepository.class), context.getBean(JobOperator.class), context.getBean(RunOwners.class));
    }

    /** Forgets the weeks' deliveries and their messages in the outbox. */
    private void forgetWeeks(String prefix) throws IOException {
        jdbc.update("DELETE FROM delivery WHERE report = 'weekly' AND period_id LIKE ?", prefix + "%");
        for (Path message : messages("weekly-" + prefix)) {
            Files.delete(message);
        }
    }

    /** The messages in the outbox whose file name starts with {@code prefix}. */
    private List<Path> messages(String prefix) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    private static List<String> ids(List<ReportingPeriod> periods) {
        return periods.stream().map(ReportingPeriod::id).toList();
    }
}
