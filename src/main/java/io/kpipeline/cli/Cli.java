package io.kpipeline.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The command line of the pipeline: parses the arguments, runs the command and turns every failure
 * into one clear line and an exit status (0 success, 1 failure, 2 usage or configuration error).
 */
public final class Cli {

    private Cli() {
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line, writing to the given streams; for the program and for tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        SpringArguments split = SpringArguments.split(args);
        RootCommand root = new RootCommand(split.properties(), out, err);
        CommandLine commandLine = new CommandLine(root)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (root.stopping()) {
                        if (root.resumable()) {
                            err.println("Stopped (Ctrl-C or SIGTERM): the run will resume where it stopped when you"
                                    + " run the same command again. Every message that left, as listed above, is"
                                    + " recorded and is not delivered again.");
                            err.flush();
                        } else {
                            root.tellStopped();
                        }
                        return Failure.INTERRUPTED;
                    }
                    Failure failure = Failure.of(e);
                    err.println("Error: " + failure.message());
                    if (root.verbose()) {
                        e.printStackTrace(err);
                    } else if (failure.hasDetails()) {
                        err.println("(run again with --verbose for the full trace)");
                    }
                    err.flush();
                    return failure.exitCode();
                });
        try {
            return commandLine.execute(split.command().toArray(String[]::new));
        } finally {
            out.flush();
            err.flush();
            root.ended();
        }
    }
}
