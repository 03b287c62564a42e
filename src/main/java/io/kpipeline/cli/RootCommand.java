package io.kpipeline.cli;

import io.kpipeline.KpiPipelineApplication;
import io.kpipeline.SettingsOnly;
import io.kpipeline.system.ConfigDirectory;
import io.kpipeline.system.EmbeddedMariaDb;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "kpi-pipeline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Computes the KPIs of a B2B sales and marketing team and writes, mails and schedules their"
                + " reports.", "Start with demo; <command> --help describes a command.", ""},
        subcommands = {DemoCommand.class, RunCommand.class, ImportCommand.class, GenerateCommand.class,
                TablesCommand.class, KpisCommand.class, CheckConfigCommand.class, ScheduleCommand.class,
                BackfillCommand.class, SyncCommand.class, RecomputeCommand.class},
        footer = {"", "Configuration: the files of --config DIR, else of KPI_CONFIG, else of",
                "$KPI_HOME/config, else of ./config; a file the directory lacks is the one",
                "shipped in the jar. Every command but tables names the directory it reads first.",
                "Settings: an option with a dot in its name sets the setting of that name in",
                "config/application.yml for this run, e.g. --kpi.home=/srv/kpi or",
                "--spring.datasource.url=jdbc:mysql://db:3306/kpi. The environment variable",
                "KPI_HOME sets kpi.home too (default ./var).",
                "", "Exit status: 0 success, 1 failure, 2 usage or configuration error."})
final class RootCommand implements Runnable {

    /**
     * How long a stopping {@code run} may take to finish the step it is in before the database is closed under
     * it: a message takes seconds, or its SMTP timeout; the KPIs of a large month take minutes, and are
     * computed again by the next run if they are cut off.
     */
    static final Duration STOP_WAIT = Duration.ofMinutes(2);

    /**
     * How long any other command may take to end after Ctrl-C or SIGTERM: its work is one transaction, rolled back
     * by the database, so nothing is worth waiting for but the line that says so. An embedded server still
     * shutting down then goes on alone; the next start of the home waits for it.
     */
    static final Duration QUICK_STOP = Duration.ofMillis(1500);

    /** What the user reads when a command other than {@code run} or {@code schedule} is stopped. */
    static final String STOPPED = "Stopped (Ctrl-C or shutdown). Work in progress was rolled back; run the command"
            + " again to finish it.";

    /** How a command's context ends when the JVM is asked to stop. */
    private enum Stop {
        /** At once: the context is closed under the command, the process ends within {@link #QUICK_STOP}. */
        QUICK,
        /** The command is asked to stop and finishes what it is doing ({@code run}). */
        BY_COMMAND,
        /** Spring's shutdown hook closes the context, which waits for what it runs ({@code schedule}). */
        BY_CONTEXT
    }

    private final List<String> properties;
    private final PrintWriter out;
    private final PrintWriter err;
    private final AtomicBoolean toldStopped = new AtomicBoolean();

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show the full trace of an error.")
    private boolean verbose;

    @Option(names = "--config", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = {"The configuration directory (application.yml, kpis.yml, targets.yml, ...).",
                    "Default: KPI_CONFIG, else $KPI_HOME/config, else ./config."})
    private Path config;

    private volatile boolean stopping;
    /** Set by a command that stops by itself (see {@link #startStoppableContext}): what asks it to stop. */
    private volatile Runnable stopBy;
    private volatile ConfigurableApplicationContext context;
    /** The context while it starts, before {@link #context} is set. */
    private volatile ConfigurableApplicationContext starting;
    private final CountDownLatch ended = new CountDownLatch(1);
    private Thread stopHook;

    RootCommand(List<String> properties, PrintWriter out, PrintWriter err) {
        this.properties = properties;
        this.out = out;
        this.err = err;
    }

    /** Whether the JVM is shutting down (Ctrl-C, SIGTERM): failures then are its consequence, not their own. */
    boolean stopping() {
        return stopping;
    }

    /** Whether the command stops by itself on Ctrl-C or SIGTERM, leaving work that the same command resumes. */
    boolean resumable() {
        return stopBy != null;
    }

    /**
     * How a command that stops by itself is asked to; called at once when the process is stopping already.
     * Call it right after {@link #startStoppableContext}.
     */
    void stopBy(Runnable request) {
        stopBy = request;
        if (stopping) {
            request.run();
        }
    }

    boolean verbose() {
        return verbose;
    }

    PrintWriter out() {
        return out;
    }

    /**
     * The configuration directory this command reads, as start-up finds it: {@code --config}, then
     * {@code KPI_CONFIG}, {@code $KPI_HOME/config} and {@code ./config}.
     */
    ConfigDirectory configuration() {
        return ConfigDirectory.of(settings(false));
    }

    /** Prints the one line that names the configuration read, first thing a command that reads it prints. */
    void announceConfiguration() {
        out.println(configuration().describe());
        out.flush();
    }

    /**
     * Starts the application context: configuration, database (embedded or external), migrations. Ctrl-C or
     * SIGTERM closes it under the command, whose transaction the database rolls back, and ends the process
     * within {@link #QUICK_STOP} with the line {@link #STOPPED}.
     */
    ConfigurableApplicationContext startContext() {
        return startContext(Stop.QUICK);
    }

    /**
     * Starts the context for a command that runs until it is stopped ({@code schedule}): on Ctrl-C or SIGTERM
     * Spring's shutdown hook closes it, and closing waits for the work under way.
     */
    ConfigurableApplicationContext startContextClosedOnShutdown() {
        return startContext(Stop.BY_CONTEXT);
    }

    /**
     * Starts the context for a command that stops by itself on Ctrl-C or SIGTERM ({@code run}): instead of
     * Spring closing the context, and with it the database, under the command, the JVM's shutdown hook asks the
     * command to stop ({@link #stopBy}) and waits for it to end, at most {@link #STOP_WAIT}: the message being
     * sent is sent and recorded, and the command prints what it did. Only a command still busy after that has
     * its context closed under it, as every other command has at once.
     */
    ConfigurableApplicationContext startStoppableContext() {
        return startContext(Stop.BY_COMMAND);
    }

    /**
     * Prints {@link #STOPPED} unless it has been printed: the command's failure handler and the shutdown hook
     * may both get there, and whoever is first tells the user.
     */
    void tellStopped() {
        if (toldStopped.compareAndSet(false, true)) {
            err.println(STOPPED);
            err.flush();
        }
    }

    /**
     * The command has ended and printed its last line: a stopping JVM may exit now. Otherwise its shutdown hook is
     * removed, so that commands run one after another in one JVM (the tests) leave none behind.
     */
    void ended() {
        ended.countDown();
        if (stopHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and sees the countdown
            }
        }
    }

    /**
     * Starts the settings alone ({@link SettingsOnly}): every configuration record bound and checked, without a
     * database. About a second, and possible while another process holds the embedded database.
     */
    ConfigurableApplicationContext startSettings() {
        return new SpringApplication(SettingsOnly.class).run(settings(true).toArray(String[]::new));
    }

    /** The settings of the command line, with --config as kpi.config and, unless verbose, quiet logging. */
    private List<String> settings(boolean quiet) {
        List<String> args = new ArrayList<>(properties);
        if (config != null) {
            args.removeIf(arg -> arg.startsWith("--" + ConfigDirectory.SETTING + "="));
            args.add("--" + ConfigDirectory.SETTING + "=" + config);
        }
        if (quiet && !verbose) {
            // Failures reach the user as one line from Cli; Spring's own report would repeat them.
            args.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
            args.add("--logging.level.org.springframework.boot.diagnostics=OFF");
            args.add("--logging.level.org.springframework.context=ERROR");
            // A failed step reaches the user through ReportRunner's message; Batch's own trace would repeat it.
            args.add("--logging.level.org.springframework.batch.core.step.AbstractStep=OFF");
            // So does a run whose database died: Batch's, the transactions', the pool's and the server process's
            // own accounts of it (each with its trace) would bury the one line that says what was delivered.
            args.add("--logging.level.org.springframework.batch=OFF");
            args.add("--logging.level.org.springframework.transaction=OFF");
            args.add("--logging.level.com.zaxxer.hikari=OFF");
            args.add("--logging.level.ch.vorburger.exec.ManagedProcess=OFF");
        }
        return args;
    }

    /** Starts the context as {@code stop} says a stop is handled, then names the configuration read. */
    private ConfigurableApplicationContext startContext(Stop stop) {
        List<String> args = settings(true);
        stopHook = new Thread(() -> {
            stopping = true;
            switch (stop) {
                case BY_COMMAND -> stopCommand();
                case QUICK -> stopQuickly();
                case BY_CONTEXT -> { }
            }
        }, "stop-notice");
        Runtime.getRuntime().addShutdownHook(stopHook);
        SpringApplication application = new SpringApplication(KpiPipelineApplication.class);
        application.setRegisterShutdownHook(stop == Stop.BY_CONTEXT);
        application.addInitializers(created -> starting = created);
        context = application.run(args.toArray(String[]::new));
        announceConfiguration();
        return context;
    }

    /**
     * In the shutdown hook: closes the context under the command (the pool's connections are aborted, so the
     * database rolls back their transactions, and the embedded server is asked to stop), gives the command until
     * {@link #QUICK_STOP} to end and print its line, and prints it otherwise. Closing goes on in a thread of its
     * own that the JVM does not wait for: a server rolling back a large transaction takes minutes to stop, and
     * finishes that without this process. A context that is still starting (migrating the schema) is left to
     * finish its start and then closed, however long that takes.
     */
    private void stopQuickly() {
        ConfigurableApplicationContext started = context;
        if (started == null && starting != null) {
            // Still starting: a schema migration cut off half-way stays half-done (MySQL commits each DDL
            // statement), so the start finishes first; closing waits for it, then stops the server cleanly.
            starting.close();
        }
        long deadline = System.nanoTime() + QUICK_STOP.toNanos();
        if (started != null) {
            try {
                started.getBeanProvider(EmbeddedMariaDb.class).ifAvailable(EmbeddedMariaDb::requestStop);
            } catch (IllegalStateException closed) {
                // the command has closed its context already, and the server with it
            }
            Thread closing = new Thread(started::close, "stop-context");
            closing.setDaemon(true);
            closing.start();
        }
        try {
            if (ended.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return; // the command has printed its last line, the stop's or its own
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tellStopped();
    }

    /** In the shutdown hook: asks the command to stop and waits for it to end; closes the context after STOP_WAIT. */
    private void stopCommand() {
        Runnable request = stopBy;
        if (request != null) {
            request.run();
        }
        out.println("Stopping: the step under way finishes, a message under way is delivered and recorded, then the run"
                + " stops (at most " + STOP_WAIT.toMinutes() + " min) …");
        out.flush();
        try {
            if (!ended.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS) && context != null) {
                out.println("Still running after " + STOP_WAIT.toMinutes() + " min: stopping it now. Run the same"
                        + " command again to finish it.");
                out.flush();
                context.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Missing command: try 'demo', or --help for all commands.");
    }
}
