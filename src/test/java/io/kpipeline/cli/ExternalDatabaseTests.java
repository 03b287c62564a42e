package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.system.EmbeddedMariaDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With spring.datasource.url the pipeline uses that server and starts none of its own. A second
 * MariaDB server, started here beside the tests, stands in for a company's MySQL server.
 */
class ExternalDatabaseTests {

    private static final Path HOME = Path.of(System.getProperty("kpi.home", "target/test-home"));

    @TempDir
    Path home;

    @Test
    void aConfiguredServerIsMigratedAndUsedAndNoEmbeddedServerStarts() {
        try (EmbeddedMariaDb external = EmbeddedMariaDb.start(HOME.resolve("external-db"), Duration.ofSeconds(5), "64M")) {
            String url = external.jdbcUrl().replace("/kpi?", "/kpi_external_" + System.nanoTime() + "?");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
                    "--spring.datasource.url=" + url, "--spring.datasource.username=root",
                    "--spring.datasource.password=", "--kpi.home=" + home);

            assertThat(status).as(err.toString()).isZero();
            assertThat(out.toString()).doesNotContain("embedded MariaDB")
                    .contains("The database is empty; generating demo data")
                    // the demo's leads, stored in the configured server (their number depends on today's date)
                    .containsPattern("lead\\s+[1-9][0-9]{0,2}(,[0-9]{3})*\\n");
            assertThat(Files.exists(home.resolve("db"))).as("no embedded server under the home").isFalse();
        }
    }
}
