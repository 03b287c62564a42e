package io.kpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.delivery.DeliveryOptions;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A run asked to stop (SIGTERM or Ctrl-C during {@code run}) finishes the step it is in and starts no other, so
 * that the next run resumes after it. The context is discarded afterwards: its process has been told to stop.
 */
@SpringBootTest
@DirtiesContext
class ReportRunnerStopTests {

    private static final ReportingPeriod WEEK = ReportingPeriod.parse("2024-W12");

    @Autowired
    ReportRunner runner;
    @Autowired
    JobRepository jobs;
    @Autowired
    DataSource data;

    @TempDir
    Path out;

    @BeforeEach
    void noEarlierRuns() {
        for (JobInstance instance : jobs.findJobInstances(ReportJobs.name(ReportKind.WEEKLY))) {
            JobExecution last = jobs.getLastJobExecution(instance);
            if (last != null && WEEK.id().equals(last.getJobParameters().getString("period"))) {
                jobs.deleteJobInstance(instance);
            }
        }
    }

    @Test
    void aRunAskedToStopWhileItComputesStartsNoFurtherStep() throws Exception {
        CompletableFuture<Throwable> ended;
        try (Connection connection = data.getConnection(); Statement lock = connection.createStatement()) {
            // the KPI computation waits for this lock: the run is in computeKpisStep when it is asked to stop
            lock.execute("LOCK TABLES kpi_value WRITE");
            ended = CompletableFuture.supplyAsync(() -> {
                try {
                    runner.run(ReportKind.WEEKLY, WEEK, out, new DeliveryOptions(false, false, false));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            awaitComputing();
            runner.stop();
            lock.execute("UNLOCK TABLES");
        }

        Throwable stopped = ended.get(120, TimeUnit.SECONDS);
        assertThat(stopped).isInstanceOf(ReportRunner.RunFailed.class)
                .hasMessage("The weekly report for 2024-W12 stopped on request (SIGTERM or Ctrl-C) before"
                        + " evaluateKpisStep. Run the same command again to resume it.");
        var outcome = ((ReportRunner.RunFailed) stopped).outcome();
        assertThat(outcome.status()).isEqualTo(BatchStatus.STOPPED);
        // the KPIs computed are kept; evaluating them is where the next run resumes
        assertThat(outcome.steps()).extracting(ReportRunner.StepTime::step)
                .containsExactly("computeKpisStep", "evaluateKpisStep");
        JobExecution execution = jobs.getLastJobExecution(ReportJobs.name(ReportKind.WEEKLY), new JobParametersBuilder()
                .addString(ReportRunParameters.REPORT, "weekly").addString(ReportRunParameters.PERIOD, WEEK.id())
                .addLong(ReportRunParameters.RUN, outcome.run()).toJobParameters());
        assertThat(execution.getStepExecutions()).extracting(s -> s.getStepName() + " " + s.getStatus())
                .containsExactly("computeKpisStep COMPLETED", "evaluateKpisStep STOPPED");
    }

    private void awaitComputing() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (JobExecution running : jobs.findRunningJobExecutions(ReportJobs.name(ReportKind.WEEKLY))) {
                if (WEEK.id().equals(running.getJobParameters().getString("period")) && running.getStepExecutions()
                        .stream().anyMatch(s -> s.getStepName().equals("computeKpisStep"))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not reach computeKpisStep within 60 s");
    }
}
