package io.kpipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded server lets in the pipeline's account with its password and nobody else, and that
 * account reaches neither files nor other databases. The tests run as root here, so a second local
 * user cannot be tried: a connection without the password, or with a wrong one, stands in for one
 * (a local user reaches the TCP port, not the files under the home).
 */
class EmbeddedMariaDbSecurityTests {

    private static final Path HOME = Path.of(System.getProperty("kpi.home", "target/test-home"));
    /** A server's directory takes over a gigabyte (binaries, redo log): the tests that need a fresh one share it. */
    private static final Path SCRATCH = HOME.resolve("scratch-db");

    private static EmbeddedMariaDb server;

    @BeforeAll
    static void start() {
        // the directory EmbeddedMariaDbTests uses too, for the same reason
        server = TestServers.start(HOME.resolve("lifecycle-db"), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void deleteScratch() throws IOException {
        FileSystemUtils.deleteRecursively(SCRATCH);
    }

    @Test
    void withoutThePasswordOrWithAWrongOneNobodyGetsIn() throws SQLException {
        String[][] attempts = {{"kpi", ""}, {"kpi", "wrong"}, {"root", ""}, {"root", server.password()},
                {"", ""}, {"anybody", ""}, {"mariadb.sys", ""}};
        for (String[] attempt : attempts) {
            assertThatThrownBy(() -> connect(attempt[0], attempt[1], false).close())
                    .as(attempt[0] + " with password '" + attempt[1] + "'")
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        }
        try (Connection c = connect(server.username(), server.password(), false)) {
            assertThat(single(c, "SELECT CURRENT_USER()")).isEqualTo("kpi@127.0.0.1");
        }
    }

    @Test
    void thePipelinesAccountReadsAndWritesNoFilesOfTheServerAndNoOtherDatabase(@TempDir Path temp) throws Exception {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "only for root\n");
        Path written = temp.resolve("written.txt");
        try (Connection c = connect(server.username(), server.password(), false); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS file_probe (line VARCHAR(200))");

            assertThatThrownBy(() -> s.execute("SELECT 'x' INTO OUTFILE '" + written + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            assertThat(written).doesNotExist();
            assertThatThrownBy(() -> s.execute("LOAD DATA INFILE '" + secret + "' INTO TABLE file_probe"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            assertThat(single(c, "SELECT LOAD_FILE('" + secret + "')")).isNull();
            assertThatThrownBy(() -> s.execute("CREATE DATABASE kpi_other"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");

            List<String> grants = all(c, "SHOW GRANTS");
            assertThat(grants).hasSize(2);
            assertThat(grants.get(0)).startsWith("GRANT USAGE ON *.* TO `kpi`@`127.0.0.1`");
            assertThat(grants.get(1)).isEqualTo("GRANT ALL PRIVILEGES ON `kpi`.* TO `kpi`@`127.0.0.1`");
            assertThat(single(c, "SELECT @@secure_file_priv"))
                    .isEqualTo(server.directory().resolve("files") + "/");
            assertThat(single(c, "SELECT @@bind_address")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void bulkLoadsFromMemoryStillWorkForThePipelinesAccount() throws SQLException {
        try (Connection c = connect(server.username(), server.password(), true); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS load_probe (id VARCHAR(10) PRIMARY KEY, note VARCHAR(100))");
            s.execute("DELETE FROM load_probe");
            assertThat(LoadDataBuffer.isSupported(c)).isTrue();
            LoadDataBuffer buffer = new LoadDataBuffer();
            buffer.add(new Object[] {"a", "from memory"});

            assertThat(buffer.loadInto(c, "load_probe", List.of("id", "note"))).isEqualTo(1);
            assertThat(single(c, "SELECT note FROM load_probe WHERE id = 'a'")).isEqualTo("from memory");
        }
    }

    @Test
    void theSocketThePasswordAndEveryFileOfTheServerAreTheOwnersAlone() throws IOException {
        Path dir = server.directory();
        assertThat(server.socket()).isEqualTo(dir.resolve("run").resolve("mariadbd.sock"));
        assertThat(Files.exists(server.socket(), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(mode(server.socket().getParent())).isEqualTo("rwx------");
        assertThat(server.passwordFile()).isEqualTo(dir.resolve("kpi.password"));
        assertThat(mode(server.passwordFile())).isEqualTo("rw-------");
        assertThat(Files.readString(server.passwordFile(), StandardCharsets.US_ASCII).strip())
                .isEqualTo(server.password()).hasSize(32);

        assertThat(openToOthers(dir)).isEmpty();
    }

    @Test
    void aDirectoryOfTheEarlierReleaseIsClosedAtItsNextStartAndKeepsItsRows() throws Exception {
        Path dir = SCRATCH;
        FileSystemUtils.deleteRecursively(dir);
        EarlierRelease.start(dir, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE lead (id VARCHAR(64) PRIMARY KEY, created_at DATETIME)");
                s.execute("INSERT INTO lead VALUES ('L1', '2026-03-01 09:00:00'), ('L2', '2026-03-02 10:00:00')");
            }
        });
        assertThat(dir.resolve("kpi.password")).doesNotExist();

        try (EmbeddedMariaDb upgraded = TestServers.start(dir, Duration.ofSeconds(5))) {
            try (Connection c = connect(upgraded, upgraded.username(), upgraded.password())) {
                assertThat(all(c, "SELECT id FROM lead ORDER BY id")).containsExactly("L1", "L2");
            }
            for (String user : List.of("root", "", "anybody")) {
                assertThatThrownBy(() -> connect(upgraded, user, "").close()).as(user)
                        .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            }
            assertThat(mode(upgraded.passwordFile())).isEqualTo("rw-------");
            assertThat(openToOthers(dir)).isEmpty();
        }
        // and the next start uses the password kept, without setting up the accounts again
        try (EmbeddedMariaDb again = TestServers.start(dir, Duration.ofSeconds(5));
             Connection c = connect(again, again.username(), again.password())) {
            assertThat(all(c, "SELECT id FROM lead ORDER BY id")).containsExactly("L1", "L2");
        }
    }

    @Test
    void aPasswordFileTheServerDoesNotKnowStopsTheStartWithWhatToDo() throws Exception {
        Path dir = SCRATCH;
        FileSystemUtils.deleteRecursively(dir);
        try (EmbeddedMariaDb first = TestServers.start(dir, Duration.ofSeconds(5))) {
            assertThat(first.password()).hasSize(32);
        }
        Path passwordFile = dir.toAbsolutePath().resolve("kpi.password");
        Files.writeString(passwordFile, "not-the-password\n");

        assertThatThrownBy(() -> TestServers.start(dir, Duration.ofSeconds(5)))
                .isInstanceOf(KpiException.class)
                .hasMessageStartingWith("The embedded database in " + dir.toAbsolutePath().normalize()
                        + " refuses the password in " + passwordFile)
                .hasMessageEndingWith("Delete that file and start again: the next start sets a new password for the"
                        + " pipeline's account.");

        Files.delete(passwordFile);
        try (EmbeddedMariaDb reset = TestServers.start(dir, Duration.ofSeconds(5));
             Connection c = connect(reset, reset.username(), reset.password())) {
            assertThat(single(c, "SELECT CURRENT_USER()")).isEqualTo("kpi@127.0.0.1");
        }
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** Directories and regular files below {@code dir} that its group or others may use. */
    static List<String> openToOthers(Path dir) throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String mode = PosixFilePermissions.toString(a.permissions());
                if ((a.isDirectory() || a.isRegularFile()) && !mode.endsWith("------")) {
                    open.add(dir.relativize(path) + " " + mode);
                }
            }
        }
        return open;
    }

    private static Connection connect(String user, String password, boolean localData) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (localData) {
            properties.setProperty("allowLoadLocalInfile", "true");
        }
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static Connection connect(EmbeddedMariaDb db, String user, String password) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), user, password);
    }

    private static String single(Connection c, String sql) throws SQLException {
        List<String> values = all(c, sql);
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private static List<String> all(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
