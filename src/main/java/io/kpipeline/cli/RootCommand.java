package io.kpipeline.cli;

import io.kpipeline.KpiPipelineApplication;
import io.kpipeline.SettingsOnly;
import io.kpipeline.system.ConfigDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "kpi-pipeline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"KPI reports for B2B sales and marketing teams.", ""},
        subcommands = {DemoCommand.class, RunCommand.class, ImportCommand.class, GenerateCommand.class,
                TablesCommand.class, KpisCommand.class, CheckConfigCommand.class, ScheduleCommand.class,
                BackfillCommand.class},
        footer = {"", "Configuration: the files of --config DIR, else of KPI_CONFIG, else of",
                "$KPI_HOME/config, else of ./config; a file the directory lacks is the one",
                "shipped in the jar. Every command but tables names the directory it reads first.",
                "Settings: an option with a dot in its name is a setting as in",
                "config/application.yml, e.g. --kpi.home=/srv/kpi or",
                "--spring.datasource.url=jdbc:mysql://db:3306/kpi",
                "KPI_HOME sets --kpi.home too (default ./var).",
                "", "Exit status: 0 success, 1 failure, 2 usage or configuration error."})
final class RootCommand implements Runnable {

    private final List<String> properties;
    private final PrintWriter out;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show the full trace of an error.")
    private boolean verbose;

    @Option(names = "--config", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = {"The configuration directory (application.yml, kpis.yml, targets.yml, ...).",
                    "Default: KPI_CONFIG, else $KPI_HOME/config, else ./config."})
    private Path config;

    private volatile boolean stopping;

    RootCommand(List<String> properties, PrintWriter out) {
        this.properties = properties;
        this.out = out;
    }

    /** Whether the JVM is shutting down (Ctrl-C): failures then are its consequence, not their own. */
    boolean stopping() {
        return stopping;
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
     * Starts the application context: configuration, database (embedded or external), migrations; then names the
     * configuration read.
     */
    ConfigurableApplicationContext startContext() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "stop-notice"));
        ConfigurableApplicationContext context = start(KpiPipelineApplication.class);
        announceConfiguration();
        return context;
    }

    /**
     * Starts the settings alone ({@link SettingsOnly}): every configuration record bound and checked, without a
     * database. About a second, and possible while another process holds the embedded database.
     */
    ConfigurableApplicationContext startSettings() {
        return start(SettingsOnly.class);
    }

    private ConfigurableApplicationContext start(Class<?> source) {
        return new SpringApplication(source).run(settings(true).toArray(String[]::new));
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
        }
        return args;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Missing command: try 'demo', or --help for all commands.");
    }
}
