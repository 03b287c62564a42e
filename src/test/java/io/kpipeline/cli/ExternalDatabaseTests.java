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
            String out = demo(external);

            assertThat(out).doesNotContain("embedded MariaDB")
                    .contains("The database is empty; generating demo data")
                    // the demo's leads, stored in the configured server (their number depends on today's date)
                    .containsPattern("lead\\s+[1-9][0-9]{0,2}(,[0-9]{3})*\\n");
            assertThat(Files.exists(home.resolve("db"))).as("no embedded server under the home").isFalse();
        }
    }

    @Test
    void aServerWritingAStatementBasedBinaryLogRunsTheReports(@TempDir Path serverDir) {
        // such a server refuses writes from a READ COMMITTED transaction (error 1665): the customer history is
        // built there with the locking reads of REPEATABLE READ. Its data and log go with the test.
        try (EmbeddedMariaDb external = TestServers.start(serverDir.resolve("db"), Duration.ofSeconds(5),
                "--log-bin=binlog", "--binlog-format=STATEMENT", "--server-id=1")) {
            JdbcTemplate jdbc = root(external);
            assertThat(jdbc.queryForObject("SELECT @@log_bin", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT @@binlog_format", String.class)).isEqualTo("STATEMENT");

            demo(external);

            // the monthly report's customer figures rest on the customer history built there
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kpi.customer_active_span", Long.class)).isPositive();
        }
    }

    /**
     * Runs the demo against {@code external}, its database dropped first (the URL creates it again at the first
     * connection), and returns what it printed; fails when it fails.
     */
    private String demo(EmbeddedMariaDb external) {
        root(external).execute("DROP DATABASE IF EXISTS kpi");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
                "--spring.datasource.url=" + external.jdbcUrl(), "--spring.datasource.username=kpi",
                "--kpi.datasource.password-file=" + external.passwordFile(), "--kpi.home=" + home);
        assertThat(status).as(err.toString()).isZero();
        return out.toString();
    }

    private static JdbcTemplate root(EmbeddedMariaDb server) {
        return new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), server.username(), server.password()));
    }
}
