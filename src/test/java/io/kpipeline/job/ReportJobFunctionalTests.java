package io.kpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.generate.DatabaseSink;
import io.kpipeline.generate.DemoDataGenerator;
import io.kpipeline.generate.GeneratorSettings;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.system.Progress;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The report jobs run for real on generated demo data. */
@SpringBootTest
class ReportJobFunctionalTests {

    private static final ReportingPeriod OCTOBER = ReportingPeriod.parse("2026-10");
    private static final ReportingPeriod WEEK_44 = ReportingPeriod.parse("2026-W44");

    @Autowired
    ReportRunner runner;
    @Autowired
    KpiCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;

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
    void theMonthlyAndWeeklyRunsGiveEveryEnabledKpiAValueOrAReason() throws IOException {
        for (var run : List.of(new Object[] {ReportKind.MONTHLY, OCTOBER}, new Object[] {ReportKind.WEEKLY, WEEK_44})) {
            Path folder = out.resolve(((ReportKind) run[0]).key());
            var outcome = runner.run((ReportKind) run[0], (ReportingPeriod) run[1], folder);
            assertThat(outcome.status()).as(String.valueOf(outcome.failure())).isEqualTo(BatchStatus.COMPLETED);
            assertThat(outcome.steps()).extracting(ReportRunner.StepTime::step)
                    .containsExactly("computeKpisStep", "evaluateKpisStep", "exportResultsStep", "renderReportStep",
                            "deliverReportStep");
            assertThat(Files.exists(folder.resolve("weekly-report.pdf"))).isEqualTo(run[0] == ReportKind.WEEKLY);
            assertThat(Files.exists(folder.resolve("management-report.pdf"))).isEqualTo(run[0] == ReportKind.MONTHLY);
            if (run[0] == ReportKind.WEEKLY) {
                // kept to look at the pages of a report on demo data as images
                Files.createDirectories(Path.of("target", "report-samples"));
                Files.copy(folder.resolve("weekly-report.pdf"), Path.of("target", "report-samples", "weekly-demo.pdf"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }

            List<CSVRecord> rows = read(folder.resolve("kpi-results.csv"));
            List<CSVRecord> totals = rows.stream().filter(r -> r.get("dimension").isEmpty()).toList();
            assertThat(totals.stream().map(r -> r.get("kpi_id")).collect(Collectors.toSet()))
                    .isEqualTo(catalog.enabled().stream().map(KpiDefinition::id).collect(Collectors.toSet()));
            for (CSVRecord total : totals) {
                assertThat(total.get("value").isEmpty() != total.get("reason").isEmpty())
                        .as(total.get("kpi_id") + ": a value or a reason").isTrue();
            }
            assertThat(rows.stream().map(r -> r.get("dimension")).filter(d -> !d.isEmpty()).collect(Collectors.toSet()))
                    .isSubsetOf(Set.of("channel", "campaign", "rep", "segment", "network", "kind", "type"))
                    .contains("channel", "rep", "segment");
        }
    }

    @Test
    void theQuarterlyAndYearlyRunsWriteTheirResultsWithTrendsOfEightQuartersAndFiveYearsAndTheirPdfs()
            throws IOException {
        Path quarter = out.resolve("quarterly");
        var quarterly = runner.run(ReportKind.QUARTERLY, ReportingPeriod.parse("2026-Q3"), quarter);
        assertThat(quarterly.status()).as(String.valueOf(quarterly.failure())).isEqualTo(BatchStatus.COMPLETED);
        Path year = out.resolve("yearly");
        var yearly = runner.run(ReportKind.YEARLY, ReportingPeriod.parse("2025"), year);
        assertThat(yearly.status()).as(String.valueOf(yearly.failure())).isEqualTo(BatchStatus.COMPLETED);

        for (Path folder : List.of(quarter, year)) {
            List<CSVRecord> totals = read(folder.resolve("kpi-results.csv")).stream()
                    .filter(r -> r.get("dimension").isEmpty()).toList();
            assertThat(totals.stream().map(r -> r.get("kpi_id")).collect(Collectors.toSet()))
                    .isEqualTo(catalog.enabled().stream().map(KpiDefinition::id).collect(Collectors.toSet()));
            int trend = folder == quarter ? 8 : 5;
            assertThat(totals).allSatisfy(r -> assertThat(r.get("trend").split(";", -1)).hasSize(trend));
            assertThat((folder == quarter ? quarterly : yearly).rendered()).extracting(RenderedPdf::file)
                    .containsExactly(folder.resolve("management-report.pdf").toAbsolutePath().toString());
        }
        // the generated data: leads every day from 2025-08-01, so each quarter from 2025-Q3 has new leads
        CSVRecord leads = read(quarter.resolve("kpi-results.csv")).stream()
                .filter(r -> r.get("kpi_id").equals("leads_created") && r.get("dimension").isEmpty()).findFirst()
                .orElseThrow();
        String[] quarters = leads.get("trend").split(";", -1); // 2024-Q4 .. 2026-Q3
        assertThat(quarters[7]).isEqualTo(leads.get("value"));
        assertThat(quarters[6]).isEqualTo(leads.get("previous_value"));
        assertThat(quarters[3]).isEqualTo(leads.get("previous_year_value")); // 2025-Q3, a year before
        assertThat(new BigDecimal(quarters[3])).isPositive();
        // 2024-Q4 lies before the data: no value, a gap in the trend, not a count of 0
        assertThat(quarters[0]).isEmpty();
        // so the year 2025 has no previous year to compare with, rather than "after 0 leads in 2024"
        CSVRecord yearLeads = read(year.resolve("kpi-results.csv")).stream()
                .filter(r -> r.get("kpi_id").equals("leads_created") && r.get("dimension").isEmpty()).findFirst()
                .orElseThrow();
        assertThat(yearLeads.get("previous_value")).isEmpty();
        assertThat(yearLeads.get("change")).isEmpty();

        String quarterText = pdfText(quarter.resolve("management-report.pdf"));
        assertThat(quarterText).contains("3. Quartal 2026", "Vorquartal", "Gesamtumsatz und MRR über 8 Quartale");
        String yearText = pdfText(year.resolve("management-report.pdf"));
        assertThat(yearText).contains("Kalenderjahr 2025", "Gesamtumsatz und MRR über 5 Jahre",
                "Die Datenbank enthält Daten erst ab dem 01.08.2025, der Berichtszeitraum beginnt am 01.01.2025:"
                        + " Seine Werte decken nur den 01.08.2025 bis 31.12.2025 ab.");
        // kept to look at the pages of the reports on demo data as images
        Files.createDirectories(Path.of("target", "report-samples"));
        Files.copy(quarter.resolve("management-report.pdf"), Path.of("target", "report-samples", "quarterly-demo.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(year.resolve("management-report.pdf"), Path.of("target", "report-samples", "yearly-demo.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void rerunningAPeriodGivesTheSameResultsAndNoDuplicates() throws IOException {
        runner.run(ReportKind.MONTHLY, OCTOBER, out.resolve("first"));
        var second = runner.run(ReportKind.MONTHLY, OCTOBER, out.resolve("second"));
        assertThat(second.run()).isGreaterThan(1);
        assertThat(Files.readString(out.resolve("second/kpi-results.csv")))
                .isEqualTo(Files.readString(out.resolve("first/kpi-results.csv")));
        Long stored = jdbc.queryForObject(
                "SELECT COUNT(*) FROM kpi_result WHERE report = 'monthly' AND period_id = '2026-10'", Long.class);
        assertThat(stored).isEqualTo(read(out.resolve("second/kpi-results.csv")).size());
    }

    @Test
    void dataOfALaterPeriodDoesNotChangeThePastPeriod() throws IOException {
        runner.run(ReportKind.MONTHLY, OCTOBER, out.resolve("before"));
        jdbc.update("""
                INSERT INTO `lead` (id, channel_code, created_at) VALUES ('LATER-1', 'EMAIL', '2026-11-03 09:00:00')""");
        jdbc.update("""
                INSERT INTO customer_order (id, account_id, order_date, amount, status)
                SELECT 'LATER-ORDER', id, '2026-11-04', 999.00, 'BOOKED' FROM account ORDER BY id LIMIT 1""");
        // computed again from the rows, not reused: what is under test is the computation's own window
        jdbc.update("DELETE FROM kpi_computation");
        runner.run(ReportKind.MONTHLY, OCTOBER, out.resolve("after"));
        assertThat(columns(out.resolve("after/kpi-results.csv")))
                .isEqualTo(columns(out.resolve("before/kpi-results.csv")));
    }

    @Test
    void aMonthRunOnTheStoredMonthsBeforeItGivesTheResultsOfAColdRunToTheLastDigit() throws IOException {
        runner.run(ReportKind.MONTHLY, ReportingPeriod.parse("2026-09"), out.resolve("september"));
        var incremental = runner.run(ReportKind.MONTHLY, OCTOBER, out.resolve("incremental"));
        long octoberValues = jdbc.queryForObject("SELECT COUNT(*) FROM kpi_value WHERE period_id = '2026-10'",
                Long.class);
        // only October was computed: the 12 months of its trend before it were stored by September's run
        assertThat(incremental.steps().get(0).written()).isEqualTo(octoberValues);
        // and the 13 calculators' computations of those 12 months were taken as stored
        assertThat(incremental.steps().get(0).reused()).isEqualTo(12 * 13);

        jdbc.update("DELETE FROM kpi_computation");
        jdbc.update("DELETE FROM kpi_value");
        var cold = runner.run(ReportKind.MONTHLY, OCTOBER, out.resolve("cold"));

        assertThat(cold.steps().get(0).written()).isGreaterThan(12 * octoberValues);
        assertThat(Files.readString(out.resolve("incremental/kpi-results.csv")))
                .isEqualTo(Files.readString(out.resolve("cold/kpi-results.csv")));
    }

    /** Every column but those that look at the following period (none for a past month's own values). */
    private static List<String> columns(Path file) throws IOException {
        return read(file).stream().map(r -> r.get("kpi_id") + "|" + r.get("dimension") + "|" + r.get("dimension_value")
                + "|" + r.get("value") + "|" + r.get("numerator") + "|" + r.get("denominator") + "|" + r.get("reason"))
                .toList();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
