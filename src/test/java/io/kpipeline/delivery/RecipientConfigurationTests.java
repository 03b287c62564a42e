package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-config (and every start) refuses recipients that are no mail addresses, naming key, value, file and line. */
class RecipientConfigurationTests {

    /**
     * Quartz keeps each scheduler's connection provider in a JVM-wide registry by scheduler name; these
     * contexts close after the command, so a name of their own keeps the other tests' scheduler working.
     */
    private static final String SCHEDULER = "--spring.quartz.scheduler-name=kpi-pipeline-config-tests";

    @Test
    void checkConfigRefusesAnInvalidAddressAndAnUnknownRole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.yml");
        Files.writeString(file, """
                kpi:
                  reports:
                    monthly:
                      recipients:
                        - anna@example.com
                        - "bob at example.com"
                        - role:board
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "check-config",
                "--kpi.home=" + dir.resolve("home"), SCHEDULER, "--spring.config.additional-location=" + file);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: kpi.reports.monthly.recipients[1] = bob at example.com is not a"
                + " mail address (Local address contains control or whitespace) (in " + file + ", line 6); kpi.reports.monthly.recipients[2]"
                + " = role:board names a role that kpi.roles does not define (defined: management, sales-team) (in "
                + file + ", line 7). Write each recipient as name@example.com or role:<name>, optionally followed by"
                + " (de) or (en), and define each role under kpi.roles.");
    }

    @Test
    void anInvalidAdminAddressOnTheCommandLineIsRefused(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int status = Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "check-config",
                "--kpi.home=" + dir.resolve("home"), SCHEDULER, "--kpi.delivery.admin=admin@localhost");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("kpi.delivery.admin = admin@localhost is not a plain mail address like"
                + " name@example.com (on the command line)");
    }

    @Test
    void aRecipientListOnTheCommandLineIsNamedAsComingFromThere(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int status = Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "check-config",
                "--kpi.home=" + dir.resolve("home"), SCHEDULER,
                "--kpi.reports.monthly.recipients=chef@example,b@example.com");
        assertThat(status).isEqualTo(2);
        // the list replaces the one in config/application.yml, so its element is not that file's line
        assertThat(err.toString()).contains("kpi.reports.monthly.recipients[0] = chef@example is not a plain mail"
                + " address like name@example.com (on the command line)");
    }

    @Test
    void checkConfigSaysWhereMessagesGoAndHowManyRecipientsEachReportHas(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        int status = Cli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "check-config",
                "--kpi.home=" + dir.resolve("home"), SCHEDULER, "--kpi.reports.monthly.recipients=a@example.com,b@example.com");
        assertThat(status).isZero();
        // config/application.yml: weekly role:sales-team (2), quarterly and yearly role:management (1),
        // review role:management (1) + role:sales-team (2)
        assertThat(out.toString()).contains("Delivery: to the outbox " + dir.resolve("home").resolve("outbox")
                + " (no spring.mail.host is set), weekly 2 recipients, monthly 2 recipients, quarterly 1 recipient,"
                + " yearly 1 recipient, review 3 recipients, admin kpi-admin@example.com.");
    }
}
