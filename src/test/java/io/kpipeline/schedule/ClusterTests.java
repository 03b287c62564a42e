package io.kpipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two scheduler instances with the pipeline's Quartz settings on one database, as two machines running
 * {@code schedule}: each due trigger fires on one of them, once.
 */
@SpringBootTest
class ClusterTests {

    private static final String NAME = "cluster-test";
    /** Trigger name → the instances that ran it. */
    private static final Map<String, List<String>> FIRED = new ConcurrentHashMap<>();

    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    QuartzProperties quartz;
    @Autowired
    JdbcTemplate jdbc;

    public static class CountingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                FIRED.computeIfAbsent(context.getTrigger().getKey().getName(), k -> new CopyOnWriteArrayList<>())
                        .add(context.getScheduler().getSchedulerInstanceId());
                Thread.sleep(50); // a job that takes a moment, so that both instances are busy in turn
            } catch (SchedulerException | InterruptedException e) {
                throw new JobExecutionException(e);
            }
        }
    }

    @Test
    void twoInstancesOnOneDatabaseFireEachDueTriggerOnce() throws Exception {
        FIRED.clear();
        SchedulerFactoryBean a = node("node-a");
        SchedulerFactoryBean b = node("node-b");
        Scheduler first = a.getScheduler();
        try {
            int triggers = 20;
            for (int i = 0; i < triggers; i++) {
                first.scheduleJob(JobBuilder.newJob(CountingJob.class).withIdentity("job-" + i, NAME).build(),
                        TriggerBuilder.newTrigger().withIdentity("due-now-" + i, NAME).startNow().build());
            }
            a.start();
            b.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (FIRED.size() < triggers && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1_500); // three check-ins more: time for a second firing to show, if there were one

            assertThat(FIRED).hasSize(triggers);
            assertThat(FIRED.values()).allSatisfy(instances -> assertThat(instances).hasSize(1));
            assertThat(jdbc.queryForList("SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?",
                    String.class, NAME)).contains("node-a", "node-b"); // both checked in as one cluster
        } finally {
            a.destroy();
            b.destroy();
            for (String table : List.of("QRTZ_FIRED_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_TRIGGERS",
                    "QRTZ_JOB_DETAILS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS")) {
                jdbc.update("DELETE FROM " + table + " WHERE SCHED_NAME = ?", NAME);
            }
        }
    }

    /** A scheduler built as Boot builds the pipeline's, with the same spring.quartz.properties. */
    private SchedulerFactoryBean node(String instanceId) throws Exception {
        Properties properties = new Properties();
        properties.putAll(quartz.getProperties());
        properties.put("org.quartz.scheduler.instanceId", instanceId);
        properties.put("org.quartz.jobStore.clusterCheckinInterval", "500");
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName(NAME);
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.setQuartzProperties(properties);
        factory.setAutoStartup(false);
        factory.setWaitForJobsToCompleteOnShutdown(true);
        factory.afterPropertiesSet();
        return factory;
    }
}
