package io.kpipeline.delivery;

import java.time.Duration;

/**
 * One report's delivery against {@code kpi.delivery.deadline}, counted from its start: its messages may be
 * handed over until the deadline less a reserve for the admin notice (a tenth of the deadline, at most
 * {@code kpi.delivery.timeout}), the notice until the deadline itself. It counts the messages handed over,
 * so that a delivery the database interrupts can still tell whether the last one left.
 */
final class DeliveryDeadline {

    private final long start = System.nanoTime();
    private final Duration length;
    private final Duration reserve;
    private int handedOver;

    DeliveryDeadline(Duration length, Duration timeout) {
        this.length = length;
        Duration tenth = length.dividedBy(10);
        this.reserve = timeout.compareTo(tenth) < 0 ? timeout : tenth;
    }

    /** When the messages' time is up, on {@link System#nanoTime()}'s clock. */
    long messagesEnd() {
        return start + length.minus(reserve).toNanos();
    }

    /** When the notice's time, and the delivery's, is up, on {@link System#nanoTime()}'s clock. */
    long end() {
        return start + length.toNanos();
    }

    void countHandedOver() {
        handedOver++;
    }

    /** The messages handed to the server (or written to the outbox) under this deadline, notices aside. */
    int handedOver() {
        return handedOver;
    }

    /** "the delivery deadline of 3 s (kpi.delivery.deadline)" */
    @Override
    public String toString() {
        long millis = length.toMillis();
        String text = millis % 60_000 == 0 ? millis / 60_000 + " min"
                : millis % 1_000 == 0 ? millis / 1_000 + " s" : millis + " ms";
        return "the delivery deadline of " + text + " (kpi.delivery.deadline)";
    }
}
