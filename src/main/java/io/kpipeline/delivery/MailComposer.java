package io.kpipeline.delivery;

import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.report.ReportFormat;
import io.kpipeline.system.KpiProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes the message of one document to one recipient in the recipient's language: the subject names
 * report and period, the HTML body shows the KPIs the report leads with (see {@link MailTables}) so that it
 * can be read without opening anything, and the PDF (and for the report's own recipients kpi-results.csv) is attached.
 * A small sample shows its case count ("n = 4") and no status.
 */
@Component
class MailComposer {

    private static final Map<String, String> STATUS_COLOURS = Map.of("GOOD", "#1b7f3b", "WARN", "#b26a00",
            "BAD", "#b3261e", "NEUTRAL", "#555555");

    private final MailTables tables;
    private final DeliverySettings settings;
    private final Currency currency;
    private final int smallSample;

    MailComposer(MailTables tables, DeliverySettings settings, KpiProperties properties, KpiSettings kpiSettings) {
        this.tables = tables;
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
            case WEEKLY -> format.text("mail.subject.weekly", period.start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                    Integer.toString(period.start().get(IsoFields.WEEK_BASED_YEAR)));
            case MONTHLY -> format.text("mail.subject.monthly",
                    DateTimeFormatter.ofPattern("LLLL yyyy", format.locale()).format(period.start()));
            case QUARTERLY -> format.text("mail.subject.quarterly",
                    Integer.toString(period.start().get(IsoFields.QUARTER_OF_YEAR)), year);
            case YEARLY -> format.text("mail.subject.yearly", year);
            case REVIEW -> format.text("mail.subject.review", format.date(period.start()), format.date(period.last()));
        };
        return format.title(edition, subject);
    }

    /** The tables of the messages of one edition's delivery, which share what they read. */
    MailTables.ForEdition tables(Edition edition) {
        return tables.of(edition);
    }

    MimeMessage compose(Session session, String messageId, MailTables.ForEdition mails, Recipient to, Path pdf,
            Path csv) throws MessagingException {
        Edition edition = mails.edition();
        ReportingPeriod period = edition.period();
        ReportFormat format = new ReportFormat(to.locale(), currency);
        boolean personal = !Recipient.REPORT.equals(to.document());
        MimeMessage message = new IdentifiedMessage(session, messageId);
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(to.address());
        String subject = subject(edition, format);
        helper.setSubject(personal ? format.text("mail.subject.personal", subject) : subject);
        MailTable table = mails.of(to, format);
        helper.setText(plain(format, edition, table, personal), html(format, subject, edition, table, personal));
        helper.addAttachment(pdf.getFileName().toString(), new FileSystemResource(pdf), "application/pdf");
        if (!personal && Files.exists(csv)) {
            helper.addAttachment("kpi-results.csv", new FileSystemResource(csv), "text/csv");
        }
        return message;
    }

    private String html(ReportFormat format, String subject, Edition edition, MailTable table, boolean personal) {
        // the viewport keeps a phone from laying the mail out 980 px wide and shrinking it; a 14 px table with 4 px
        // padding keeps all four columns on a phone's 360 px, and 640 px keep the lines readable on a wide screen
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>").append(esc(subject))
                .append("</title></head><body style=\"margin:0;padding:8px;font-family:Arial,Helvetica,sans-serif;"
                        + "color:#222;\"><div style=\"max-width:640px;\"><h2 style=\"margin:0 0 8px 0;font-size:22px;\">")
                .append(esc(subject)).append("</h2>");
        if (edition.isPreliminary()) {
            b.append("<p style=\"background:#F5CFCF;color:#8E1B1B;font-weight:bold;padding:6px;\">")
                    .append(esc(preliminary(format, edition))).append("</p>");
        }
        if (table.greeting() != null) {
            b.append("<p>").append(esc(table.greeting())).append("</p>");
        }
        b.append("<p>").append(esc(table.intro())).append("</p>");
        if (!table.rows().isEmpty()) {
            b.append("<table style=\"border-collapse:collapse;font-size:14px;width:100%;\" cellpadding=\"4\"><tr"
                    + " style=\"background:#eee;\">");
            for (int i = 0; i < table.heads().size(); i++) {
                // the heads of the figures stand over them, on the right; the KPI's and the status's on the left
                boolean figure = i > 0 && i < table.heads().size() - 1;
                b.append("<th style=\"text-align:").append(figure ? "right" : "left").append(";\">")
                        .append(esc(table.heads().get(i))).append("</th>");
            }
            b.append("</tr>");
            for (MailTable.Row row : table.rows()) {
                b.append("<tr style=\"border-top:1px solid #ddd;\"><td>").append(esc(row.name()))
                        .append("</td><td style=\"text-align:right;white-space:nowrap;\">").append(esc(row.value()));
                if (row.cases() != null) {
                    b.append("<br><span style=\"color:#555555;font-size:small;\">").append(esc(row.cases()))
                            .append("</span>");
                }
                b.append("</td>");
                for (String cell : row.cells()) {
                    b.append("<td style=\"text-align:right;white-space:nowrap;\">").append(esc(cell)).append("</td>");
                }
                if (row.tone() == null) {
                    b.append("<td></td></tr>");
                } else {
                    b.append("<td style=\"color:").append(STATUS_COLOURS.get(row.tone())).append(";font-weight:bold;\">")
                            .append(esc(row.status())).append("</td></tr>");
                }
            }
            b.append("</table>");
        }
        for (String note : notes(format, table)) {
            b.append("<p style=\"color:#555555;font-size:small;\">").append(esc(note)).append("</p>");
        }
        return b.append("<p>").append(esc(format.text(personal ? "mail.attachedPersonal" : "mail.attached")))
                .append("</p><p style=\"color:#777;font-size:small;\">").append(esc(format.text("mail.footer")))
                .append("</p></div></body></html>").toString();
    }

    private String plain(ReportFormat format, Edition edition, MailTable table, boolean personal) {
        StringBuilder b = new StringBuilder();
        if (edition.isPreliminary()) {
            b.append(preliminary(format, edition)).append("\n\n");
        }
        if (table.greeting() != null) {
            b.append(table.greeting()).append("\n\n");
        }
        b.append(table.intro()).append("\n\n");
        for (MailTable.Row row : table.rows()) {
            // "Gewinnrate: 25,0 %, n = 4 (-25,0 Pp)"; a rep's: "Gewinnrate: 25,0 % (Team: 30,0 %, gut)"
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                cells.add(personal ? table.heads().get(2 + i) + ": " + row.cells().get(i) : row.cells().get(i));
            }
            if (!row.status().isEmpty()) {
                cells.add(row.status());
            }
            b.append(row.name()).append(": ").append(row.value())
                    .append(row.cases() == null ? "" : ", " + row.cases()).append(" (").append(String.join(", ", cells))
                    .append(")\n");
        }
        for (String note : notes(format, table)) {
            b.append('\n').append(note).append('\n');
        }
        return b.append('\n').append(format.text(personal ? "mail.attachedPersonal" : "mail.attached")).append('\n')
                .toString();
    }

    /** The table's notes, and what n is where a row shows a case count. */
    private List<String> notes(ReportFormat format, MailTable table) {
        List<String> notes = new ArrayList<>(table.notes());
        if (table.rows().stream().anyMatch(r -> r.cases() != null)) {
            notes.add(format.text("mail.casesNote", smallSample));
        }
        return notes;
    }

    /**
     * The notice to the admin that the edition's delivery was {@code what} ({@code held} or {@code failed}), in
     * {@code language}: the report by its subject, why, and what to do next.
     *
     * @param detail the freshness finding, or the failed messages one a line
     */
    MimeMessage notice(Session session, String messageId, Edition edition, String admin, String language, String what,
            String detail) throws MessagingException {
        ReportFormat format = new ReportFormat(Locale.forLanguageTag(language), currency);
        String report = subject(edition, format);
        MimeMessage notice = new IdentifiedMessage(session, messageId);
        MimeMessageHelper helper = new MimeMessageHelper(notice, false, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(admin);
        helper.setSubject(format.text("notice.subject." + what, report));
        helper.setText(format.text("notice." + what, report, detail) + "\n");
        return notice;
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
