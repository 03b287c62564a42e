package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.system.EmbeddedMariaDb;
import io.kpipeline.system.TestServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * With spring.datasource.url the pipeline uses that server and starts none of its own. A second
 * MariaDB server, started here beside the tests, stands in for a company's MySQL server; its account's
 * password comes from a file, as it should for a server of one's own.
 */
class ExternalDatabaseTests {

    private static final Path HOME = Path.of(System.getProperty("kpi.home", "target/test-home"));

    @TempDir
    Path home;

    @Test
    void aConfiguredServerIsMigratedAndUsedAndNoEmbeddedServerStarts() {
        try (EmbeddedMariaDb external = TestServers.start(HOME.resolve("external-db"), Duration.ofSeconds(5))) {
            // an empty database: the URL creates it again at the first connection
            new JdbcTemplate(new DriverManagerDataSource(external.jdbcUrl(), external.username(), external.password()))
                    .execute("DROP DATABASE IF EXISTS kpi");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
                    "--spring.datasource.url=" + external.jdbcUrl(), "--spring.datasource.username=kpi",
                    "--kpi.datasource.password-file=" + external.passwordFile(), "--kpi.home=" + home);

            assertThat(status).as(err.toString()).isZero();
            assertThat(out.toString()).doesNotContain("embedded MariaDB")
                    .contains("The database is empty; generating demo data")
                    // the demo's leads, stored in the configured server (their number depends on today's date)
                    .containsPattern("lead\\s+[1-9][0-9]{0,2}(,[0-9]{3})*\\n");
            assertThat(Files.exists(home.resolve("db"))).as("no embedded server under the home").isFalse();
        }
    }
}
