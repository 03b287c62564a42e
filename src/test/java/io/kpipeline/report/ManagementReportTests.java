package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.Status;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiProperties;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The management report of a month, a quarter and a year filled from known results, exported and read back as text. */
@SpringBootTest
class ManagementReportTests {

    private static final ReportingPeriod OCTOBER = ReportingPeriod.parse("2026-10");
    private static final Edition MONTH = Edition.of("monthly", OCTOBER);
    private static final Edition QUARTER = Edition.of("quarterly", ReportingPeriod.parse("2026-Q3"));
    private static final Edition YEAR = Edition.of("yearly", ReportingPeriod.parse("2025"));
    private static final ManagementData.Names NAMES = new ManagementData.Names(
            Map.of("REP-01", "Julia Schäfer", "REP-02", "Lukas Weber"), Map.of("EMAIL", "E-Mail", "WEB", "Website"),
            Map.of("C1", "Frühjahrsaktion Überlingen", "C2", "Herbst-Newsletter"));
    private static final String MAILCHIMP = "Mailchimp Email Marketing Benchmarks 2019";
    private static final String NO_CHURN = "no customer lost in the 365 days up to the end of the period, so the lifetime"
            + " is unbounded";

    @Autowired
    ManagementReport management;
    @Autowired
    KpiCatalog catalog;
    @Autowired
    ManagementSettings settings;
    @Autowired
    KpiSettings kpiSettings;
    @Autowired
    KpiProperties properties;

    @Test
    void printsCoverScorecardTablesAndNotesInGerman() throws IOException {
        byte[] pdf = management.render(MONTH, results(), NAMES, null);
        keep("monthly-de.pdf", pdf);
        String text = flat(pdf);

        assertThat(text).contains("Management-Report", "Oktober 2026", "Berichtszeitraum: 01.10.2026 bis 31.10.2026");
        // scorecard: value, previous month, same month last year, target, status word
        assertThat(text).contains("Neue Leads 1.234 1.100 1.000 1.200 gut");
        assertThat(text).contains("Gesamtumsatz 123.456,78 € 100.000,00 € 90.000,00 € – neutral");
        assertThat(text).contains("Kundenakquisitionskosten (CAC) 8.500,00 € 6.000,00 € – 8.000,00 € Warnung");
        assertThat(text).contains("E-Mail-Öffnungsrate 18,0 % 20,0 % 22,0 % 22,0 % schlecht 22,7 % [1]");
        assertThat(text).contains("Quellen der Benchmarks: [1] " + MAILCHIMP + ".");
        assertThat(text).contains("SQL 48 60 – – neutral – Anomalie");
        assertThat(text).contains("Gewinnrate 31,0 % 25,0 % – 25,0 % gut – kleine Stichprobe");
        // rep comparison: the team first, a rate on a small sample marked *
        assertThat(text).contains("Team gesamt 48 31,0 %* 1.234,56 €", "Julia Schäfer 20 25,0 %* 1.000,00 €",
                "Lukas Weber 28 40,0 % 234,56 €");
        // campaigns: won revenue = ROMI numerator + ad cost = 3.000 + 2.000; all campaigns against marketing cost
        assertThat(text).contains("Frühjahrsaktion Überlingen 40 5.000,00 € 2.000,00 € 150,0 %",
                "Herbst-Newsletter 10 0,00 € 0,00 € –", "Alle Kampagnen 50 5.000,00 € 4.000,00 € 25,0 %",
                "Dazu 5 neue Leads ohne Kampagne.");
        assertThat(text).contains("Hinweise zur Datenqualität", "Kein Wert. Grund: " + NO_CHURN + ".",
                "Kleine Stichprobe: Quote aus 12 Fällen (weniger als 30)");
        // the test month has no result for most enabled KPIs: named, not silently left out
        assertThat(text).contains("Nicht berechnet", "eingeschaltete KPIs haben für diesen Zeitraum kein gespeichertes"
                + " Ergebnis, etwa weil sie nach dem Lauf eingeschaltet wurden; den Zeitraum erneut laufen lassen:");
        assertThat(text).contains("Seite 2", "von ");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            var info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Management-Report Oktober 2026");
            assertThat(info.getCreationDate().toInstant())
                    .isEqualTo(OCTOBER.last().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }

    @Test
    void theSummarySaysInSentencesWhatMovedWhichTargetsWereMetAndWhatToReadWithCare() throws IOException {
        String text = flat(management.render(MONTH, results(), NAMES, null));

        // revenue: (123,456.78 − 100,000) / 100,000 = +23.46 %
        assertThat(text).contains("Gesamtumsatz: 123.456,78 € im Oktober 2026, nach 100.000,00 € im Vormonat"
                + " (+23,5 %); im Vorjahresmonat 90.000,00 €.");
        // the largest relative change: CAC (8,500 − 6,000) / 6,000 = +41.67 %, and lower CAC is better
        assertThat(text).contains("Die 5 größten Veränderungen gegenüber dem Vormonat (nach relativer Änderung,"
                + " kleine Stichproben ausgenommen): Kundenakquisitionskosten (CAC) stieg um 41,7 % auf 8.500,00 €"
                + " (Vormonat 6.000,00 €), eine Verschlechterung. Gesamtvertragswert (TCV) sank um 38,3 % auf"
                + " 1.234,56 € (Vormonat 2.000,00 €), eine Verschlechterung. Gesamtumsatz stieg um 23,5 %");
        // win rate +6 Pp (+24 %) rests on a small sample, e-mail open rate −10 % is only sixth: neither is a mover
        assertThat(text).doesNotContain("Gewinnrate stieg", "E-Mail-Öffnungsrate sank");
        assertThat(text).contains("Mit Ziel, aber ohne Richtung, in der es besser wird (daher nicht bewertet):"
                + " Verhältnis Neu- zu Bestandskunden (0,50 bei Ziel 0,60).");
        assertThat(text).contains("6 KPIs haben ein Ziel: 2 erreicht, 1 knapp verfehlt (innerhalb der Toleranz),"
                + " 2 deutlich verfehlt. Erreicht: Neue Leads (1.234 bei Ziel 1.200); Gewinnrate (31,0 % bei Ziel"
                + " 25,0 %). Knapp verfehlt: Kundenakquisitionskosten (CAC) (8.500,00 € bei Ziel 8.000,00 €).");
        // the 8 months before: 58, 60, 62, 64, 66, 68, 70, 60, mean 63.5
        assertThat(text).contains("Eine KPI weicht um mehr als drei Standardabweichungen vom Verlauf der acht"
                + " Monate davor ab: SQL (48; Ø der 8 Monate davor 64).");
        assertThat(text).contains("Eine Quote beruht auf weniger als 30 Fällen und ist mit Vorsicht zu lesen:"
                + " Gewinnrate (12 Fälle).");
        assertThat(text).contains("Eine KPI hat in diesem Monat keinen Wert: Customer Lifetime Value.");
    }

    @Test
    void groupsTheScorecardByCategoryInReportOrderAndPrintsEveryDefinition() throws IOException {
        String text = WeeklyReportTests.text(management.render(MONTH, results(), NAMES, null));
        List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).toList();
        List<String> categories = List.of("Aufmerksamkeit", "Interaktion", "Lead-Generierung", "Akquise", "Funnel",
                "Vertrieb", "Umsatz", "Kunden", "Unit Economics");
        List<Integer> firstLines = categories.stream().map(lines::indexOf).toList();
        assertThat(firstLines).doesNotContain(-1).isSorted();

        // without the page footers, which a definition running over a page break would enclose; a line
        // may break after a hyphen (E-|Mails): compare without the break
        String flat = lines.stream().filter(l -> !l.startsWith("kpi-pipeline · ")).collect(Collectors.joining(" "))
                .replaceAll("\\s+", " ").replace("- ", "-");
        assertThat(flat).contains("Glossar: Definitionen der KPIs");
        for (KpiDefinition kpi : catalog.enabled()) {
            assertThat(flat).as(kpi.id()).contains(kpi.definition().de().replaceAll("\\s+", " ").replace("- ", "-"));
        }
    }

    @Test
    void feedsTheChartsWithStageCountsThirteenMonthsAndChannelsByLeads() {
        var data = new ManagementData(OCTOBER, new ReportFormat(Locale.GERMAN, java.util.Currency.getInstance("EUR")),
                catalog, results(), NAMES, 30);
        var charts = new ManagementCharts(data);
        // Lead → MQL 300 / 1,200: the denominator is the stage LEAD, the numerator MQL; later stages have no result
        assertThat(charts.funnel()).extracting(ManagementTables.ChartPoint::getLabel, p -> p.getValue().intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Lead", 1200),
                        org.assertj.core.groups.Tuple.tuple("MQL", 300));
        var sql = charts.trends("sql_count");
        assertThat(sql).hasSize(13);
        assertThat(sql.get(0).getLabel()).isEqualTo("Okt\n2025");
        assertThat(sql.get(12).getLabel()).isEqualTo("Okt\n2026");
        assertThat(sql.get(12).getValue()).isEqualByComparingTo("48");
        // revenue has no trend stored in the test month: no series rather than 13 gaps drawn as a flat line
        assertThat(charts.trends("revenue")).isEmpty();
        assertThat(charts.perChannel("tcv_won")).extracting(ManagementTables.ChartPoint::getLabel).containsExactly("Website");
    }

    @Test
    void theSameResultsGiveTheSameBytes() {
        byte[] first = management.render(MONTH, results(), NAMES, null);
        byte[] second = management.render(MONTH, results(), NAMES, null);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void printsInEnglishWhenTheReportLocaleIsEnglish() throws IOException {
        var english = new ManagementReport(new ReportRenderer(Locale.ENGLISH), null, catalog, settings, kpiSettings,
                properties, null, null);
        byte[] pdf = english.render(MONTH, results(), NAMES, null);
        keep("monthly-en.pdf", pdf);
        String text = flat(pdf);
        assertThat(text).contains("Management report", "October 2026", "New leads 1,234 1,100 1,000 1,200 good",
                "€1,234.56", "warning", "bad", "Benchmark sources: [1] " + MAILCHIMP,
                "Customer acquisition cost (CAC) rose by 41.7% to €8,500.00 (previous month €6,000.00),"
                        + " a deterioration.",
                "2 met, 1 missed narrowly", "Glossary: KPI definitions",
                catalog.get("leads_created").definition().en());
    }

    @Test
    void aQuarterIsComparedWithThePreviousQuarterAndTheSameQuarterLastYearAndNeverCalledAMonth() throws IOException {
        byte[] pdf = management.render(QUARTER, periodResults(8), NAMES, LocalDate.of(2025, 9, 2));
        keep("quarterly-de.pdf", pdf);
        String text = flat(pdf);

        assertThat(text).contains("Management-Report 3. Quartal 2026 Vertrieb und Marketing: die KPIs des Quartals"
                + " Berichtszeitraum: 01.07.2026 bis 30.09.2026");
        // the same figures as the month's, read as the quarter's: (123,456.78 − 100,000) / 100,000 = +23.5 %
        assertThat(text).contains("Kennzahlen des Quartals Gesamtumsatz: 123.456,78 € im 3. Quartal 2026, nach"
                + " 100.000,00 € im Vorquartal (+23,5 %); im Vorjahresquartal 90.000,00 €.");
        assertThat(text).contains("Die 5 größten Veränderungen gegenüber dem Vorquartal (nach relativer Änderung,"
                + " kleine Stichproben ausgenommen): Kundenakquisitionskosten (CAC) stieg um 41,7 % auf 8.500,00 €"
                + " (Vorquartal 6.000,00 €), eine Verschlechterung.");
        assertThat(text).contains("KPI Wert Vorquartal Vorjahres- quartal Ziel Status Benchmark Hinweise");
        assertThat(text).contains("Neue Leads 1.234 1.100 1.000 1.200 gut");
        // 8 quarters hold only 7 before this one; the check needs 8
        assertThat(text).contains("Anomalien Nicht geprüft: Die Prüfung vergleicht mit den acht Werten davor, der"
                + " Verlauf über 8 Quartale enthält nur 7.");
        assertThat(text).contains("Gesamtumsatz und MRR über 8 Quartale", "Funnel: Zugänge je Stufe im Quartal",
                "Vorquartalsvergleich 2 KPIs haben einen Wert, aber keinen im Vorquartal: Lead → MQL, ROMI.",
                "Eine KPI hat in diesem Quartal keinen Wert: Customer Lifetime Value.",
                "MRR: in 8 der 8 Quartale kein Wert (Lücke im Diagramm).");
        // the data starts before the quarter: no note on partial data
        assertThat(text).doesNotContain("Teilweise Daten");
        assertThat(beforeGlossary(text)).doesNotContainIgnoringCase("monat");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Management-Report 3. Quartal 2026");
        }
    }

    @Test
    void aYearIsComparedWithThePreviousYearOnceAndSaysWhereTheDataCoversItOnlyInPart() throws IOException {
        byte[] pdf = management.render(YEAR, periodResults(5), NAMES, LocalDate.of(2025, 9, 2));
        keep("yearly-de.pdf", pdf);
        String text = flat(pdf);

        assertThat(text).contains("Management-Report Kalenderjahr 2025 Vertrieb und Marketing: die KPIs des Jahres"
                + " Berichtszeitraum: 01.01.2025 bis 31.12.2025");
        // a year's same period last year is the previous year: named once, not twice
        assertThat(text).contains("Gesamtumsatz: 123.456,78 € im Jahr 2025, nach 100.000,00 € im Vorjahr (+23,5 %).");
        assertThat(text).doesNotContain("90.000,00");
        assertThat(text).contains("gegenüber dem Vorjahr (nach relativer Änderung");
        // the scorecard's second comparison is the change to the previous year: 1,234 / 1,100 − 1 = +12.2 %
        assertThat(text).contains("KPI Wert Vorjahr Veränderung Ziel Status Benchmark Hinweise");
        assertThat(text).contains("Neue Leads 1.234 1.100 +12,2 % 1.200 gut");
        assertThat(text).contains("Gewinnrate 31,0 % 25,0 % +6,0 Pp 25,0 % gut");
        assertThat(text).contains("Nicht geprüft: Die Prüfung vergleicht mit den acht Werten davor, der Verlauf über"
                + " 5 Jahre enthält nur 4.", "Gesamtumsatz und MRR über 5 Jahre");
        assertThat(text).contains("Teilweise Daten Die Datenbank enthält Daten erst ab dem 02.09.2025, der"
                + " Berichtszeitraum beginnt am 01.01.2025: Seine Werte decken nur den 02.09.2025 bis 31.12.2025 ab.");
        assertThat(text).contains("Vorjahresvergleich 2 KPIs haben einen Wert, aber keinen im Vorjahr: Lead → MQL,"
                + " ROMI.");
        assertThat(text).doesNotContain("keinen im Vorjahresmonat", "Vorjahresquartal");
        assertThat(beforeGlossary(text)).doesNotContainIgnoringCase("monat").doesNotContain("Quartal");
    }

    @Test
    void theChartsShowEightQuartersOrFiveYears() {
        var format = new ReportFormat(Locale.GERMAN, java.util.Currency.getInstance("EUR"));
        var quarters = new ManagementCharts(new ManagementData(QUARTER.period(), format, catalog, periodResults(8),
                NAMES, 30)).trends("revenue");
        // 2024-Q4 .. 2026-Q3, the stored trend's values in order
        assertThat(quarters).extracting(ManagementTables.ChartPoint::getLabel).containsExactly("Q4\n2024", "Q1\n2025",
                "Q2\n2025", "Q3\n2025", "Q4\n2025", "Q1\n2026", "Q2\n2026", "Q3\n2026");
        assertThat(quarters.get(7).getValue()).isEqualByComparingTo("123456.78");
        assertThat(quarters.get(0).getValue()).isNull(); // no value stored for 2024-Q4: a gap, not 0
        var years = new ManagementCharts(new ManagementData(YEAR.period(), format, catalog, periodResults(5), NAMES,
                30)).trends("revenue");
        assertThat(years).extracting(ManagementTables.ChartPoint::getLabel)
                .containsExactly("2021", "2022", "2023", "2024", "2025");
        assertThat(years.get(3).getValue()).isEqualByComparingTo("100000");
    }

    @Test
    void aQuarterInEnglish() throws IOException {
        var english = new ManagementReport(new ReportRenderer(Locale.ENGLISH), null, catalog, settings, kpiSettings,
                properties, null, null);
        String text = flat(english.render(QUARTER, periodResults(8), NAMES, null));
        assertThat(text).contains("Management report Q3 2026 Sales and marketing: the quarter in KPIs",
                "The quarter in figures Total revenue: €123,456.78 in Q3 2026, after €100,000.00 in the previous"
                        + " quarter (+23.5%); €90,000.00 in the same quarter last year.",
                "against the previous quarter", "(previous quarter €6,000.00), a deterioration",
                "Previous quarter", "over 8 quarters");
        // MRR's name says "monthly" in English whatever the period
        assertThat(beforeGlossary(text.replace("Glossary: KPI definitions", "Glossar: Definitionen der KPIs"))
                .replace("Monthly recurring revenue", "MRR")).doesNotContainIgnoringCase("month");
    }

    @Test
    void aPreliminaryReportSaysSoOnTheCoverAndAtTheTopOfEveryPage() throws IOException {
        Edition preliminary = Edition.preliminary("monthly", ReportingPeriod.parse("2026-12"), LocalDate.of(2026, 12, 2));
        byte[] pdf = management.render(preliminary, results(), NAMES, null);
        keep("monthly-preliminary-de.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).as("page " + page).contains("Vorläufig – Daten bis 02.12.2026");
            }
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(stripper.getText(document).replaceAll("\\s+", " "))
                    .contains("Management-Report Dezember 2026", "Vorläufig – Daten bis 02.12.2026");
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Management-Report Dezember 2026 (vorläufig)");
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(LocalDate.of(2026, 12, 2).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        assertThat(flat(management.render(MONTH, results(), NAMES, null))).doesNotContain("Vorläufig");
    }

    /** The text before the glossary, whose KPI definitions may name months whatever the period. */
    private static String beforeGlossary(String text) {
        return text.substring(0, text.indexOf("Glossar: Definitionen der KPIs"));
    }

    /**
     * {@link #results()} as a quarter or year would store them: revenue with a trend of {@code trend}
     * periods (the first without a value, the one before last the previous period's 100,000), and SQL
     * without the anomaly flag, which a trend of fewer than 9 periods never sets.
     */
    static List<StoredResult> periodResults(int trend) {
        List<StoredResult> rows = new ArrayList<>();
        for (StoredResult r : results()) {
            if (r.isTotal() && r.kpiId().equals("revenue")) {
                List<BigDecimal> values = new ArrayList<>();
                values.add(null);
                for (int i = 1; i < trend - 2; i++) {
                    values.add(BigDecimal.valueOf(80_000 + 1_000L * i));
                }
                values.add(new BigDecimal("100000"));
                values.add(new BigDecimal("123456.78"));
                rows.add(new StoredResult(r.kpiId(), null, null, r.value(), r.unit(), null, null, null,
                        r.previousValue(), r.previousYearValue(), values, r.target(), null, null, r.status(),
                        r.benchmark(), r.benchmarkSource(), r.flags(), r.actions()));
            } else if (r.isTotal() && r.kpiId().equals("sql_count")) {
                rows.add(new StoredResult(r.kpiId(), null, null, r.value(), r.unit(), null, null, null,
                        r.previousValue(), r.previousYearValue(), r.trend().subList(13 - trend, 13), r.target(), null,
                        null, r.status(), r.benchmark(), r.benchmarkSource(), List.of(), r.actions()));
            } else {
                rows.add(r);
            }
        }
        return rows;
    }

    /** A month with every section filled: targets met and missed, a benchmark, an anomaly, a small sample. */
    static List<StoredResult> results() {
        List<StoredResult> rows = new ArrayList<>();
        rows.add(total("leads_created", "1234", "1100", "1000", "1200", Status.GOOD, null, List.of()));
        rows.add(total("revenue", "123456.78", "100000", "90000", null, Status.NEUTRAL, null, List.of()));
        rows.add(total("mrr", "45678.9", "45000", null, null, Status.NEUTRAL, null, List.of()));
        rows.add(total("tcv_won", "1234.56", "2000", null, "2000", Status.BAD, null, List.of()));
        rows.add(total("cac", "8500", "6000", null, "8000", Status.WARN, null, List.of()));
        rows.add(ratio(total("win_rate", "0.31", "0.25", null, "0.25", Status.GOOD, null, List.of("SMALL_SAMPLE")),
                "12"));
        rows.add(total("email_open_rate", "0.18", "0.2", "0.22", "0.22", Status.BAD, "0.2271", List.of()));
        // a target the evaluation could not judge: neither it nor the catalog says which way is better
        rows.add(total("new_to_existing_ratio", "0.5", "0.5", null, "0.6", Status.NEUTRAL, null, List.of()));
        StoredResult sql = total("sql_count", "48", "60", null, null, Status.NEUTRAL, null, List.of("ANOMALY"));
        rows.add(withTrend(sql, "50", "52", "54", "56", "58", "60", "62", "64", "66", "68", "70", "60", "48"));
        rows.add(new StoredResult("clv", null, null, null, "money", null, null, NO_CHURN, null, null, List.of(),
                null, null, null, Status.NEUTRAL, null, null, List.of(), List.of()));
        rows.add(new StoredResult("conv_lead_mql", null, null, new BigDecimal("0.25"), "rate", new BigDecimal("300"),
                new BigDecimal("1200"), null, null, null, List.of(), null, null, null, Status.NEUTRAL, null, null,
                List.of(), List.of()));
        rows.add(breakdown("sql_count", "rep", "REP-01", "20", null, null, List.of()));
        rows.add(breakdown("sql_count", "rep", "REP-02", "28", null, null, List.of()));
        rows.add(breakdown("win_rate", "rep", "REP-01", "0.25", null, null, List.of("SMALL_SAMPLE")));
        rows.add(breakdown("win_rate", "rep", "REP-02", "0.4", null, null, List.of()));
        rows.add(breakdown("tcv_won", "rep", "REP-01", "1000", null, null, List.of()));
        rows.add(breakdown("tcv_won", "rep", "REP-02", "234.56", null, null, List.of()));
        rows.add(breakdown("leads_created", "campaign", "C1", "40", null, null, List.of()));
        rows.add(breakdown("leads_created", "campaign", "C2", "10", null, null, List.of()));
        rows.add(breakdown("leads_created", "campaign", "(none)", "5", null, null, List.of()));
        rows.add(breakdown("romi", "campaign", "C1", "1.5", "3000", "2000", List.of()));
        rows.add(new StoredResult("romi", null, null, new BigDecimal("0.25"), "rate", new BigDecimal("1000"),
                new BigDecimal("4000"), null, null, null, List.of(), null, null, null, Status.NEUTRAL, null, null,
                List.of(), List.of()));
        rows.add(breakdown("leads_created", "channel", "WEB", "700", null, null, List.of()));
        rows.add(breakdown("tcv_won", "channel", "WEB", "1234.56", null, null, List.of()));
        return rows;
    }

    private static StoredResult total(String kpi, String value, String previous, String lastYear, String target,
            Status status, String benchmark, List<String> flags) {
        return new StoredResult(kpi, null, null, new BigDecimal(value), null, null, null, null, decimal(previous),
                decimal(lastYear), List.of(), decimal(target), null, null, status, decimal(benchmark),
                benchmark == null ? null : MAILCHIMP, flags, List.of());
    }

    private static StoredResult ratio(StoredResult r, String denominator) {
        return new StoredResult(r.kpiId(), null, null, r.value(), r.unit(), null, new BigDecimal(denominator), null,
                r.previousValue(), r.previousYearValue(), r.trend(), r.target(), null, null, r.status(), r.benchmark(),
                r.benchmarkSource(), r.flags(), r.actions());
    }

    private static StoredResult withTrend(StoredResult r, String... trend) {
        return new StoredResult(r.kpiId(), null, null, r.value(), r.unit(), null, null, null, r.previousValue(),
                r.previousYearValue(), Arrays.stream(trend).map(BigDecimal::new).toList(), r.target(), null, null,
                r.status(), r.benchmark(), r.benchmarkSource(), r.flags(), r.actions());
    }

    private static StoredResult breakdown(String kpi, String dimension, String value, String number,
            String numerator, String denominator, List<String> flags) {
        return new StoredResult(kpi, dimension, value, new BigDecimal(number), null, decimal(numerator),
                decimal(denominator), null, null, null, List.of(), null, null, null, Status.NEUTRAL, null, null, flags,
                List.of());
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    private static String flat(byte[] pdf) throws IOException {
        return WeeklyReportTests.text(pdf).replaceAll("\\s+", " ");
    }

    private static void keep(String name, byte[] pdf) throws IOException {
        Path folder = Path.of("target", "report-samples");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), pdf);
    }
}
