package io.kpipeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StopRequestTests {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aRequestInterruptsARegisteredWaitAndClosingClearsThatInterrupt() {
        StopRequest stop = new StopRequest();
        try (StopRequest.Waits waits = stop.endsWaits()) {
            stop.request();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        }
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void closingKeepsAnInterruptThatDidNotComeFromTheRequest() {
        StopRequest stop = new StopRequest();
        try (StopRequest.Waits waits = stop.endsWaits()) {
            // an interrupt meant for the thread, say a pool shutting it down
            Thread.currentThread().interrupt();
        }
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aRequestAfterClosingInterruptsNothing() {
        StopRequest stop = new StopRequest();
        stop.endsWaits().close();
        stop.request();
        assertThat(stop.requested()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
