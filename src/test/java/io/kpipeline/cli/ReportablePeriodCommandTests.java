package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * run and backfill refuse a period that has not ended or has no data (exit status 2), and run reports it
 * as preliminary on request, saying so in the PDF and the mail. The commands run on the command-line tests'
 * home, whose database holds no CRM data.
 */
class ReportablePeriodCommandTests {

    private static final Path HOME = Path.of(System.getProperty("kpi.home", "target/test-home")).resolve("cli");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--kpi.home=" + HOME;
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void theCurrentMonthIsRefusedUntilItHasEndedAndWithPreliminaryItsPdfAndMailSaySo() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin")); // kpi.zone of config/application.yml
        YearMonth month = YearMonth.from(today);

        assertThat(run("run", "monthly", "--period", month.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: " + month + " ends on " + month.atEndOfMonth()
                + ": it can be reported from " + month.plusMonths(1).atDay(1) + ". Add --preliminary for a"
                + " preliminary report with the data up to today." + System.lineSeparator());
        // nothing ran: the only line is the configuration's, which every command names first
        assertThat(out.toString()).startsWith("Configuration: ").hasLineCount(1);

        // without --period a preliminary report covers the month running today; --force: this database holds no
        // data, which the freshness gate would hold; --resend: the outbox of an earlier test run may hold it
        assertThat(run("run", "monthly", "--preliminary", "--force", "--resend")).as(err.toString()).isZero();
        Path folder = HOME.resolve("reports/monthly/" + month + "-preliminary");
        assertThat(out.toString()).containsPattern("Preliminary monthly report " + month + " with the data up to "
                + today + ", not the final report \\(run \\d+\\): " + folder.toAbsolutePath().resolve("kpi-results.csv"));
        String cover = firstPage(folder.resolve("management-report.pdf"));
        assertThat(cover).contains("Management-Report", "Vorläufig – Daten bis " + GERMAN_DATE.format(today));
        MimeMessage message = read(HOME.resolve("outbox").resolve("monthly-" + month + "-preliminary_" + today
                + "_report-geschaeftsfuehrung@example.com.eml"));
        assertThat(message.getSubject()).startsWith("Monatsbericht ").endsWith(month.getYear() + " (vorläufig)");
    }

    @Test
    void aPastMonthWithoutDataIsRefusedAndReportedAsPreliminaryOnRequest() throws Exception {
        assertThat(run("run", "monthly", "--period", "2019-03")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: 2019-03 (2019-03-01 to 2019-03-31) has no data: the database"
                + " holds ").endsWith(" Load the period's data (import --dir), or add --preliminary for a preliminary"
                + " report without it." + System.lineSeparator());

        assertThat(run("run", "monthly", "--period", "2019-03", "--preliminary", "--no-mail")).as(err.toString())
                .isZero();
        // the month has ended: its data would reach its last day
        assertThat(out.toString()).contains("Preliminary monthly report 2019-03 with the data up to 2019-03-31");
        assertThat(firstPage(HOME.resolve("reports/monthly/2019-03-preliminary/management-report.pdf")))
                .contains("März 2019", "Vorläufig – Daten bis 31.03.2019");
    }

    @Test
    void backfillRefusesARangeWithAPeriodThatHasNotEndedOrHasNoDataBeforeRunningAny() {
        YearMonth month = YearMonth.now(ZoneId.of("Europe/Berlin"));
        assertThat(run("backfill", "monthly", "--from", month.minusMonths(1).toString(), "--to", month.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: " + month + " ends on " + month.atEndOfMonth()
                + ": it can be reported from " + month.plusMonths(1).atDay(1) + ". End the range with --to "
                + month.minusMonths(1) + " or earlier; `kpi-pipeline run monthly --period " + month
                + " --preliminary` gives a preliminary report." + System.lineSeparator());
        // not even the previous month ran: the only line is the configuration's, which every command names first
        assertThat(out.toString()).startsWith("Configuration: ").hasLineCount(1);

        assertThat(run("backfill", "quarterly", "--from", "2019-Q1", "--to", "2019-Q2")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: 2 periods of the range have no data (2019-Q1, 2019-Q2): the"
                + " database holds ").endsWith(" Give a range the data covers, or load the missing data first."
                + System.lineSeparator());
    }

    private static String firstPage(Path pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    private static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
