package io.kpipeline.schedule;

import io.kpipeline.job.ReportJobs;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The periods of a report that have completed, read from Spring Batch's job repository: a period
 * counts as done once any run of the report's job for it has completed, whether the scheduler,
 * {@code run} or {@code backfill} started it. A preliminary report is not the period's report: its
 * runs never count, so the scheduler's catch-up and backfill still run the period once it has ended.
 */
@Repository
public class CompletedPeriods {

    /**
     * The job's identifying parameter {@code period} (ReportRunParameters.PERIOD) of completed runs
     * without the parameter {@code preliminary} (ReportRunParameters.PRELIMINARY).
     */
    private static final String COMPLETED = """
            SELECT DISTINCT p.PARAMETER_VALUE
            FROM BATCH_JOB_INSTANCE i
            JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
            JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
            WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED' AND p.PARAMETER_NAME = 'period'
              AND NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS q
                              WHERE q.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND q.PARAMETER_NAME = 'preliminary')
            """;

    private final JdbcTemplate jdbc;

    CompletedPeriods(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the completed periods of the report, e.g. {@code 2026-W44}. */
    public Set<String> of(ReportKind report) {
        List<String> ids = jdbc.queryForList(COMPLETED, String.class, ReportJobs.name(report));
        return Set.copyOf(ids);
    }

    /** The completed periods of the report's own kind, parsed; ids that no longer parse are left out. */
    Set<ReportingPeriod> periods(ReportKind report) {
        return of(report).stream().flatMap(id -> {
            try {
                return Stream.of(ReportingPeriod.parse(id));
            } catch (IllegalArgumentException e) {
                return Stream.empty();
            }
        }).filter(p -> p.kind() == report.periodKind()).collect(Collectors.toSet());
    }
}
