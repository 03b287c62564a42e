package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.generate.DatabaseSink;
import io.kpipeline.generate.DemoDataGenerator;
import io.kpipeline.generate.GeneratorSettings;
import io.kpipeline.job.ReportJobs;
import io.kpipeline.job.ReportRunner;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.schedule.CompletedPeriods;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.Progress;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A preliminary report is delivered and recorded apart from the period's report: it does not count as
 * the completed period, and its messages do not make the final report "already sent".
 */
@SpringBootTest
class PreliminaryDeliveryTests {

    private static final ReportingPeriod AUGUST = ReportingPeriod.parse("2026-08");
    private static final LocalDate UP_TO = LocalDate.of(2026, 8, 20);

    @Autowired
    ReportRunner runner;
    @Autowired
    CompletedPeriods completed;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KpiProperties properties;

    @Test
    void aPreliminaryReportNeitherCompletesThePeriodNorMakesItsReportAlreadySent(@Autowired TableCounts tables,
            @Autowired DemoDataGenerator generator, @Autowired DataSource data, @Autowired JobRepository jobs)
            throws Exception {
        tables.deleteAll();
        try (var sink = DatabaseSink.open(data)) {
            generator.generate(new GeneratorSettings(LocalDate.of(2025, 8, 1), LocalDate.of(2026, 11, 21), 600, 42),
                    sink, Progress.silent("test"));
        }
        forget(jobs, AUGUST);
        jdbc.update("DELETE FROM delivery WHERE report = 'monthly' AND period_id = '2026-08'");
        Path outbox = properties.home().resolve("outbox").toAbsolutePath().normalize();
        deleteMessages(outbox, "monthly-2026-08-");

        Path preliminaryFolder = runner.preliminaryFolder(ReportKind.MONTHLY, AUGUST);
        var preliminary = runner.runPreliminary(ReportKind.MONTHLY, AUGUST, UP_TO, preliminaryFolder,
                DeliveryOptions.AS_CONFIGURED);

        // config/application.yml: monthly goes to role:management (1 address) and role:sales-team (2)
        assertThat(preliminary.delivery().count(DeliveryReport.Result.WRITTEN)).isEqualTo(3);
        assertThat(preliminaryFolder.getFileName().toString()).isEqualTo("2026-08-preliminary");
        assertThat(pdfText(preliminaryFolder.resolve("management-report.pdf")))
                .contains("August 2026", "Vorläufig – Daten bis 20.08.2026");
        // rendered once per language from one read of the results: the English reader's copy is English
        assertThat(pdfText(preliminaryFolder.resolve("management-report.en.pdf")))
                .contains("August 2026", "Preliminary – data up to").doesNotContain("Vorläufig");
        assertThat(completed.of(ReportKind.MONTHLY)).doesNotContain("2026-08");
        MimeMessage german = read(outbox.resolve(
                "monthly-2026-08-preliminary_2026-08-20_report-geschaeftsfuehrung@example.com.eml"));
        assertThat(german.getSubject()).isEqualTo("Monatsbericht August 2026 (vorläufig)");
        assertThat(Mails.html(german)).contains("Vorläufig: Dieser Bericht zeigt die Daten bis 20.08.2026, nicht den"
                + " abgeschlossenen Zeitraum vom 01.08.2026 bis 31.08.2026.");
        MimeMessage english = read(outbox.resolve(
                "monthly-2026-08-preliminary_2026-08-20_report-sales-lead@example.com.eml"));
        assertThat(english.getSubject()).isEqualTo("Monthly report August 2026 (preliminary)");

        // the same preliminary report again is not mailed again by accident
        var again = runner.runPreliminary(ReportKind.MONTHLY, AUGUST, UP_TO, preliminaryFolder,
                DeliveryOptions.AS_CONFIGURED);
        assertThat(again.run()).isEqualTo(2);
        assertThat(again.delivery().count(DeliveryReport.Result.ALREADY_SENT)).isEqualTo(3);

        Path folder = runner.defaultFolder(ReportKind.MONTHLY, AUGUST);
        var finalReport = runner.run(ReportKind.MONTHLY, AUGUST, folder);
        assertThat(finalReport.run()).isEqualTo(1); // the period's first run: the preliminary ones are not its runs
        assertThat(finalReport.delivery().count(DeliveryReport.Result.WRITTEN)).isEqualTo(3);
        assertThat(finalReport.delivery().count(DeliveryReport.Result.ALREADY_SENT)).isZero();
        assertThat(completed.of(ReportKind.MONTHLY)).contains("2026-08");
        assertThat(pdfText(folder.resolve("management-report.pdf"))).contains("August 2026").doesNotContain("Vorläufig");
        assertThat(read(outbox.resolve("monthly-2026-08-report-geschaeftsfuehrung@example.com.eml")).getSubject())
                .isEqualTo("Monatsbericht August 2026");
        assertThat(jdbc.queryForList("SELECT DISTINCT document FROM delivery WHERE report = 'monthly'"
                + " AND period_id = '2026-08' ORDER BY document", String.class))
                .containsExactly("preliminary:2026-08-20:report", "report");
    }

    /** Deletes the monthly job's runs of the period, as if it had never run. */
    private static void forget(JobRepository jobs, ReportingPeriod period) {
        for (JobInstance instance : jobs.findJobInstances(ReportJobs.name(ReportKind.MONTHLY))) {
            var last = jobs.getLastJobExecution(instance);
            if (last != null && period.id().equals(last.getJobParameters().getString("period"))) {
                jobs.deleteJobInstance(instance);
            }
        }
    }

    private static void deleteMessages(Path outbox, String prefix) throws Exception {
        if (!Files.isDirectory(outbox)) {
            return;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.delete(file);
            }
        }
    }

    private static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static String pdfText(Path pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
