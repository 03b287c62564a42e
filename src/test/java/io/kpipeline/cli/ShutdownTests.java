package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.KpiPipelineApplication;
import io.kpipeline.system.ScriptedSmtpServer;
import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Table;
import io.kpipeline.system.EmbeddedMariaDb;
import io.kpipeline.system.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process stopped from outside, as by Ctrl-C or a service manager: its server stops, nothing half-written
 * remains, and a report run records what it delivered and resumes from there.
 */
class ShutdownTests {

    @TempDir
    Path home;

    @Test
    void stoppingAProcessDuringGenerateStopsItsServerAndKeepsNoPartialData() throws Exception {
        Process generate = pipeline("generate", "--leads", "400000");
        Path pidFile = home.resolve("db").resolve("mariadbd.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(pidFile) && System.nanoTime() < deadline && generate.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(pidFile).exists();
        long serverPid = Long.parseLong(Files.readString(pidFile).trim());
        Thread.sleep(4_000); // well into writing rows

        generate.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        assertThat(generate.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // asked to stop, the server rolls back the unfinished load and ends by itself
        ProcessHandle.of(serverPid).ifPresent(server -> server.onExit().orTimeout(120, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        Process demo = pipeline("demo");
        assertThat(demo.waitFor(300, TimeUnit.SECONDS)).isTrue(); // its three reports take minutes on a busy machine
        String output = new String(demo.getInputStream().readAllBytes());
        assertThat(demo.exitValue()).as(output).isZero();
        assertThat(output).contains("The database is empty; generating demo data");
    }

    @Test
    void ctrlCDuringGenerateReplaceKeepsEveryStoredRowAndEndsWithinTwoSecondsInOneLine() throws Exception {
        Process first = pipeline("generate", "--from", "2026-09-01", "--to", "2026-11-21", "--leads", "300");
        assertThat(first.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(new String(first.getInputStream().readAllBytes())).isZero();
        Map<String, Long> before = rowCounts();
        assertThat(before.get("lead")).isEqualTo(300);
        long stored = tableFiles();

        Process replace = start(false, "generate", "--replace", "--leads", "400000");
        Output printed = Output.of(replace);
        // loading: the new rows make the table files grow (the old ones take no more room than before)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (tableFiles() < stored + 16 * 1024 * 1024 && replace.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(replace.isAlive()).as(printed.text()).isTrue();
        assertThat(tableFiles()).isGreaterThanOrEqualTo(stored + 16 * 1024 * 1024);

        long signalled = System.nanoTime();
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(replace.pid())).start().waitFor()).isZero();
        assertThat(replace.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
        String errors = new String(replace.getErrorStream().readAllBytes());

        assertThat(errors.lines()).as(printed.all()).containsExactly(RootCommand.STOPPED);
        assertThat(millis).as("milliseconds from SIGINT to the end of the process").isLessThanOrEqualTo(2_000);
        assertThat(replace.exitValue()).isEqualTo(130); // 128 + SIGINT
        assertThat(rowCounts()).isEqualTo(before);
    }

    /** Rows per canonical table, read through a server of the home's own (it waits for one still stopping). */
    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (EmbeddedMariaDb server = TestServers.start(home.resolve("db"), Duration.ofSeconds(120));
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
                     server.password());
             Statement statement = connection.createStatement()) {
            for (Table table : CanonicalModel.tables()) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table.sqlName())) {
                    rows.next();
                    counts.put(table.name(), rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Bytes of the tables' files of the pipeline's database. */
    private long tableFiles() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("db").resolve("data").resolve("kpi"))) {
            return files.filter(f -> f.toString().endsWith(".ibd")).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    @Test
    void sigtermDuringRunRecordsTheMessagesThatLeftSaysTheRunWillResumeAndTheNextRunSendsOnlyTheRest()
            throws Exception {
        Process generate = pipeline("generate", "--from", "2026-09-01", "--to", "2026-11-21", "--leads", "300");
        assertThat(generate.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(generate.exitValue()).as(new String(generate.getInputStream().readAllBytes())).isZero();

        String output;
        try (ScriptedSmtpServer slow = ScriptedSmtpServer.script().holdMessage(2).start()) {
            Process run = pipeline(weeklyRun(slow.port()));
            Output printed = Output.of(run);
            // anna's message has left; ben's has been handed over and waits for the server's answer
            assertThat(slow.awaitHolding(240)).as(printed.text()).isTrue();
            assertThat(slow.accepted()).containsExactly("anna@example.com");

            // SIGTERM, as a service manager stops a process (Process.destroy would also close the output)
            assertThat(run.toHandle().destroy()).isTrue();
            assertThat(printed.await("Stopping: ", 60)).as(printed.text()).isTrue();
            slow.release(); // ben's message is accepted after the signal: it was in flight, so it completes
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as(printed.text()).isTrue();
            output = printed.all();
            assertThat(run.exitValue()).as(output).isEqualTo(143); // 128 + SIGTERM: the JVM ended on the signal
            assertThat(slow.accepted()).containsExactly("anna@example.com", "ben@example.com");
        }
        assertThat(output).containsPattern("anna@example.com +report +sent: weekly-report.pdf")
                .containsPattern("ben@example.com +report +sent: weekly-report.pdf")
                .containsPattern("carl@example.com +report +not sent \\(stopped\\)")
                .contains("Delivery: 2 sent, 0 already sent, 0 held, 0 failed, 1 not sent (stopped).")
                .contains("Stopped (Ctrl-C or SIGTERM): the run will resume where it stopped when you run the same"
                        + " command again.")
                .doesNotContain("Exception");

        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.script().start()) {
            Process resume = pipeline(weeklyRun(smtp.port()));
            Output printed = Output.of(resume);
            assertThat(resume.waitFor(240, TimeUnit.SECONDS)).as(printed.text()).isTrue();
            String again = printed.all();
            assertThat(resume.exitValue()).as(again).isZero();
            // the ledger recorded both messages that left as SENT: neither goes out twice
            assertThat(smtp.accepted()).containsExactly("carl@example.com");
            assertThat(again).containsPattern("anna@example.com +report +already sent")
                    .containsPattern("ben@example.com +report +already sent")
                    .containsPattern("carl@example.com +report +sent: weekly-report.pdf")
                    .contains("Delivery: 1 sent, 2 already sent, 0 held, 0 failed.");
        }
    }

    /** {@code run weekly} of a week of the generated data, mailed to three addresses over {@code port}. */
    private static String[] weeklyRun(int port) {
        return new String[] {"run", "weekly", "--period", "2026-W46",
                "--force", // the freshness of a few generated weeks is not what this test is about
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port,
                "--kpi.reports.weekly.recipients=anna@example.com,ben@example.com,carl@example.com",
                "--kpi.reports.personal.enabled=false", "--kpi.delivery.admin="};
    }

    /** What a process prints, read as it comes so that the process never blocks on a full pipe. */
    private static final class Output {

        private final StringBuffer text = new StringBuffer();
        private final Thread reader;

        private Output(Process process) {
            reader = new Thread(() -> {
                try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        text.append(line).append('\n');
                    }
                } catch (IOException e) {
                    text.append("(reading the output failed: ").append(e.getMessage()).append(")\n");
                }
            }, "output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        static Output of(Process process) {
            return new Output(process);
        }

        String text() {
            return text.toString();
        }

        /** Waits until {@code line} has been printed. */
        boolean await(String line, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!text.toString().contains(line)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        }

        /** Everything, once the process has ended. */
        String all() throws InterruptedException {
            reader.join(10_000);
            return text.toString();
        }
    }

    private Process pipeline(String... args) throws IOException {
        return start(true, args);
    }

    /**
     * The pipeline in a JVM of its own. Started by {@code env --default-signal=INT}: a process started in the
     * background of a script ignores SIGINT, and passes that on to its children, this test's among them.
     */
    private Process start(boolean errorsInOutput, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KpiPipelineApplication.class.getName()));
        command.addAll(List.of(args));
        command.add("--kpi.home=" + home);
        command.add("--kpi.embedded.binaries=" + TestServers.BINARIES.toAbsolutePath());
        command.add("--kpi.embedded.buffer-pool=64M");
        return new ProcessBuilder(command).redirectErrorStream(errorsInOutput).start();
    }
}
