package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * While a scheduler holds the embedded database of a home, the commands that need no database answer on that
 * home at once (check-config, kpis, tables, generate --csv): a command that started one would fail on the
 * scheduler's lock (lock-wait 0 s).
 */
class WithoutDatabaseTests {

    @TempDir
    static Path dir;

    private static Process scheduler;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a scheduler that never says it has started fails, not hangs
    static void startTheSchedulerOnTheHome() throws Exception {
        scheduler = Processes.start(Path.of(""), Map.of(), "schedule", "--kpi.home=" + dir.resolve("home"));
        BufferedReader lines = new BufferedReader(new InputStreamReader(scheduler.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            seen.append(line).append('\n');
            if (line.startsWith("Missed periods are caught up now")) {
                break;
            }
        }
        assertThat(seen.toString()).contains("Scheduler ").contains(" started. Next firings:");
        assertThat(scheduler.isAlive()).as(seen.toString()).isTrue();
        Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "scheduler-output");
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stopTheScheduler() throws Exception {
        if (scheduler == null) {
            return;
        }
        scheduler.destroy();
        assertThat(scheduler.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    /** A command in this JVM on the scheduler's home; one that tried to start the database would fail at once. */
    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--kpi.home=" + dir.resolve("home");
        all[args.length + 1] = "--kpi.embedded.lock-wait=0s";
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void checkConfigAnswersInUnderThreeSecondsWhileTheSchedulerHoldsTheDatabase() throws Exception {
        // as a user runs it: a JVM of its own, whose start is most of the time
        var process = Processes.run(Path.of(""), Map.of(), "check-config", "--kpi.home=" + dir.resolve("home"),
                "--kpi.embedded.lock-wait=0s");
        assertThat(process.status()).as(process.output()).isZero();
        assertThat(process.output()).contains("The configuration is valid: 75 KPIs");

        assertThat(run("check-config")).as(err.toString()).isZero(); // loads the classes into this JVM
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        assertThat(run("check-config")).as(err.toString()).isZero();
        long cpu = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
        long wall = (System.nanoTime() - started) / 1_000_000;
        assertThat(out.toString()).contains("The configuration is valid: 75 KPIs");

        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("check-config while a scheduler holds the home: %d ms as a process of its own (JVM start"
                + " included); in a running JVM %d ms, of which %d ms of CPU; load average %.1f on %d cores%n",
                process.millis(), wall, cpu, load, Runtime.getRuntime().availableProcessors());
        // Had it started a database, it would have failed on the scheduler's lock (lock-wait 0 s). Its work is
        // held to 3 s as CPU time, which the load other processes put on the machine does not stretch; the
        // times on the clock are printed.
        assertThat(cpu).isLessThan(3_000);
    }

    @Test
    void theCatalogAndTheImportFormatNeedNoDatabase() {
        assertThat(run("kpis", "--lang", "de")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("  email_open_rate                    E-Mail-Öffnungsrate");

        assertThat(run("tables")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("lead.csv  (key: id)");
    }

    @Test
    void csvFilesAreGeneratedWithoutADatabase() {
        Path csv = dir.resolve("csv");
        assertThat(run("generate", "--csv", csv.toString(), "--from", "2026-01-01", "--to", "2026-01-31",
                "--leads", "100")).as(err.toString()).isZero();
        assertThat(csv.resolve("lead.csv")).exists();
    }

    @Test
    void theSettingsContextHoldsNoDatabase() {
        var root = new RootCommand(List.of("--kpi.home=" + dir.resolve("home")), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        try (var context = root.startSettings()) {
            assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
            assertThat(context.getBeanNamesForType(JdbcTemplate.class)).isEmpty();
        }
    }

    @Test
    void checkConfigAndKpisAnswerWithADatabaseThatCannotBeReached() {
        // port 1 on loopback: nothing listens, so a command that connected would fail
        String unreachable = "--spring.datasource.url=jdbc:mysql://127.0.0.1:1/kpi";
        assertThat(run("check-config", unreachable)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("The configuration is valid: 75 KPIs");

        assertThat(run("kpis", unreachable)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("email_open_rate");
    }
}
