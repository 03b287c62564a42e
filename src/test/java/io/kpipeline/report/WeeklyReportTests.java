package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.FiredMeasures;
import io.kpipeline.evaluation.Status;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.DataNote;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportingPeriod;
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
import java.util.Set;
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
    private static final DisplayNames.Names NAMES = new DisplayNames.Names(REPS,
            Map.of("EMAIL", "E-Mail", "PHONE", "Telefon", "LINKEDIN", "LinkedIn", "WEBSITE", "Website",
                    "PAID_SEARCH", "Suchmaschinenwerbung"),
            Map.of("C1", "Herbst-Newsletter", "C2", "Produkt-Update", "C3", "Webinar"));

    @Autowired
    WeeklyReport weekly;
    @Autowired
    ReportRenderer renderer;
    @Autowired
    KpiCatalog catalog;
    @Autowired
    FiredMeasures fired;
    @Autowired
    ReportSettings settings;
    @Autowired
    KpiSettings kpiSettings;
    @Autowired
    KpiProperties properties;

    @Test
    void printsTheFocusKpisInGermanWithStatusWordsMeasuresAndFlags() throws IOException {
        byte[] pdf = weekly.render(WEEK_44, results(), NAMES, Set.of());
        keep("weekly-de.pdf", pdf);
        String text = text(pdf);

        assertThat(text).contains("Wochenbericht KW 44/2026", "26.10.2026 bis 01.11.2026", "Fokus-KPIs");
        assertThat(text).contains("Neue Leads 1.234 +12,2 % +23,4 % 1.200 gut");
        assertThat(text).contains("Lead → MQL 23,7 % -1,3 Pp +3,7 Pp 25,0 % Warnung");
        assertThat(text).contains("Gesamtvertragswert (TCV) 1.234,56 € +23,5 % – 2.000,00 € schlecht");
        assertThat(text).contains("SQL 48 -20,0 % – – schlecht Anomalie");
        assertThat(text).contains("Lead-Reaktionszeit 12,5 Std. +25,0 % -10,7 % 24,0 Std. gut");
        assertThat(text).contains("Kontakte nach Kanal", "E-Mail 120 100 +20,0 % 60,0 %", "Telefon 80");
        assertThat(text).contains("Team gesamt 23,7 % 50,0 %", "Lukas Weber 40,0 % 40,0 %");
        assertThat(text).contains("E-Mail-Öffnungsrate (18,0 %,\nschlecht)",
                "Niedrige Öffnungsrate: Betreffzeilen und Absender im A/B-Test erproben");
        assertThat(text).contains("Anomalien (mehr als 3 Standardabweichungen vom Verlauf der letzten 8 Wochen): SQL");
        assertThat(text).doesNotContain("Datenqualität");
        assertThat(flat(pdf)).contains("Ziel: der für eine Woche vereinbarte Zielwert.").doesNotContain("config/", ".yml");
        assertThat(text).contains("Seite 1 von 1");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            var info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Wochenbericht KW 44/2026");
            assertThat(info.getAuthor()).isEqualTo("kpi-pipeline");
            Calendar created = info.getCreationDate();
            assertThat(created.toInstant()).isEqualTo(WEEK_44.last().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }

    @Test
    void aSmallSampleShowsItsCaseCountAndNoStatus() throws IOException {
        String text = text(weekly.render(WEEK_44, results(), NAMES, Set.of()));

        // 1 won of 5 closed: 20 % under the 25 % target would be "schlecht"; the row shows n = 5 under the value,
        // the change and the target, and no status word
        String winRate = between(text, "Gewinnrate 20,0 %", "Gesamtvertragswert");
        assertThat(winRate).contains("n = 5 -10,0 Pp – 25,0 % kleine", "Stichprobe")
                .doesNotContain("schlecht", "Warnung", "gut", "neutral");
        // Julia Schäfer's conversions rest on 4 leads each: n under every value, no asterisk any more
        assertThat(between(text, "Julia Schäfer", "Lukas Weber")).contains("25,0 %\nn = 4").doesNotContain("*");
        assertThat(text.replaceAll("\\s+", " ")).contains("n = Fallzahl: die Fälle, auf denen der Wert beruht, z. B. "
                + "zugestellte E-Mails einer Öffnungsrate oder abgeschlossene Deals einer Gewinnrate; unter 30 gibt es keine "
                + "Bewertung (kein Status, keine Maßnahme).", "n = Fallzahl (siehe oben); unter 30 gibt es keine Bewertung.");
        assertThat(text).contains("Kleine Stichproben (weniger als 30 Fälle, ohne Bewertung): Gewinnrate (n = 5)");
    }

    @Test
    void eachMeasureNamesItsPlaceToStartAndTheFocusKpisComeFirst() throws IOException {
        String text = text(weekly.render(WEEK_44, results(), NAMES, Set.of()));

        // the open rate's weakest campaign with enough cases: C1 12 % (48 of 400) against the total 18 %
        // (180 of 1,000); C3's 5 % rests on 20 e-mails and the e-mails without campaign are no campaign
        assertThat(text).contains("prüfen.\nE-Mail-Öffnungsrate: Herbst-Newsletter 12,0 % gegen 18,0 % im Schnitt");
        // sessions are a sum: LinkedIn's 200 against the mean of the three channels (600 + 1,400 + 200) / 3
        assertThat(text).contains("Website-Besuche (2.200,\nschlecht)",
                "Website-Besuche: LinkedIn 200 gegen 733,3 im Schnitt");
        // fired by its rule on the change, without a status to name, and without a breakdown to start with
        assertThat(text).contains("Lead-Velocity-Rate (-12,5 %) Weniger MQLs als in der Vorperiode");
        assertThat(text).doesNotContain("Lead-Velocity-Rate: ");
        // the focus KPI's measure first, then catalog order: web sessions (awareness) before the lead velocity rate
        assertThat(text.indexOf("E-Mail-Öffnungsrate (18,0 %")).isLessThan(text.indexOf("Website-Besuche (2.200"));
        assertThat(text.indexOf("Website-Besuche (2.200")).isLessThan(text.indexOf("Lead-Velocity-Rate (-12,5 %)"));
    }

    @Test
    void moreMeasuresThanFitAreCountedAfterTheFirstEightFocusKpisFirst() throws IOException {
        List<StoredResult> rows = new ArrayList<>();
        // eleven measures fire: two of focus KPIs, nine of others, listed here in catalog order
        rows.add(bad("web_sessions", "grow-web-traffic"));
        rows.add(bad("web_visitors", "reach-new-visitors"));
        rows.add(bad("social_followers", "grow-social-following"));
        rows.add(bad("campaign_recipients", "grow-mailing-list"));
        rows.add(bad("ad_impressions", "raise-ad-reach"));
        rows.add(bad("email_click_rate", "sharpen-email-content"));
        rows.add(bad("email_click_to_open_rate", "keep-the-subject-promise"));
        rows.add(bad("email_unsubscribe_rate", "reduce-unsubscribes"));
        rows.add(bad("web_bounce_rate", "improve-landing-pages"));
        rows.add(bad("lead_response_hours", "respond-faster"));
        rows.add(bad("tcv_won", "close-more-value"));

        byte[] pdf = weekly.render(WEEK_44, rows, NAMES, Set.of());
        keep("weekly-many-measures.pdf", pdf);
        String text = text(pdf);

        // focus order (TCV before the response time), then the first six others in catalog order
        assertThat(text).containsSubsequence("Gesamtvertragswert (TCV)\n(1,00 €", "Lead-Reaktionszeit (", "Website-Besuche (",
                "Website-Besucher (", "Social-Media-Follower (", "Kampagnen-Empfänger (", "Anzeigen-Impressionen (",
                "E-Mail-Klickrate (");
        assertThat(text).doesNotContain("Klick-zu-Öffnungsrate (", "Abmelderate (", "Absprungrate (");
        assertThat(text).contains("… und 3 weitere Maßnahmen; alle stehen in der Ergebnisdatei kpi-results.csv.");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isBetween(1, 2);
        }
    }

    @Test
    void notesWhenNoOrderIsLinkedToTheSubscriptions() throws IOException {
        String text = flat(weekly.render(WEEK_44, results(), NAMES,
                Set.of(DataNote.ORDERS_NOT_LINKED_TO_SUBSCRIPTIONS)));

        assertThat(text).contains("Datenqualität: Es gibt Abonnements, aber kein Auftrag ist einem Abonnement "
                + "zugeordnet. Abwanderung, Wiederkauf und aktive Kunden behandeln daher alle "
                + "Aufträge als Einzelkäufe – die Daten können Abo-Rechnungen nicht von Einzelkäufen unterscheiden.");
    }

    @Test
    void aConversionOverHundredPerCentIsMarkedAndExplainedInTheTeamTable() throws IOException {
        List<StoredResult> rows = new ArrayList<>(results());
        // 11 leads entered the second meeting this week, 5 the first meeting: 220 %, a flow, no cohort
        rows.removeIf(r -> r.isTotal() && r.kpiId().equals("conv_first_meeting_second_meeting"));
        rows.add(total("conv_first_meeting_second_meeting", "rate", "2.2", null, null, null, Status.NEUTRAL, 5L,
                List.of(), List.of()));
        String text = flat(weekly.render(WEEK_44, rows, NAMES, Set.of()));

        assertThat(text).contains("Team gesamt 23,7 % 50,0 % 50,0 % 50,0 % 220,0 %¹",
                "¹ Über 100 %: Die Funnel-Conversions sind Flussgrößen der Woche – Eintritte in die Stufe in dieser Woche"
                        + " geteilt durch die Eintritte in die Vorstufe in derselben Woche, nicht dieselben Leads.");
        // a week without such a value needs no note
        assertThat(flat(weekly.render(WEEK_44, results(), NAMES, Set.of()))).doesNotContain("¹", "Über 100 %");
    }

    @Test
    void week53AfterAYearOf52WeeksSaysWhyItHasNoComparisonWithLastYear() throws IOException {
        // 2026-W53 runs from 28 December 2026 to 3 January 2027; 2025 had 52 ISO weeks
        String text = text(weekly.render(ReportingPeriod.parse("2026-W53"), results(), NAMES, Set.of()));
        assertThat(text.replaceAll("\\s+", " ")).contains("Ohne Vergleich mit dem Vorjahr: 2025 hatte keine KW 53.");
        assertThat(text(weekly.render(WEEK_44, results(), NAMES, Set.of()))).doesNotContain("Ohne Vergleich");
    }

    @Test
    void theSameResultsGiveTheSameBytes() {
        byte[] first = weekly.render(WEEK_44, results(), NAMES, Set.of());
        byte[] second = weekly.render(WEEK_44, results(), NAMES, Set.of());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void reportsRenderedTwoAtATimeAreTheBytesOfEachRenderedAlone() {
        List<Integer> teams = List.of(2, 6, 3, 9, 1);
        List<byte[]> together = renderer.each(teams, reps -> weekly.render(WEEK_44, busyWeek(reps), names(reps),
                Set.of()));
        for (int i = 0; i < teams.size(); i++) {
            int reps = teams.get(i);
            assertThat(together.get(i)).as("%d reps", reps)
                    .isEqualTo(weekly.render(WEEK_44, busyWeek(reps), names(reps), Set.of()));
        }
    }

    @Test
    void aWeekLikeTheDemoPutsWhatTheWeekSaysOnTheFirstPageAndWhereOnTheSecond() throws IOException {
        // 11 channels, 6 reps whose conversions rest on few leads, 5 measures, a line of flags: more than a page,
        // whose second page used to hold the measures and the flags alone under a full first page
        byte[] pdf = weekly.render(WEEK_44, busyWeek(6), names(6), Set.of());
        keep("weekly-busy.pdf", pdf);
        List<Page> pages = pages(pdf);

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).text()).contains("Fokus-KPIs", "Empfohlene Maßnahmen", "Auffälligkeiten")
                .doesNotContain("Kontakte nach Kanal");
        assertThat(pages.get(1).text()).contains("Kontakte nach Kanal", "Funnel-Conversion je Vertriebsmitarbeiter",
                "Vertriebler 15");
        assertThat(pages).allSatisfy(WeeklyReportTests::isNotNearEmpty);
    }

    @Test
    void aWeekOfManyRepsLeavesNoPageNearlyEmpty() throws IOException {
        // 30 reps fit beside the first page's sections on a second page; 45 and 60 run onto a third
        for (int reps : List.of(30, 45, 60)) {
            byte[] pdf = weekly.render(WEEK_44, busyWeek(reps), names(reps), Set.of());
            keep("weekly-" + reps + "-reps.pdf", pdf);
            List<Page> pages = pages(pdf);

            assertThat(pages.size()).as("%d reps", reps).isBetween(2, 3);
            assertThat(pages).as("%d reps", reps).allSatisfy(WeeklyReportTests::isNotNearEmpty);
            assertThat(String.join("", pages.stream().map(Page::text).toList()))
                    .contains("Vertriebler " + (10 + reps - 1), "n = Fallzahl (siehe oben)");
            assertThat(pages.get(pages.size() - 1).text()).contains("Seite " + pages.size() + " von " + pages.size());
        }
    }

    /**
     * A page is nearly empty when its text ends in the upper third of the space above the footer, or it holds
     * fewer than 15 lines: a lonely section, a table's last row or a note.
     */
    private static void isNotNearEmpty(Page page) {
        assertThat(page.lines()).as("lines on page %d", page.number()).isGreaterThanOrEqualTo(15);
        assertThat(page.reached()).as("share of page %d its text reaches down to", page.number())
                .isGreaterThan(1.0 / 3);
    }

    /**
     * A week with every section full: 7 focus KPIs, 11 channels, {@code reps} reps whose conversions rest on
     * few leads (a case count under each value), 5 measures, flags.
     */
    private static List<StoredResult> busyWeek(int reps) {
        List<StoredResult> rows = new ArrayList<>(results());
        String[] channels = {"EMAIL", "PHONE", "LINKEDIN", "WEBSITE", "PAID_SEARCH", "XING", "EVENT", "REFERRAL",
                "TRADE_FAIR", "NEWSLETTER", "SOCIAL"};
        rows.removeIf(r -> "contacts".equals(r.kpiId()));
        for (int i = 0; i < channels.length; i++) {
            rows.add(breakdown("contacts", "channel", channels[i], Integer.toString(200 - 15 * i),
                    Integer.toString(190 - 15 * i), null, List.of()));
        }
        for (int i = 10; i < 10 + reps; i++) {
            for (String stage : WeeklyReport.FUNNEL) {
                rows.add(breakdown(stage, "rep", "REP-" + i, "0.3", null, 7L, List.of("SMALL_SAMPLE")));
            }
        }
        rows.add(bad("email_click_rate", "sharpen-email-content"));
        rows.add(bad("email_click_to_open_rate", "keep-the-subject-promise"));
        rows.add(bad("email_unsubscribe_rate", "reduce-unsubscribes"));
        return rows;
    }

    private static DisplayNames.Names names(int reps) {
        Map<String, String> names = new java.util.HashMap<>(REPS);
        for (int i = 10; i < 10 + reps; i++) {
            names.put("REP-" + i, "Vertriebler " + i);
        }
        return new DisplayNames.Names(names, NAMES.channels(), NAMES.campaigns());
    }

    /**
     * One page read back: its text, its lines without the footer, and how far down the space above the footer
     * its text reaches (0 to 1).
     */
    record Page(int number, String text, int lines, double reached) {
    }

    private static List<Page> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Page> pages = new ArrayList<>();
            for (int n = 1; n <= document.getNumberOfPages(); n++) {
                float height = document.getPage(n - 1).getMediaBox().getHeight();
                // the page footer sits below 802 pt from the top (A4: 842 pt less 24 pt margin and 16 pt footer)
                float footer = height - 24 - 16;
                float[] lowest = {0};
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions)
                            throws IOException {
                        for (var position : positions) {
                            if (position.getYDirAdj() < footer) {
                                lowest[0] = Math.max(lowest[0], position.getYDirAdj());
                            }
                        }
                        super.writeString(text, positions);
                    }
                };
                stripper.setStartPage(n);
                stripper.setEndPage(n);
                String text = stripper.getText(document);
                int lines = (int) text.lines().filter(l -> !l.isBlank() && !l.startsWith("kpi-pipeline · ")).count();
                pages.add(new Page(n, text.replace('\u00a0', ' '), lines, (lowest[0] - 28) / (footer - 28)));
            }
            return pages;
        }
    }

    @Test
    void printsInEnglishWhenTheReportLocaleIsEnglish() throws IOException {
        var english = new WeeklyReport(new ReportRenderer(Locale.ENGLISH), null, catalog, fired, null, settings,
                kpiSettings, properties, null);
        byte[] pdf = english.render(WEEK_44, results(), NAMES, Set.of());
        keep("weekly-en.pdf", pdf);
        String text = text(pdf);
        assertThat(text).contains("Weekly report Week 44/2026", "New leads 1,234", "€1,234.56", "23.7%",
                "good", "warning", "bad", "Win rate 20.0%\nn = 5", "Low open rate",
                "Email open rate: Herbst-Newsletter 12.0% against 18.0% on average",
                "Small samples (fewer than 30 cases, not judged): Win rate (n = 5)");
    }

    /**
     * The stored results of a week with every section filled. Case counts as the calculators give them:
     * the leads of Lead → MQL, the deals closed for the win rate, the delivered e-mails of the open rate.
     */
    static List<StoredResult> results() {
        List<StoredResult> rows = new ArrayList<>();
        rows.add(total("leads_created", "count", "1234", "1100", "1000", "1200", Status.GOOD, null, List.of(),
                List.of()));
        rows.add(total("conv_lead_mql", "rate", "0.237", "0.25", "0.2", "0.25", Status.WARN, 1234L, List.of(),
                List.of()));
        rows.add(total("sql_count", "count", "48", "60", null, null, Status.BAD, null, List.of("ANOMALY"), List.of()));
        // 1 deal won of 5 closed: 20 % would miss the 25 % target, but 5 deals are no verdict
        rows.add(total("win_rate", "rate", "0.2", "0.3", null, "0.25", Status.NEUTRAL, 5L, List.of("SMALL_SAMPLE"),
                List.of()));
        rows.add(total("tcv_won", "money", "1234.56", "1000", null, "2000", Status.BAD, null, List.of(), List.of()));
        // opened / delivered: C1 48 / 400, C2 63 / 300, C3 1 / 20, without campaign 68 / 280 → 180 / 1000
        rows.add(total("email_open_rate", "rate", "0.18", "0.2", "0.22", "0.22", Status.BAD, 1000L, List.of(),
                List.of("test-subject-lines")));
        rows.add(breakdown("email_open_rate", "campaign", "C1", "0.12", null, 400L, List.of()));
        rows.add(breakdown("email_open_rate", "campaign", "C2", "0.21", null, 300L, List.of()));
        rows.add(breakdown("email_open_rate", "campaign", "C3", "0.05", null, 20L, List.of("SMALL_SAMPLE")));
        rows.add(breakdown("email_open_rate", "campaign", "(none)", "0.242857", null, 280L, List.of()));
        rows.add(total("lead_response_hours", "hours", "12.5", "10", "14", "24", Status.GOOD, 80L, List.of(),
                List.of()));
        // not a focus KPI: its measure comes after the focus KPIs'; sessions per channel 600 + 1400 + 200
        rows.add(total("web_sessions", "count", "2200", "2500", null, "3000", Status.BAD, null, List.of(),
                List.of("grow-web-traffic")));
        rows.add(breakdown("web_sessions", "channel", "PAID_SEARCH", "600", null, null, List.of()));
        rows.add(breakdown("web_sessions", "channel", "WEBSITE", "1400", null, null, List.of()));
        rows.add(breakdown("web_sessions", "channel", "LINKEDIN", "200", null, null, List.of()));
        // fired by its rule on the change, without a status; the KPI has no breakdown to start with
        rows.add(total("lead_velocity_rate", "rate", "-0.125", "0.1", null, null, Status.NEUTRAL, 80L, List.of(),
                List.of("more-lead-generation")));
        rows.add(breakdown("contacts", "channel", "EMAIL", "120", "100", null, List.of()));
        rows.add(breakdown("contacts", "channel", "PHONE", "80", "90", null, List.of()));
        for (String stage : WeeklyReport.FUNNEL) {
            if (!stage.equals("conv_lead_mql")) {
                rows.add(total(stage, "rate", "0.5", null, null, null, Status.NEUTRAL, 100L, List.of(), List.of()));
            }
            rows.add(breakdown(stage, "rep", "REP-01", "0.25", null, 4L, List.of("SMALL_SAMPLE")));
            rows.add(breakdown(stage, "rep", "REP-02", "0.4", null, 40L, List.of()));
        }
        return rows;
    }

    /**
     * A total; with a case count, a rate or average as the calculators store it: the cases as its denominator
     * and value × cases as its numerator.
     */
    static StoredResult total(String kpi, String unit, String value, String previous, String lastYear,
            String target, Status status, Long cases, List<String> flags, List<String> actions) {
        List<BigDecimal> trend = IntStream.range(0, 13)
                .mapToObj(i -> i == 4 ? null : new BigDecimal(value).multiply(BigDecimal.valueOf(90 + (i * 7) % 20))
                        .divide(BigDecimal.valueOf(100)))
                .toList();
        BigDecimal denominator = cases == null ? null : BigDecimal.valueOf(cases);
        BigDecimal numerator = cases == null ? null : new BigDecimal(value).multiply(denominator);
        return new StoredResult(kpi, null, null, new BigDecimal(value), unit, numerator, denominator, cases, null,
                decimal(previous), decimal(lastYear), trend, decimal(target), null, null, status, null, null, flags,
                actions);
    }

    private static StoredResult breakdown(String kpi, String dimension, String dimensionValue, String value,
            String previous, Long cases, List<String> flags) {
        return new StoredResult(kpi, dimension, dimensionValue, new BigDecimal(value), "count", null, null, cases,
                null, decimal(previous), null, List.of(), null, null, null, Status.NEUTRAL, null, null, flags,
                List.of());
    }

    /** A total judged BAD whose measure fired, with nothing else to show. */
    private static StoredResult bad(String kpi, String action) {
        return total(kpi, "count", "1", null, null, null, Status.BAD, null, List.of(), List.of(action));
    }

    /** The text from the first occurrence of {@code from} up to the next {@code to}. */
    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = text.indexOf(to, start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    /** The text with every line break and run of spaces as one space, for sentences that wrap. */
    static String flat(byte[] pdf) throws IOException {
        return text(pdf).replaceAll("\\s+", " ");
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
