package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.Flag;
import io.kpipeline.evaluation.KpiResult;
import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.evaluation.Status;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiValue;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.Edition;
import io.kpipeline.report.ManagementReport;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The focus KPIs in the body of a report's mail, from results stored by hand for a week no other test uses;
 * each message is written as it would be sent and read back.
 */
@SpringBootTest
class MailComposerTests {

    private static final ReportingPeriod WEEK = ReportingPeriod.parse("2031-W05");
    private static final ReportingPeriod MONTH = ReportingPeriod.parse("2031-05");
    private static final Session SESSION = Session.getInstance(new Properties());

    @Autowired
    MailComposer composer;
    @Autowired
    KpiResultRepository results;
    @Autowired
    KpiCatalog catalog;

    @TempDir
    Path folder;

    @AfterEach
    void removeTheWeek() {
        results.replace(ReportKind.WEEKLY, WEEK, List.of(), Set.of(), LocalDateTime.now());
        results.replace(ReportKind.MONTHLY, MONTH, List.of(), Set.of(), LocalDateTime.now());
    }

    @Test
    void aSmallSampleShowsItsCaseCountAndNoStatus() throws Exception {
        // 1 deal won of 4 closed: 25 %, after 50 % the week before; 4 deals are no verdict
        store(winRate("0.25", 4L, Status.NEUTRAL, Set.of(Flag.SMALL_SAMPLE)), openRate());

        MimeMessage german = compose("anna@example.com", "de");
        String html = spaced(Mails.html(german));

        String winRate = row(html, "Gewinnrate");
        assertThat(winRate).contains("25,0 %", "n = 4", "-25,0 Pp")
                .doesNotContain("gut", "Warnung", "schlecht", "neutral", "font-weight:bold");
        // a judged value keeps its status word and colour
        assertThat(row(html, "E-Mail-Öffnungsrate")).contains("18,0 %", "schlecht", "color:#b3261e")
                .doesNotContain("n = ");
        assertThat(html).contains("n = Fallzahl: die Fälle, auf denen der Wert beruht, z. B. zugestellte E-Mails einer "
                + "Öffnungsrate oder abgeschlossene Deals einer Gewinnrate; unter 30 gibt es keine Bewertung (kein Status, "
                + "keine Maßnahme).");
        assertThat(spaced(Mails.plain(german))).contains("Gewinnrate: 25,0 %, n = 4 (-25,0 Pp)\n",
                "E-Mail-Öffnungsrate: 18,0 % (-2,0 Pp, schlecht)\n");

        String english = spaced(Mails.html(compose("ben@example.com", "en")));
        assertThat(row(english, "Win rate")).contains("25.0%", "n = 4", "-25.0 pp")
                .doesNotContain("good", "warning", "bad", "neutral");
        assertThat(english).contains("n = number of cases: the cases a value rests on");
    }

    @Test
    void aValueOnEnoughCasesShowsItsStatusAndNoCaseCount() throws Exception {
        // 10 won of 40 closed: 25 %, judged against the 25 % target
        store(winRate("0.25", 40L, Status.GOOD, Set.of()), openRate());

        String html = spaced(Mails.html(compose("anna@example.com", "de")));

        assertThat(row(html, "Gewinnrate")).contains("25,0 %", "gut", "color:#1b7f3b").doesNotContain("n = ");
        assertThat(html).doesNotContain("Fallzahl");
    }

    @Test
    void aMonthlyMailLeadsWithRevenueMrrWonValueNewCustomersAndChurnAndAgreesWithThePdf(
            @Autowired ManagementReport management) throws Exception {
        // judged values, one of each status, and churn on 12 customers at the month's start: a small sample
        results.replace(ReportKind.MONTHLY, MONTH, List.of(
                monthly("revenue", "125000", null, "100000", Status.GOOD, Set.of()),
                monthly("mrr", "41000", null, "42000", Status.WARN, Set.of()),
                monthly("tcv_won", "80000", null, "120000", Status.BAD, Set.of()),
                monthly("new_customers", "9", null, "7", Status.GOOD, Set.of()),
                monthly("churn_rate", "0.0833", 12L, "0.05", Status.NEUTRAL, Set.of(Flag.SMALL_SAMPLE)),
                monthly("leads_created", "400", null, "380", Status.GOOD, Set.of())), Set.of(),
                LocalDateTime.now());

        Path pdf = Path.of(management.write(Edition.of(ReportKind.MONTHLY, MONTH), folder).get(0).file());
        MimeMessage message = compose(Edition.of(ReportKind.MONTHLY, MONTH), "anna@example.com", "de", pdf);
        String html = spaced(Mails.html(message));

        assertThat(html).contains("Die wichtigsten Kennzahlen vom 01.05.2031 bis 31.05.2031:")
                .doesNotContain("Neue Leads");
        // laid out for the phone's width, not shrunk from a desktop's; the table takes the width there is
        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                "<table style=\"border-collapse:collapse;font-size:14px;width:100%;\"");
        assertThat(row(html, "Gesamtumsatz")).contains("125.000,00 €", "+25,0 %", "gut");
        assertThat(row(html, "MRR")).contains("41.000,00 €", "Warnung");
        assertThat(row(html, "Gesamtvertragswert (TCV)")).contains("80.000,00 €", "schlecht");
        assertThat(row(html, "Neukunden")).contains("9", "gut");
        assertThat(row(html, "Abwanderungsrate (Churn)")).contains("8,3 %", "n = 12").doesNotContain("neutral", "font-weight:bold");
        // the PDF's scorecard prints the same value with the same status word, and the small sample without one
        String scorecard;
        try (var document = Loader.loadPDF(pdf.toFile())) {
            scorecard = spaced(new PDFTextStripper().getText(document));
        }
        assertThat(line(scorecard, "Gesamtumsatz")).contains("125.000,00 €", "gut");
        assertThat(line(scorecard, "MRR")).contains("41.000,00 €", "Warnung");
        assertThat(line(scorecard, "Gesamtvertragswert (TCV)")).contains("80.000,00 €", "schlecht");
        assertThat(line(scorecard, "Neukunden")).contains("9", "gut");
        // value, case count, previous month, then no status word between the dashes
        assertThat(scorecard).containsPattern("\\(Churn\\)\\s+8,3 %\\s+n = 12 5,0 % – – – kleine\\s+Stichprobe");
    }

    private KpiResult monthly(String kpi, String value, Long cases, String previous, Status status, Set<Flag> flags) {
        KpiValue v = new KpiValue(kpi, null, null, new BigDecimal(value), null, null, cases, null);
        return new KpiResult(ReportKind.MONTHLY, MONTH, catalog.get(kpi), v, new BigDecimal(previous), null, List.of(), null,
                status, null, flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags), List.of());
    }

    /** The scorecard's line of a KPI: the first that starts with its name and a number. */
    private static String line(String text, String kpi) {
        return text.lines().filter(l -> l.startsWith(kpi + " ") && l.length() > kpi.length() + 1
                        && Character.isDigit(l.charAt(kpi.length() + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("No line starts with " + kpi + " in:\n" + text));
    }

    private KpiResult winRate(String value, long cases, Status status, Set<Flag> flags) {
        BigDecimal closed = BigDecimal.valueOf(cases);
        KpiValue v = new KpiValue("win_rate", null, null, new BigDecimal(value), new BigDecimal(value).multiply(closed),
                closed, cases, null);
        return new KpiResult(ReportKind.WEEKLY, WEEK, catalog.get("win_rate"), v, new BigDecimal("0.5"), null, List.of(), null,
                status, null, flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags), List.of());
    }

    /** 180 opened of 1,000 delivered, after 20 %: below the 22 % target. */
    private KpiResult openRate() {
        KpiValue v = new KpiValue("email_open_rate", null, null, new BigDecimal("0.18"), new BigDecimal("180"),
                new BigDecimal("1000"), 1000L, null);
        return new KpiResult(ReportKind.WEEKLY, WEEK, catalog.get("email_open_rate"), v, new BigDecimal("0.2"), null, List.of(),
                null, Status.BAD, null, EnumSet.noneOf(Flag.class), List.of());
    }

    private void store(KpiResult... stored) {
        results.replace(ReportKind.WEEKLY, WEEK, List.of(stored), Set.of(), LocalDateTime.now());
    }

    /** The message to one recipient of the weekly report, as written to the wire and read back. */
    private MimeMessage compose(String address, String language) throws Exception {
        return compose(Edition.of(ReportKind.WEEKLY, WEEK), address, language,
                Files.writeString(folder.resolve("weekly-report.pdf"), "%PDF-1.4\n%%EOF\n"));
    }

    private MimeMessage compose(Edition edition, String address, String language, Path pdf) throws Exception {
        MimeMessage message = composer.compose(SESSION, "<test-" + language + "@kpi-pipeline>", composer.tables(edition),
                new Recipient(address, language, Recipient.REPORT), pdf, folder.resolve("kpi-results.csv"));
        message.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
    }

    /** The HTML table row of one KPI, from its name to the end of the row. */
    private static String row(String html, String kpi) {
        int start = html.indexOf("<td>" + kpi + "</td>");
        assertThat(start).as(kpi).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    /**
     * Numbers and units are joined by non-breaking spaces, plain ones read better in assertions; and the text
     * part comes back with the wire's CRLF line ends.
     */
    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace("\r\n", "\n");
    }
}
