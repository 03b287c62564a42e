package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsTheCommandsAndExitsZeroWithoutStartingTheDatabase() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: kpi-pipeline", "demo", "Exit status: 0 success, 1 failure, 2 usage");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: kpi-pipeline demo");
    }

    @Test
    void tablesDescribesTheImportFormatFromTheModel() {
        assertThat(run("tables")).isZero();
        assertThat(out.toString())
                .contains("lead.csv  (key: id)")
                .contains("  channel_code           required  an upper-case code, refers to channel.csv")
                .contains("  stage                  required  one of MQL, SAL, SQL, FIRST_MEETING, SECOND_MEETING, OFFER,"
                        + " CONTRACT_SENT, WON, LOST, DISQUALIFIED")
                .contains("  campaign_id            optional  an id of at most 64 characters, refers to campaign.csv")
                .contains("Data model version 2. A column marked \"added in version n\" may be left out of a file")
                .contains("cost_entry.csv  (key: month, category, channel_code, campaign_id)")
                .contains("  subscription_id        optional  an id of at most 64 characters, refers to subscription.csv"
                        + " (added in version 2)")
                .contains("  expected_close_date    optional  a date yyyy-MM-dd (added in version 2)");
        assertThat(out.toString().indexOf("subscription.csv  (key: id)"))
                .isLessThan(out.toString().indexOf("customer_order.csv  (key: id)"));
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void aWrongSettingOnTheCommandLineStopsWithExitTwoAndNamesKeyAndValue() {
        assertThat(run("demo", "--kpi.currency=euro")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: setting kpi.currency = euro must be a three-letter ISO 4217 code"
                + " like EUR (on the command line)."
                + " Correct the setting and run again." + System.lineSeparator());
    }

    @Test
    void demoOnAPlatformWithoutBundledServerBinariesSaysSoInOneLineAndExitsTwo() {
        String name = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        System.setProperty("os.name", "Mac OS X"); // as a Mac reports itself; read by the check, not by the JDK here
        System.setProperty("os.arch", "aarch64");
        try {
            assertThat(run("demo", home())).isEqualTo(2);
        } finally {
            System.setProperty("os.name", name);
            System.setProperty("os.arch", arch);
        }
        assertThat(err.toString()).startsWith("Error: The embedded database server runs on Linux x86-64 only, not on"
                + " Mac OS X aarch64. Use your own MySQL 8 or MariaDB 10.6+ server:")
                .contains("--spring.datasource.url=").hasLineCount(1);
    }

    @Test
    void aCurrencyISO4217DoesNotKnowIsRefusedByCheckConfigNamingTheSetting() {
        // the right form, no currency: only the reports' rendering stumbled on it before
        assertThat(run("check-config", "--kpi.currency=XYZ", home())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: setting kpi.currency = XYZ (on the command line) is not an"
                + " ISO 4217 currency; write one like EUR, USD or CHF." + System.lineSeparator());
    }

    @Test
    void aNegativeRetryDelayIsRefusedNamingTheSetting() {
        assertThat(run("check-config", "--kpi.delivery.retry.max-delay=-1m", home())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: setting kpi.delivery.retry.max-delay = -1m must be 0 or more"
                + " (on the command line). Correct the setting and run again." + System.lineSeparator());
    }

    @Test
    void anUnknownKeyUnderKpiIsRefusedWithFileLineAndTheClosestKnownKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("application.yml");
        Files.writeString(file, "kpi:\n  reports:\n    weekly:\n      recipents: [sales@example.com]\n");
        assertThat(run("check-config", "--spring.config.additional-location=" + file, home())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: setting kpi.reports.weekly.recipents[0] (in " + file
                + ", line 4) is not known (did you mean `recipients`?). Correct the key (the shipped"
                + " config/application.yml lists every setting with its default) and run again."
                + System.lineSeparator());

        err.getBuffer().setLength(0);
        assertThat(run("check-config", "--kpi.hme=/srv/kpi", home())).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: setting kpi.hme (on the command line) is not known (did you"
                + " mean `home`?).");
    }

    @Test
    void aWrongSettingInAFileNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("application.yml");
        Files.writeString(file, "kpi:\n  zone: Europe/Berln\n");
        assertThat(run("demo", "--spring.config.additional-location=" + file)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: setting kpi.zone = Europe/Berln is not valid"
                + " (Unknown time-zone ID: Europe/Berln) (in " + file + ", line 2)."
                + " Correct the setting and run again." + System.lineSeparator());
    }

    @Test
    void aFreshnessShareOutsideZeroToOneStopsWithTheKey() {
        assertThat(run("check-config", "--kpi.delivery.freshness.weekly.min-share=1.5", home())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: setting kpi.delivery.freshness.weekly.min-share = 1.5 must be 0 to 1"
                + " (on the command line)."
                + " Correct the setting and run again." + System.lineSeparator());
    }

    @Test
    void aCatchUpModeThatIsNotOneOfTheThreeStopsWithTheKey() {
        assertThat(run("check-config", "--kpi.schedule.catch-up.mode=oldest", home())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: setting kpi.schedule.catch-up.mode = oldest is not valid (write one"
                + " of latest, all, none) (on the command line). Correct the setting and run again."
                + System.lineSeparator());
    }

    @Test
    void aConfigDirectoryWithAShortApplicationYmlIsValidOnTheDefaultsOfTheRest(@TempDir Path dir) throws IOException {
        // every report mailed to someone, everything else left to the defaults: the sender's among them
        Files.writeString(dir.resolve("application.yml"), """
                kpi:
                  reports:
                    weekly: {recipients: [chef@firma.de]}
                    monthly: {recipients: [chef@firma.de]}
                    quarterly: {recipients: [chef@firma.de]}
                    yearly: {recipients: [chef@firma.de]}
                    review: {recipients: [chef@firma.de]}
                """);
        assertThat(run("check-config", "--config", dir.toString(), home())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("The configuration is valid");
    }

    @Test
    void aYamlSyntaxErrorIsOneLineWithFileLineAndColumn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("application.yml"), "kpi:\n  zone: Europe/Berlin\n   currency: EUR\n");
        assertThat(run("check-config", "--config", dir.toString(), home())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: " + dir.resolve("application.yml") + ", line 3, column 12:"
                + " mapping values are not allowed here. Correct the file (YAML: indent with spaces, one key: value"
                + " a line) and run again." + System.lineSeparator());

        Path targets = dir.resolve("more.yml");
        Files.writeString(targets, "kpi-targets:\n  targets: [\n");
        err.getBuffer().setLength(0);
        assertThat(run("check-config", "--spring.config.additional-location=" + targets, home())).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: " + targets + ", line 3, column 1: ");
    }

    @Test
    void aWrongPeriodIsAUsageErrorThatShowsTheForms() {
        assertThat(run("run", "monthly", "--period", "Oktober")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: --period \"Oktober\" is not a period; write 2026-W44 (ISO week),"
                + " 2026-10 (month), 2026-Q4 (quarter), 2026 (year) or 30d:2026-10-31 (30 days ending that day)."
                + System.lineSeparator());
    }

    @Test
    void aReportRefusesAPeriodOfAnotherKindBeforeAnyDatabaseStarts() {
        // nothing listens on port 1: had the command connected first, it would fail on the database (exit 1)
        assertThat(run("run", "weekly", "--period", "2026-11", home(),
                "--spring.datasource.url=jdbc:mysql://127.0.0.1:1/kpi")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: The weekly report covers an ISO week like 2026-W44; 2026-11 is"
                + " not one." + System.lineSeparator());
    }

    @Test
    void generateRefusesOptionsThatCanGiveNoDataAsUsageErrors() {
        assertThat(run("generate", "--leads", "-5", "--csv", "target/never-written", home())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: --leads -5 is not a number of leads; give 1 or more."
                + System.lineSeparator());

        err.getBuffer().setLength(0);
        assertThat(run("generate", "--from", "2026-02-01", "--to", "2026-01-31", "--csv", "target/never-written",
                home())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: --to 2026-01-31 lies before --from 2026-02-01; give the first"
                + " day as --from." + System.lineSeparator());
        assertThat(Path.of("target/never-written")).doesNotExist();
    }

    @Test
    void aHomeOrAnOutputFolderThatIsAFileIsAUsageError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        assertThat(run("check-config", "--kpi.home=" + file)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: kpi.home (KPI_HOME) " + file + " is a file, not a directory."
                + " Set kpi.home to a directory of the user who runs the pipeline; it is created when missing."
                + System.lineSeparator());

        err.getBuffer().setLength(0);
        assertThat(run("run", "weekly", "--period", "2026-W44", "--out", file.toString(), home(),
                "--spring.datasource.url=jdbc:mysql://127.0.0.1:1/kpi")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: --out " + file + " is a file, not a folder. Give a folder for"
                + " the report's files (it is created when missing)." + System.lineSeparator());
    }

    @Test
    void aReportMailedToNobodyIsAnErrorOfCheckConfigUnlessItsMailIsOff() {
        assertThat(run("check-config", "--kpi.reports.quarterly.recipients=", home())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: kpi.reports.quarterly.recipients is empty: nobody would receive"
                + " the quarterly report. Add an address or role:<name>, or set kpi.reports.quarterly.mail: false to"
                + " write its files only." + System.lineSeparator());

        err.getBuffer().setLength(0);
        assertThat(run("check-config", "--kpi.reports.quarterly.recipients=", "--kpi.reports.quarterly.mail=false",
                home())).as(err.toString()).isZero();
        assertThat(out.toString()).contains(", quarterly not mailed, ");
    }

    @Test
    void kpisListsTheCatalogInTheChosenLanguage() {
        assertThat(run("kpis", "--lang", "de", home())).isZero();
        // headings, names and the traits in German, as the management report's scorecard names the categories
        assertThat(out.toString()).contains("  email_open_rate                    E-Mail-Öffnungsrate",
                "LEAD-GENERIERUNG", "AUFMERKSAMKEIT", "UNIT ECONOMICS",
                "Einheit Quote, höher ist besser, Frühindikator, nach Kampagne")
                .doesNotContain("LEAD GENERATION", "AWARENESS", "is better", " by ");

        out.getBuffer().setLength(0);
        assertThat(run("kpis", "--lang", "en", home())).isZero();
        assertThat(out.toString()).contains("LEAD GENERATION", "unit rate, higher is better, leading, by campaign");
    }

    @Test
    void kpisRefusesALanguageItHasNotInOneLine() {
        assertThat(run("kpis", "--lang", "fr")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: --lang fr is not a language of the catalog; write --lang de"
                + " (German) or --lang en (English)." + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theHelpListsEveryCommandWithAWholeSentence() {
        assertThat(run("--help")).isZero();
        String help = out.toString();
        assertThat(help.replaceAll("\\s+", " ")).contains("Start with demo; <command> --help describes a command.",
                "--spring.datasource.url=jdbc:mysql://db:3306/kpi. The environment variable KPI_HOME sets kpi.home"
                        + " too (default ./var).");
        // each command's line in the list: its summary, which picocli takes from the description's first element
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Settings:"));
        List<String> summaries = new ArrayList<>();
        for (String line : commands.lines().skip(1).toList()) {
            if (line.startsWith("  ") && !line.startsWith("    ")) {
                summaries.add(line.strip());
            } else if (!line.isBlank()) {
                summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            }
        }
        assertThat(summaries).hasSize(11).allSatisfy(s -> assertThat(s).endsWith("."));
    }

    @Test
    void runHelpNamesThePdfsOfEachReport() {
        assertThat(run("run", "--help")).isZero();
        String help = out.toString().replaceAll("\\s+", " ");
        assertThat(help).contains("weekly writes weekly-report.pdf and, in reps/, a personal report for every active"
                + " sales rep with data in the week; monthly, quarterly and yearly write management-report.pdf;"
                + " review writes review-report.pdf.");
    }

    @Test
    void checkConfigNamesTheKeyValueFileAndLineOfATargetForAnUnknownKpi(@TempDir Path dir) throws IOException {
        assertThat(run("check-config", home())).isZero();
        assertThat(out.toString()).startsWith("Configuration: " + Path.of("config").toAbsolutePath() + " (./config)."
                + System.lineSeparator() + "The configuration is valid: 75 KPIs (75 enabled)");

        Path targets = dir.resolve("targets.yml");
        Files.writeString(targets, """
                kpi-targets:
                  targets:
                    - kpi: churn_rte
                      value: 0.02
                      owner: Head of Customer Success
                      deadline: 2027-06-30
                """);
        err.getBuffer().setLength(0);
        assertThat(run("check-config", "--spring.config.additional-location=" + targets, home())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("Error: kpi-targets.targets[0].kpi = churn_rte is not a KPI of"
                + " config/kpis.yml (in " + targets + ", line 3)." + System.lineSeparator());
    }

    private static String home() {
        return "--kpi.home=" + Path.of(System.getProperty("kpi.home", "target/test-home")).resolve("cli");
    }

    @Test
    void settingsSplitFromTheCommandsOwnArguments() {
        SpringArguments split = SpringArguments.split(new String[] {"import", "--dir", "data", "--kpi.home", "/srv",
                "--spring.datasource.url=jdbc:mysql://db/kpi", "--verbose"});
        assertThat(split.command()).containsExactly("import", "--dir", "data", "--verbose");
        assertThat(split.properties()).containsExactly("--kpi.home=/srv", "--spring.datasource.url=jdbc:mysql://db/kpi");
    }
}
