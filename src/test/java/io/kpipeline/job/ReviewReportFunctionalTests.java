package io.kpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.generate.DatabaseSink;
import io.kpipeline.generate.DemoDataGenerator;
import io.kpipeline.generate.GeneratorSettings;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.report.ReviewReport;
import io.kpipeline.review.ReviewPeriods;
import io.kpipeline.system.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The review job runs for real on generated demo data and writes its PDF beside kpi-results.csv. */
@SpringBootTest
class ReviewReportFunctionalTests {

    /** Cycle 10 from the configured start 2026-01-05: 2026-10-02 .. 2026-10-31. */
    private static final ReportingPeriod CYCLE = ReportingPeriod.parse("30d:2026-10-31");

    @Autowired
    ReportRunner runner;
    @Autowired
    ReviewReport review;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path out;

    @Test
    void theReviewRunStoresItsCheckpointsAndWeeksAndWritesTheReviewPdf(@Autowired TableCounts tables,
            @Autowired DemoDataGenerator generator, @Autowired DataSource data) throws IOException {
        tables.deleteAll();
        try (var sink = DatabaseSink.open(data)) {
            generator.generate(new GeneratorSettings(LocalDate.of(2025, 8, 1), LocalDate.of(2026, 11, 21), 1_500, 42),
                    sink, Progress.silent("test"));
        }

        var outcome = runner.run(ReportKind.REVIEW, CYCLE, out);

        assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo(BatchStatus.COMPLETED);
        assertThat(outcome.steps()).extracting(ReportRunner.StepTime::step).containsExactly("computeKpisStep",
                "computeCheckpointsStep", "evaluateKpisStep", "exportResultsStep", "renderReportStep",
                "deliverReportStep");
        for (ReportingPeriod p : ReviewPeriods.all(CYCLE, 13)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kpi_value WHERE period_id = ? AND dimension = ''",
                    Long.class, p.id())).as(p.id()).isPositive();
        }
        Path pdf = out.resolve("review-report.pdf");
        assertThat(pdf).exists().isNotEmptyFile();
        assertThat(Files.exists(out.resolve("kpi-results.csv"))).isTrue();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("30-Tage-Review 02.10.2026 bis 31.10.2026", "Neue Leads", "Head of Marketing",
                    "Stellschrauben", "KPI-Inventar", "Empfohlene Anpassungen", "Fragen für das gemeinsame Review-Meeting");
            // every shipped deadline lies more than 60 days after 2026-10-31: no KPI gets a projected number
            String table = text.substring(0, text.indexOf("Alle Werte gelten"));
            assertThat(table).contains("Frist zu fern").doesNotContain("auf Kurs");
        }
        Files.createDirectories(Path.of("target", "report-samples"));
        Files.copy(pdf, Path.of("target", "report-samples", "review-demo.pdf"), StandardCopyOption.REPLACE_EXISTING);

        long start = System.nanoTime();
        review.write(Edition.of(ReportKind.REVIEW, CYCLE), out.resolve("again"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(out.resolve("again/review-report.pdf")).hasSameBinaryContentAs(pdf);
        System.out.println("Review job steps: " + outcome.steps() + "; review PDF written again (warm) in " + millis
                + " ms");
    }
}
