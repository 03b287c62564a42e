package io.kpipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WorkerThreadsTests {

    @Test
    void theWorkersAreNamedDaemonThreads() throws Exception {
        ExecutorService pool = WorkerThreads.pool(2, "test-worker");
        try {
            Thread worker = pool.submit(Thread::currentThread).get();
            assertThat(worker.getName()).isEqualTo("test-worker");
            assertThat(worker.isDaemon()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureOfTheWorkIsThrownAsItWasThrown() {
        ExecutorService pool = WorkerThreads.pool(1, "test-worker");
        try {
            IllegalArgumentException runtime = new IllegalArgumentException("bad value");
            AssertionError error = new AssertionError("broken");
            Future<Object> failing = pool.submit(() -> {
                throw runtime;
            });
            Future<Object> erring = pool.submit(() -> {
                throw error;
            });
            Future<Object> checked = pool.submit(() -> {
                throw new IOException("disk full");
            });

            assertThatThrownBy(() -> WorkerThreads.result(failing, "testing")).isSameAs(runtime);
            assertThatThrownBy(() -> WorkerThreads.result(erring, "testing")).isSameAs(error);
            assertThatThrownBy(() -> WorkerThreads.result(checked, "testing"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("disk full")
                    .hasCauseInstanceOf(IOException.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void waitingInterruptedKeepsTheInterruptAndSaysWhatWasAwaited() {
        Future<String> never = new CompletableFuture<>();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> WorkerThreads.result(never, "testing the pool"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("Interrupted while testing the pool");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theResultOfWorkDoneIsReturned() {
        assertThat(WorkerThreads.result(CompletableFuture.completedFuture("done"), "testing")).isEqualTo("done");
    }
}
