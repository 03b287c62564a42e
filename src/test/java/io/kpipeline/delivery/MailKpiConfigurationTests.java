package io.kpipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-config (and every start) refuses a mail KPI the catalog does not have, as it does a weekly focus KPI. */
class MailKpiConfigurationTests {

    @Test
    void anUnknownMailKpiIsRefusedByKeyAndValue(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int status = Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "check-config",
                "--kpi.home=" + dir.resolve("home"), "--spring.quartz.scheduler-name=kpi-pipeline-mail-kpi-tests",
                "--kpi.reports.quarterly.mail-kpis=revenue,revenu");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("kpi.reports.quarterly.mail-kpis[1] = revenu is not a KPI of config/kpis.yml"
                + " (on the command line)");
    }
}
