package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.kpipeline.generate.DatabaseSink;
import io.kpipeline.generate.DemoDataGenerator;
import io.kpipeline.generate.GeneratorSettings;
import io.kpipeline.job.ReportRunner;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.report.ReportDocument;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.Progress;
import io.kpipeline.system.ScriptedSmtpServer;
import io.kpipeline.system.StopRequest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Delivery over real SMTP: a GreenMail server on loopback receives what the weekly job sends. The
 * context has its own KPI home, so that its database is independent of the other tests.
 */
@SpringBootTest(properties = {"kpi.home=target/test-home-delivery", "spring.mail.host=127.0.0.1",
        "kpi.reports.personal.enabled=false",
        // Quartz keeps each scheduler's connection provider in a JVM-wide registry by scheduler name:
        // a name of its own keeps this context's database out of the other tests' scheduler
        "spring.quartz.scheduler-name=kpi-pipeline-delivery-tests",
        "kpi.reports.weekly.recipients=anna@example.com,role:heads", "kpi.roles.heads=ben@example.com (en)",
        "kpi.delivery.admin=admin@example.com", "kpi.delivery.from=kpi@example.com",
        "kpi.delivery.retry.max-attempts=3", "kpi.delivery.retry.delay=20ms", "kpi.delivery.retry.max-delay=50ms"})
class DeliveryTests {

    private static final int PORT = freePort();
    private static final ReportingPeriod WEEK_46 = ReportingPeriod.parse("2026-W46");
    /**
     * The demo data below ends on Friday 2026-11-20 (generated up to Saturday, which has no activity): nothing
     * on week 48's last days, Friday 2026-11-27 to Sunday 2026-11-29, where the weeks before had rows.
     */
    private static final ReportingPeriod WEEK_48 = ReportingPeriod.parse("2026-W48");
    private static final String REP = "REP-01";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    /**
     * A personal rep report for the weekly job, a tiny PDF for REP-01, in place of the real ones (switched
     * off above), so that the recipients are known; OutboxTests delivers the real ones.
     */
    @TestConfiguration
    static class RepDocument {

        @Bean
        ReportDocument repTestDocument() {
            return new ReportDocument() {
                @Override
                public boolean renders(ReportKind report) {
                    return report == ReportKind.WEEKLY;
                }

                @Override
                public List<RenderedPdf> write(Edition edition, Path folder, Locale language) {
                    // a rep reads the reports' language, which is German here
                    return "de".equals(language.getLanguage()) ? write(edition, folder) : List.of();
                }

                @Override
                public List<RenderedPdf> write(Edition edition, Path folder) {
                    Path file = folder.resolve("rep-" + REP + ".pdf");
                    try {
                        Files.createDirectories(folder);
                        Files.writeString(file, "%PDF-1.4\n%%EOF\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return List.of(new RenderedPdf(file.toString(), REP));
                }
            };
        }
    }

    @Autowired
    ReportRunner runner;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path out;

    private static boolean generated;

    @BeforeEach
    void demoData(@Autowired TableCounts tables, @Autowired DemoDataGenerator generator, @Autowired DataSource data) {
        if (!generated) {
            tables.deleteAll();
            try (var sink = DatabaseSink.open(data)) {
                generator.generate(new GeneratorSettings(LocalDate.of(2025, 8, 1), LocalDate.of(2026, 11, 21), 600,
                        42), sink, Progress.silent("test"));
            }
            generated = true;
        }
        jdbc.update("DELETE FROM delivery");
    }

    private String repAddress() {
        return jdbc.queryForObject("SELECT email FROM sales_rep WHERE id = ?", String.class, REP);
    }

    @Test
    void eachRecipientGetsTheReportInTheirLanguageAndTheRepGetsTheirOwn() throws Exception {
        var outcome = runner.run(ReportKind.WEEKLY, WEEK_46, out);

        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, MimeMessage> byRecipient = Arrays.stream(received).collect(Collectors.toMap(
                m -> address(m), m -> m));
        // anna (German by kpi.reports.locale), ben (English by his role entry), the rep (his own PDF)
        assertThat(byRecipient.keySet()).containsExactlyInAnyOrder("anna@example.com", "ben@example.com",
                repAddress());

        MimeMessage anna = byRecipient.get("anna@example.com");
        assertThat(anna.getSubject()).isEqualTo("Wochenbericht KW 46/2026");
        assertThat(anna.getFrom()[0].toString()).isEqualTo("kpi@example.com");
        String html = Mails.html(anna);
        // the focus KPIs with their German names, the German status and column head
        assertThat(html).contains("<td>Neue Leads</td>", "ggü. Vorperiode", "09.11.2026 bis 15.11.2026");
        assertThat(html).containsPattern("(gut|Warnung|schlecht|neutral)</td>");
        var attachments = Mails.attachments(anna);
        assertThat(attachments).extracting(Mails.Attachment::name)
                .containsExactly("weekly-report.pdf", "kpi-results.csv");
        assertThat(attachments.get(0).bytes()).isEqualTo(Files.readAllBytes(out.resolve("weekly-report.pdf")));
        assertThat(attachments.get(1).bytes()).isEqualTo(Files.readAllBytes(out.resolve("kpi-results.csv")));

        MimeMessage ben = byRecipient.get("ben@example.com");
        assertThat(ben.getSubject()).isEqualTo("Weekly report, week 46/2026");
        assertThat(Mails.html(ben)).contains("vs. previous period", "Nov 9, 2026 to Nov 15, 2026");
        // each reads the PDF in their own language, each language rendered once
        assertThat(pdfText(attachments.get(0).bytes())).contains("Wochenbericht", "Fokus-KPIs")
                .doesNotContain("Weekly report");
        var benAttachments = Mails.attachments(ben);
        assertThat(benAttachments).extracting(Mails.Attachment::name)
                .containsExactly("weekly-report.en.pdf", "kpi-results.csv");
        assertThat(pdfText(benAttachments.get(0).bytes())).contains("Weekly report", "Focus KPIs")
                .doesNotContain("Wochenbericht");
        assertThat(outcome.rendered()).filteredOn(pdf -> !pdf.isPersonal()).extracting(RenderedPdf::language)
                .containsExactly(null, "en");

        MimeMessage rep = byRecipient.get(repAddress());
        assertThat(rep.getSubject()).isEqualTo("Wochenbericht KW 46/2026: Ihr persönlicher Bericht");
        // only the rep's own PDF: kpi-results.csv holds every rep's numbers
        assertThat(Mails.attachments(rep)).extracting(Mails.Attachment::name).containsExactly("rep-REP-01.pdf");

        assertThat(outcome.delivery().summary()).startsWith("Delivery: 3 sent, 0 already sent, 0 held, 0 failed.");
        assertThat(jdbc.queryForList("SELECT state FROM delivery WHERE report = 'weekly' AND period_id = '2026-W46'",
                String.class)).containsOnly("SENT").hasSize(3);
    }

    @Test
    void aRerunSendsNothingAndResendSendsAgain() throws Exception {
        runner.run(ReportKind.WEEKLY, WEEK_46, out);
        assertThat(smtp.getReceivedMessages()).hasSize(3);

        var again = runner.run(ReportKind.WEEKLY, WEEK_46, out);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(again.delivery().count(DeliveryReport.Result.ALREADY_SENT)).isEqualTo(3);

        var resent = runner.run(ReportKind.WEEKLY, WEEK_46, out, new DeliveryOptions(true, true, false));
        assertThat(smtp.getReceivedMessages()).hasSize(6);
        assertThat(resent.delivery().count(DeliveryReport.Result.SENT)).isEqualTo(3);
        // a deliberate resend is a new message with a new Message-ID
        List<String> ids = Arrays.stream(smtp.getReceivedMessages()).map(DeliveryTests::messageId).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void whenSmtpIsDownTheRunFailsClearlyAndTheNextRunSendsExactlyWhatIsMissing() throws Exception {
        // anna had her message from an earlier run; ben and the rep are still missing
        jdbc.update("""
                INSERT INTO delivery (report, period_id, document, recipient, state, attempts, message_id, created_at,
                                      updated_at, sent_at, last_error)
                VALUES ('weekly', '2026-W46', 'report', 'anna@example.com', 'SENT', 1, '<a@kpi>', NOW(), NOW(), NOW(),
                        NULL)""");
        smtp.stop();
        assertThatThrownBy(() -> runner.run(ReportKind.WEEKLY, WEEK_46, out))
                .isInstanceOf(KpiException.class)
                .hasMessageContaining("Delivery failed for ben@example.com (")
                .hasMessageContaining(repAddress() + " (")
                .hasMessageNotContaining("anna@example.com")
                .hasMessageContaining("(3 attempts)")
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("The notice to the admin address admin@example.com could not be sent either")
                .hasMessageContaining("Run the same command again to resume it.");
        assertThat(jdbc.queryForList("SELECT attempts FROM delivery WHERE state = 'FAILED'", Integer.class))
                .containsOnly(3).hasSize(2);

        smtp.start();
        var resumed = runner.run(ReportKind.WEEKLY, WEEK_46, out);
        // the run resumes after its KPIs: it writes its files again and delivers
        assertThat(resumed.steps()).extracting(ReportRunner.StepTime::step)
                .containsExactly("exportResultsStep", "renderReportStep", "deliverReportStep");
        // exactly the two missing messages (the failure notice could not go out while SMTP was down)
        assertThat(smtp.getReceivedMessages()).extracting(DeliveryTests::address)
                .containsExactlyInAnyOrder("ben@example.com", repAddress());
        assertThat(resumed.delivery().summary()).startsWith("Delivery: 2 sent, 1 already sent, 0 held, 0 failed.");
    }

    @Test
    void aMessageClaimedBeforeACrashIsSentOnceMoreWithItsMessageIdAndNothingIsDuplicated() throws Exception {
        // A run died after sending to anna and after claiming ben: anna is SENT, ben SENDING with his Message-ID.
        jdbc.update("""
                INSERT INTO delivery (report, period_id, document, recipient, state, attempts, message_id, created_at,
                                      updated_at, sent_at, last_error)
                VALUES ('weekly', '2026-W46', 'report', 'anna@example.com', 'SENT', 1, '<a@kpi>', NOW(), NOW(), NOW(),
                        NULL),
                       ('weekly', '2026-W46', 'report', 'ben@example.com', 'SENDING', 1, '<crashed.ben@kpi>', NOW(),
                        NOW(), NULL, NULL)""");
        var outcome = runner.run(ReportKind.WEEKLY, WEEK_46, out);

        Map<String, MimeMessage> received = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.toMap(DeliveryTests::address, m -> m));
        // anna is not mailed twice; ben gets the message he may or may not have had, under the same Message-ID
        assertThat(received.keySet()).containsExactlyInAnyOrder("ben@example.com", repAddress());
        assertThat(messageId(received.get("ben@example.com"))).isEqualTo("<crashed.ben@kpi>");
        assertThat(outcome.delivery().count(DeliveryReport.Result.ALREADY_SENT)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM delivery WHERE recipient = 'ben@example.com'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void aMessageThatLeftButCouldNotBeMarkedSentStaysSendingAndGoesOnceMoreUnderItsMessageId() throws Exception {
        // The database refuses to mark a row SENT, with the SQLSTATE of a deadlock, after the message has left.
        jdbc.execute("DROP TRIGGER IF EXISTS delivery_sent_refused");
        jdbc.execute("""
                CREATE TRIGGER delivery_sent_refused BEFORE UPDATE ON delivery FOR EACH ROW
                IF NEW.state = 'SENT' THEN
                    SIGNAL SQLSTATE '40001' SET MESSAGE_TEXT = 'delivery row not writable (test trigger).';
                END IF""");
        try {
            assertThatThrownBy(() -> runner.run(ReportKind.WEEKLY, WEEK_46, out))
                    .isInstanceOf(KpiException.class)
                    // the server's sentence ends with a full stop, and the run's sentence follows it
                    .hasMessageContaining("delivery row not writable (test trigger). Run the same command again to"
                            + " resume it.")
                    .hasMessageNotContaining("could not be composed");
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS delivery_sent_refused");
        }
        // the first message left; the ledger failing to record it stopped the delivery before the next one
        MimeMessage[] first = smtp.getReceivedMessages();
        assertThat(first).hasSize(1);
        String to = address(first[0]);
        assertThat(jdbc.queryForList("SELECT recipient, state, message_id FROM delivery"))
                .containsExactly(Map.of("recipient", to, "state", "SENDING", "message_id", messageId(first[0])));
        assertThat(jdbc.queryForObject("SELECT last_error FROM delivery", String.class)).isNull();

        var resumed = runner.run(ReportKind.WEEKLY, WEEK_46, out);
        assertThat(resumed.delivery().summary()).startsWith("Delivery: 3 sent, 0 already sent, 0 held, 0 failed.");
        // at least once: the same message again under its Message-ID, and the two not sent before
        MimeMessage[] all = smtp.getReceivedMessages();
        assertThat(all).extracting(DeliveryTests::address)
                .containsExactlyInAnyOrder(to, "anna@example.com", "ben@example.com", repAddress());
        assertThat(Arrays.stream(all).filter(m -> address(m).equals(to)).map(DeliveryTests::messageId))
                .containsExactly(messageId(first[0]), messageId(first[0]));
        assertThat(jdbc.queryForList("SELECT state FROM delivery", String.class)).containsOnly("SENT").hasSize(3);
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD) // its process has been told to stop
    void aRunAskedToStopTriesTheFailingMessageNoMoreAndTheNoticeOnce(@Autowired StopRequest stop) throws Exception {
        // a server that answers every address "not now"; anna's first answer waits until the run is asked to stop
        smtp.stop();
        ExecutorService running = Executors.newSingleThreadExecutor();
        try (var busy = ScriptedSmtpServer.script().port(PORT).refuseForNow(address -> true)
                .holdRecipient("anna@example.com").start()) {
            Future<ReportRunner.Outcome> run = running.submit(() -> runner.run(ReportKind.WEEKLY, WEEK_46, out));
            assertThat(busy.awaitHolding(240)).isTrue();
            stop.request();
            busy.release();
            assertThatThrownBy(() -> run.get(120, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(KpiException.class)
                    .hasMessageContaining("anna@example.com (451 4.3.0 <anna@example.com>: Temporary lookup failure;"
                            + " not tried again: the run was asked to stop (1 attempt))")
                    .hasMessageContaining("The notice to the admin address admin@example.com could not be sent"
                            + " either: 451 4.3.0 <admin@example.com>: Temporary lookup failure; not tried again");
            // kpi.delivery.retry.max-attempts=3 above: each of the two was tried once, and no other message started
            assertThat(busy.rcptTo()).filteredOn("anna@example.com"::equals).hasSize(1);
            assertThat(busy.rcptTo()).filteredOn("admin@example.com"::equals).hasSize(1);
            assertThat(busy.rcptTo().subList(busy.rcptTo().indexOf("anna@example.com") + 1, busy.rcptTo().size()))
                    .containsExactly("admin@example.com");
        } finally {
            running.shutdownNow();
            smtp.start();
        }
    }

    @Test
    void aRefusalThatEndsWithAFullStopIsQuotedWithOneFullStop() throws Exception {
        // a reply whose text ends with a sentence's full stop, as many servers' replies do
        smtp.stop();
        try (var refusing = ScriptedSmtpServer.script().port(PORT)
                .refuse(address -> true, "The email account that you tried to reach does not exist.").start()) {
            assertThatThrownBy(() -> runner.run(ReportKind.WEEKLY, WEEK_46, out))
                    .isInstanceOf(KpiException.class)
                    .hasMessageContaining("The notice to the admin address admin@example.com could not be sent"
                            + " either: 550 5.1.1 <admin@example.com>: The email account that you tried to reach"
                            + " does not exist. Check spring.mail.host")
                    .hasMessageNotContaining("..");
        } finally {
            smtp.start();
        }
    }

    @Test
    void aRecipientTheServerRefusesIsTriedOnceAndNamedWithTheServersReply() throws Exception {
        // GreenMail accepts every address: on its port, a server that refuses every recipient with 550
        smtp.stop();
        try (var refusing = ScriptedSmtpServer.script().port(PORT).refuse(address -> true).start()) {
            assertThatThrownBy(() -> runner.run(ReportKind.WEEKLY, WEEK_46, out))
                    .isInstanceOf(KpiException.class)
                    .hasMessageContaining("Delivery failed for anna@example.com (550 5.1.1 <anna@example.com>:"
                            + " Recipient address rejected: User unknown (1 attempt))")
                    .hasMessageContaining("The notice to the admin address admin@example.com could not be sent"
                            + " either: 550 5.1.1 <admin@example.com>: Recipient address rejected: User unknown");
            // kpi.delivery.retry.max-attempts=3 above, yet each address is tried once: 3 recipients + the notice
            assertThat(refusing.rcptTo()).containsExactlyInAnyOrder("anna@example.com", "ben@example.com",
                    repAddress(), "admin@example.com");
            assertThat(jdbc.queryForList("SELECT attempts FROM delivery WHERE state = 'FAILED'", Integer.class))
                    .containsOnly(1).hasSize(3);
            assertThat(jdbc.queryForObject("SELECT last_error FROM delivery WHERE recipient = 'ben@example.com'",
                    String.class)).isEqualTo("550 5.1.1 <ben@example.com>: Recipient address rejected: User unknown");
        } finally {
            smtp.start();
        }
        // once the server takes the addresses, the next run resumes and sends the three
        var resumed = runner.run(ReportKind.WEEKLY, WEEK_46, out);
        assertThat(resumed.delivery().summary()).startsWith("Delivery: 3 sent, 0 already sent, 0 held, 0 failed.");
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void incompleteSourceDataHoldsTheDeliveryAndTellsTheAdminUntilForced() throws Exception {
        var held = runner.run(ReportKind.WEEKLY, WEEK_48, out);

        assertThat(held.delivery().isHeld()).isTrue();
        assertThat(held.delivery().held()).startsWith("the source data of the period's last days, 2026-11-27 to"
                + " 2026-11-29, looks incomplete compared with the same days of the 6 weeks before")
                .contains("lead.created_at has 0 rows (the weeks before: median ", "activity.occurred_at has 0 rows");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).extracting(DeliveryTests::address).containsExactly("admin@example.com");
        // in the configured language (kpi.reports.locale: de), the report named as its readers know it
        assertThat(received[0].getSubject()).isEqualTo("[kpi-pipeline] Zustellung zurückgehalten: Wochenbericht KW 48/2026");
        assertThat(Mails.plain(received[0]).replace("\r\n", "\n")).startsWith("Die Zustellung von „Wochenbericht KW 48/2026“"
                + " wurde zurückgehalten, weil die Quelldaten der letzten Tage des Zeitraums unvollständig aussehen.\n\n"
                + "Einzelheiten: the source data of the period's last days")
                .endsWith("\n\nLaden Sie die fehlenden Daten und führen Sie den Bericht erneut aus, oder stellen Sie ihn"
                        + " mit --force so zu, wie er ist.");
        assertThat(jdbc.queryForList("SELECT state FROM delivery WHERE period_id = '2026-W48'", String.class))
                .containsOnly("HELD").hasSize(3);

        var forced = runner.run(ReportKind.WEEKLY, WEEK_48, out, new DeliveryOptions(true, false, true));
        assertThat(forced.delivery().count(DeliveryReport.Result.SENT)).isEqualTo(3);
        assertThat(smtp.getReceivedMessages()).hasSize(4);
    }

    @Test
    void aRepWithoutAnAddressFailsTheRunByNameWhileEveryoneElseIsServed() {
        String address = repAddress();
        jdbc.update("UPDATE sales_rep SET email = NULL WHERE id = ?", REP);
        try {
            assertThatThrownBy(() -> runner.run(ReportKind.WEEKLY, WEEK_46, out))
                    .hasMessageContaining("Sales rep REP-01 has no address in sales_rep.email");
            assertThat(smtp.getReceivedMessages()).extracting(DeliveryTests::address)
                    .containsExactlyInAnyOrder("anna@example.com", "ben@example.com", "admin@example.com");
        } finally {
            jdbc.update("UPDATE sales_rep SET email = ? WHERE id = ?", address, REP);
        }
        // with the address back, running again resumes the failed run and serves the rep alone
        var resumed = runner.run(ReportKind.WEEKLY, WEEK_46, out);
        assertThat(resumed.delivery().summary()).startsWith("Delivery: 1 sent, 2 already sent, 0 held, 0 failed.");
    }

    @Test
    void aSilentServerTimesOutInsteadOfHangingTheRun(@Autowired JavaMailSenderImpl sender) {
        // kpi.delivery.timeout, default 30 s, unless spring.mail.properties sets its own
        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "30000")
                .containsEntry("mail.smtp.timeout", "30000").containsEntry("mail.smtp.writetimeout", "30000");
    }

    @Test
    void noMailSendsNothing() {
        var outcome = runner.run(ReportKind.WEEKLY, WEEK_46, out, new DeliveryOptions(false, false, false));
        assertThat(outcome.delivery().summary()).isEqualTo("Delivery: nothing mailed (--no-mail).");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static String address(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
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
