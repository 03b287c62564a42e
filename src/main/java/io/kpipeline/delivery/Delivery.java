package io.kpipeline.delivery;

import io.kpipeline.delivery.DeliveryLedger.State;
import io.kpipeline.delivery.DeliveryReport.Line;
import io.kpipeline.delivery.DeliveryReport.Result;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.StopRequest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

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
    private final StopRequest stop;

    Delivery(RecipientDirectory directory, DeliveryLedger ledger, MailComposer composer, MailTransport transport,
            FreshnessGate gate, DeliverySettings settings, StopRequest stop) {
        this.directory = directory;
        this.ledger = ledger;
        this.composer = composer;
        this.transport = transport;
        this.gate = gate;
        this.settings = settings;
        this.stop = stop;
    }

    /** A message to send: whom to, which PDF, and its row in the ledger. */
    private record Planned(Recipient to, Path pdf, DeliveryLedger.Key key) {
    }

    /**
     * @param edition the report and period delivered, and whether it is a preliminary report
     * @param csv     the run's kpi-results.csv, attached to the report's own messages
     */
    public DeliveryReport deliver(Edition edition, List<RenderedPdf> rendered, Path csv, DeliveryOptions options) {
        ReportKind report = edition.report();
        ReportingPeriod period = edition.period();
        if (!options.mail()) {
            return DeliveryReport.nothing("nothing mailed (--no-mail).");
        }
        if (!directory.mailed(report)) {
            return DeliveryReport.nothing("nothing mailed: kpi.reports." + report.key() + ".mail is false.");
        }
        if (rendered.isEmpty()) {
            return DeliveryReport.nothing("nothing mailed: the " + report.key() + " report has no PDF to deliver yet.");
        }
        List<Planned> plan = new ArrayList<>();
        List<Line> unaddressed = new ArrayList<>();
        Map<String, Set<String>> repsOfFile = rendered.stream().filter(RenderedPdf::isPersonal).collect(
                Collectors.groupingBy(RenderedPdf::file, Collectors.mapping(RenderedPdf::salesRepId, Collectors.toSet())));
        // the report's own PDF in each language rendered; a recipient whose language was not rendered (a run
        // resumed from before the recipient was added) receives the one in the reports' language
        String reportsLanguage = directory.reportsLanguage();
        List<RenderedPdf> own = rendered.stream().filter(pdf -> !pdf.isPersonal()).toList();
        Map<String, RenderedPdf> ownIn = new HashMap<>();
        own.forEach(pdf -> ownIn.putIfAbsent(pdf.languageOr(reportsLanguage), pdf));
        if (!own.isEmpty()) {
            RenderedPdf fallback = ownIn.getOrDefault(reportsLanguage, own.get(0));
            directory.of(report, fallback).forEach(to -> plan.add(new Planned(to,
                    Path.of(ownIn.getOrDefault(to.language(), fallback).file()), DeliveryLedger.Key.of(edition, to))));
        }
        for (RenderedPdf pdf : rendered) {
            if (!pdf.isPersonal()) {
                continue;
            }
            if (repsOfFile.get(pdf.file()).size() > 1) {
                // a personal report goes to the rep it was rendered for, by id; one file for two reps is either's
                unaddressed.add(new Line("rep:" + pdf.salesRepId(), "(not sent)", Result.FAILED, "the personal"
                        + " reports of " + String.join(" and ", new TreeSet<>(repsOfFile.get(pdf.file()))) + " are"
                        + " one file, " + pdf.file() + ", so it is sent to neither; report this as a bug"));
                continue;
            }
            try {
                directory.of(report, pdf).forEach(to -> plan.add(new Planned(to, Path.of(pdf.file()),
                        DeliveryLedger.Key.of(edition, to))));
            } catch (KpiException e) {
                // a rep without a usable address: the others are delivered, the run fails naming this one
                unaddressed.add(new Line("rep:" + pdf.salesRepId(), "(no address)", Result.FAILED, e.getMessage()));
            }
        }
        if (plan.isEmpty() && unaddressed.isEmpty()) {
            return DeliveryReport.nothing("nothing mailed: no recipients are set (kpi.reports." + report.key()
                    + ".recipients).");
        }
        boolean outbox = transport.outbox();
        String outboxFolder = outbox ? transport.outboxFolder().toString() : null;
        List<Line> lines = new ArrayList<>(unaddressed);
        DeliveryDeadline deadline = transport.deadline();
        FreshnessGate.Finding freshness = options.force() ? FreshnessGate.Finding.NONE : gate.check(edition);
        if (freshness.holds()) {
            String reason = "Held: " + freshness.reason();
            for (Planned p : plan) {
                if (!options.resend() && alreadyDone(p.key(), outbox)) {
                    lines.add(line(p, Result.ALREADY_SENT, null));
                } else {
                    ledger.hold(p.key(), reason);
                    lines.add(line(p, Result.HELD, null));
                }
            }
            String notice = lines.stream().anyMatch(l -> l.result() == Result.HELD)
                    ? notify(edition, "held", freshness.reason(), deadline)
                    : null;
            return new DeliveryReport(lines, freshness.reason(), notice, outboxFolder, null, freshness.future());
        }
        MailTables.ForEdition mails = composer.tables(edition);
        for (Planned p : plan) {
            // asked to stop (SIGTERM, Ctrl-C): the message before this one has left and is recorded; no other starts
            if (stop.requested()) {
                lines.add(line(p, Result.STOPPED, null));
                continue;
            }
            try {
                lines.add(deliver(mails, p, csv, options.resend(), outbox, deadline));
            } catch (DataAccessException | TransactionException e) {
                throw interrupted(lines, plan.subList(plan.indexOf(p), plan.size()), deadline, outboxFolder, e);
            }
        }
        List<Line> failed = lines.stream().filter(l -> l.result() == Result.FAILED).toList();
        String notice = failed.isEmpty() ? null : notify(edition, "failed",
                failed.stream().map(Line::toString).collect(Collectors.joining("\n")), deadline);
        return new DeliveryReport(lines, null, notice, outboxFolder, null, freshness.future());
    }

    /**
     * The languages the report's recipients read, the reports' language first: the render step writes the report
     * once in each, and each recipient receives the one in their language.
     */
    public Set<String> languages(ReportKind report) {
        Set<String> languages = new LinkedHashSet<>();
        languages.add(directory.reportsLanguage());
        directory.of(report, new RenderedPdf("", null)).forEach(to -> languages.add(to.language()));
        return languages;
    }

    private boolean alreadyDone(DeliveryLedger.Key key, boolean outbox) {
        return ledger.find(key).map(e -> e.state() == State.SENT || (outbox && e.state() == State.OUTBOX)).orElse(false);
    }

    private Line deliver(MailTables.ForEdition mails, Planned p, Path csv, boolean resend, boolean outbox,
            DeliveryDeadline deadline) {
        Edition edition = mails.edition();
        ReportKind report = edition.report();
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
            message = composer.compose(transport.session(), claimed.get(), mails, p.to(), p.pdf(), csv);
        } catch (MessagingException | RuntimeException e) {
            String error = SmtpErrors.describe(e);
            ledger.failed(p.key(), 0, error);
            return line(p, Result.FAILED, "the message could not be composed: " + error);
        }
        int attempts;
        try {
            attempts = transport.send(message, report.key() + "-" + period.id() + "-" + p.key().document() + "-"
                    + p.to().address(), deadline);
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

    /**
     * The delivery the database stopped, with the messages still planned: the one in hand left when the transport
     * handed it over (only the ledger could not record it); the others were not sent.
     */
    private static DeliveryInterrupted interrupted(List<Line> lines, List<Planned> rest,
            DeliveryDeadline deadline, String outboxFolder, RuntimeException e) {
        List<Line> all = new ArrayList<>(lines);
        long recorded = lines.stream().filter(l -> l.result() == Result.SENT || l.result() == Result.WRITTEN).count();
        for (Planned p : rest) {
            boolean left = p == rest.get(0) && deadline.handedOver() > recorded;
            all.add(left ? line(p, outboxFolder == null ? Result.SENT : Result.WRITTEN,
                    p.pdf().getFileName() + " (" + DeliveryReport.UNRECORDED + ")")
                    : line(p, Result.FAILED, "not sent: the database failed"));
        }
        return new DeliveryInterrupted(new DeliveryReport(all, null, null, outboxFolder, null, null), e);
    }

    private static Line line(Planned p, Result result, String detail) {
        return new Line(p.to().document(), p.to().address(), result,
                detail != null ? detail : result == Result.HELD || result == Result.STOPPED ? null
                        : p.pdf().getFileName().toString());
    }

    private String messageId(ReportKind report, ReportingPeriod period) {
        String from = settings.from();
        return "<" + UUID.randomUUID() + "." + report.key() + "." + period.id().replace(':', '-') + ".kpi-pipeline@"
                + from.substring(from.indexOf('@') + 1) + ">";
    }

    /**
     * Tells the admin address, in the reports' language, that the edition's delivery was {@code what} ({@code held}
     * or {@code failed}) and why; says what became of the notice.
     */
    private String notify(Edition edition, String what, String detail, DeliveryDeadline deadline) {
        ReportKind report = edition.report();
        ReportingPeriod period = edition.period();
        String admin = directory.admin();
        if (admin.isBlank()) {
            return "No admin address is set (kpi.delivery.admin), so nobody else was told.";
        }
        try {
            MimeMessage notice = composer.notice(transport.session(), messageId(report, period), edition, admin,
                    directory.reportsLanguage(), what, detail);
            transport.sendNotice(notice, "notice-" + what + "-" + report.key() + "-" + period.id() + "-" + UUID.randomUUID(),
                    deadline);
            return transport.outbox() ? "A notice to the admin address " + admin + " was written to the outbox."
                    : "A notice went to the admin address " + admin + ".";
        } catch (MailTransport.Undeliverable e) {
            return "The notice to the admin address " + admin + " could not be " + (transport.outbox() ? "written"
                    : "sent") + " either: " + KpiException.clause(e.getMessage()) + ".";
        } catch (MessagingException e) {
            return "The notice to the admin address " + admin + " could not be composed: "
                    + KpiException.clause(SmtpErrors.describe(e)) + ".";
        }
    }
}
