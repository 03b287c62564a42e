package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.FiredMeasures;
import io.kpipeline.evaluation.IndustryBenchmarks;
import io.kpipeline.evaluation.Status;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.CampaignReturns.CampaignReturn;
import io.kpipeline.kpi.DataNote;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiProperties;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private static final Edition MONTH = Edition.of(ReportKind.MONTHLY, OCTOBER);
    private static final Edition QUARTER = Edition.of(ReportKind.QUARTERLY, ReportingPeriod.parse("2026-Q3"));
    private static final Edition YEAR = Edition.of(ReportKind.YEARLY, ReportingPeriod.parse("2025"));
    private static final DisplayNames.Names NAMES = new DisplayNames.Names(
            Map.of("REP-01", "Julia Schäfer", "REP-02", "Lukas Weber"),
            Map.of("EMAIL", "E-Mail", "WEB", "Website", "PAID_SEARCH", "Suchanzeigen"),
            Map.of("C1", "Frühjahrsaktion Überlingen", "C2", "Herbst-Newsletter", "C3", "Messe Stuttgart"));
    /** The citation of the benchmark the evaluation stores for the open rate (config/benchmarks.yml, industry). */
    private static final String MAILCHIMP = "Mailchimp Email Marketing Benchmarks (updated October 2019) 2019";
    private static final String CONTENTSQUARE = "Contentsquare Digital Experience Benchmark 2021";
    /** The KPIs of {@link DataNote#ORDERS_NOT_LINKED_TO_SUBSCRIPTIONS} by their German names, in catalog order. */
    private static final String DATA_NOTE_KPIS = "Kontaktfrequenz, Ø Umsatz pro Kunde (ARPA), Aktive Kunden,"
            + " Abwanderungsrate (Churn), Kundenbindungsrate (CRR), Wiederkaufsrate, Ø Dauer der Kundenbeziehung,"
            + " Verhältnis Neu- zu Bestandskunden, Customer Lifetime Value, LTV:CAC";
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
    @Autowired
    FiredMeasures fired;
    @Autowired
    IndustryBenchmarks benchmarks;

    @Test
    void printsCoverScorecardTablesAndNotesInGerman() throws IOException {
        byte[] pdf = management.render(MONTH, input(results()));
        keep("monthly-de.pdf", pdf);
        String text = flat(pdf);

        assertThat(text).contains("Management-Report", "Oktober 2026", "Berichtszeitraum: 01.10.2026 bis 31.10.2026");
        // scorecard: value, previous month, same month last year, target, status word
        assertThat(text).contains("Neue Leads 1.234 1.100 1.000 1.200 gut");
        assertThat(text).contains("Gesamtumsatz 123.456,78 € 100.000,00 € 90.000,00 € – neutral");
        assertThat(text).contains("Kundenakquisitionskosten (CAC) 8.500,00 € 6.000,00 € – 8.000,00 € Warnung");
        // the benchmark stored with the result (the first that applies) and its numbered source
        assertThat(text).contains("E-Mail-Öffnungsrate 18,0 % 20,0 % 22,0 % 22,0 % schlecht 19,3 % [1]");
        assertThat(text).contains("Absprungrate 53,1 % – – – schlecht 47,0 % [2]");
        assertThat(text).contains("Quellen der Benchmarks: [1] " + MAILCHIMP + "; [2] " + CONTENTSQUARE + ".");
        assertThat(text).contains("SQL 48 60 – – neutral – Anomalie");
        assertThat(text).contains("Hinweise zur Datenqualität", "Kein Wert. Grund: " + NO_CHURN + ".");
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
    void theCampaignTableShowsEachCampaignSinceItsStartAndTheTotalOfThoseWithACost() throws IOException {
        String text = flat(management.render(MONTH, input(results())));

        // the window: 730 days before 1 November 2026 is 1 November 2024
        assertThat(text).contains("Kampagnen seit Start: Leads, Aufträge, Kosten und ROMI Kampagnen mit Start vom"
                + " 01.11.2024 bis 31.10.2026. Alle Zahlen laufen vom Start der jeweiligen Kampagne bis zum Ende des"
                + " Berichtszeitraums am 31.10.2026, nicht nur im Oktober 2026",
                "Kampagne Leads Aufträge Erstjahreswert Kosten Budget Budget genutzt ROMI");
        // by cost: C1 6,000 € of a 10,000 € budget = 60 %; ROMI (20,000 × 0.75 − 6,000) / 6,000 = 150 %
        assertThat(text).contains("Frühjahrsaktion Überlingen Start 01.03.2026 40 3 20.000,00 € 6.000,00 € 10.000,00 €"
                + " 60,0 % 150,0 %");
        // C3: 480 € of 500 € = 96 %; (8,000 × 0.75 − 480) / 480 = 1,150 % on less than 1,000 € and one deal: marked
        assertThat(text).contains("Messe Stuttgart Start 15.11.2025 5 1 8.000,00 € 480,00 € 500,00 € 96,0 % 1.150,0 %¹");
        // C2 has no cost: no ROMI, and the line says why
        assertThat(text).contains("Herbst-Newsletter Start 01.09.2026 · keine Kosten erfasst, daher kein ROMI 10 0"
                + " 0,00 € 0,00 € – – –");
        // C1 and C3: 45 leads, 4 deals, 28,000 €, 6,480 € of 10,500 € = 61.7 %; the stored total ROMI
        // (28,000 × 0.75 − 6,480) / 6,480 = 224.1 %, the same as the scorecard's
        assertThat(text).contains("Summe (2 mit Kosten) 45 4 28.000,00 € 6.480,00 € 10.500,00 € 61,7 %"
                + " 224,1 %", "Kampagnen-ROMI seit Start 224,1 %");
        assertThat(text).contains("ROMI = (Erstjahreswert × Rohertragsmarge 75,0 % − Kosten) / Kosten: die Rendite auf"
                + " den Rohertrag, nicht auf den Umsatz.",
                "¹ Geringe Basis: Kosten unter 1.000,00 € oder ein einziger gewonnener Auftrag.",
                "Ohne Kampagne: 5 der 1.234 neuen Leads im Oktober 2026; sie stehen in keiner Zeile.");
        // the per-period table of version 1 is gone
        assertThat(text).doesNotContain("Alle Kampagnen", "Dazu 5 neue Leads ohne Kampagne");
    }

    @Test
    void aSmallSampleShowsItsCaseCountAndNoStatusInScorecardRepTableAndNotes() throws IOException {
        String text = flat(management.render(MONTH, input(results())));

        // scorecard: the case count under the value, the status cell empty between target and benchmark
        assertThat(text).contains("Gewinnrate 31,0 % n = 12 25,0 % – 25,0 % – kleine Stichprobe");
        // reps: the team's win rate on 12 deals, Julia Schäfer's on 4; Lukas Weber's 30 are enough
        assertThat(text).contains("Team gesamt 48 31,0 % n = 12 1.234,56 €", "Julia Schäfer 20 25,0 % n = 4 1.000,00 €",
                "Lukas Weber 28 40,0 % 234,56 €");
        assertThat(text).doesNotContain("%*", "Quote aus");
        assertThat(text).contains("Gewinnrate Kleine Stichprobe: n = 12 (unter 30), ohne Bewertung.");
        // what n is, said once, at the start of the glossary
        assertThat(text).contains("n (Fallzahl) die Fälle, auf denen ein Wert beruht");
    }

    @Test
    void theMeasuresThatFiredFollowTheSummaryWithTheirWeakestChannel() throws IOException {
        String text = flat(management.render(MONTH, input(results())));

        assertThat(text).contains("Maßnahmen Eine Maßnahme ist empfohlen, zu einer KPI: Absprungrate.");
        // 590 / 1,112 = 53.1 %; E-Mail 219 / 300 = 73.0 % is the weakest of the channels on enough sessions (paid
        // search, 11 of 12 = 91.7 %, is a small sample)
        assertThat(text).contains("Empfohlene Maßnahmen Maßnahmen, deren Regel auf einen Gesamtwert des Monats"
                + " angesprochen hat", "Absprungrate (53,1 %, schlecht) Hohe Absprungrate: Einstiegsseiten mit den"
                + " meisten Absprüngen prüfen", "Absprungrate: E-Mail 73,0 % gegen 53,1 % im Schnitt");
        assertThat(text).doesNotContain("Suchanzeigen 91,7 %");
        assertThat(text.indexOf("Absprungrate: E-Mail 73,0 %")).isLessThan(text.indexOf("Scorecard: alle KPIs"));

        List<StoredResult> none = results().stream().map(r -> withActions(r)).toList();
        assertThat(flat(management.render(MONTH, input(none)))).contains(
                "Maßnahmen Für die Werte des Monats hat keine Regel eine Maßnahme ausgelöst.");
    }

    @Test
    void theGlossaryListsEveryBenchmarkThatAppliesAndTheScorecardOnlyTheFirst() throws IOException {
        String month = glossaryText(management.render(MONTH, input(results())));

        // kpi.benchmarks.industry names Computers and Electronics (Mailchimp) and IT/Tech/Software (Campaign Monitor)
        assertThat(month).contains("Benchmark der Scorecard: 19,3 % – Mailchimp accounts of the industry \"Computers"
                + " and Electronics\", campaigns of at least 1,000 recipients; Mailchimp Email Marketing Benchmarks"
                + " (updated October 2019), 2019. Measured before Apple Mail Privacy Protection (September 2021)");
        assertThat(month).contains("Weiterer Benchmark: 22,7 % – more than 100 billion emails of 2021, industry"
                + " \"IT/Tech/Software\"; Campaign Monitor Email Benchmarks, 2022. Published 2022 from 2021 data;"
                + " inflated by Apple Mail Privacy Protection");
        // the scorecard shows the first, the one its status is judged against, and numbers its source alone
        String scorecard = beforeGlossary(flat(management.render(MONTH, input(results()))));
        assertThat(scorecard).contains("19,3 % [1]").doesNotContain("22,7 %", "Campaign Monitor");
        // a monthly churn benchmark stands beside a month's churn, never beside a quarter's
        assertThat(month).contains("Benchmark der Scorecard: 4,9 % – B2B subscription sites billing through Recurly");
        String quarter = glossaryText(management.render(QUARTER, input(periodResults(8))));
        assertThat(quarter).contains("Weiterer Benchmark: 22,7 %").doesNotContain("Recurly");
    }

    @Test
    void theDataQualityNotesSayWhenSubscriptionInvoicesAreNotLinked() throws IOException {
        var notes = Set.of(DataNote.ORDERS_NOT_LINKED_TO_SUBSCRIPTIONS);
        String text = flat(management.render(MONTH, new ManagementReport.Input(results(), NAMES, null, campaigns(),
                notes)));

        // the KPIs the note concerns, in catalog order
        assertThat(text).contains("Hinweise zur Datenqualität Abo-Rechnungen nicht zugeordnet Es gibt Abonnements, aber"
                + " kein Auftrag ist einem Abonnement zugeordnet. Abwanderung, Wiederkauf und aktive Kunden behandeln"
                + " daher alle Aufträge als Einzelkäufe – die Daten können Abo-Rechnungen nicht von Einzelkäufen"
                + " unterscheiden. Das betrifft: " + DATA_NOTE_KPIS + ". Abhilfe: Abo-Rechnungen beim Import mit"
                + " ihrem Abonnement verknüpfen.");
        assertThat(flat(management.render(MONTH, input(results())))).doesNotContain("Abo-Rechnungen nicht zugeordnet");
    }

    @Test
    void theReasonsForAMissingValueReadInTheReportLanguage() throws IOException {
        List<StoredResult> rows = new ArrayList<>(results());
        rows.add(missing("nps", "no feedback received in the period"));
        rows.add(missing("conv_sal_sql", "no leads entered SAL in the period"));
        ManagementReport.Input german = input(rows);

        String text = flat(management.render(MONTH, german));
        assertThat(text).contains("Net Promoter Score Kein Wert. Grund: keine Antworten auf Kundenbefragungen im"
                + " Zeitraum.", "SAL → SQL Kein Wert. Grund: im Zeitraum ist kein Lead in die Stufe SAL eingetreten.");
        // a reason the reports do not know is printed as the computation recorded it
        assertThat(text).contains("Kein Wert. Grund: " + NO_CHURN + ".");
        assertThat(text).doesNotContain("no feedback", "no leads entered", "(englisch)");

        String english = flat(english().render(MONTH, german));
        assertThat(english).contains("No value. Reason: no answers to customer surveys in the period.",
                "No value. Reason: no lead entered the stage SAL in the period.");
    }

    private static StoredResult missing(String kpi, String reason) {
        return new StoredResult(kpi, null, null, null, "rate", null, BigDecimal.ZERO, reason, null, null, List.of(),
                null, null, null, Status.NEUTRAL, null, null, List.of(), List.of());
    }

    @Test
    void namesNoSettingFileTableOrColumnWhereAManagingDirectorReads() throws IOException {
        List<StoredResult> rows = new ArrayList<>(results());
        rows.add(new StoredResult("ltv_cac_ratio", null, null, null, "ratio", null, null,
                io.kpipeline.kpi.KpiSettings.NO_GROSS_MARGIN, null, null, List.of(), null, null, null, Status.NEUTRAL,
                null, null, List.of(), List.of()));
        rows.add(missing("mrr", io.kpipeline.kpi.KpiEngine.NOTHING_IMPORTED + "customer_order or subscription"));
        String text = flat(management.render(MONTH, new ManagementReport.Input(rows, NAMES, null, campaigns(),
                Set.of(DataNote.ORDERS_NOT_LINKED_TO_SUBSCRIPTIONS))));

        assertThat(text).contains("LTV:CAC Kein Wert. Grund: die Rohertragsmarge des Unternehmens ist nicht"
                + " eingestellt", "MRR Kein Wert. Grund: keine Daten: Aufträge und Rechnungen oder Abonnements wurden"
                + " nicht importiert.");
        assertThat(text).doesNotContain("config/", ".yml", "kpi.settings", "subscription_id", "customer_order",
                "campaign_id", "cost_entry");
        // how the file comes about is the pipeline's business, not the reader's
        assertThat(text).contains("Erstellt aus den KPI-Ergebnissen des Monats. · kpi-pipeline")
                .doesNotContain("dieselbe Datei", "Dieselben Daten", "(englisch)");
    }

    @Test
    void theSummarySaysInSentencesWhatMovedWhichTargetsWereMetAndWhatToReadWithCare() throws IOException {
        String text = flat(management.render(MONTH, input(results())));

        // revenue: (123,456.78 − 100,000) / 100,000 = +23.46 %
        assertThat(text).contains("Gesamtumsatz: 123.456,78 € im Oktober 2026, nach 100.000,00 € im Vormonat"
                + " (+23,5 %); im Vorjahresmonat 90.000,00 €.");
        // the largest relative change: CAC (8,500 − 6,000) / 6,000 = +41.67 %, and lower CAC is better
        assertThat(text).contains("Die 5 größten Veränderungen gegenüber dem Vormonat (nach relativer Änderung,"
                + " kleine Stichproben ausgenommen): Kundenakquisitionskosten (CAC) stiegen um 41,7 % auf 8.500,00 €"
                + " (Vormonat 6.000,00 €), eine Verschlechterung. Gesamtvertragswert (TCV) sank um 38,3 % auf"
                + " 1.234,56 € (Vormonat 2.000,00 €), eine Verschlechterung. Gesamtumsatz stieg um 23,5 %");
        // win rate +6 Pp (+24 %) rests on a small sample, e-mail open rate −10 % is only sixth: neither is a mover
        assertThat(text).doesNotContain("Gewinnrate stieg", "E-Mail-Öffnungsrate sank");
        assertThat(text).contains("Mit Ziel, aber ohne Richtung, in der es besser wird (daher nicht bewertet):"
                + " Verhältnis Neu- zu Bestandskunden (0,50 bei Ziel 0,60).");
        // the win rate meets its target on 12 deals: not called met, but named with its case count
        assertThat(text).contains("6 KPIs haben ein Ziel: 1 erreicht, 1 knapp verfehlt (innerhalb der Toleranz),"
                + " 2 deutlich verfehlt. Erreicht: Neue Leads (1.234 bei Ziel 1.200). Knapp verfehlt:"
                + " Kundenakquisitionskosten (CAC) (8.500,00 € bei Ziel 8.000,00 €).");
        assertThat(text).contains("Mit Ziel, aber ohne Bewertung, weil der Wert auf weniger als 30 Fällen beruht:"
                + " Gewinnrate (31,0 % bei Ziel 25,0 %; beruht auf n = 12 Fällen).");
        assertThat(text).contains("Ohne eigenes Ziel, aber deutlich schlechter als der Branchen-Benchmark:"
                + " Absprungrate (53,1 %, Benchmark 47,0 %).");
        // the 8 months before: 58, 60, 62, 64, 66, 68, 70, 60, mean 63.5
        assertThat(text).contains("Eine KPI weicht um mehr als drei Standardabweichungen vom Verlauf der acht"
                + " Monate davor ab: SQL (48; Ø der 8 Monate davor 64).");
        assertThat(text).contains("Ein Wert beruht auf weniger als 30 Fällen und bleibt ohne Bewertung (kein Status,"
                + " keine Maßnahme): Gewinnrate (n = 12).");
        assertThat(text).doesNotContain("Gewinnrate (31,0 % bei Ziel 25,0 %).");
        assertThat(text).contains("Eine KPI hat in diesem Monat keinen Wert: Customer Lifetime Value. Der Grund steht in"
                + " den Hinweisen zur Datenqualität.");
    }

    @Test
    void aFunnelFlowOverHundredPerCentIsMarkedAndExplainedUnderTheScorecard() throws IOException {
        List<StoredResult> rows = new ArrayList<>(results());
        // 56 leads entered the offer stage, 52 the second meeting before it: 107.7 % in the same month last year
        rows.add(total("conv_second_meeting_offer", "0.824", "0.741", "1.077", null, Status.NEUTRAL, null,
                List.of()));
        String text = flat(management.render(MONTH, input(rows)));

        assertThat(text).contains("Zweitgespräch → Angebot 82,4 % 74,1 % 107,7 %¹",
                "¹ Über 100 %: Die Funnel-Conversions sind Flussgrößen – Eintritte in die Stufe im Zeitraum geteilt"
                        + " durch die Eintritte in die Vorstufe im selben Zeitraum, nicht dieselben Leads.");
        assertThat(flat(management.render(MONTH, input(results())))).doesNotContain("Über 100 %");
    }

    @Test
    void theSentencesAgreeWithTheNumberOfEachKpiName() throws IOException {
        List<StoredResult> rows = new ArrayList<>(results());
        // three movers of +100 % ahead of CAC's +41.7 %: a plural name, a singular one that ends in a plural, and a
        // duration of exactly one year
        rows.add(total("new_customers", "20", "10", null, null, Status.NEUTRAL, null, List.of()));
        rows.add(total("new_customer_revenue_share", "0.3", "0.15", null, null, Status.NEUTRAL, null, List.of()));
        rows.add(total("avg_relationship_years", "1.0", "0.5", null, null, Status.NEUTRAL, null, List.of()));
        // CAC on 9 new customers with a target: named with its case count, the verb in the plural
        rows.removeIf(r -> r.isTotal() && r.kpiId().equals("cac"));
        rows.add(withCases(total("cac", "8500", "6000", null, "8000", Status.NEUTRAL, null, List.of("SMALL_SAMPLE")), 9));

        String text = flat(management.render(MONTH, input(rows)));
        assertThat(text).contains("Neukunden stiegen um 100,0 % auf 20 (Vormonat 10), eine Verbesserung.",
                "Umsatzanteil Neukunden stieg um 15,0 Pp (+100,0 %) auf 30,0 % (Vormonat 15,0 %).",
                "Ø Dauer der Kundenbeziehung stieg um 100,0 % auf 1,0 Jahr (Vormonat 0,5 Jahre), eine Verbesserung.",
                "Kundenakquisitionskosten (CAC) (8.500,00 € bei Ziel 8.000,00 €; beruhen auf n = 9 Fällen)");
        assertThat(text).doesNotContain("Neukunden stieg um 100", "1,0 Jahre", "0,5 Jahr ");

        String english = flat(english().render(MONTH, input(rows)));
        assertThat(english).contains("New customers rose by 100.0% to 20", "to 1.0 year (previous month 0.5 years)",
                "Customer acquisition cost (CAC) (€8,500.00 against a target of €8,000.00; rests on n = 9 cases)");
    }

    @Test
    void groupsTheScorecardByCategoryInReportOrderAndPrintsEveryDefinition() throws IOException {
        String text = WeeklyReportTests.text(management.render(MONTH, input(results())));
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
        var sql = charts.trend("sql_count").points();
        assertThat(sql).hasSize(13);
        assertThat(sql.get(0).getLabel()).isEqualTo("Okt\n2025");
        assertThat(sql.get(12).getLabel()).isEqualTo("Okt\n2026");
        assertThat(sql.get(12).getValue()).isEqualByComparingTo("48");
        // revenue has no trend stored in the test month: no series rather than 13 gaps drawn as a flat line
        assertThat(charts.trend("revenue").points()).isEmpty();
        assertThat(charts.trend("revenue").note()).isEqualTo("Keine Werte für dieses Diagramm.");
        assertThat(charts.perChannel("tcv_won")).extracting(ManagementTables.ChartPoint::getLabel).containsExactly("Website");
    }

    @Test
    void theSameResultsGiveTheSameBytes() {
        byte[] first = management.render(MONTH, input(results()));
        byte[] second = management.render(MONTH, input(results()));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void printsInEnglishWhenTheReportLocaleIsEnglish() throws IOException {
        var english = english();
        byte[] pdf = english.render(MONTH, input(results()));
        keep("monthly-en.pdf", pdf);
        String text = flat(pdf);
        assertThat(text).contains("Management report", "October 2026", "New leads 1,234 1,100 1,000 1,200 good",
                "€1,234.56", "warning", "bad", "Benchmark sources: [1] " + MAILCHIMP,
                "Win rate (31.0% against a target of 25.0%; rests on n = 12 cases)",
                "Customer acquisition cost (CAC) rose by 41.7% to €8,500.00 (previous month €6,000.00),"
                        + " a deterioration.",
                "1 met, 1 missed narrowly", "Glossary: KPI definitions",
                catalog.get("leads_created").definition().en());
    }

    @Test
    void aQuarterIsComparedWithThePreviousQuarterAndTheSameQuarterLastYearAndNeverCalledAMonth() throws IOException {
        byte[] pdf = management.render(QUARTER, input(periodResults(8), LocalDate.of(2025, 9, 2)));
        keep("quarterly-de.pdf", pdf);
        String text = flat(pdf);

        assertThat(text).contains("Management-Report 3. Quartal 2026 Vertrieb und Marketing: die KPIs des Quartals"
                + " Berichtszeitraum: 01.07.2026 bis 30.09.2026");
        // the same figures as the month's, read as the quarter's: (123,456.78 − 100,000) / 100,000 = +23.5 %
        assertThat(text).contains("Kennzahlen des Quartals Gesamtumsatz: 123.456,78 € im 3. Quartal 2026, nach"
                + " 100.000,00 € im Vorquartal (+23,5 %); im Vorjahresquartal 90.000,00 €.");
        assertThat(text).contains("Die 5 größten Veränderungen gegenüber dem Vorquartal (nach relativer Änderung,"
                + " kleine Stichproben ausgenommen): Kundenakquisitionskosten (CAC) stiegen um 41,7 % auf 8.500,00 €"
                + " (Vorquartal 6.000,00 €), eine Verschlechterung.");
        assertThat(text).contains("KPI Wert Vorquartal Vorjahres- quartal Ziel Status Benchmark Hinweise");
        assertThat(text).contains("Neue Leads 1.234 1.100 1.000 1.200 gut");
        // 8 quarters hold only 7 before this one; the check needs 8
        assertThat(text).contains("Anomalien Nicht geprüft: Die Prüfung vergleicht mit den acht Werten davor, der"
                + " Verlauf über 8 Quartale enthält nur 7.");
        assertThat(text).contains("Gesamtumsatz und MRR über 8 Quartale", "Funnel: Zugänge je Stufe im Quartal",
                "Vorquartalsvergleich 3 KPIs haben einen Wert, aber keinen im Vorquartal: Absprungrate, Lead → MQL,"
                        + " ROMI.",
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
        byte[] pdf = management.render(YEAR, input(periodResults(5), LocalDate.of(2025, 9, 2)));
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
        // a small sample: its case count under the value, no status
        assertThat(text).contains("Gewinnrate 31,0 % n = 12 25,0 % +6,0 Pp 25,0 % – kleine Stichprobe");
        assertThat(text).contains("Nicht geprüft: Die Prüfung vergleicht mit den acht Werten davor, der Verlauf über"
                + " 5 Jahre enthält nur 4.", "Gesamtumsatz und MRR über 5 Jahre");
        assertThat(text).contains("Teilweise Daten Die Datenbank enthält Daten erst ab dem 02.09.2025, der"
                + " Berichtszeitraum beginnt am 01.01.2025: Seine Werte decken nur den 02.09.2025 bis 31.12.2025 ab.");
        assertThat(text).contains("Vorjahresvergleich 3 KPIs haben einen Wert, aber keinen im Vorjahr: Absprungrate,"
                + " Lead → MQL, ROMI.");
        assertThat(text).doesNotContain("keinen im Vorjahresmonat", "Vorjahresquartal");
        assertThat(beforeGlossary(text)).doesNotContainIgnoringCase("monat").doesNotContain("Quartal");
    }

    @Test
    void noSectionHeadingStandsAloneAtTheBottomOfAPage() throws IOException {
        List<String> headings = List.of("Zusammenfassung", "Empfohlene Maßnahmen", "Scorecard: alle KPIs nach Kategorie",
                "Diagramme", "Vertriebsteam im Vergleich", "Kampagnen seit Start: Leads, Aufträge, Kosten und ROMI",
                "Hinweise zur Datenqualität", "Glossar: Definitionen der KPIs");
        // the year's five-year charts pushed the sales team's heading to the foot of page 6
        assertNoHeadingAlone(management.render(MONTH, input(results())), headings, "month");
        assertNoHeadingAlone(management.render(QUARTER, input(periodResults(8), LocalDate.of(2025, 9, 2))), headings,
                "quarter");
        assertNoHeadingAlone(management.render(YEAR, input(periodResults(5), LocalDate.of(2025, 9, 2))), headings,
                "year");
    }

    private static void assertNoHeadingAlone(byte[] pdf, List<String> headings, String period) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                List<String> lines = stripper.getText(document).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("kpi-pipeline · ")).toList();
                assertThat(headings).as("last line of page %d of the %s", page, period)
                        .doesNotContain(lines.get(lines.size() - 1));
            }
        }
    }

    @Test
    void theChartsShowEightQuartersOrFiveYears() {
        var format = new ReportFormat(Locale.GERMAN, java.util.Currency.getInstance("EUR"));
        var quarters = new ManagementCharts(new ManagementData(QUARTER.period(), format, catalog, periodResults(8),
                NAMES, 30)).trend("revenue").points();
        // 2024-Q4 .. 2026-Q3, the stored trend's values in order
        assertThat(quarters).extracting(ManagementTables.ChartPoint::getLabel).containsExactly("Q4\n2024", "Q1\n2025",
                "Q2\n2025", "Q3\n2025", "Q4\n2025", "Q1\n2026", "Q2\n2026", "Q3\n2026");
        assertThat(quarters.get(7).getValue()).isEqualByComparingTo("123456.78");
        assertThat(quarters.get(0).getValue()).isNull(); // no value stored for 2024-Q4: a gap, not 0
        var years = new ManagementCharts(new ManagementData(YEAR.period(), format, catalog, periodResults(5), NAMES,
                30)).trend("revenue").points();
        assertThat(years).extracting(ManagementTables.ChartPoint::getLabel)
                .containsExactly("2021", "2022", "2023", "2024", "2025");
        assertThat(years.get(3).getValue()).isEqualByComparingTo("100000");
    }

    @Test
    void aTrendWithFewerThanThreePeriodsWithAValueIsSaidInWordsInsteadOfDrawnAsADot() throws IOException {
        // the data began in 2025: of the 5 years 2021 .. 2025 only the last has values
        List<StoredResult> year = recentTrends(5, 1);
        String text = flat(management.render(YEAR, input(year, LocalDate.of(2025, 1, 1))));
        assertThat(text).contains("Gesamtumsatz und MRR über 5 Jahre Nicht genug Jahre für einen Verlauf: Werte gibt es"
                + " nur für 2025; ein Diagramm braucht mindestens 3.",
                "Kundenakquisitionskosten (CAC) über 5 Jahre Nicht genug Jahre für einen Verlauf",
                "Customer Lifetime Value (CLV) über 5 Jahre Nicht genug Jahre für einen Verlauf");
        // a gap is a matter of a drawn line: neither the note under the charts nor the data-quality notes speak of one
        assertThat(text).doesNotContain("Lücke", "Jahre ohne Wert bleiben");

        // two of 8 quarters with a value
        String quarter = flat(management.render(QUARTER, input(recentTrends(8, 2))));
        assertThat(quarter).contains("Nicht genug Quartale für einen Verlauf: Werte gibt es nur für Q2 2026 und Q3 2026;");
        String english = flat(english().render(YEAR, input(year)));
        assertThat(english).contains("Total revenue and MRR over 5 years Not enough years for a trend: there are values"
                + " for 2025 only; a chart needs at least 3.");

        // three are a course: drawn, its gaps noted
        String three = flat(management.render(YEAR, input(recentTrends(5, 3))));
        assertThat(three).doesNotContain("Nicht genug Jahre").contains("Jahre ohne Wert bleiben im Verlauf als Lücke"
                + " frei", "Gesamtumsatz: in 2 der 5 Jahre kein Wert (Lücke im Diagramm).");
    }

    @Test
    void whenNoKpiHasAValueInThePreviousYearTheNotesSaySoInOneSentence() throws IOException {
        // the data began with the year: no KPI has a value in 2024, and the note names none of the 13 with one
        List<StoredResult> firstYear = results().stream().map(r -> new StoredResult(r.kpiId(), r.dimension(),
                r.dimensionValue(), r.value(), r.unit(), r.numerator(), r.denominator(), r.cases(), r.reason(), null,
                null, r.trend(), r.target(), null, null, r.status(), r.benchmark(), r.benchmarkSource(), r.flags(),
                r.actions())).toList();
        String text = flat(management.render(YEAR, input(firstYear)));
        assertThat(text).contains("Vorjahresvergleich Keine der 13 KPIs mit Wert hat einen im Vorjahr, etwa weil die"
                + " Daten nicht so weit zurückreichen.").doesNotContain("haben einen Wert, aber keinen im Vorjahr");
    }

    /**
     * {@link #results()} with revenue, MRR, CAC and CLV stored over a trend of {@code length} periods, the last
     * {@code valued} of them with a value.
     */
    private static List<StoredResult> recentTrends(int length, int valued) {
        List<StoredResult> rows = new ArrayList<>(results().stream()
                .filter(r -> !(r.isTotal() && List.of("revenue", "mrr", "cac", "clv").contains(r.kpiId()))).toList());
        for (String kpi : List.of("revenue", "mrr", "cac", "clv")) {
            List<BigDecimal> trend = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                trend.add(i < length - valued ? null : BigDecimal.valueOf(1000L + i));
            }
            rows.add(new StoredResult(kpi, null, null, trend.get(length - 1), "money", null, null, null, null, null,
                    trend, null, null, null, Status.NEUTRAL, null, null, List.of(), List.of()));
        }
        return rows;
    }

    @Test
    void aQuarterInEnglish() throws IOException {
        var english = english();
        String text = flat(english.render(QUARTER, input(periodResults(8))));
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
        Edition preliminary = Edition.preliminary(ReportKind.MONTHLY, ReportingPeriod.parse("2026-12"), LocalDate.of(2026, 12, 2));
        byte[] pdf = management.render(preliminary, input(results()));
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
        assertThat(flat(management.render(MONTH, input(results())))).doesNotContain("Vorläufig");
    }

    /** The glossary's text in one line, without page footers, a line broken after a hyphen joined again. */
    private static String glossaryText(byte[] pdf) throws IOException {
        String text = Arrays.stream(WeeklyReportTests.text(pdf).split("\\R")).map(String::strip)
                .filter(l -> !l.startsWith("kpi-pipeline · ")).collect(Collectors.joining(" "))
                .replaceAll("\\s+", " ").replace("- ", "-");
        return text.substring(text.indexOf("Glossar: Definitionen der KPIs"));
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

    /**
     * A month with every section filled: targets met and missed, benchmarks, an anomaly, a small sample, a
     * measure that fired with its weakest channel, campaigns with and without cost.
     */
    static List<StoredResult> results() {
        List<StoredResult> rows = new ArrayList<>();
        rows.add(total("leads_created", "1234", "1100", "1000", "1200", Status.GOOD, null, List.of()));
        rows.add(total("revenue", "123456.78", "100000", "90000", null, Status.NEUTRAL, null, List.of()));
        rows.add(total("mrr", "45678.9", "45000", null, null, Status.NEUTRAL, null, List.of()));
        rows.add(total("tcv_won", "1234.56", "2000", null, "2000", Status.BAD, null, List.of()));
        rows.add(total("cac", "8500", "6000", null, "8000", Status.WARN, null, List.of()));
        // 12 deals closed: a small sample, which the evaluation leaves NEUTRAL whatever its target says
        rows.add(withCases(total("win_rate", "0.31", "0.25", null, "0.25", Status.NEUTRAL, null,
                List.of("SMALL_SAMPLE")), 12));
        rows.add(withCases(benchmarked(total("email_open_rate", "0.18", "0.2", "0.22", "0.22", Status.BAD, "0.1929",
                List.of()), MAILCHIMP), 4000));
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
        rows.add(withCases(breakdown("win_rate", "rep", "REP-01", "0.25", null, null, List.of("SMALL_SAMPLE")), 4));
        rows.add(withCases(breakdown("win_rate", "rep", "REP-02", "0.4", null, null, List.of()), 30));
        rows.add(breakdown("tcv_won", "rep", "REP-01", "1000", null, null, List.of()));
        rows.add(breakdown("tcv_won", "rep", "REP-02", "234.56", null, null, List.of()));
        rows.add(breakdown("leads_created", "campaign", "C1", "40", null, null, List.of()));
        rows.add(breakdown("leads_created", "campaign", "C2", "10", null, null, List.of()));
        rows.add(breakdown("leads_created", "campaign", "(none)", "5", null, null, List.of()));
        rows.add(new StoredResult("romi", null, null, new BigDecimal("0.25"), "rate", new BigDecimal("1000"),
                new BigDecimal("4000"), null, null, null, List.of(), null, null, null, Status.NEUTRAL, null, null,
                List.of(), List.of()));
        rows.add(breakdown("leads_created", "channel", "WEB", "700", null, null, List.of()));
        rows.add(breakdown("tcv_won", "channel", "WEB", "1234.56", null, null, List.of()));
        // the bounce rate, 590 of 1,112 sessions, misses its benchmark (lower is better) and fires its measure; the
        // weakest channel on enough sessions is E-Mail, 219 of 300 (paid search, 11 of 12, is a small sample)
        rows.add(withActions(benchmarked(ratio("web_bounce_rate", null, null, "590", "1112", List.of()), CONTENTSQUARE),
                "improve-landing-pages"));
        rows.add(ratio("web_bounce_rate", "channel", "WEB", "360", "800", List.of()));
        rows.add(ratio("web_bounce_rate", "channel", "EMAIL", "219", "300", List.of()));
        rows.add(ratio("web_bounce_rate", "channel", "PAID_SEARCH", "11", "12", List.of("SMALL_SAMPLE")));
        rows.addAll(campaignRomi());
        return rows;
    }

    /**
     * The stored campaign_romi of {@link #campaigns()}, gross margin 0.75 (config/application.yml): C1 (20,000 ×
     * 0.75 − 6,000) / 6,000 = 1.5; C3 (8,000 × 0.75 − 480) / 480 = 11.5; C2 without cost has no value; the total
     * over C1 and C3 (21,000 − 6,480) / 6,480 = 2.2407…
     */
    static List<StoredResult> campaignRomi() {
        return List.of(
                new StoredResult("campaign_romi", null, null, new BigDecimal("14520").divide(new BigDecimal("6480"),
                        MathContext.DECIMAL64), "rate", new BigDecimal("14520"), new BigDecimal("6480"), null,
                        new BigDecimal("2"), null, List.of(), null, null, null, Status.NEUTRAL, null, null, List.of(),
                        List.of()),
                breakdown("campaign_romi", "campaign", "C1", "1.5", "9000", "6000", List.of()),
                breakdown("campaign_romi", "campaign", "C3", "11.5", "5520", "480", List.of()),
                new StoredResult("campaign_romi", "campaign", "C2", null, "rate", BigDecimal.ZERO, BigDecimal.ZERO,
                        "no cost recorded for the campaign before the end of the period", null, null, List.of(), null,
                        null, null, Status.NEUTRAL, null, null, List.of(), List.of()));
    }

    /** What CampaignReturns gives for the campaigns started in the 730 days before 1 November 2026, oldest first. */
    static List<CampaignReturn> campaigns() {
        return List.of(
                new CampaignReturn("C3", LocalDate.of(2025, 11, 15), new BigDecimal("500"), 5, 1,
                        new BigDecimal("8000"), new BigDecimal("480")),
                new CampaignReturn("C1", LocalDate.of(2026, 3, 1), new BigDecimal("10000"), 40, 3,
                        new BigDecimal("20000"), new BigDecimal("6000")),
                new CampaignReturn("C2", LocalDate.of(2026, 9, 1), null, 10, 0, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    static ManagementReport.Input input(List<StoredResult> results) {
        return input(results, null);
    }

    static ManagementReport.Input input(List<StoredResult> results, LocalDate firstData) {
        return new ManagementReport.Input(results, NAMES, firstData, campaigns(), Set.of());
    }

    private ManagementReport english() {
        return new ManagementReport(new ReportRenderer(Locale.ENGLISH), null, catalog, settings, kpiSettings,
                properties, null, null, null, fired, null, benchmarks);
    }

    private static StoredResult total(String kpi, String value, String previous, String lastYear, String target,
            Status status, String benchmark, List<String> flags) {
        return new StoredResult(kpi, null, null, new BigDecimal(value), null, null, null, null, decimal(previous),
                decimal(lastYear), List.of(), decimal(target), null, null, status, decimal(benchmark), null, flags,
                List.of());
    }

    /** A rate of sessions (the bounce rate's cases), judged BAD against the benchmark 0.47 when a total. */
    private static StoredResult ratio(String kpi, String dimension, String value, String numerator,
            String denominator, List<String> flags) {
        BigDecimal rate = new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64);
        return new StoredResult(kpi, dimension, value, rate, "rate", new BigDecimal(numerator),
                new BigDecimal(denominator), Long.valueOf(denominator), null, null, null, List.of(), null, null, null,
                dimension == null ? Status.BAD : Status.NEUTRAL, dimension == null ? new BigDecimal("0.47") : null,
                null, flags, List.of());
    }

    private static StoredResult benchmarked(StoredResult r, String source) {
        return new StoredResult(r.kpiId(), r.dimension(), r.dimensionValue(), r.value(), r.unit(), r.numerator(),
                r.denominator(), r.cases(), r.reason(), r.previousValue(), r.previousYearValue(), r.trend(), r.target(),
                null, null, r.status(), r.benchmark(), source, r.flags(), r.actions());
    }

    private static StoredResult withCases(StoredResult r, long cases) {
        return new StoredResult(r.kpiId(), r.dimension(), r.dimensionValue(), r.value(), r.unit(), r.numerator(),
                r.denominator(), cases, r.reason(), r.previousValue(), r.previousYearValue(), r.trend(), r.target(),
                null, null, r.status(), r.benchmark(), r.benchmarkSource(), r.flags(), r.actions());
    }

    private static StoredResult withActions(StoredResult r, String... actions) {
        return new StoredResult(r.kpiId(), r.dimension(), r.dimensionValue(), r.value(), r.unit(), r.numerator(),
                r.denominator(), r.cases(), r.reason(), r.previousValue(), r.previousYearValue(), r.trend(), r.target(),
                null, null, r.status(), r.benchmark(), r.benchmarkSource(), r.flags(), List.of(actions));
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
