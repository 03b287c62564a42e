package io.kpipeline.system;

import java.util.HashSet;
import java.util.Set;
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
    /** The threads whose waits a request ends ({@link #endsWaits}). */
    private final Set<Thread> waiting = new HashSet<>();
    /** Those of them the request has interrupted: only their interrupts are cleared. */
    private final Set<Thread> interrupted = new HashSet<>();

    public synchronized void request() {
        requested = true;
        waiting.forEach(Thread::interrupt);
        interrupted.addAll(waiting);
    }

    public boolean requested() {
        return requested;
    }

    /**
     * Lets a request to stop interrupt this thread until the returned handle is closed: for work whose waits
     * would only delay the stop, such as a retry's back-off. Only waits end: a message on its way over a socket
     * is not interrupted. Closing the handle clears the interrupt the request made, so that nothing after it sees
     * one; an interrupt from elsewhere stays.
     */
    public synchronized Waits endsWaits() {
        Thread thread = Thread.currentThread();
        waiting.add(thread);
        return () -> {
            synchronized (this) {
                waiting.remove(thread);
                if (interrupted.remove(thread)) {
                    Thread.interrupted();
                }
            }
        };
    }

    /** The handle of {@link #endsWaits}: closing it ends the interrupts. */
    public interface Waits extends AutoCloseable {
        @Override
        void close();
    }
}
