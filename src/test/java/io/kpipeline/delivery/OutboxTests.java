package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.generate.DatabaseSink;
import io.kpipeline.generate.DemoDataGenerator;
import io.kpipeline.generate.GeneratorSettings;
import io.kpipeline.job.ReportRunner;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.Progress;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/** Without spring.mail.host the messages are written to $KPI_HOME/outbox as .eml files, once. */
@SpringBootTest
class OutboxTests {

    @Autowired
    ReportRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KpiProperties properties;

    @Test
    void withoutAnSmtpHostTheMessagesLandInTheOutboxOnce(@TempDir Path out, @Autowired TableCounts tables,
            @Autowired DemoDataGenerator generator, @Autowired DataSource data) throws Exception {
        tables.deleteAll();
        try (var sink = DatabaseSink.open(data)) {
            generator.generate(new GeneratorSettings(LocalDate.of(2025, 8, 1), LocalDate.of(2026, 11, 21), 600, 42),
                    sink, Progress.silent("test"));
        }
        jdbc.update("DELETE FROM delivery");
        Path outbox = properties.home().resolve("outbox").toAbsolutePath().normalize();
        FileSystemUtils.deleteRecursively(outbox);

        var outcome = runner.run(ReportKind.WEEKLY, ReportingPeriod.parse("2026-W46"), out);

        // config/application.yml: weekly goes to role:sales-team = vertrieb@example.com, sales-lead@example.com (en);
        // each personal report (reps/<rep-id>_<name>.pdf) to its rep
        List<Path> repPdfs = pdfs(out.resolve("reps"));
        assertThat(repPdfs).isNotEmpty();
        assertThat(outcome.delivery().summary()).isEqualTo("Delivery: " + (2 + repPdfs.size()) + " written to " + outbox
                + " (no spring.mail.host is set), 0 already delivered, 0 held, 0 failed.");
        List<Path> files = emls(outbox);
        assertThat(files).hasSize(2 + repPdfs.size()).extracting(p -> p.getFileName().toString()).contains(
                "weekly-2026-W46-report-vertrieb@example.com.eml", "weekly-2026-W46-report-sales-lead@example.com.eml");
        for (Path pdf : repPdfs) {
            String rep = pdf.getFileName().toString().substring(0, "REP-00".length());
            String email = jdbc.queryForObject("SELECT email FROM sales_rep WHERE id = ?", String.class, rep);
            MimeMessage personal = read(outbox.resolve("weekly-2026-W46-rep_" + rep + "-" + email + ".eml"));
            assertThat(personal.getSubject()).isEqualTo("Wochenbericht KW 46/2026: Ihr persönlicher Bericht");
            assertThat(Mails.attachments(personal)).extracting(Mails.Attachment::name)
                    .containsExactly(pdf.getFileName().toString());
        }
        MimeMessage english = read(outbox.resolve("weekly-2026-W46-report-sales-lead@example.com.eml"));
        assertThat(english.getSubject()).isEqualTo("Weekly report, week 46/2026");
        assertThat(english.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("sales-lead@example.com");
        assertThat(Mails.html(english)).contains("<td>New leads</td>");
        // the English PDF, rendered beside the German one
        assertThat(Mails.attachments(english)).extracting(Mails.Attachment::name)
                .containsExactly("weekly-report.en.pdf", "kpi-results.csv");
        assertThat(english.getMessageID()).isEqualTo(jdbc.queryForObject(
                "SELECT message_id FROM delivery WHERE recipient = 'sales-lead@example.com' AND state = 'OUTBOX'",
                String.class));

        var again = runner.run(ReportKind.WEEKLY, ReportingPeriod.parse("2026-W46"), out);
        assertThat(again.delivery().count(DeliveryReport.Result.ALREADY_SENT)).isEqualTo(2 + repPdfs.size());
        assertThat(emls(outbox)).hasSize(2 + repPdfs.size());
    }

    private static List<Path> emls(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".eml")).toList();
        }
    }

    private static List<Path> pdfs(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".pdf")).toList();
        }
    }

    private static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
