package io.kpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.generate.DatabaseSink;
import io.kpipeline.generate.DemoDataGenerator;
import io.kpipeline.generate.GeneratorSettings;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.PersonalWeeklyReport;
import io.kpipeline.report.Edition;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.system.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The weekly job on generated demo data writes a personal report for every active rep with data. */
@SpringBootTest
class PersonalReportFunctionalTests {

    private static final ReportingPeriod WEEK_44 = ReportingPeriod.parse("2026-W44");

    /**
     * The reps the week's data names, counted independently of the report's own query: every rep id
     * in one of the week's activities, leads created, funnel entries (of the lead's owner), deals won
     * or lost and sales emails sent, of those marked active.
     */
    private static final String REPS_WITH_DATA = """
            SELECT DISTINCT x.rep_id
            FROM (SELECT rep_id FROM activity WHERE occurred_at >= ? AND occurred_at < ?
                  UNION SELECT owner_rep_id FROM `lead` WHERE created_at >= ? AND created_at < ?
                  UNION SELECT l.owner_rep_id FROM funnel_event f JOIN `lead` l ON l.id = f.lead_id
                        WHERE f.occurred_at >= ? AND f.occurred_at < ?
                  UNION SELECT owner_rep_id FROM deal WHERE status IN ('WON', 'LOST') AND closed_at >= ? AND closed_at < ?
                  UNION SELECT rep_id FROM email_message WHERE kind = 'SALES' AND sent_at >= ? AND sent_at < ?) x
            JOIN sales_rep r ON r.id = x.rep_id
            WHERE r.active = TRUE""";

    @Autowired
    ReportRunner runner;
    @Autowired
    JobRepository jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalWeeklyReport personal;

    @TempDir
    Path out;

    @BeforeEach
    void demoData(@Autowired TableCounts tables, @Autowired DemoDataGenerator generator, @Autowired DataSource data) {
        tables.deleteAll();
        try (var sink = DatabaseSink.open(data)) {
            generator.generate(new GeneratorSettings(LocalDate.of(2025, 8, 1), LocalDate.of(2026, 11, 21), 1_500, 42),
                    sink, Progress.silent("test"));
        }
    }

    @Test
    void theWeeklyRunWritesOnePdfPerActiveRepWithDataAndKeepsThemWithTheRepId() throws Exception {
        // an inactive rep with an activity in the week gets no report
        String inactive = jdbc.queryForObject("SELECT MIN(id) FROM sales_rep WHERE active = FALSE", String.class);
        assertThat(inactive).as("the demo data has a rep who left").isNotNull();
        jdbc.update("""
                INSERT INTO activity (id, rep_id, channel_code, type, occurred_at)
                VALUES ('INACTIVE-CALL', ?, 'PHONE', 'CALL', '2026-10-28 10:00:00')""", inactive);
        Object[] week = new Object[10];
        for (int i = 0; i < 10; i += 2) {
            week[i] = WEEK_44.startTime();
            week[i + 1] = WEEK_44.endTime();
        }
        Set<String> expected = new HashSet<>(jdbc.queryForList(REPS_WITH_DATA, String.class, week));
        long allReps = jdbc.queryForObject("SELECT COUNT(*) FROM sales_rep", Long.class);
        assertThat(expected).hasSizeGreaterThan(1).hasSizeLessThan((int) allReps).doesNotContain(inactive);

        Path folder = out.resolve("weekly");
        // a report of an earlier run of the week for a rep who no longer gets one is replaced
        Files.createDirectories(folder.resolve("reps"));
        Files.writeString(folder.resolve("reps/REP-99-earlier-run.pdf"), "%PDF-earlier");
        var outcome = runner.run(ReportKind.WEEKLY, WEEK_44, folder);
        assertThat(outcome.status()).isEqualTo(BatchStatus.COMPLETED);

        var execution = jobs.getLastJobExecution("weeklyReportJob", new JobParametersBuilder()
                .addString(ReportRunParameters.REPORT, "weekly")
                .addString(ReportRunParameters.PERIOD, WEEK_44.id())
                .addLong(ReportRunParameters.RUN, outcome.run()).toJobParameters());
        @SuppressWarnings("unchecked")
        List<RenderedPdf> rendered = (List<RenderedPdf>) execution.getExecutionContext()
                .get(ReportJobConfiguration.RENDERED);
        List<RenderedPdf> personalPdfs = rendered.stream().filter(RenderedPdf::isPersonal).toList();
        assertThat(personalPdfs).extracting(RenderedPdf::salesRepId).containsExactlyInAnyOrderElementsOf(expected);
        for (RenderedPdf pdf : personalPdfs) {
            Path file = Path.of(pdf.file());
            assertThat(file.getParent()).isEqualTo(folder.resolve("reps").toAbsolutePath());
            assertThat(file.getFileName().toString()).startsWith(pdf.salesRepId() + "_").endsWith(".pdf");
            String name = jdbc.queryForObject("SELECT name FROM sales_rep WHERE id = ?", String.class, pdf.salesRepId());
            try (var document = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                        .contains("Persönlicher Wochenbericht KW 44/2026", name + " (" + pdf.salesRepId() + ")");
            }
        }
        try (var files = Files.list(folder.resolve("reps"))) {
            assertThat(files.count()).isEqualTo(expected.size());
        }
        // the weekly report once in each language of its readers (role:sales-team reads German and English)
        assertThat(rendered).filteredOn(p -> !p.isPersonal()).extracting(RenderedPdf::language)
                .containsExactly(null, "en");

        // all reports of the week once more, warm: well under 2 s each
        long started = System.nanoTime();
        List<RenderedPdf> again = personal.write(Edition.of(ReportKind.WEEKLY, WEEK_44), out.resolve("again"));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("personal reports: %d in %.2f s (%.2f s each)%n", again.size(), seconds,
                seconds / again.size());
        assertThat(seconds / again.size()).isLessThan(2.0);
        Files.createDirectories(Path.of("target", "report-samples"));
        Files.copy(Path.of(again.get(0).file()), Path.of("target", "report-samples", "personal-demo.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
