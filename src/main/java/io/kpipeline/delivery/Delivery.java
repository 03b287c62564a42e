package io.kpipeline.delivery;

import io.kpipeline.delivery.DeliveryLedger.State;
import io.kpipeline.delivery.DeliveryReport.Line;
import io.kpipeline.delivery.DeliveryReport.Result;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.system.KpiException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Delivers a run's rendered PDFs to their recipients, once: each message is claimed in the ledger
 * with its Message-ID before it leaves and marked sent after. A row found claimed but not sent (the
 * process died in between) is sent again under the same Message-ID: delivery is at-least-once, and
 * the rare repeat carries the identity by which mail systems recognise it.
 */
@Component
public class Delivery {

    private final RecipientDirectory directory;
    private final DeliveryLedger ledger;
    private final MailComposer composer;
    private final MailTransport transport;
    private final FreshnessGate gate;
    private final DeliverySettings settings;

    Delivery(RecipientDirectory directory, DeliveryLedger ledger, MailComposer composer, MailTransport transport,
            FreshnessGate gate, DeliverySettings settings) {
        this.directory = directory;
        this.ledger = ledger;
        this.composer = composer;
        this.transport = transport;
        this.gate = gate;
        this.settings = settings;
    }

    /** A message to send: whom to, which PDF, and its row in the ledger. */
    private record Planned(Recipient to, Path pdf, DeliveryLedger.Key key) {
    }

    /**
     * @param edition the report and period delivered, and whether it is a preliminary report
     * @param csv     the run's kpi-results.csv, attached to the report's own messages
     */
    public DeliveryReport deliver(Edition edition, List<RenderedPdf> rendered, Path csv, DeliveryOptions options) {
        String report = edition.report();
        ReportingPeriod period = edition.period();
        if (!options.mail()) {
            return DeliveryReport.nothing("nothing mailed (--no-mail).");
        }
        if (!directory.mailed(report)) {
            return DeliveryReport.nothing("nothing mailed: kpi.reports." + report + ".mail is false.");
        }
        if (rendered.isEmpty()) {
            return DeliveryReport.nothing("nothing mailed: the " + report + " report has no PDF to deliver yet.");
        }
        List<Planned> plan = new ArrayList<>();
        List<Line> unaddressed = new ArrayList<>();
        for (RenderedPdf pdf : rendered) {
            try {
                directory.of(report, pdf).forEach(to -> plan.add(new Planned(to, Path.of(pdf.file()),
                        DeliveryLedger.Key.of(edition, to))));
            } catch (KpiException e) {
                // a rep without a usable address: the others are delivered, the run fails naming this one
                unaddressed.add(new Line("rep:" + pdf.salesRepId(), "(no address)", Result.FAILED, e.getMessage()));
            }
        }
        if (plan.isEmpty() && unaddressed.isEmpty()) {
            return DeliveryReport.nothing("nothing mailed: no recipients are set (kpi.reports." + report
                    + ".recipients).");
        }
        boolean outbox = transport.outbox();
        String outboxFolder = outbox ? transport.outboxFolder().toString() : null;
        List<Line> lines = new ArrayList<>(unaddressed);
        Optional<String> stale = options.force() ? Optional.empty() : gate.check(edition);
        if (stale.isPresent()) {
            String reason = "Held: " + stale.get();
            for (Planned p : plan) {
                if (!options.resend() && alreadyDone(p.key(), outbox)) {
                    lines.add(line(p, Result.ALREADY_SENT, null));
                } else {
                    ledger.hold(p.key(), reason);
                    lines.add(line(p, Result.HELD, null));
                }
            }
            String notice = lines.stream().anyMatch(l -> l.result() == Result.HELD)
                    ? notify(report, period, "held", reason + ". Load the missing data and run the report again,"
                            + " or deliver as it is with --force.")
                    : null;
            return new DeliveryReport(lines, stale.get(), notice, outboxFolder, null);
        }
        for (Planned p : plan) {
            lines.add(deliver(edition, p, csv, options.resend(), outbox));
        }
        List<Line> failed = lines.stream().filter(l -> l.result() == Result.FAILED).toList();
        String notice = failed.isEmpty() ? null : notify(report, period, "failed", "These messages could not be"
                + " delivered:\n" + failed.stream().map(Line::toString).reduce("", (a, b) -> a + b + "\n")
                + "\nCheck spring.mail.* and the SMTP server, then run the report again: it sends only what is missing.");
        return new DeliveryReport(lines, null, notice, outboxFolder, null);
    }

    private boolean alreadyDone(DeliveryLedger.Key key, boolean outbox) {
        return ledger.find(key).map(e -> e.state() == State.SENT || (outbox && e.state() == State.OUTBOX)).orElse(false);
    }

    private Line deliver(Edition edition, Planned p, Path csv, boolean resend, boolean outbox) {
        String report = edition.report();
        ReportingPeriod period = edition.period();
        Optional<String> claimed = ledger.claim(p.key(), resend, outbox, messageId(report, period));
        if (claimed.isEmpty()) {
            return line(p, Result.ALREADY_SENT, null);
        }
        if (!Files.isReadable(p.pdf())) {
            String error = "the PDF " + p.pdf() + " no longer exists; run the report again";
            ledger.failed(p.key(), 0, error);
            return line(p, Result.FAILED, error);
        }
        MimeMessage message;
        try {
            message = composer.compose(transport.session(), claimed.get(), edition, p.to(), p.pdf(), csv);
        } catch (MessagingException | RuntimeException e) {
            String error = SmtpErrors.describe(e);
            ledger.failed(p.key(), 0, error);
            return line(p, Result.FAILED, "the message could not be composed: " + error);
        }
        int attempts;
        try {
            attempts = transport.send(message, report + "-" + period.id() + "-" + p.key().document() + "-"
                    + p.to().address());
        } catch (MailTransport.Undeliverable e) {
            ledger.failed(p.key(), e.attempts(), e.getMessage());
            return line(p, Result.FAILED, e.getMessage() + " (" + e.attempts() + " attempt"
                    + (e.attempts() == 1 ? "" : "s") + ")");
        }
        // Outside the catches on purpose: the message has left. When the ledger cannot record that (a deadlock,
        // a lost connection), the step fails and the row stays SENDING, so the next run sends it once more
        // under the same Message-ID; it must not be reported as a message that could not be composed.
        ledger.done(p.key(), outbox ? State.OUTBOX : State.SENT, attempts);
        return line(p, outbox ? Result.WRITTEN : Result.SENT, null);
    }

    private static Line line(Planned p, Result result, String detail) {
        return new Line(p.to().document(), p.to().address(), result,
                detail != null ? detail : result == Result.HELD ? null : p.pdf().getFileName().toString());
    }

    private String messageId(String report, ReportingPeriod period) {
        String from = settings.from();
        return "<" + UUID.randomUUID() + "." + report + "." + period.id().replace(':', '-') + ".kpi-pipeline@"
                + from.substring(from.indexOf('@') + 1) + ">";
    }

    /** Tells the admin address; says what became of the notice. */
    private String notify(String report, ReportingPeriod period, String what, String text) {
        String admin = directory.admin();
        if (admin.isBlank()) {
            return "No admin address is set (kpi.delivery.admin), so nobody else was told.";
        }
        try {
            MimeMessage notice = new MailComposer.IdentifiedMessage(transport.session(), messageId(report, period));
            var helper = new org.springframework.mail.javamail.MimeMessageHelper(notice, false, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(admin);
            helper.setSubject("[kpi-pipeline] Delivery " + what + ": " + report + " report " + period.id());
            helper.setText("The delivery of the " + report + " report for " + period.id() + " " + what + ".\n\n"
                    + text + "\n");
            transport.send(notice, "notice-" + what + "-" + report + "-" + period.id() + "-" + UUID.randomUUID());
            return "A notice went to the admin address " + admin + ".";
        } catch (MailTransport.Undeliverable e) {
            return "The notice to the admin address " + admin + " could not be sent either: " + e.getMessage() + ".";
        } catch (MessagingException e) {
            return "The notice to the admin address " + admin + " could not be composed: " + SmtpErrors.describe(e)
                    + ".";
        }
    }
}
