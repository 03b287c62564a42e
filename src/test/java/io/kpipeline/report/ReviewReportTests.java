package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.Targets;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.review.ReviewFindings;
import io.kpipeline.system.KpiProperties;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The 30-day review filled from known values with the targets of config/targets.yml, exported and
 * read back as text. The cycle is 2026-10-02 .. 2026-10-31 (cycle 10 from 2026-01-05); checkpoint k
 * sits on day 7k, a deadline D on day (D − 2026-10-02) + 1.
 */
@SpringBootTest
class ReviewReportTests {

    private static final ReportingPeriod CYCLE = ReportingPeriod.parse("30d:2026-10-31");

    @Autowired
    ReviewReport review;
    @Autowired
    KpiCatalog catalog;
    @Autowired
    Targets targets;
    @Autowired
    ReportSettings reportSettings;
    @Autowired
    ReviewReportSettings settings;
    @Autowired
    KpiProperties properties;

    @Test
    void printsEachTargetWithBaselineCheckpointsProjectionAndVerdictInGerman() throws IOException {
        byte[] pdf = review.render(CYCLE, values());
        keep("review-de.pdf", pdf);
        String text = WeeklyReportTests.text(pdf);

        assertThat(text).contains("30-Tage-Review 02.10.2026 bis 31.10.2026",
                "Zyklus 10 der 30-Tage-Zyklen ab 05.01.2026", "Woche 1", "bis 08.10.", "bis 29.10.");
        // 0.30 … 0.36: intercept 0.28, slope 0.02/7; 2027-03-31 is day 181: 0.28 + 0.02·181/7 = 0.7971 → 79,7 %
        assertThat(text).contains("Lead → MQL Head of Marketing 29,0 % 30,0 % 32,0 % 34,0 % 36,0 % 35,0 % ≥ 40,0 %"
                + " 31.03.2027 79,7 % auf Kurs");
        // monthly target 300; 1210 … 1290: slope 770/245 = 22/7, intercept 1245 − 55 = 1190; day 181: 1758,86
        assertThat(text).contains("Neue Leads Head of Marketing 1.200 1.210 1.250 1.230 1.290 1.234 ≥ 300 31.03.2027"
                + " 1.759 erreicht");
        // intercept 6900, slope 100/7; 2027-12-31 is day 456: 6900 + 45600/7 = 13.414,29 €
        assertThat(text).contains("7.000,00 € 7.100,00 € 7.200,00 € 7.300,00 € 7.250,50 € ≤ 8.000,00 € 31.12.2027"
                + " 13.414,29 € nicht auf Kurs");
        // 26 … 24.5 h: intercept 26.5, slope −0.5/7; day 181: 26.5 − 90.5/7 = 13,57
        assertThat(text).contains("≤ 24,0 Std. 31.03.2027 13,6 Std. auf Kurs");
        // 0.30 … 0.27 falling to 0.31 − 0.01·272/7 < 0 on 2027-06-30: a rate stops at 0
        assertThat(text).contains("Gewinnrate Head of Sales 31,0 % 30,0 % 29,0 % 28,0 % 27,0 % 27,0 % ≥ 25,0 %"
                + " 30.06.2027 0,0 % nicht auf Kurs");
        assertThat(text).contains("Net Promoter Score", "keine Prognose", "E-Mail-Öffnungsrate",
                "Abwanderungsrate (Churn)");

        assertThat(text).contains("KPI-Inventar", "nicht messbar E-Mail-Öffnungsrate no delivered marketing emails",
                "nicht SMART: kein Ziel", "Bekanntheit",
                "redundant Website-Besuche ↔ Website-Besucher r = 1,00, der Änderungen 1,00, über 13 Kalenderwochen");
        assertThat(text).contains("Empfohlene Anpassungen",
                "Zusammenlegen Website-Besuche behalten, Website-Besucher streichen",
                "Streichen E-Mail-Öffnungsrate", "Ziel setzen Website-Besuche, Website-Besucher",
                "Bekanntheit: ein Ziel für 30 Tage oder den Monat mit Zielwert,",
                "Ziel verschärfen Neue Leads Ziel ≥ 300 zwei Zyklen in Folge erreicht (Basis 1.200, aktuell 1.234).");
        assertThat(text).contains("Fragen für das gemeinsame Review-Meeting von Vertrieb und Marketing",
                "1. Gewinnrate ist nicht auf Kurs: Prognose 0,0 % zum 30.06.2027, Ziel ≥ 25,0 %. An Head of Sales:",
                "Website-Besuche und Website-Besucher bewegen sich fast gleich (r = 1,00).",
                "Neue Leads hat das Ziel ≥ 300 zwei Zyklen in Folge erreicht. An Head of Marketing: Verschärfen wir es?",
                "KPIs haben kein Ziel, an dem der 30-Tage-Zyklus sie messen kann (siehe KPI-Inventar).");
        assertThat(text).contains("Seite 1 von ").doesNotContain("null");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            var info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("30-Tage-Review 02.10.2026 bis 31.10.2026");
            assertThat(info.getCreationDate().toInstant())
                    .isEqualTo(CYCLE.last().atStartOfDay().toInstant(ZoneOffset.UTC));
            // landscape as OpenPDF writes it: an A4 page turned by 90°
            assertThat(document.getPage(0).getRotation()).as("landscape").isEqualTo(90);
        }
    }

    @Test
    void theSameValuesGiveTheSameBytesAndRenderFast() {
        byte[] first = review.render(CYCLE, values());
        long start = System.nanoTime();
        byte[] second = review.render(CYCLE, values());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(second).isEqualTo(first);
        System.out.println("Review report rendered in " + millis + " ms (warm)");
    }

    @Test
    void printsInEnglishWhenTheReportLocaleIsEnglish() throws IOException {
        var english = new ReviewReport(new ReportRenderer(Locale.ENGLISH), null, null, catalog, targets,
                reportSettings, settings, properties, null);
        byte[] pdf = english.render(CYCLE, values());
        keep("review-en.pdf", pdf);
        String text = WeeklyReportTests.text(pdf);
        assertThat(text).contains("30-day KPI review Oct 2, 2026 to Oct 31, 2026", "Week 1", "to Oct 8",
                "≤ €8,000.00", "€13,414.29", "on track", "off track", "reached", "no projection",
                "KPI inventory", "not measurable", "Recommended adjustments", "Merge",
                "Questions for the joint sales and marketing review meeting",
                "Website sessions and Website visitors move almost identically (r = 1.00).", "Page 1 of ");
    }

    @Test
    void aMinimumOfWeeksAboveTheWeeksReadStopsStartUpNamingBothSettings() {
        var wrong = new ReviewReportSettings("review-report.pdf", 13, 20, 0.95);
        var report = new ReviewReport(new ReportRenderer(Locale.GERMAN), null, null, catalog, targets, reportSettings,
                wrong, properties, new org.springframework.core.env.StandardEnvironment());
        org.assertj.core.api.Assertions.assertThatThrownBy(report::afterPropertiesSet)
                .isInstanceOf(io.kpipeline.system.KpiException.class)
                .hasMessageContaining("kpi.reports.review.minimum-weeks = 20")
                .hasMessageContaining("kpi.reports.review.correlation-weeks = 13");
    }

    /** Values of a cycle: each KPI's own story told in the assertions. */
    static ReviewFindings.Values values() {
        Map<String, BigDecimal> current = new HashMap<>();
        Map<String, BigDecimal> baseline = new HashMap<>();
        List<Map<String, BigDecimal>> checkpoints = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            checkpoints.add(new HashMap<>());
        }
        put(current, baseline, checkpoints, "conv_lead_mql", "0.35", "0.29", "0.30", "0.32", "0.34", "0.36");
        put(current, baseline, checkpoints, "leads_created", "1234", "1200", "1210", "1250", "1230", "1290");
        put(current, baseline, checkpoints, "cac", "7250.50", "7100", "7000", "7100", "7200", "7300");
        put(current, baseline, checkpoints, "lead_response_hours", "24.2", "25", "26", "25.5", "25", "24.5");
        put(current, baseline, checkpoints, "win_rate", "0.27", "0.31", "0.30", "0.29", "0.28", "0.27");
        current.put("nps", new BigDecimal("35"));
        current.put("web_sessions", new BigDecimal("4500"));
        current.put("web_visitors", new BigDecimal("3600"));
        List<Map<String, BigDecimal>> weeks = new ArrayList<>();
        for (int w = 0; w < 13; w++) {
            // sessions zigzag upwards; visitors are always 80 % of them
            BigDecimal sessions = BigDecimal.valueOf(1000 + 20L * w + (w % 2 == 0 ? 0 : 35));
            weeks.add(Map.of("web_sessions", sessions, "web_visitors", sessions.multiply(new BigDecimal("0.8"))));
        }
        return new ReviewFindings.Values(current, baseline,
                Map.of("email_open_rate", "no delivered marketing emails in the period"), checkpoints, weeks);
    }

    private static void put(Map<String, BigDecimal> current, Map<String, BigDecimal> baseline,
            List<Map<String, BigDecimal>> checkpoints, String kpi, String now, String before, String... weekly) {
        current.put(kpi, new BigDecimal(now));
        baseline.put(kpi, new BigDecimal(before));
        for (int k = 0; k < 4; k++) {
            checkpoints.get(k).put(kpi, new BigDecimal(weekly[k]));
        }
    }

    private static void keep(String name, byte[] pdf) throws IOException {
        Path folder = Path.of("target", "report-samples");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), pdf);
    }
}
