package io.kpipeline.delivery;

import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.report.ReportFormat;
import io.kpipeline.report.ReportSettings;
import io.kpipeline.system.KpiProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes the message of one document to one recipient in the recipient's language: the subject names
 * report and period, the HTML body shows the focus KPIs with value, change and status so that it can be
 * read without opening anything, and the PDF (and for the report's own recipients kpi-results.csv) is attached.
 * A small sample shows its case count ("n = 4") and no status.
 */
@Component
class MailComposer {

    private static final Map<String, String> STATUS_COLOURS = Map.of("GOOD", "#1b7f3b", "WARN", "#b26a00",
            "BAD", "#b3261e", "NEUTRAL", "#555555");

    private final KpiResultRepository results;
    private final KpiCatalog catalog;
    private final ReportSettings reports;
    private final DeliverySettings settings;
    private final Currency currency;
    private final int smallSample;

    MailComposer(KpiResultRepository results, KpiCatalog catalog, ReportSettings reports, DeliverySettings settings,
            KpiProperties properties, KpiSettings kpiSettings) {
        this.results = results;
        this.catalog = catalog;
        this.reports = reports;
        this.settings = settings;
        this.currency = Currency.getInstance(properties.currency());
        this.smallSample = kpiSettings.smallSample();
    }

    /**
     * The subject of the report's message, e.g. "Wochenbericht KW 44/2026", "Quartalsbericht Q3 2026",
     * "Monatsbericht Dezember 2026 (vorläufig)".
     */
    String subject(Edition edition, ReportFormat format) {
        ReportingPeriod period = edition.period();
        String year = Integer.toString(period.start().getYear());
        String subject = switch (edition.report()) {
            case "weekly" -> format.text("mail.subject.weekly", period.start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                    Integer.toString(period.start().get(IsoFields.WEEK_BASED_YEAR)));
            case "monthly" -> format.text("mail.subject.monthly",
                    DateTimeFormatter.ofPattern("LLLL yyyy", format.locale()).format(period.start()));
            case "quarterly" -> format.text("mail.subject.quarterly",
                    Integer.toString(period.start().get(IsoFields.QUARTER_OF_YEAR)), year);
            case "yearly" -> format.text("mail.subject.yearly", year);
            default -> format.text("mail.subject.review", format.date(period.start()), format.date(period.last()));
        };
        return format.title(edition, subject);
    }

    MimeMessage compose(Session session, String messageId, Edition edition, Recipient to, Path pdf, Path csv)
            throws MessagingException {
        String report = edition.report();
        ReportingPeriod period = edition.period();
        ReportFormat format = new ReportFormat(to.locale(), currency);
        boolean personal = !Recipient.REPORT.equals(to.document());
        MimeMessage message = new IdentifiedMessage(session, messageId);
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(to.address());
        String subject = subject(edition, format);
        helper.setSubject(personal ? format.text("mail.subject.personal", subject) : subject);
        helper.setText(plain(format, edition, personal), html(format, subject, edition, personal));
        helper.addAttachment(pdf.getFileName().toString(), new FileSystemResource(pdf), "application/pdf");
        if (!personal && Files.exists(csv)) {
            helper.addAttachment("kpi-results.csv", new FileSystemResource(csv), "text/csv");
        }
        return message;
    }

    /**
     * A focus KPI as the mail lists it.
     *
     * @param cases  "n = 4" for a small sample, else null
     * @param status GOOD, WARN, BAD or NEUTRAL, null for a small sample, which is not judged
     */
    private record FocusRow(String name, String value, String cases, String change, String status) {
    }

    private List<FocusRow> focusRows(ReportFormat format, String report, ReportingPeriod period) {
        List<String> focus = reports.weekly().focus();
        Map<String, StoredResult> totals = results.find(report, period, focus).stream()
                .filter(StoredResult::isTotal).collect(Collectors.toMap(StoredResult::kpiId, Function.identity()));
        return focus.stream().map(id -> {
            KpiDefinition kpi = catalog.get(id);
            StoredResult r = totals.get(id);
            String name = kpi.name().in(format.locale());
            if (r == null) {
                return new FocusRow(name, format.none(), null, format.none(), "NEUTRAL");
            }
            boolean small = r.isSmallSample();
            return new FocusRow(name, format.value(r.value(), kpi.unit()),
                    small ? format.text("mail.cases", r.cases()) : null,
                    format.change(r.change(), r.relativeChange(), kpi.unit()), small ? null : r.status().name());
        }).toList();
    }

    private String html(ReportFormat format, String subject, Edition edition, boolean personal) {
        ReportingPeriod period = edition.period();
        String report = edition.report();
        // a 14 px table with 4 px padding keeps all four columns on a phone's 390 px
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>")
                .append(esc(subject)).append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;"
                        + "color:#222;\"><h2 style=\"margin:0 0 8px 0;\">").append(esc(subject)).append("</h2>");
        if (edition.isPreliminary()) {
            b.append("<p style=\"background:#F5CFCF;color:#8E1B1B;font-weight:bold;padding:6px;\">")
                    .append(esc(preliminary(format, edition))).append("</p>");
        }
        b.append("<p>")
                .append(esc(format.text("mail.intro", format.date(period.start()), format.date(period.last()))))
                .append("</p><table style=\"border-collapse:collapse;font-size:14px;\" cellpadding=\"4\"><tr style=\"background:#eee;"
                        + "text-align:left;\">");
        for (String head : List.of("mail.kpi", "mail.value", "mail.change", "mail.status")) {
            b.append("<th>").append(esc(format.text(head))).append("</th>");
        }
        b.append("</tr>");
        List<FocusRow> rows = focusRows(format, report, period);
        for (FocusRow row : rows) {
            b.append("<tr style=\"border-top:1px solid #ddd;\"><td>").append(esc(row.name()))
                    .append("</td><td style=\"text-align:right;white-space:nowrap;\">").append(esc(row.value()));
            if (row.cases() != null) {
                b.append("<br><span style=\"color:#555555;font-size:small;\">").append(esc(row.cases())).append("</span>");
            }
            b.append("</td><td style=\"text-align:right;white-space:nowrap;\">").append(esc(row.change())).append("</td>");
            if (row.status() == null) {
                b.append("<td></td></tr>");
            } else {
                b.append("<td style=\"color:").append(STATUS_COLOURS.get(row.status())).append(";font-weight:bold;\">")
                        .append(esc(format.text("status." + row.status()))).append("</td></tr>");
            }
        }
        b.append("</table>");
        if (rows.stream().anyMatch(r -> r.cases() != null)) {
            b.append("<p style=\"color:#555555;font-size:small;\">")
                    .append(esc(format.text("mail.casesNote", smallSample))).append("</p>");
        }
        return b.append("<p>").append(esc(format.text(personal ? "mail.attachedPersonal" : "mail.attached")))
                .append("</p><p style=\"color:#777;font-size:small;\">").append(esc(format.text("mail.footer")))
                .append("</p></body></html>").toString();
    }

    private String plain(ReportFormat format, Edition edition, boolean personal) {
        ReportingPeriod period = edition.period();
        String report = edition.report();
        StringBuilder b = new StringBuilder();
        if (edition.isPreliminary()) {
            b.append(preliminary(format, edition)).append("\n\n");
        }
        b.append(format.text("mail.intro", format.date(period.start()), format.date(period.last()))).append("\n\n");
        List<FocusRow> rows = focusRows(format, report, period);
        for (FocusRow row : rows) {
            b.append(row.name()).append(": ").append(row.value())
                    .append(row.cases() == null ? "" : ", " + row.cases()).append(" (").append(row.change())
                    .append(row.status() == null ? "" : ", " + format.text("status." + row.status())).append(")\n");
        }
        if (rows.stream().anyMatch(r -> r.cases() != null)) {
            b.append('\n').append(format.text("mail.casesNote", smallSample)).append('\n');
        }
        return b.append('\n').append(format.text(personal ? "mail.attachedPersonal" : "mail.attached")).append('\n')
                .toString();
    }

    /** "Vorläufig: Dieser Bericht zeigt die Daten bis 02.12.2026, nicht den abgeschlossenen Zeitraum (…)." */
    private static String preliminary(ReportFormat format, Edition edition) {
        return format.text("mail.preliminary", format.date(edition.preliminaryUpTo()),
                format.date(edition.period().start()), format.date(edition.period().last()));
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A message that keeps the Message-ID it was given instead of inventing a new one when it is saved. */
    static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
