package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.kpipeline.ingest.CsvImporter;
import io.kpipeline.ingest.FileResult;
import io.kpipeline.job.ReportRunner;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.report.PersonalWeeklyReport;
import io.kpipeline.report.RenderedPdf;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each rep receives their own personal report, also when two rep ids differ only in characters a file
 * name cannot hold: the reps come in through the real import, the weekly job renders and mails their
 * reports to a GreenMail server on loopback, and each attachment is read back.
 */
@SpringBootTest(properties = {"kpi.home=target/test-home-personal-delivery", "spring.mail.host=127.0.0.1",
        "spring.quartz.scheduler-name=kpi-pipeline-personal-delivery-tests",
        "kpi.reports.weekly.recipients=team@example.com", "kpi.delivery.admin=",
        "kpi.delivery.from=kpi@example.com"})
class PersonalDeliveryTests {

    private static final int PORT = freePort();
    private static final ReportingPeriod WEEK_46 = ReportingPeriod.parse("2026-W46");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    ReportRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalWeeklyReport personal;

    @TempDir
    Path export;
    @TempDir
    Path out;

    @Test
    void twoRepsWhoseIdsAndNamesCleanUpAlikeEachReceiveTheirOwnReport(@Autowired TableCounts tables,
            @Autowired CsvImporter importer) throws Exception {
        // "REP 07" and "REP/07" once both became "REP-07", and both names become "juergen-mueller"
        emptyWithReps(tables, """
                id,name,email,team,active
                REP 07,Jürgen Müller,jm@example.com,Nord,true
                REP/07,Juergen Mueller,juergen.mueller@example.com,Süd,true
                """);
        Files.writeString(export.resolve("activity.csv"), """
                id,rep_id,channel_code,type,occurred_at
                A1,REP 07,PHONE,CALL,2026-11-10 09:00:00
                A2,REP 07,PHONE,CALL,2026-11-11 10:00:00
                A3,REP/07,PHONE,CALL,2026-11-12 11:00:00
                """);
        var imported = importer.importDirectory(export);
        assertThat(imported.files()).allMatch(FileResult::loaded);

        // --force: three activities are no complete week for the freshness gate
        var outcome = runner.run(ReportKind.WEEKLY, WEEK_46, out, new DeliveryOptions(true, false, true));

        assertThat(outcome.rendered()).filteredOn(RenderedPdf::isPersonal).extracting(RenderedPdf::salesRepId)
                .containsExactlyInAnyOrder("REP 07", "REP/07");
        try (var files = Files.list(out.resolve("reps"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("REP%2007_juergen-mueller.pdf", "REP%2F07_juergen-mueller.pdf");
        }
        Map<String, MimeMessage> received = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.toMap(PersonalDeliveryTests::address, m -> m));
        assertThat(received.keySet()).containsExactlyInAnyOrder("team@example.com", "jm@example.com",
                "juergen.mueller@example.com");
        assertThat(pdfText(received.get("jm@example.com"))).contains("Jürgen Müller (REP 07)")
                .doesNotContain("REP/07");
        assertThat(pdfText(received.get("juergen.mueller@example.com"))).contains("Juergen Mueller (REP/07)")
                .doesNotContain("REP 07");
        // each rep's mail greets the rep, names the week and shows the rep's own contacts beside the team's average
        // per active rep: REP 07 made 2 calls, REP/07 1, so the team's average is 1.5
        MimeMessage first = received.get("jm@example.com");
        String firstHtml = Mails.html(first);
        assertThat(firstHtml).contains("<p>Hallo Jürgen Müller,</p>",
                "Ihre Zahlen der KW 46/2026 (09.11.2026 bis 15.11.2026), daneben die des Teams:", ">Team</th>",
                // the contact frequency's team value is an average per rep too, as the note says
                "und der Kontaktfrequenz, die sich über die Vertriebsmitarbeiter aufaddieren, der Durchschnitt je "
                        + "aktivem Vertriebsmitarbeiter");
        assertThat(row(firstHtml, "Kontakte")).contains(">2</td>", ">1,5</td>");
        assertThat(Mails.plain(first)).contains("Kontakte: 2 (Team: 1,5").doesNotContain("Über 100 %", "¹");
        MimeMessage second = received.get("juergen.mueller@example.com");
        String secondHtml = Mails.html(second);
        assertThat(secondHtml).contains("<p>Hallo Juergen Mueller,</p>", "KW 46/2026 (09.11.2026 bis 15.11.2026)");
        assertThat(row(secondHtml, "Kontakte")).contains(">1</td>", ">1,5</td>");
        assertThat(Mails.plain(second)).contains("Kontakte: 1 (Team: 1,5");
        assertThat(jdbc.queryForList("SELECT CONCAT(document, ' ', recipient) FROM delivery WHERE state = 'SENT'",
                String.class)).containsExactlyInAnyOrder("report team@example.com", "rep:REP 07 jm@example.com",
                "rep:REP/07 juergen.mueller@example.com");

        // the mails of one delivery read the team's week once: a rep set inactive after that first reading is
        // still in it, while the next delivery reads the week afresh and finds no figures of the rep
        var delivery = personal.mailWeek(WEEK_46);
        assertThat(delivery.figures("REP 07", Locale.GERMAN).repName()).isEqualTo("Jürgen Müller");
        jdbc.update("UPDATE sales_rep SET active = FALSE WHERE id = 'REP 07'");
        assertThat(delivery.figures("REP 07", Locale.GERMAN).repName()).isEqualTo("Jürgen Müller");
        assertThat(personal.mailWeek(WEEK_46).figures("REP 07", Locale.GERMAN).repName()).isNull();
    }

    @Test
    void aConversionOverHundredPercentIsMarkedAndExplainedInTheTeamsAndTheRepsMail(@Autowired TableCounts tables,
            @Autowired CsvImporter importer) throws Exception {
        emptyWithReps(tables, """
                id,name,email,team,active
                REP-08,Petra Schulz,ps@example.com,Nord,true
                """);
        // week 46: one lead created (L3), two leads of week 45 reach MQL: Lead → MQL is 2 / 1 = 200 %
        Files.writeString(export.resolve("lead.csv"), """
                id,channel_code,owner_rep_id,created_at
                L1,PHONE,REP-08,2026-11-03 09:00:00
                L2,PHONE,REP-08,2026-11-04 09:00:00
                L3,PHONE,REP-08,2026-11-12 09:00:00
                """);
        Files.writeString(export.resolve("funnel_event.csv"), """
                lead_id,stage,occurred_at
                L1,MQL,2026-11-10 10:00:00
                L2,MQL,2026-11-11 10:00:00
                """);
        Files.writeString(export.resolve("activity.csv"), """
                id,rep_id,channel_code,type,occurred_at
                A1,REP-08,PHONE,CALL,2026-11-10 09:00:00
                """);
        assertThat(importer.importDirectory(export).files()).allMatch(FileResult::loaded);

        runner.run(ReportKind.WEEKLY, WEEK_46, out, new DeliveryOptions(true, false, true));

        Map<String, MimeMessage> received = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.toMap(PersonalDeliveryTests::address, m -> m));
        String note = "¹ Über 100 %: Die Funnel-Conversions sind Flussgrößen der Woche";
        String marked = "200,0\u00a0%¹"; // the figures keep number and unit together with a no-break space
        MimeMessage team = received.get("team@example.com");
        assertThat(row(Mails.html(team), "Lead → MQL")).contains(">" + marked + "<");
        assertThat(Mails.html(team)).contains(note);
        assertThat(Mails.plain(team)).contains("Lead → MQL: " + marked, note);
        // the rep's own value and the team's, both over 100 %
        MimeMessage rep = received.get("ps@example.com");
        assertThat(row(Mails.html(rep), "Lead → MQL")).contains(">" + marked + "<", ">" + marked + "</td>");
        assertThat(Mails.plain(rep)).contains("Lead → MQL: " + marked, "Team: " + marked, note);
        assertThat(Mails.plain(rep)).containsOnlyOnce(note);
    }

    @Test
    void onePdfHandedOnForTwoRepsIsSentToNeither(@Autowired Delivery delivery) throws Exception {
        jdbc.update("DELETE FROM delivery");
        Path pdf = Files.writeString(out.resolve("shared.pdf"), "%PDF-1.4\n%%EOF\n");
        var report = delivery.deliver(Edition.of(ReportKind.WEEKLY, WEEK_46), List.of(
                new RenderedPdf(pdf.toString(), "REP 07"), new RenderedPdf(pdf.toString(), "REP/07")),
                out.resolve("kpi-results.csv"), new DeliveryOptions(true, false, true));

        assertThat(report.lines()).extracting(DeliveryReport.Line::document, DeliveryReport.Line::result)
                .containsExactly(tuple("rep:REP 07", DeliveryReport.Result.FAILED),
                        tuple("rep:REP/07", DeliveryReport.Result.FAILED));
        assertThat(report.lines().get(0).detail()).isEqualTo("the personal reports of REP 07 and REP/07 are one file, "
                + pdf + ", so it is sent to neither; report this as a bug");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    /**
     * Empties the data and the delivery ledger and writes the export's channel (PHONE) and its sales_rep.csv,
     * {@code reps}.
     */
    private void emptyWithReps(TableCounts tables, String reps) throws IOException {
        tables.deleteAll();
        jdbc.update("DELETE FROM delivery");
        Files.writeString(export.resolve("channel.csv"), """
                code,name,category
                PHONE,Telefon,OFFLINE
                """);
        Files.writeString(export.resolve("sales_rep.csv"), reps);
    }

    /** The HTML table row of one KPI, from its name to the end of the row. */
    private static String row(String html, String kpi) {
        int start = html.indexOf("<td>" + kpi + "</td>");
        assertThat(start).as(kpi).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    /** The text of the message's only attachment, a PDF. */
    private static String pdfText(MimeMessage message) throws Exception {
        var attachments = Mails.attachments(message);
        assertThat(attachments).hasSize(1);
        try (var document = Loader.loadPDF(attachments.get(0).bytes())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String address(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
