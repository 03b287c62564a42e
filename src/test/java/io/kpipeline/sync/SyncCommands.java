package io.kpipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.cli.Cli;
import io.kpipeline.system.EmbeddedMariaDb;
import io.kpipeline.system.TestServers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A source database on a second embedded server and {@code sync --source NAME} against it, with the pipeline's own
 * embedded database in a fresh home of its own, opened between the commands to read what was stored.
 */
final class SyncCommands implements AutoCloseable {

    private final String name;
    /** The source server's and the pipeline's homes of this test: about 130 MB, deleted when it closes. */
    private final Path dir;
    private final Path home;
    private final EmbeddedMariaDb server;
    private final JdbcTemplate source;

    /** Starts the source server (fresh) and runs {@code script} (a classpath resource) in it. */
    SyncCommands(String name, String script) throws IOException {
        this(name, new ClassPathResource(script));
    }

    /** Starts the source server (fresh) and runs {@code script} in it. */
    SyncCommands(String name, Resource script) throws IOException {
        this.name = name;
        this.dir = Path.of(System.getProperty("kpi.home", "target/test-home")).resolve("sync-" + name);
        delete(dir);
        this.home = dir.resolve("home");
        this.server = TestServers.start(dir.resolve("source-db"), Duration.ofSeconds(5));
        this.source = new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(), server.username(),
                server.password()));
        source.execute((ConnectionCallback<Void>) connection -> {
            ScriptUtils.executeSqlScript(connection, new EncodedResource(script,
                    StandardCharsets.UTF_8));
            return null;
        });
    }

    JdbcTemplate source() {
        return source;
    }

    /** {@code sync --source NAME}, which must succeed; its output. */
    String sync() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "sync", "--source", name,
                "--kpi.home=" + home, "--kpi.sources." + name + ".url=" + server.jdbcUrl(),
                "--kpi.sources." + name + ".username=" + server.username(),
                "--kpi.sources." + name + ".password-file=" + server.passwordFile());
        assertThat(status).as(out + "\n" + err).isZero();
        return out.toString();
    }

    /** Runs {@code query} on the pipeline's own database. */
    <T> T inKpi(Function<JdbcTemplate, T> query) {
        try (EmbeddedMariaDb kpi = TestServers.start(home.resolve("db"), Duration.ofSeconds(10))) {
            return query.apply(new JdbcTemplate(new DriverManagerDataSource(kpi.jdbcUrl(), kpi.username(),
                    kpi.password())));
        }
    }

    /** The rows of {@code sql} on the pipeline's own database, each as its columns' text joined by |, NULL for null. */
    List<String> rows(String sql) {
        return inKpi(jdbc -> jdbc.query(sql, (rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String value = rs.getString(i);
                row.append(i > 1 ? "|" : "").append(value == null ? "NULL" : value);
            }
            return row.toString();
        }));
    }

    /** Stops the source server and deletes both homes: a test's second server should not stay on disk. */
    @Override
    public void close() throws IOException {
        server.close();
        delete(dir);
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
