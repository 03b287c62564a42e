package io.kpipeline.delivery;

/**
 * How a run delivers its report.
 *
 * @param mail   false to render only and send nothing ({@code --no-mail})
 * @param resend send again what the ledger records as sent ({@code --resend})
 * @param force  deliver although the freshness gate finds the source data incomplete ({@code --force})
 */
public record DeliveryOptions(boolean mail, boolean resend, boolean force) {

    /** Deliver as configured: send what has not been sent, hold while the data is incomplete. */
    public static final DeliveryOptions AS_CONFIGURED = new DeliveryOptions(true, false, false);
}
