package io.kpipeline.cli;

import io.kpipeline.KpiPipelineApplication;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
                BackfillCommand.class},
        footer = {"", "Settings: an option with a dot in its name sets the setting of that name in",
                "config/application.yml for this run, e.g. --kpi.home=/srv/kpi or",
                "--spring.datasource.url=jdbc:mysql://db:3306/kpi. The environment variable",
                "KPI_HOME sets kpi.home too (default ./var).",
                "", "Exit status: 0 success, 1 failure, 2 usage or configuration error."})
final class RootCommand implements Runnable {

    private final List<String> properties;
    private final PrintWriter out;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show the full trace of an error.")
    private boolean verbose;

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

    /** Starts the application context: configuration, database (embedded or external), migrations. */
    ConfigurableApplicationContext startContext() {
        List<String> args = new ArrayList<>(properties);
        if (!verbose) {
            // Failures reach the user as one line from Cli; Spring's own report would repeat them.
            args.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
            args.add("--logging.level.org.springframework.boot.diagnostics=OFF");
            args.add("--logging.level.org.springframework.context=ERROR");
            // A failed step reaches the user through ReportRunner's message; Batch's own trace would repeat it.
            args.add("--logging.level.org.springframework.batch.core.step.AbstractStep=OFF");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "stop-notice"));
        SpringApplication application = new SpringApplication(KpiPipelineApplication.class);
        return application.run(args.toArray(String[]::new));
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Missing command: try 'demo', or --help for all commands.");
    }
}
