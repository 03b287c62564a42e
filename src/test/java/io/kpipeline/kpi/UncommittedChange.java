package io.kpipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A change of another connection, neither committed nor rolled back while some work runs, as an import's. */
final class UncommittedChange {

    /** How long the work may take: a read that waited for the change's locks would wait 50 s (the lock wait timeout). */
    private static final long WORK_SECONDS = 10;

    private UncommittedChange() {
    }

    /**
     * Makes {@code change} in a transaction of its own thread and connection, runs {@code work} on another while
     * that transaction is open, and rolls the change back after. Returns what the work gave; fails when the work
     * took longer than {@value #WORK_SECONDS} s.
     */
    static <T> T whileHeld(PlatformTransactionManager transactions, Runnable change, Callable<T> work)
            throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> changing = threads.submit(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> {
                        status.setRollbackOnly();
                        change.run();
                        changed.countDown();
                        try {
                            done.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            assertThat(changed.await(10, TimeUnit.SECONDS)).as("the change is made").isTrue();
            Future<T> working = threads.submit(work);
            try {
                return working.get(WORK_SECONDS, TimeUnit.SECONDS);
            } finally {
                done.countDown();
                changing.get(60, TimeUnit.SECONDS);
                working.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
