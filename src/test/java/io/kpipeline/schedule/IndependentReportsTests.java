package io.kpipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.period.ReportKind;
import io.kpipeline.system.ScriptedSmtpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports fired by the scheduler run independently: while the weekly report's delivery is stuck at an SMTP
 * server that does not answer, the monthly report fired meanwhile runs and is delivered. The context has its
 * own KPI home and scheduler name (see CatchUpTests), and no data: each report runs on an empty database.
 */
@SpringBootTest(properties = {"kpi.home=target/test-home-independent",
        "spring.quartz.scheduler-name=kpi-pipeline-independence-tests", "spring.mail.host=127.0.0.1",
        "kpi.reports.personal.enabled=false", "kpi.delivery.admin=",
        "kpi.reports.weekly.recipients=stuck@example.com", "kpi.reports.monthly.recipients=ok@example.com",
        "kpi.delivery.freshness.weekly.tables=", "kpi.delivery.freshness.monthly.tables="})
class IndependentReportsTests {

    /** Each connection on its own thread: the monthly delivery is served while the weekly one is stuck. */
    private static final ScriptedSmtpServer SMTP = ScriptedSmtpServer.script().threadPerConnection()
            .holdRecipient("stuck@example.com").start();

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stopServer() {
        SMTP.close();
    }

    @Test
    @Timeout(120)
    void aStuckDeliveryOfOneReportDoesNotHoldUpAnotherFiredMeanwhile(@Autowired Scheduler scheduler,
            @Autowired JobRepository jobs, @Autowired JdbcTemplate jdbc,
            @Autowired PlatformTransactionManager transactions) throws Exception {
        BatchHistory history = new BatchHistory(jobs, jdbc);
        history.forget(ReportKind.WEEKLY, ""); // never run: a firing runs the latest complete period
        history.forget(ReportKind.MONTHLY, "");
        jdbc.update("DELETE FROM delivery");
        Map<String, CompletableFuture<Boolean>> done = new ConcurrentHashMap<>();
        Map<String, Boolean> weeklyStuckWhenDone = new ConcurrentHashMap<>();
        scheduler.getListenerManager().addJobListener(new JobListener() {
            @Override
            public String getName() {
                return "independence";
            }

            @Override
            public void jobToBeExecuted(JobExecutionContext context) {
            }

            @Override
            public void jobExecutionVetoed(JobExecutionContext context) {
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                String report = context.getJobDetail().getKey().getName();
                weeklyStuckWhenDone.put(report, SMTP.isHolding());
                done.computeIfAbsent(report, k -> new CompletableFuture<>()).complete(failure == null);
            }
        }, GroupMatcher.jobGroupEquals(Scheduling.GROUP));
        try {
            scheduler.start();
            fire(scheduler, ReportKind.WEEKLY);
            assertThat(SMTP.awaitHolding(60)).as("the weekly delivery reached the server and is stuck").isTrue();

            fire(scheduler, ReportKind.MONTHLY);
            // on an empty database a run takes seconds; with one scheduler thread it would wait for the weekly
            assertThat(done.computeIfAbsent("monthly", k -> new CompletableFuture<>()).get(30, TimeUnit.SECONDS))
                    .as("the monthly run succeeded").isTrue();
            assertThat(weeklyStuckWhenDone.get("monthly")).as("the weekly delivery was still stuck").isTrue();
            assertThat(SMTP.accepted()).containsExactly("ok@example.com");

            SMTP.release();
            assertThat(done.computeIfAbsent("weekly", k -> new CompletableFuture<>()).get(60, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(SMTP.accepted()).containsExactly("ok@example.com", "stuck@example.com");
        } finally {
            SMTP.release();
            scheduler.standby();
            scheduler.getListenerManager().removeJobListener("independence");
            forgetJobs(scheduler, transactions);
        }
    }

    /** Deletes the two reports' jobs once their one-off triggers are gone (Quartz removes them just after a run). */
    private static void forgetJobs(Scheduler scheduler, PlatformTransactionManager transactions) throws Exception {
        List<JobKey> keys = List.of(JobKey.jobKey("weekly", Scheduling.GROUP),
                JobKey.jobKey("monthly", Scheduling.GROUP));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (JobKey key : keys) {
            while (!scheduler.getTriggersOfJob(key).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        // in a transaction, as Scheduling stores jobs: the job store's lock is held to the commit
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            try {
                scheduler.deleteJobs(keys);
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A firing of the report's job now, as its cron trigger would fire it. */
    private static void fire(Scheduler scheduler, ReportKind report) throws SchedulerException {
        JobKey key = JobKey.jobKey(report.key(), Scheduling.GROUP);
        scheduler.addJob(JobBuilder.newJob(ReportFiring.class).withIdentity(key)
                .usingJobData(ReportFiring.REPORT, report.name()).storeDurably().build(), true);
        scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(key).usingJobData(ReportFiring.ZONE, "Europe/Berlin")
                .usingJobData(ReportFiring.START_UP, "false").startNow().build());
    }
}
