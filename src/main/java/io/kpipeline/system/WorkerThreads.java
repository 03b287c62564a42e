package io.kpipeline.system;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The few threads a step spreads its work over (the KPI computations, the PDFs of a report): daemon threads, so
 * that a pool left behind never keeps the process alive, and results taken back as the work threw them.
 */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    /** A pool of {@code threads} daemon threads named {@code name}; the caller shuts it down. */
    public static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * What {@code work} gave, once it is done. A RuntimeException or Error of the work is thrown as it was thrown,
     * any other failure wrapped with its message; waiting interrupted keeps the interrupt and fails with
     * "Interrupted while {@code what}".
     */
    public static <T> T result(Future<T> work, String what) {
        try {
            return work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + what, e);
        }
    }
}
