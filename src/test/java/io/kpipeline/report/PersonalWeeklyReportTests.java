package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.BreakdownJudge;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The personal weekly report filled from known results, exported and read back as text. */
@SpringBootTest
class PersonalWeeklyReportTests {

    private static final ReportingPeriod WEEK_44 = ReportingPeriod.parse("2026-W44");

    @Autowired
    PersonalWeeklyReport personal;
    @Autowired
    KpiCatalog catalog;
    @Autowired
    BreakdownJudge judge;
    @Autowired
    FiredMeasures fired;
    @Autowired
    PersonalReportSettings settings;
    @Autowired
    KpiSettings kpiSettings;
    @Autowired
    KpiProperties properties;

    @Test
    void printsTheRepsFiguresInGermanBesideTheTeam() throws IOException {
        byte[] pdf = personal.render(week(), "REP-01");
        keep("personal-de.pdf", pdf);
        String text = WeeklyReportTests.text(pdf);

        assertThat(text).contains("Persönlicher Wochenbericht KW 44/2026",
                "Jürgen Müller (REP-01) · 26.10.2026 bis 01.11.2026");
        // written to the rep: who else receives it, and which file holds a setting, is no news to them
        assertThat(WeeklyReportTests.flat(pdf)).contains("der Durchschnitt je aktivem Vertriebsmitarbeiter (2)")
                .doesNotContain("Diesen Bericht erhält", "config/", ".yml");
        // contacts: REP-01 120, REP-02 80 → team average (120 + 80) / 2 = 100; 120 / 100 − 1 = +20 %
        assertThat(text).contains("Kontakte 120 100,0 +20,0 % 100 neutral");
        // reactions per research hour: 3.0 against the team's 2.5 → +20 %
        assertThat(text).contains("Recherche-Reaktions-Rate 3,00 je Std. 2,50 je Std. +20,0 %");
        // response rate 10 % against 15 %: −5 percentage points; the benchmark 3.43 % is met → good
        assertThat(text).contains("Response-Rate 10,0 % 15,0 % -5,0 Pp 12,0 % gut");
        // contact frequency adds up over the reps: team average (0.3 + 0.1) / 2 = 0.2
        assertThat(text).contains("Kontaktfrequenz 0,30 je Kunde 0,20 je Kunde +50,0 %");
        // 30 h against the team target of at most 24 h (+10 % tolerance = 26.4 h) → bad
        assertThat(text).contains("Lead-Reaktionszeit 30,0 Std. 12,0 Std. +150,0 % – schlecht");
        // channels: REP-01 PHONE 70, EMAIL 50; REP-02 PHONE 30, EMAIL 40, LINKEDIN 10 → averages 50, 45, 5
        assertThat(text).contains("Telefon 70 50,0 +40,0 % 60", "E-Mail 50 45,0 +11,1 % 0", "LinkedIn 0 5,0 -100,0 % 0");
        // 150 % Lead → MQL is a flow of the week, not a cohort: marked and explained
        assertThat(text).contains("Lead → MQL 150,0 % 40,0 % +110,0 Pp", "über 100 % (s. u.)",
                "Eine Quote über 100 %, Ihre oder die des Teams, heißt");
        assertThat(text).contains("SQL → Ersttermin 25,0 % 28,0 % -3,0 Pp");
        assertThat(text).contains("Empfohlene Maßnahmen für Sie", "SQL → Ersttermin (25,0 %)",
                "Wenige Ersttermine aus SQLs", "Lead-Reaktionszeit (30,0 Std.)", "Leads warten zu lange");
        assertThat(text).contains("Seite 1 von 1");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            var info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Persönlicher Wochenbericht KW 44/2026 · Jürgen Müller");
            assertThat(info.getCreationDate().toInstant())
                    .isEqualTo(WEEK_44.last().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }

    @Test
    void aSmallSampleShowsItsCaseCountAndNoStatus() throws IOException {
        String text = WeeklyReportTests.text(personal.render(week(), "REP-01"));

        // 1 won of 5 closed: 20 % against the team target 25 % would be "schlecht", but 5 deals are no verdict
        assertThat(text).contains("Gewinnrate 20,0 % n = 5 25,0 % -5,0 Pp – kleine Stichprobe");
        assertThat(text).doesNotContain("Niedrige Gewinnrate");
        assertThat(text.replaceAll("\\s+", " ")).contains("n = Fallzahl: die Fälle, auf denen der Wert beruht, z. B. "
                + "zugestellte E-Mails einer "
                + "Öffnungsrate oder abgeschlossene Deals einer Gewinnrate; unter 30 gibt es keine Bewertung (kein Status, "
                + "keine Maßnahme).");
    }

    @Test
    void aMeasureFiresForTheRepWhoseOwnValueMeetsItsRuleOnly() throws IOException {
        String other = WeeklyReportTests.text(personal.render(week(), "REP-02"));
        // REP-02: 50 % SQL → first meeting is not below 30 %, 10 h response is within the 24 h target, and 38 %
        // Lead → MQL misses the team target 40 % within its tolerance (36 %): a warning, which fires no measure
        assertThat(other).contains("Lukas Weber (REP-02)", "SQL → Ersttermin 50,0 % 28,0 % +22,0 Pp",
                "Lead-Reaktionszeit 10,0 Std. 12,0 Std. -16,7 % – gut", "Kontakte 80 100,0 -20,0 %",
                "Lead → MQL 38,0 % 40,0 % -2,0 Pp – Warnung",
                "Für Ihre Werte dieser Woche hat keine Regel eine Maßnahme ausgelöst.");
        assertThat(other).doesNotContain("Wenige Ersttermine", "Leads warten zu lange", "über 100 % (s. u.)",
                "Für das ganze Team ausgelöst");
    }

    @Test
    void aMeasureTheTeamsValueFiredStartsWithTheWeakestRepAndSaysSo() throws IOException {
        String text = WeeklyReportTests.flat(personal.render(week(), "REP-01"));

        // the team's 28 % SQL → first meeting is below 30 %: the rule fired on the total; of the reps, REP-01's
        // 25 % (of 40 SQLs) is the weakest, against the team's 28 %. The rule fires on REP-01's own value too:
        // one row, which says both
        assertThat(text).contains("SQL → Ersttermin (25,0 %) Wenige Ersttermine aus SQLs: Leadqualität und "
                + "Segmentierung gemeinsam mit dem Marketing überprüfen. Für das ganze Team ausgelöst; Ansatzpunkt ist "
                + "Ihr Wert, der schwächste im Team: 25,0 % gegen 28,0 % im Schnitt.");
        assertThat(text.split("Wenige Ersttermine aus SQLs", -1)).hasSize(2);
    }

    @Test
    void theRemarkBesideARepsValueSaysWhenOnlyTheTeamsValueIsOverHundredPercent() throws IOException {
        TeamWeek week = week();
        List<StoredResult> rows = new ArrayList<>(week.stored());
        // second meeting → proposal: the team's 150 %; REP-01 has no value, REP-02 80 %
        rows.add(total("conv_second_meeting_offer", "1.5", 40L));
        rows.add(rep("conv_second_meeting_offer", "REP-02", "0.8", null, 35L, List.of()));
        TeamWeek teamOver = new TeamWeek(week.period(), rows, week.reps(), week.contacts(), week.previousContacts(),
                week.channels(), week.notes());

        String none = WeeklyReportTests.flat(personal.render(teamOver, "REP-01"));
        assertThat(none).contains("Zweitgespräch → Angebot – 150,0 % – – Team über 100 % (s. u.)");
        assertThat(WeeklyReportTests.flat(personal.render(teamOver, "REP-02")))
                .contains("Zweitgespräch → Angebot 80,0 % 150,0 % -70,0 Pp – neutral Team über 100 % (s. u.)");
        // REP-01's own 150 % Lead → MQL keeps the remark about the rep's value
        assertThat(none).contains("Lead → MQL 150,0 % 40,0 % +110,0 Pp").containsOnlyOnce("Team über 100 %");
    }

    @Test
    void notesWhenNoOrderIsLinkedToTheSubscriptionsNamingTheKpisItShowsThatRestOnActiveCustomers()
            throws IOException {
        TeamWeek week = week();
        TeamWeek noted = new TeamWeek(week.period(), week.stored(), week.reps(), week.contacts(),
                week.previousContacts(), week.channels(), Set.of(DataNote.ORDERS_NOT_LINKED_TO_SUBSCRIPTIONS));

        assertThat(WeeklyReportTests.flat(personal.render(noted, "REP-01"))).contains("Datenqualität: Es gibt "
                + "Abonnements, aber kein Auftrag ist einem Abonnement zugeordnet. Die aktiven Kunden zählen daher alle "
                + "Aufträge als Einzelkäufe, auch Abo-Rechnungen; das betrifft hier: Kontaktfrequenz.");
        assertThat(WeeklyReportTests.text(personal.render(week, "REP-01"))).doesNotContain("Datenqualität");
    }

    @Test
    void theSameResultsGiveTheSameBytes() {
        assertThat(personal.render(week(), "REP-01")).isEqualTo(personal.render(week(), "REP-01"));
    }

    @Test
    void printsInEnglishWhenTheReportLocaleIsEnglish() throws IOException {
        var english = new PersonalWeeklyReport(new ReportRenderer(Locale.ENGLISH), null, catalog, judge, fired, null,
                null, null, settings, kpiSettings, properties);
        byte[] pdf = english.render(week(), "REP-01");
        keep("personal-en.pdf", pdf);
        String text = WeeklyReportTests.flat(pdf);
        assertThat(text).contains("Personal weekly report Week 44/2026", "Jürgen Müller (REP-01)",
                "Contacts 120 100.0 +20.0% 100 neutral", "Lead → MQL 150.0% 40.0% +110.0 pp – good over 100%",
                // the longest value of all, uncut
                "Contact frequency 0.30 per customer 0.20 per customer",
                "Win rate 20.0% n = 5 25.0% -5.0 pp – small sample", "Few first meetings from SQLs",
                "Recommended measures for you", "the place to start is your value, the weakest in the team: 25.0% against "
                        + "28.0% on average.");
    }

    /**
     * A week with two active reps whose values fire different measures. Case counts as the calculators give
     * them: the reps' leads, SQLs and closed deals.
     */
    static TeamWeek week() {
        List<StoredResult> rows = new ArrayList<>();
        rows.add(total("contacts", "210", null));
        rows.add(rep("contacts", "REP-01", "120", "100", null, List.of()));
        rows.add(rep("contacts", "REP-02", "80", "90", null, List.of()));
        rows.add(total("research_reaction_rate", "2.5", 40L));
        rows.add(rep("research_reaction_rate", "REP-01", "3.0", null, null, List.of()));
        rows.add(rep("research_reaction_rate", "REP-02", "2.0", null, null, List.of()));
        rows.add(total("sales_email_response_rate", "0.15", 200L));
        rows.add(rep("sales_email_response_rate", "REP-01", "0.1", "0.12", 120L, List.of()));
        rows.add(total("contact_frequency", "0.45", 400L));
        rows.add(rep("contact_frequency", "REP-01", "0.3", null, 400L, List.of()));
        rows.add(rep("contact_frequency", "REP-02", "0.1", null, 400L, List.of()));
        rows.add(total("lead_response_hours", "12", 90L));
        rows.add(rep("lead_response_hours", "REP-01", "30", null, 40L, List.of()));
        rows.add(rep("lead_response_hours", "REP-02", "10", null, 50L, List.of()));
        rows.add(total("conv_lead_mql", "0.4", 100L));
        rows.add(rep("conv_lead_mql", "REP-01", "1.5", null, 40L, List.of()));
        rows.add(rep("conv_lead_mql", "REP-02", "0.38", null, 50L, List.of()));
        // 28 of 100 SQLs got a first meeting: below the rule's 30 %, so the measure fired on the team's total
        rows.add(new StoredResult("conv_sql_first_meeting", null, null, new BigDecimal("0.28"), "rate",
                new BigDecimal("28"), new BigDecimal("100"), 100L, null, null, null, List.of(), null, null, null,
                Status.NEUTRAL, null, null, List.of(), List.of("review-lead-quality")));
        rows.add(rep("conv_sql_first_meeting", "REP-01", "0.25", null, 40L, List.of()));
        rows.add(rep("conv_sql_first_meeting", "REP-02", "0.5", null, 30L, List.of()));
        rows.add(total("win_rate", "0.25", 40L));
        // 1 won of 5 closed
        rows.add(rep("win_rate", "REP-01", "0.2", null, 5L, List.of("SMALL_SAMPLE")));
        rows.add(rep("win_rate", "REP-02", "0.3", null, 30L, List.of()));
        Map<String, String> reps = new LinkedHashMap<>();
        reps.put("REP-01", "Jürgen Müller");
        reps.put("REP-02", "Lukas Weber");
        return new TeamWeek(WEEK_44, rows, reps,
                Map.of("REP-01", counts("PHONE", 70, "EMAIL", 50), "REP-02", counts("PHONE", 30, "EMAIL", 40, "LINKEDIN", 10),
                        "REP-09", counts("PHONE", 999)),
                Map.of("REP-01", counts("PHONE", 60)),
                Map.of("PHONE", "Telefon", "EMAIL", "E-Mail", "LINKEDIN", "LinkedIn"), Set.of());
    }

    private static Map<String, BigDecimal> counts(Object... pairs) {
        Map<String, BigDecimal> counts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((String) pairs[i], BigDecimal.valueOf((Integer) pairs[i + 1]));
        }
        return counts;
    }

    /** A total without a measure; with a case count, a rate or average with the cases as its denominator. */
    private static StoredResult total(String kpi, String value, Long cases) {
        BigDecimal denominator = cases == null ? null : BigDecimal.valueOf(cases);
        return new StoredResult(kpi, null, null, new BigDecimal(value), null,
                denominator == null ? null : new BigDecimal(value).multiply(denominator), denominator, cases, null,
                null, null, List.of(), null, null, null, Status.NEUTRAL, null, null, List.of(), List.of());
    }

    private static StoredResult rep(String kpi, String rep, String value, String previous, Long cases,
            List<String> flags) {
        return new StoredResult(kpi, "rep", rep, new BigDecimal(value), null, null, null, cases, null,
                previous == null ? null : new BigDecimal(previous), null, List.of(), null, null, null, Status.NEUTRAL,
                null, null, flags, List.of());
    }

    private static void keep(String name, byte[] pdf) throws IOException {
        Path folder = Path.of("target", "report-samples");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), pdf);
    }
}
