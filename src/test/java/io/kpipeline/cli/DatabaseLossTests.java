package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.KpiPipelineApplication;
import io.kpipeline.system.ScriptedSmtpServer;
import io.kpipeline.system.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that dies while a report runs ends the run soon, with one line that says what was delivered
 * and what was not, and no stack trace: a real process, whose embedded server is killed the moment the SMTP
 * server has taken the first message, before the run could record it.
 */
class DatabaseLossTests {

    @TempDir
    Path home;

    @Test
    @Timeout(180)
    void theEmbeddedServerKilledDuringTheDeliveryEndsTheRunWithinHalfAMinuteNamingWhatWentOut() throws Exception {
        AtomicLong killedAt = new AtomicLong();
        try (var smtp = ScriptedSmtpServer.script().onMessage(message -> {
            if (message == 1) {
                killedAt.set(killServer());
            }
        }).start()) {
            // --preliminary --force: a report of the empty database, delivered; no data to generate first
            Process run = pipeline("run", "weekly", "--period", "2026-W46", "--preliminary", "--force",
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port(),
                    "--kpi.reports.weekly.recipients=anna@example.com,ben@example.com",
                    "--kpi.reports.personal.enabled=false", "--kpi.delivery.admin=");
            // read while it runs: a full pipe would stop the process
            CompletableFuture<String> printed = CompletableFuture.supplyAsync(() -> read(run));
            String output;
            long ended;
            try {
                assertThat(run.waitFor(150, TimeUnit.SECONDS)).isTrue();
                ended = System.nanoTime();
                output = printed.get(10, TimeUnit.SECONDS);
            } finally {
                run.destroyForcibly();
            }
            assertThat(killedAt.get()).as(output).isPositive();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(ended - killedAt.get())).as(output).isLessThan(30);
            assertThat(run.exitValue()).as(output).isEqualTo(1);
            assertThat(smtp.accepted()).containsExactly("anna@example.com");
            assertThat(output).as("no stack trace").doesNotContain("\tat ", "Exception");
            // anna's message left, but the database could not record it; ben's was not sent
            assertThat(output.lines().filter(l -> l.startsWith("Error: "))).as(output).containsExactly("Error: The"
                    + " preliminary weekly report for 2026-W46 stopped in deliverReportStep because the database"
                    + " stopped answering (Connection refused). Sent: anna@example.com (not recorded: the next run"
                    + " sends it once more, under the same Message-ID). Not sent: ben@example.com. Once the database"
                    + " runs again, run the same command: it resumes the run and sends only what is missing.");
        }
    }

    /** Kills the run's embedded server as the kernel would, with SIGKILL; returns when it is gone. */
    private long killServer() {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("db").resolve("mariadbd.pid")).trim());
            ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
            server.destroyForcibly();
            server.onExit().get(10, TimeUnit.SECONDS);
            return System.nanoTime();
        } catch (Exception e) {
            throw new IllegalStateException("could not kill the embedded server", e);
        }
    }

    private static String read(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process pipeline(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KpiPipelineApplication.class.getName()));
        command.addAll(List.of(args));
        command.add("--kpi.home=" + home);
        command.add("--kpi.embedded.binaries=" + TestServers.BINARIES.toAbsolutePath());
        command.add("--kpi.embedded.buffer-pool=64M");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
