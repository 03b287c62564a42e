package io.kpipeline.schedule;

import io.kpipeline.job.ReportJobs;
import io.kpipeline.period.ReportKind;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The runs of the report jobs in Spring Batch's job repository, as tests set them up and read them (a
 * plain object, not a bean: an extra bean would give the tests a context, and so a database, of their own).
 */
class BatchHistory {

    private final JobRepository jobs;
    private final JdbcTemplate jdbc;

    BatchHistory(JobRepository jobs, JdbcTemplate jdbc) {
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    /** Records a completed run of the period in the job repository, as a run before the test would have left it. */
    void recordCompleted(ReportKind report, String period) {
        record(report, period, null, BatchStatus.COMPLETED);
    }

    /** Records a completed preliminary run of the period with the data up to {@code upTo}, as run --preliminary leaves it. */
    void recordCompletedPreliminary(ReportKind report, String period, String upTo) {
        record(report, period, upTo, BatchStatus.COMPLETED);
    }

    /** Records a run of the period that is still STARTED, as a process killed during the run leaves it. */
    void recordStarted(ReportKind report, String period) {
        record(report, period, null, BatchStatus.STARTED);
    }

    /** The status of the latest run of the period. */
    BatchStatus lastStatus(ReportKind report, String period) {
        return jdbc.queryForObject("""
                SELECT e.STATUS FROM BATCH_JOB_INSTANCE i
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
                JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = 'period' AND p.PARAMETER_VALUE = ?
                ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1
                """, BatchStatus.class, ReportJobs.name(report), period);
    }

    private void record(ReportKind report, String period, String preliminaryUpTo, BatchStatus status) {
        JobParametersBuilder builder = new JobParametersBuilder().addString("report", report.key())
                .addString("period", period).addLong("run", 1L);
        if (preliminaryUpTo != null) {
            builder.addString("preliminary", preliminaryUpTo);
        }
        JobParameters parameters = builder.toJobParameters();
        JobInstance instance = jobs.createJobInstance(ReportJobs.name(report), parameters);
        JobExecution execution = jobs.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        if (status == BatchStatus.COMPLETED) {
            execution.setEndTime(LocalDateTime.now());
        }
        execution.setStatus(status);
        execution.setExitStatus(status == BatchStatus.COMPLETED ? ExitStatus.COMPLETED : ExitStatus.EXECUTING);
        jobs.update(execution);
    }

    /** Deletes the report's job instances whose period starts with {@code prefix}, as if never run. */
    void forget(ReportKind report, String prefix) {
        for (JobInstance instance : jobs.findJobInstances(ReportJobs.name(report))) {
            var last = jobs.getLastJobExecution(instance);
            String period = last == null ? "" : last.getJobParameters().getString("period");
            if (period != null && period.startsWith(prefix)) {
                jobs.deleteJobInstance(instance);
            }
        }
    }

    Map<String, Long> completedRuns(String job, String periodLike) {
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
}
