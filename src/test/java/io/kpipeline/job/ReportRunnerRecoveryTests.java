package io.kpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.delivery.DeliveryOptions;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A run left STARTED is resumed only when the process that started it is gone; a run whose process
 * may still be going is refused with who runs it, so that no period is computed or delivered twice
 * at once.
 */
@SpringBootTest
class ReportRunnerRecoveryTests {

    private static final ReportingPeriod WEEK = ReportingPeriod.parse("2024-W10");
    private static final DeliveryOptions NO_MAIL = new DeliveryOptions(false, false, false);

    @Autowired
    ReportRunner runner;
    @Autowired
    RunOwners owners;
    @Autowired
    JobRepository jobs;

    @TempDir
    Path out;

    private String host;

    @BeforeEach
    void noEarlierRuns() {
        host = owners.current().host();
        for (JobInstance instance : jobs.findJobInstances(ReportJobs.name(ReportKind.WEEKLY))) {
            JobExecution last = jobs.getLastJobExecution(instance);
            if (last != null && WEEK.id().equals(last.getJobParameters().getString("period"))) {
                jobs.deleteJobInstance(instance);
            }
        }
    }

    @Test
    void aRunLeftByAProcessOfThisHostThatDiedIsResumedUnderItsNumber() {
        // no process has pid 999999999 (above Linux's pid_max), so its owner is gone
        JobExecution left = started(host + "/999999999/0");

        var outcome = runner.run(ReportKind.WEEKLY, WEEK, out, NO_MAIL);

        assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcome.run()).isEqualTo(1);
        assertThat(jobs.getJobExecution(left.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(executions()).extracting(JobExecution::getStatus)
                .containsExactlyInAnyOrder(BatchStatus.FAILED, BatchStatus.COMPLETED);
    }

    @Test
    void aRunOfAProcessStillAliveIsRefusedNamingIt() {
        ProcessHandle alive = ProcessHandle.current().parent().orElseThrow(); // the build that runs these tests
        JobExecution left = started(host + "/" + alive.pid() + "/"
                + alive.info().startInstant().map(Instant::toEpochMilli).orElse(0L));

        assertThatThrownBy(() -> runner.run(ReportKind.WEEKLY, WEEK, out, NO_MAIL))
                .isInstanceOf(KpiException.class)
                .hasMessageContaining("The weekly report for 2024-W10 is running already, started ")
                .hasMessageContaining("by process " + alive.pid() + " on host " + host)
                .hasMessageContaining("Wait for that run to end.");
        assertThat(jobs.getJobExecution(left.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
    }

    @Test
    void aRunOfThisProcessThatRunsNoLongerIsResumed() {
        // what a scheduler leaves when the database died under a run and came back: STARTED by itself
        JobExecution left = started(owners.current().text());

        var outcome = runner.run(ReportKind.WEEKLY, WEEK, out, NO_MAIL);

        assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcome.run()).isEqualTo(1);
        assertThat(jobs.getJobExecution(left.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void aManualRunOnAnotherHostIsLeftAloneButADroppedSchedulerInstanceIsResumed() {
        JobExecution manual = started("other-host/4242/1700000000000");
        assertThatThrownBy(() -> runner.run(ReportKind.WEEKLY, WEEK, out, NO_MAIL))
                .hasMessageContaining("by process 4242 on host other-host")
                .hasMessageContaining("run the same command again on host other-host");
        assertThat(jobs.getJobExecution(manual.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);

        // the same run as a scheduler instance that no longer checks in (not in QRTZ_SCHEDULER_STATE)
        manual.setStatus(BatchStatus.FAILED);
        manual.setEndTime(LocalDateTime.now());
        jobs.update(manual);
        noEarlierRuns();
        started("other-host/4242/1700000000000/other-host1700000000000");
        assertThat(runner.run(ReportKind.WEEKLY, WEEK, out, NO_MAIL).status()).isEqualTo(BatchStatus.COMPLETED);
    }

    /** Run 1 of the week, STARTED as a process leaves it that was killed or is still going. */
    private JobExecution started(String by) {
        JobParameters identifying = new JobParametersBuilder().addString("report", "weekly")
                .addString("period", WEEK.id()).addLong("run", 1L).toJobParameters();
        JobParameters parameters = new JobParametersBuilder(identifying)
                .addString(RunOwner.PARAMETER, by, false).toJobParameters();
        JobInstance instance = jobs.createJobInstance(ReportJobs.name(ReportKind.WEEKLY), identifying);
        JobExecution execution = jobs.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(BatchStatus.STARTED);
        execution.setExitStatus(ExitStatus.EXECUTING);
        jobs.update(execution);
        return execution;
    }

    private List<JobExecution> executions() {
        return jobs.findJobInstances(ReportJobs.name(ReportKind.WEEKLY)).stream()
                .flatMap(i -> jobs.getJobExecutions(i).stream())
                .filter(e -> WEEK.id().equals(e.getJobParameters().getString("period"))).toList();
    }
}
