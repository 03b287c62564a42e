package io.kpipeline.cli;

import io.kpipeline.KpiPipelineApplication;
import io.kpipeline.system.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline as a process of its own, as a shell, a cron job or a service manager starts it: its own working
 * directory and environment, with the tests' classes and a home of the test's.
 */
final class Processes {

    private Processes() {
    }

    /** What a finished process printed and its exit status, and how long it took. */
    record Finished(int status, String output, long millis) {
    }

    /** Starts the pipeline in {@code workingDirectory} with these variables added to the environment. */
    static Process start(Path workingDirectory, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", absolute(System.getProperty("java.class.path")), KpiPipelineApplication.class.getName()));
        command.addAll(List.of(args));
        command.add("--kpi.embedded.binaries=" + TestServers.BINARIES.toAbsolutePath());
        command.add("--kpi.embedded.buffer-pool=64M");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toAbsolutePath().toFile())
                .redirectErrorStream(true);
        builder.environment().remove("KPI_HOME");
        builder.environment().remove("KPI_CONFIG");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs the pipeline to its end (at most two minutes). */
    static Finished run(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = start(workingDirectory, environment, args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after two minutes: " + output);
        }
        return new Finished(process.exitValue(), output, (System.nanoTime() - started) / 1_000_000);
    }

    /** The test's class path with every entry absolute, so that another working directory finds it. */
    private static String absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
