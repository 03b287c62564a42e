package io.kpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.KpiPipelineApplication;
import io.kpipeline.system.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real process stopped from outside, as by Ctrl-C or a service manager: its server stops, nothing half-written remains. */
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
        assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        Process demo = pipeline("demo");
        assertThat(demo.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(demo.getInputStream().readAllBytes());
        assertThat(demo.exitValue()).as(output).isZero();
        assertThat(output).contains("The database is empty; generating demo data");
    }

    private Process pipeline(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KpiPipelineApplication.class.getName()));
        command.addAll(List.of(args));
        command.add("--kpi.home=" + home);
        command.add("--kpi.embedded.binaries=" + TestServers.BINARIES.toAbsolutePath());
        command.add("--kpi.embedded.buffer-pool=64M");
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
