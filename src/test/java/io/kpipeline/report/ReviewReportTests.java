package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.FiredMeasures.FiredMeasure;
import io.kpipeline.evaluation.FiredMeasures.Weakest;
import io.kpipeline.evaluation.Measures;
import io.kpipeline.evaluation.Status;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.evaluation.Targets;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition.Dimension;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.review.Observation;
import io.kpipeline.review.ReviewFindings;
import io.kpipeline.review.ReviewPeriods;
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
import java.util.function.Predicate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 30-day review filled from known values with the targets of config/targets.yml, exported and
 * read back as text. The cycle is 2026-10-02 .. 2026-10-31 (cycle 10 from 2026-01-05); checkpoint k
 * sits on day 7k. Every shipped deadline lies more than 60 days after it, so this cycle gets directions,
 * not projections; the cycle ending 2027-03-01 is 30 days before the deadline 2027-03-31 and gets them.
 */
@SpringBootTest
class ReviewReportTests {

    private static final ReportingPeriod CYCLE = ReportingPeriod.parse("30d:2026-10-31");
    /** A channel only this test uses, so that its display name is known. */
    private static final String CHANNEL = "REVIEW_TEST_LINKEDIN";

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
    @Autowired
    KpiSettings kpiSettings;
    @Autowired
    Measures measures;
    @Autowired
    DisplayNames names;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aChannelWithItsDisplayName() {
        jdbc.update("DELETE FROM channel WHERE code = ?", CHANNEL);
        jdbc.update("INSERT INTO channel (code, name, category) VALUES (?, 'LinkedIn Ads', 'ONLINE')", CHANNEL);
    }

    @AfterEach
    void removeTheChannel() {
        jdbc.update("DELETE FROM channel WHERE code = ?", CHANNEL);
    }

    @Test
    void printsEachTargetWithItsDirectionCaseCountsAndTheMeasuresInGerman() throws IOException {
        byte[] pdf = review.render(CYCLE, values(), fired());
        keep("review-de.pdf", pdf);
        String text = flat(WeeklyReportTests.text(pdf));

        assertThat(text).contains("30-Tage-Review 02.10.2026 bis 31.10.2026",
                "Zyklus 10 der 30-Tage-Zyklen ab 05.01.2026", "Woche 1", "bis 08.10.", "bis 29.10.");
        // 0.30 … 0.36 rising towards at least 40 %, but 2027-03-31 is 151 days after the cycle: a direction
        assertThat(text).contains("Lead → MQL Head of Marketing 29,0 % 30,0 % 32,0 % 34,0 % 36,0 % 35,0 % ≥ 40,0 %"
                + " 31.03.2027 Frist zu fern (> 60 Tage) Richtung: stimmt Gewinnrate");
        // 1234 meets at least 300 now; the checkpoints rise
        assertThat(text).contains("Neue Leads Head of Marketing 1.200 1.210 1.250 1.230 1.290 1.234 ≥ 300 31.03.2027"
                + " Frist zu fern (> 60 Tage) erreicht Richtung: stimmt Lead-Reaktionszeit");
        // 0.28 … 0.25 falling away from at least 25 %, the cycle's 24 % below it
        assertThat(text).contains("Gewinnrate Head of Sales 31,0 % 28,0 % 27,0 % 26,0 % 25,0 % 24,0 % ≥ 25,0 %"
                + " 30.06.2027 Frist zu fern (> 60 Tage) Richtung: stimmt nicht Abwanderungsrate");
        // CAC on 11 new customers and NPS on 4 answers: their case counts, no verdict word
        assertThat(text).contains("Net Promoter Score Head of Customer Success – – – – – 35,0 n = 4 ≥ 40,0 31.12.2027 –"
                + " zu wenige Fälle, n = 4 Kundenakquisitionskosten (CAC) Managing Director 7.100,00 € n = 9"
                + " 7.000,00 € n = 12 7.100,00 € n = 10 7.200,00 € n = 11 7.300,00 € n = 11 7.250,50 € n = 11"
                + " ≤ 8.000,00 € 31.12.2027 – zu wenige Fälle, n = 11");
        assertThat(text).contains("Abwanderungsrate (Churn)", "kein Wert");
        assertThat(text).contains("n: die Zahl der Fälle, auf denen ein Wert beruht",
                "unter 30 Fällen ist er eine kleine Stichprobe", "R² mindestens 0,60", "höchstens 60 Tage");

        assertThat(text).contains("Stellschrauben: Maßnahmen zu den Werten des Zyklus", "Kosten pro Klick (CPC)",
                "Hohe Kosten pro Klick: Gebotsstrategie", "Aktuell 1,60 €.",
                "Ansatzpunkt: Kanal LinkedIn Ads mit 4,12 € gegen 1,60 € im Schnitt.");

        // the reason the computation records in English, in the report language
        assertThat(text).contains("KPI-Inventar", "nicht messbar E-Mail-Öffnungsrate von den im Zeitraum versendeten"
                + " Marketing-E-Mails wurde keine zugestellt",
                "kleine Stichprobe", "Kundenakquisitionskosten (CAC) (n = 11)", "Net Promoter Score (n = 4)",
                "nicht SMART: kein Ziel", "Aufmerksamkeit",
                "redundant Website-Besuche ↔ Website-Besucher r = 1,00, der Änderungen 1,00, über 13 Kalenderwochen");
        assertThat(text).contains("Empfohlene Anpassungen",
                "Zusammenlegen Website-Besuche behalten, Website-Besucher streichen",
                "Streichen E-Mail-Öffnungsrate", "Ziel setzen Website-Besuche, Website-Besucher",
                "Ziel verschärfen Neue Leads Ziel ≥ 300 zwei Zyklen in Folge erreicht (Basis 1.200, aktuell 1.234).");
        assertThat(text).contains("Fragen für das gemeinsame Review-Meeting von Vertrieb und Marketing",
                "1. Gewinnrate: Die Richtung stimmt nicht – aktuell 24,0 %, Ziel ≥ 25,0 % bis 30.06.2027, und die"
                        + " Wochenwerte entfernen sich davon. An Head of Sales:",
                "Website-Besuche und Website-Besucher bewegen sich fast gleich (r = 1,00). Brauchen wir beide, oder"
                        + " genügen Website-Besuche?",
                // the name is a plural, and so is the verb
                "Kundenakquisitionskosten (CAC) beruhen im Zyklus auf nur 11 Fällen, zu wenige für eine Bewertung"
                        + " (ab 30). An Managing Director:",
                "Net Promoter Score beruht im Zyklus auf nur 4 Fällen",
                "Neue Leads haben das Ziel ≥ 300 zwei Zyklen in Folge erreicht. An Head of Marketing: Verschärfen"
                        + " wir es?",
                "KPIs haben kein Ziel, an dem der 30-Tage-Zyklus sie messen kann (siehe KPI-Inventar).");
        assertThat(text.substring(0, text.indexOf("Alle Werte gelten"))).as("the target table")
                .doesNotContain("auf Kurs", "-100");
        assertThat(text).contains("Seite 1 von ").doesNotContain("null");
        // the meeting decides on targets and measures; where they are written down is no matter of theirs
        assertThat(text).contains("Streichen E-Mail-Öffnungsrate Keine Daten im Zyklus: Datenquelle anbinden oder die"
                + " KPI abschalten.").doesNotContain("config/", ".yml", "no delivered");

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
    void projectsOnlyWhereTheDeadlineIsNearTheLineFitsAndTheValueStaysInTheWidenedRange() throws IOException {
        // the 30 days ending 2027-03-01 start on 2027-01-31; the deadline 2027-03-31 is day 60, 30 days after
        ReportingPeriod cycle = ReportingPeriod.parse("30d:2027-03-01");
        Map<String, Observation> current = new HashMap<>();
        Map<String, Observation> baseline = new HashMap<>();
        List<Map<String, Observation>> checkpoints = checkpoints();
        List<Map<String, Observation>> history = history();
        // 0.30 … 0.36: intercept 0.28, slope 0.02/7, R² 1; day 60: 0.28 + 1.2/7 = 0.4514 → 45,1 %,
        // within 0.20 … 0.44 (step 0.02) widened to 0.08 … 0.56
        put(current, baseline, checkpoints, "conv_lead_mql", "0.35", "0.29", "0.30", "0.32", "0.34", "0.36");
        fill(history, "conv_lead_mql", "0.20", "0.02");
        // 26 … 24.5 h: intercept 26.5, slope −0.5/7; day 60: 26.5 − 30/7 = 22.21, below 28 … 24.4 widened to 22.6
        put(current, baseline, checkpoints, "lead_response_hours", "24.2", "25", "26", "25.5", "25", "24.5");
        fill(history, "lead_response_hours", "28", "-0.3");
        // 280, 320, 280, 320: R² = 0.2, a zigzag; 310 meets at least 300 now
        put(current, baseline, checkpoints, "leads_created", "310", "290", "280", "320", "280", "320");
        fill(history, "leads_created", "250", "5");
        var values = new ReviewFindings.Values(current, baseline, Map.of(), checkpoints, history, List.of());

        String text = flat(WeeklyReportTests.text(review.render(cycle, values, List.of())));
        assertThat(text).contains("≥ 40,0 % 31.03.2027 45,1 % auf Kurs");
        assertThat(text).contains("≤ 24,0 Std. 31.03.2027 außerhalb der Spanne der letzten 13 Wochen Richtung: stimmt");
        assertThat(text).contains("≥ 300 31.03.2027 Verlauf zu unstet (R² = 0,20)");
        assertThat(text).contains("Keine empfohlene Maßnahme trifft auf die Werte des Zyklus zu.");
    }

    @Test
    void theSameValuesGiveTheSameBytesAndRenderFast() {
        byte[] first = review.render(CYCLE, values(), fired());
        long start = System.nanoTime();
        byte[] second = review.render(CYCLE, values(), fired());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(second).isEqualTo(first);
        System.out.println("Review report rendered in " + millis + " ms (warm)");
    }

    @Test
    void printsInEnglishWhenTheReportLocaleIsEnglish() throws IOException {
        var english = new ReviewReport(new ReportRenderer(Locale.ENGLISH), null, null, catalog, targets,
                reportSettings, settings, properties, kpiSettings, null, names);
        byte[] pdf = english.render(CYCLE, values(), fired());
        keep("review-en.pdf", pdf);
        String text = flat(WeeklyReportTests.text(pdf));
        assertThat(text).contains("30-day KPI review Oct 2, 2026 to Oct 31, 2026", "Week 1", "to Oct 8",
                "€7,250.50", "too few cases, n = 11", "n = 4", "Direction: right", "Direction: wrong", "reached",
                "deadline too far (> 60 days)", "n: the number of cases a value rests on",
                "Levers: measures on the cycle's values", "Start with channel LinkedIn Ads: €4.12 against €1.60 on average.",
                "KPI inventory", "not measurable", "small sample", "Recommended adjustments", "Merge",
                "Questions for the joint sales and marketing review meeting",
                "Win rate: the direction is wrong",
                "Website sessions and Website visitors move almost identically (r = 1.00). Do we need both, or are"
                        + " Website sessions enough?",
                "Customer acquisition cost (CAC) rests on only 11 cases", "Page 1 of ");
    }

    @Test
    void noSectionHeadingStandsAloneAtTheBottomOfAPage() throws IOException {
        List<String> headings = List.of("Stellschrauben: Maßnahmen zu den Werten des Zyklus", "KPI-Inventar",
                "Empfohlene Anpassungen", "Fragen für das gemeinsame Review-Meeting von Vertrieb und Marketing");
        // one to eight measures move the later sections down by a row each, past every place a page can break
        for (int measures = 1; measures <= 8; measures++) {
            List<FiredMeasure> fired = new ArrayList<>();
            for (int i = 0; i < measures; i++) {
                fired.addAll(fired());
            }
            assertNoHeadingAlone(review.render(CYCLE, values(), fired), headings, measures);
        }
    }

    private static void assertNoHeadingAlone(byte[] pdf, List<String> headings, int measures) throws IOException {
        List<List<String>> pages = pages(pdf);
        assertThat(pages).hasSizeGreaterThan(1);
        for (int page = 1; page <= pages.size(); page++) {
            List<String> lines = pages.get(page - 1).stream()
                    .filter(l -> !l.isEmpty() && !l.startsWith("kpi-pipeline · ") && !l.startsWith("Seite "))
                    .toList();
            // a heading is followed on its page by its note or its first row, never by the page break
            assertThat(headings).as("last line of page %d with %d measures", page, measures)
                    .doesNotContain(lines.get(lines.size() - 1));
            // and a note never runs over onto the next page
            assertThat(lines.get(0)).as("first line of page %d with %d measures", page, measures)
                    .doesNotStartWith("korrelierte");
        }
    }

    /** Each page's lines, stripped. */
    private static List<List<String>> pages(byte[] pdf) throws IOException {
        List<List<String>> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).lines().map(String::strip).toList());
            }
        }
        return pages;
    }

    @Test
    void theLastQuestionNeverStandsAloneOnAPageInEitherLanguage() throws IOException {
        var english = new ReviewReport(new ReportRenderer(Locale.ENGLISH), null, null, catalog, targets,
                reportSettings, settings, properties, kpiSettings, null, names);
        // each measure moves the questions down by a row, past every place a page can break before the last one
        for (int measures = 0; measures <= 24; measures++) {
            List<FiredMeasure> fired = new ArrayList<>();
            for (int i = 0; i < measures; i++) {
                fired.addAll(fired());
            }
            assertLastQuestionNotAlone(review.render(CYCLE, values(), fired), "German", measures);
            assertLastQuestionNotAlone(english.render(CYCLE, values(), fired), "English", measures);
        }
    }

    /** The page that starts the last question also holds the question before it. */
    private static void assertLastQuestionNotAlone(byte[] pdf, String language, int measures) throws IOException {
        List<List<String>> pages = pages(pdf);
        int count = 0;
        while (pages.stream().flatMap(List::stream).anyMatch(startsQuestion(count + 1))) {
            count++;
        }
        int last = count;
        assertThat(last).as("questions in the %s review with %d measures", language, measures).isGreaterThan(1);
        List<String> page = pages.stream().filter(p -> p.stream().anyMatch(startsQuestion(last))).findFirst()
                .orElseThrow();
        assertThat(page).as("page of question %d in the %s review with %d measures", last, language, measures)
                .anyMatch(startsQuestion(last - 1));
    }

    private static Predicate<String> startsQuestion(int number) {
        return line -> line.startsWith(number + ". ");
    }

    @Test
    void withoutAgreedTargetsTheReviewSaysSoAndStillListsItsSections() throws IOException {
        var report = new ReviewReport(new ReportRenderer(Locale.GERMAN), null, null, catalog,
                new Targets(List.of()), reportSettings, settings, properties, kpiSettings, null, names);
        String text = flat(WeeklyReportTests.text(report.render(CYCLE, values(), fired())));

        assertThat(text).contains("Für keine KPI ist ein Ziel für 30 Tage, für jeden Zeitraum oder für einen Monat"
                + " vereinbart.", "Stellschrauben: Maßnahmen zu den Werten des Zyklus", "KPI-Inventar",
                "Empfohlene Anpassungen", "Fragen für das gemeinsame Review-Meeting von Vertrieb und Marketing",
                "67 KPIs hatten keine Daten im Zyklus (Social-Media-Follower,");
    }

    /** Values of a cycle: each KPI's own story told in the assertions. */
    static ReviewFindings.Values values() {
        Map<String, Observation> current = new HashMap<>();
        Map<String, Observation> baseline = new HashMap<>();
        List<Map<String, Observation>> checkpoints = checkpoints();
        put(current, baseline, checkpoints, "conv_lead_mql", "0.35", "0.29", "0.30", "0.32", "0.34", "0.36");
        put(current, baseline, checkpoints, "leads_created", "1234", "1200", "1210", "1250", "1230", "1290");
        put(current, baseline, checkpoints, "lead_response_hours", "24.2", "25", "26", "25.5", "25", "24.5");
        put(current, baseline, checkpoints, "win_rate", "0.24", "0.31", "0.28", "0.27", "0.26", "0.25");
        // CAC rests on the new customers: 11 in the cycle, 9 to 12 in the other periods
        current.put("cac", Observation.of(new BigDecimal("7250.50"), 11));
        baseline.put("cac", Observation.of(new BigDecimal("7100"), 9));
        String[] cac = {"7000", "7100", "7200", "7300"};
        long[] customers = {12, 10, 11, 11};
        for (int k = 0; k < 4; k++) {
            checkpoints.get(k).put("cac", Observation.of(new BigDecimal(cac[k]), customers[k]));
        }
        current.put("nps", Observation.of(new BigDecimal("35"), 4));
        current.put("web_sessions", Observation.of(new BigDecimal("4500")));
        current.put("web_visitors", Observation.of(new BigDecimal("3600")));
        List<Map<String, BigDecimal>> weeks = new ArrayList<>();
        for (int w = 0; w < 13; w++) {
            // sessions zigzag upwards; visitors are always 80 % of them
            BigDecimal sessions = BigDecimal.valueOf(1000 + 20L * w + (w % 2 == 0 ? 0 : 35));
            weeks.add(Map.of("web_sessions", sessions, "web_visitors", sessions.multiply(new BigDecimal("0.8"))));
        }
        return new ReviewFindings.Values(current, baseline,
                Map.of("email_open_rate", "no delivered marketing emails sent in the period"), checkpoints, history(),
                weeks);
    }

    /** The cost per click was judged BAD: its measure fired, with LinkedIn Ads the dearest channel. */
    private List<FiredMeasure> fired() {
        var measure = measures.measures().stream().filter(m -> m.kpi().equals("cost_per_click")).findFirst()
                .orElseThrow();
        var total = new StoredResult("cost_per_click", null, null, new BigDecimal("1.60"), "money",
                new BigDecimal("3200"), new BigDecimal("2000"), null, null, null, List.of(), new BigDecimal("1.20"),
                "Head of Marketing", null, Status.BAD, null, null, List.of(), List.of(measure.id()));
        return List.of(new FiredMeasure(measure, total, new Weakest(Dimension.CHANNEL, CHANNEL,
                new BigDecimal("4.12"), new BigDecimal("1.60"))));
    }

    private static List<Map<String, Observation>> checkpoints() {
        List<Map<String, Observation>> checkpoints = new ArrayList<>();
        for (int k = 0; k < ReviewPeriods.CHECKPOINTS; k++) {
            checkpoints.add(new HashMap<>());
        }
        return checkpoints;
    }

    private static List<Map<String, Observation>> history() {
        List<Map<String, Observation>> history = new ArrayList<>();
        for (int k = 0; k < ReviewPeriods.HISTORY_WEEKS; k++) {
            history.add(new HashMap<>());
        }
        return history;
    }

    /** 13 weeks of a KPI's 30-day values, oldest first: {@code first}, then each {@code step} more. */
    private static void fill(List<Map<String, Observation>> history, String kpi, String first, String step) {
        for (int k = 0; k < history.size(); k++) {
            history.get(k).put(kpi, Observation.of(new BigDecimal(first)
                    .add(new BigDecimal(step).multiply(BigDecimal.valueOf(k)))));
        }
    }

    private static void put(Map<String, Observation> current, Map<String, Observation> baseline,
            List<Map<String, Observation>> checkpoints, String kpi, String now, String before, String... weekly) {
        current.put(kpi, Observation.of(new BigDecimal(now)));
        baseline.put(kpi, Observation.of(new BigDecimal(before)));
        for (int k = 0; k < 4; k++) {
            checkpoints.get(k).put(kpi, Observation.of(new BigDecimal(weekly[k])));
        }
    }

    /** The text with every run of white space, line ends included, as one space: a cell's lines run on. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static void keep(String name, byte[] pdf) throws IOException {
        Path folder = Path.of("target", "report-samples");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), pdf);
    }
}
