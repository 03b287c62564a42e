package io.kpipeline.delivery;

import io.kpipeline.system.KpiException;

/**
 * A delivery the database cut short: the ledger cannot be written, so this says what left and what did
 * not. The messages not sent stay missing in the ledger (or claimed, and so sent again under the same
 * Message-ID), and running the report again sends them.
 */
public final class DeliveryInterrupted extends KpiException {

    private final transient DeliveryReport report;

    DeliveryInterrupted(DeliveryReport report, Throwable cause) {
        super("The delivery stopped because the database failed. " + report.whatLeft(), cause);
        this.report = report;
    }

    /** Every planned message, with the messages not sent as failed. */
    public DeliveryReport report() {
        return report;
    }
}
