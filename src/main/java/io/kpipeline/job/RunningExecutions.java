package io.kpipeline.job;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The report jobs' executions under way in this process, by their parameters. When the database dies
 * during a run, Spring Batch cannot record the execution's end and throws instead of returning it;
 * {@link ReportRunner} then takes from here what the run did (the step it was in, what it delivered).
 * The run stays STARTED in the database; a later run in the same process (the scheduler's next firing)
 * finds it here no longer, and so knows it to be abandoned.
 */
@Component
class RunningExecutions implements JobExecutionListener {

    private final Map<JobParameters, JobExecution> running = new ConcurrentHashMap<>();

    @Override
    public void beforeJob(JobExecution execution) {
        running.put(execution.getJobParameters(), execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getJobParameters());
    }

    /** Whether the execution is running in this process right now. */
    boolean isRunning(JobExecution execution) {
        return running.values().stream().anyMatch(e -> e.getId() == execution.getId());
    }

    /** The execution started with these parameters, if it has not ended normally; forgets it. */
    Optional<JobExecution> take(JobParameters parameters) {
        return Optional.ofNullable(running.remove(parameters));
    }
}
