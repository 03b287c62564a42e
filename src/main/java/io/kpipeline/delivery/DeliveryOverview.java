package io.kpipeline.delivery;

import io.kpipeline.report.RenderedPdf;
import io.kpipeline.system.NeedsNoDatabase;
import org.springframework.stereotype.Component;

/**
 * What delivery will do, told without a database, for check-config: where the messages go and how many
 * addresses each report reaches.
 */
@Component
@NeedsNoDatabase
public class DeliveryOverview {

    private static final RenderedPdf REPORT_PDF = new RenderedPdf("", null);

    private final RecipientDirectory directory;
    private final MailTransport transport;

    DeliveryOverview(RecipientDirectory directory, MailTransport transport) {
        this.directory = directory;
        this.transport = transport;
    }

    /** One line: where messages go and how many addresses each report has. */
    public String describe() {
        StringBuilder b = new StringBuilder("Delivery: ").append(transport.outbox()
                ? "to the outbox " + transport.outboxFolder() + " (no spring.mail.host is set)"
                : "by SMTP via " + transport.server());
        for (String report : RecipientDirectory.REPORTS) {
            b.append(", ").append(report).append(' ').append(directory.of(report, REPORT_PDF).size())
                    .append(" recipients");
        }
        return b.append(directory.admin().isBlank() ? ", no admin address." : ", admin " + directory.admin() + ".")
                .toString();
    }
}
