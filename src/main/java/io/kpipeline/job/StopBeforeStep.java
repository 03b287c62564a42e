package io.kpipeline.job;

import io.kpipeline.system.StopRequest;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Starts no step of a report job once the process was asked to stop (SIGTERM or Ctrl-C during {@code run}):
 * the step ends STOPPED before its work, the job with it, and running the same command again resumes there.
 * A step under way when the request comes finishes first.
 */
@Component
class StopBeforeStep implements StepExecutionListener {

    private final StopRequest stop;

    StopBeforeStep(StopRequest stop) {
        this.stop = stop;
    }

    @Override
    public void beforeStep(StepExecution step) {
        if (stop.requested()) {
            step.setTerminateOnly();
        }
    }
}
