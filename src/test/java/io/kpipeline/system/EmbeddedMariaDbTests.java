package io.kpipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The embedded server's own lifecycle, without Spring: persistence, exclusive use, clean stop. */
class EmbeddedMariaDbTests {

    private static final Path HOME = Paths.get(System.getProperty("kpi.home", "target/test-home"));

    @Test
    void dataSurvivesARestartOfTheServer() throws SQLException {
        Path dir = HOME.resolve("lifecycle-db");
        try (EmbeddedMariaDb server = TestServers.start(dir, Duration.ofSeconds(5));
             Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS restart_probe");
            s.execute("CREATE TABLE restart_probe (v VARCHAR(20))");
            s.execute("INSERT INTO restart_probe VALUES ('Müller €')");
        }
        try (EmbeddedMariaDb server = TestServers.start(dir, Duration.ofSeconds(5));
             Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM restart_probe")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Müller €");
        }
    }

    @Test
    void aSecondServerOnTheSameDirectoryWaitsAndThenFailsClearly() {
        Path dir = HOME.resolve("lock-db");
        try (EmbeddedMariaDb first = TestServers.start(dir, Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> TestServers.start(dir, Duration.ofMillis(600)))
                    .isInstanceOf(KpiException.class)
                    .hasMessage("The embedded database in " + dir.toAbsolutePath().normalize()
                            + " is in use by another kpi-pipeline process (pid " + ProcessHandle.current().pid()
                            + "). Wait until it has finished, stop it, or give this run its own --kpi.home.");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    @Test
    void stoppingTheServerEndsItsProcessAndReleasesTheDirectory() throws Exception {
        Path dir = HOME.resolve("stop-db");
        EmbeddedMariaDb server = TestServers.start(dir, Duration.ofSeconds(5));
        long pid = Long.parseLong(java.nio.file.Files.readString(dir.toAbsolutePath().resolve("mariadbd.pid")).trim());
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        server.close();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        try (EmbeddedMariaDb again = TestServers.start(dir, Duration.ofSeconds(1))) {
            assertThat(again.directory()).isEqualTo(dir.toAbsolutePath().normalize());
        }
    }

    @Test
    void theRedoLogIsAQuarterOfTheBufferPoolAndAtLeast16Megabytes() {
        assertThat(EmbeddedMariaDb.redoLogSize("512M")).isEqualTo("128M");
        assertThat(EmbeddedMariaDb.redoLogSize("2G")).isEqualTo("512M");
        assertThat(EmbeddedMariaDb.redoLogSize("64M")).isEqualTo("16M");
        // 32M / 4 = 8M is below the floor
        assertThat(EmbeddedMariaDb.redoLogSize("32M")).isEqualTo("16M");
        assertThat(EmbeddedMariaDb.redoLogSize("1048576K")).isEqualTo("256M");
    }
}
