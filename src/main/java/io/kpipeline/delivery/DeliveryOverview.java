package io.kpipeline.delivery;

import io.kpipeline.period.ReportKind;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.system.NeedsNoDatabase;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The reports that would be mailed to nobody, each as one problem naming its setting: a report without
     * recipients is a mistake unless {@code kpi.reports.<report>.mail: false} says it is not to be mailed.
     */
    public List<String> unaddressed() {
        List<String> problems = new ArrayList<>();
        for (ReportKind report : ReportKind.values()) {
            if (directory.mailed(report) && directory.of(report, REPORT_PDF).isEmpty()) {
                String key = "kpi.reports." + report.key();
                problems.add(key + ".recipients is empty: nobody would receive the " + report.key() + " report. Add an"
                        + " address or role:<name>, or set " + key + ".mail: false to write its files only");
            }
        }
        return problems;
    }

    /** One line: where messages go and how many addresses each report has. */
    public String describe() {
        StringBuilder b = new StringBuilder("Delivery: ").append(transport.outbox()
                ? "to the outbox " + transport.outboxFolder() + " (no spring.mail.host is set)"
                : "by SMTP via " + transport.server());
        for (ReportKind report : ReportKind.values()) {
            int recipients = directory.mailed(report) ? directory.of(report, REPORT_PDF).size() : 0;
            b.append(", ").append(report.key()).append(!directory.mailed(report) ? " not mailed"
                    : " " + recipients + (recipients == 1 ? " recipient" : " recipients"));
        }
        return b.append(directory.admin().isBlank() ? ", no admin address." : ", admin " + directory.admin() + ".")
                .toString();
    }
}
