package io.kpipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.job.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quartz.SchedulerException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
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
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** After downtime each missed period runs once, whatever the number of firings that catch up. */
@SpringBootTest
class CatchUpTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    ScheduledReports scheduled;
    @Autowired
    JobRepository jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void afterDowntimeEachMissedWeekRunsOnceHoweverOftenTheCatchUpRuns() {
        forget(ReportKind.WEEKLY, "2024-W");
        recordCompleted(ReportKind.WEEKLY, "2024-W03"); // the last week that ran before the downtime
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

        assertThat(completedRuns("weeklyReportJob", "2024-W%")).isEqualTo(
                Map.of("2024-W03", 1L, "2024-W04", 1L, "2024-W05", 1L));
    }

    @Test
    void bootsJobFactoryBuildsTheReportFiringWithItsDependencies(@Autowired Scheduler scheduler) throws Exception {
        forget(ReportKind.MONTHLY, ""); // a report that has never run: the start-up catch-up has nothing to do
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

    /** Records a completed run of the period in the job repository, as a run before the test would have left it. */
    private void recordCompleted(ReportKind report, String period) {
        JobParameters parameters = new JobParametersBuilder().addString("report", report.key())
                .addString("period", period).addLong("run", 1L).toJobParameters();
        JobInstance instance = jobs.createJobInstance(report.jobName(), parameters);
        JobExecution execution = jobs.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setEndTime(LocalDateTime.now());
        execution.setStatus(BatchStatus.COMPLETED);
        execution.setExitStatus(ExitStatus.COMPLETED);
        jobs.update(execution);
    }

    /** Deletes the report's job instances whose period starts with {@code prefix}, as if never run. */
    private void forget(ReportKind report, String prefix) {
        for (JobInstance instance : jobs.findJobInstances(report.jobName())) {
            var last = jobs.getLastJobExecution(instance);
            String period = last == null ? "" : last.getJobParameters().getString("period");
            if (period != null && period.startsWith(prefix)) {
                jobs.deleteJobInstance(instance);
            }
        }
    }

    private Map<String, Long> completedRuns(String job, String periodLike) {
        Map<String, Long> runs = new LinkedHashMap<>();
        jdbc.query("""
                SELECT p.PARAMETER_VALUE, COUNT(*) AS runs
                FROM BATCH_JOB_INSTANCE i
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
                JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED' AND p.PARAMETER_NAME = 'period'
                  AND p.PARAMETER_VALUE LIKE ?
                GROUP BY p.PARAMETER_VALUE
                """, rs -> {
            runs.put(rs.getString(1), rs.getLong(2));
        }, job, periodLike);
        return runs;
    }

    private static List<String> ids(List<ReportingPeriod> periods) {
        return periods.stream().map(ReportingPeriod::id).toList();
    }
}
