package io.kpipeline.system;

import org.springframework.stereotype.Component;

/**
 * Whether the command running a report was asked to stop (SIGTERM or Ctrl-C during {@code run}): the message
 * being sent is sent and recorded in the delivery ledger, and no further message, step or run starts, so that
 * the next run resumes with nothing sent twice. The scheduler never asks: there a running report finishes
 * whole before the process ends.
 */
@Component
@NeedsNoDatabase
public class StopRequest {

    private volatile boolean requested;

    public void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }
}
