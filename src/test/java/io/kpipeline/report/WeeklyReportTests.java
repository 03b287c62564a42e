package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.evaluation.Measures;
import io.kpipeline.evaluation.Status;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.KpiProperties;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The weekly report filled from known results, exported and read back as text. */
@SpringBootTest
class WeeklyReportTests {

    private static final ReportingPeriod WEEK_44 = ReportingPeriod.parse("2026-W44");
    private static final Map<String, String> REPS = Map.of("REP-01", "Julia Schäfer", "REP-02", "Lukas Weber");
    private static final Map<String, String> CHANNELS = Map.of("EMAIL", "E-Mail", "PHONE", "Telefon");

    @Autowired
    WeeklyReport weekly;
    @Autowired
    KpiCatalog catalog;
    @Autowired
    Measures measures;
    @Autowired
    ReportSettings settings;
    @Autowired
    KpiSettings kpiSettings;
    @Autowired
    KpiProperties properties;

    @Test
    void printsTheFocusKpisInGermanWithStatusWordsMeasuresAndFlags() throws IOException {
        byte[] pdf = weekly.render(WEEK_44, results(), REPS, CHANNELS);
        keep("weekly-de.pdf", pdf);
        String text = text(pdf);

        assertThat(text).contains("Wochenbericht KW 44/2026", "26.10.2026 bis 01.11.2026", "Fokus-KPIs");
        assertThat(text).contains("Neue Leads 1.234 +12,2 % +23,4 % 1.200 gut");
        assertThat(text).contains("Lead → MQL 23,7 % -1,3 Pp", "Warnung");
        assertThat(text).contains("Gesamtvertragswert (TCV) 1.234,56 € +23,5 %");
        assertThat(text).contains("SQL 48 -20,0 %", "schlecht", "Anomalie");
        assertThat(text).contains("Gewinnrate 31,0 % – – – neutral kleine", "Stichprobe");
        assertThat(text).contains("Lead-Reaktionszeit 12,5 Std.");
        assertThat(text).contains("Kontakte nach Kanal", "E-Mail 120 100 +20,0 % 60,0 %", "Telefon 80");
        assertThat(text).contains("Team gesamt 23,7 %", "Julia Schäfer 25,0 %*", "Lukas Weber");
        assertThat(text).contains("E-Mail-Öffnungsrate (schlecht)",
                "Niedrige Öffnungsrate: Betreffzeilen und Absender im A/B-Test erproben");
        assertThat(text).contains("Anomalien", "SQL", "Kleine Stichproben");
        assertThat(text).contains("Seite 1 von ");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isBetween(1, 2);
            var info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Wochenbericht KW 44/2026");
            assertThat(info.getAuthor()).isEqualTo("kpi-pipeline");
            Calendar created = info.getCreationDate();
            assertThat(created.toInstant()).isEqualTo(WEEK_44.last().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }

    @Test
    void week53AfterAYearOf52WeeksSaysWhyItHasNoComparisonWithLastYear() throws IOException {
        // 2026-W53 runs from 28 December 2026 to 3 January 2027; 2025 had 52 ISO weeks
        String text = text(weekly.render(ReportingPeriod.parse("2026-W53"), results(), REPS, CHANNELS));
        assertThat(text.replaceAll("\\s+", " ")).contains("Ohne Vergleich mit dem Vorjahr: 2025 hatte keine KW 53.");
        assertThat(text(weekly.render(WEEK_44, results(), REPS, CHANNELS))).doesNotContain("Ohne Vergleich");
    }

    @Test
    void theSameResultsGiveTheSameBytes() {
        byte[] first = weekly.render(WEEK_44, results(), REPS, CHANNELS);
        byte[] second = weekly.render(WEEK_44, results(), REPS, CHANNELS);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aWeekWithManyRepsRunsOntoASecondPageNumberedOfTwo() throws IOException {
        // 30 reps fill the funnel table beyond the first page
        List<StoredResult> rows = new ArrayList<>(results());
        Map<String, String> reps = new java.util.HashMap<>(REPS);
        for (int i = 10; i < 40; i++) {
            reps.put("REP-" + i, "Vertriebler " + i);
            for (String stage : WeeklyReport.FUNNEL) {
                rows.add(breakdown(stage, "rep", "REP-" + i, "0.3", null, List.of()));
            }
        }
        byte[] pdf = weekly.render(WEEK_44, rows, reps, CHANNELS);
        keep("weekly-two-pages.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(document);
            assertThat(second).contains("Seite 2 von 2", "Vertriebler 39");
        }
        assertThat(text(pdf)).contains("Seite 1 von 2");
    }

    @Test
    void printsInEnglishWhenTheReportLocaleIsEnglish() throws IOException {
        var english = new WeeklyReport(new ReportRenderer(Locale.ENGLISH), null, catalog, measures, settings,
                kpiSettings, properties, null, null);
        byte[] pdf = english.render(WEEK_44, results(), REPS, CHANNELS);
        keep("weekly-en.pdf", pdf);
        String text = text(pdf);
        assertThat(text).contains("Weekly report Week 44/2026", "New leads 1,234", "€1,234.56", "23.7%",
                "good", "warning", "bad", "neutral", "Low open rate");
    }

    @Test
    void aFocusKpiOutsideTheCatalogStopsStartUpNamingTheSetting() {
        var wrong = new ReportSettings("de", new ReportSettings.Weekly(List.of("leads_created", "lead_count"),
                "weekly-report.pdf"), settings.review());
        var report = new WeeklyReport(new ReportRenderer(Locale.GERMAN), null, catalog, measures, wrong, kpiSettings,
                properties, null, new org.springframework.core.env.StandardEnvironment());
        assertThatThrownBy(report::afterPropertiesSet).isInstanceOf(KpiException.class)
                .hasMessageContaining("kpi.reports.weekly.focus[1] = lead_count is not a KPI of config/kpis.yml");
    }

    /** The stored results of a week with every section filled. */
    static List<StoredResult> results() {
        List<StoredResult> rows = new ArrayList<>();
        rows.add(total("leads_created", "count", "1234", "1100", "1000", "1200", Status.GOOD, List.of(), List.of()));
        rows.add(total("conv_lead_mql", "rate", "0.237", "0.25", "0.2", "0.25", Status.WARN, List.of(), List.of()));
        rows.add(total("sql_count", "count", "48", "60", null, null, Status.BAD, List.of("ANOMALY"), List.of()));
        rows.add(total("win_rate", "rate", "0.31", null, null, null, Status.NEUTRAL, List.of("SMALL_SAMPLE"),
                List.of()));
        rows.add(total("tcv_won", "money", "1234.56", "1000", null, "2000", Status.BAD, List.of(), List.of()));
        rows.add(total("email_open_rate", "rate", "0.18", "0.2", "0.22", "0.25", Status.BAD, List.of(),
                List.of("test-subject-lines")));
        rows.add(total("lead_response_hours", "hours", "12.5", "10", "14", "24", Status.GOOD, List.of(), List.of()));
        rows.add(breakdown("contacts", "channel", "EMAIL", "120", "100", List.of()));
        rows.add(breakdown("contacts", "channel", "PHONE", "80", "90", List.of()));
        for (String stage : WeeklyReport.FUNNEL) {
            if (!stage.equals("conv_lead_mql")) {
                rows.add(total(stage, "rate", "0.5", null, null, null, Status.NEUTRAL, List.of(), List.of()));
            }
            rows.add(breakdown(stage, "rep", "REP-01", "0.25", null, List.of("SMALL_SAMPLE")));
            rows.add(breakdown(stage, "rep", "REP-02", "0.4", null, List.of()));
        }
        return rows;
    }

    private static StoredResult total(String kpi, String unit, String value, String previous, String lastYear,
            String target, Status status, List<String> flags, List<String> actions) {
        List<BigDecimal> trend = IntStream.range(0, 13)
                .mapToObj(i -> i == 4 ? null : new BigDecimal(value).multiply(BigDecimal.valueOf(90 + (i * 7) % 20))
                        .divide(BigDecimal.valueOf(100)))
                .toList();
        return new StoredResult(kpi, null, null, new BigDecimal(value), unit, null, null, null, decimal(previous),
                decimal(lastYear), trend, decimal(target), null, null, status, null, null, flags, actions);
    }

    private static StoredResult breakdown(String kpi, String dimension, String dimensionValue, String value,
            String previous, List<String> flags) {
        return new StoredResult(kpi, dimension, dimensionValue, new BigDecimal(value), "count", null, null, null,
                decimal(previous), null, List.of(), null, null, null, Status.NEUTRAL, null, null, flags, List.of());
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
        }
    }

    /** Kept under target/report-samples to look at the pages as images. */
    private static void keep(String name, byte[] pdf) throws IOException {
        Path folder = Path.of("target", "report-samples");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), pdf);
    }
}
