package io.kpipeline.cli;

import io.kpipeline.generate.CsvSink;
import io.kpipeline.generate.DatabaseSink;
import io.kpipeline.generate.DemoDataGenerator;
import io.kpipeline.generate.GenerationReport;
import io.kpipeline.generate.GeneratorSettings;
import io.kpipeline.generate.RowSink;
import io.kpipeline.model.TableCounts;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates synthetic data of a plausible B2B company, into the database or as CSV files.",
                "Every table of the data model, with funnel drop-off, seasonality, churn, costs and campaigns.",
                "The same settings and seed always give the same data."})
final class GenerateCommand implements Callable<Integer> {

    static final long DEFAULT_SEED = 42;

    @ParentCommand
    private RootCommand root;

    @Option(names = "--from", paramLabel = "DATE",
            description = "First day (yyyy-MM-dd). Default: 1 January of the year before --to.")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (yyyy-MM-dd). Default: today in kpi.zone.")
    private LocalDate to;

    @Option(names = "--leads", paramLabel = "N",
            description = {"Leads over the whole range; everything else scales with it.",
                    "Default: 8.4 a day (about 255 a month), the demo company's rate."})
    private Integer leads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DEFAULT_SEED,
            description = "Seed of the random numbers. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--csv", paramLabel = "DIR", description = "Write <table>.csv import files into DIR instead.")
    private Path csv;

    @Option(names = "--replace", description = {"Replace the CRM data already in the database. The old rows stay",
            "until the new ones are complete: a generation that is stopped leaves them as they were."})
    private boolean replace;

    @Override
    public Integer call() {
        requireSensibleOptions();
        if (csv != null) {
            // files only: the settings (kpi.zone for today) suffice, and no database is started
            try (var context = root.startSettings()) {
                root.announceConfiguration();
                try (RowSink sink = new CsvSink(csv)) {
                    report(root.out(), generate(context, settings(context), sink), "into " + csv.toAbsolutePath());
                }
                return 0;
            }
        }
        try (var context = root.startContext()) {
            GeneratorSettings settings = settings(context);
            boolean holdsData = !context.getBean(TableCounts.class).allEmpty();
            if (holdsData && !replace) {
                throw KpiException.configuration("The database already holds data. Use --replace to delete it"
                        + " and generate anew, or --csv DIR to write import files.");
            }
            // The old rows are deleted in the transaction that loads the new ones: a replace that is stopped
            // keeps them.
            report(root.out(), generateIntoDatabase(context, settings, holdsData), "into the database");
            return 0;
        }
    }

    /** Options that can never give data are usage errors (exit status 2), found before anything starts. */
    private void requireSensibleOptions() {
        if (leads != null && leads < 1) {
            throw KpiException.configuration("--leads " + leads + " is not a number of leads; give 1 or more.");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw KpiException.configuration("--to " + to + " lies before --from " + from
                    + "; give the first day as --from.");
        }
    }

    /** The days and leads of the options, the defaults read from today in kpi.zone. */
    private GeneratorSettings settings(ApplicationContext context) {
        LocalDate last = to != null ? to : LocalDate.now(context.getBean(Clock.class));
        LocalDate first = from != null ? from : last.withDayOfYear(1).minusYears(1);
        GeneratorSettings window = GeneratorSettings.reference(first, last, seed);
        return leads == null ? window : new GeneratorSettings(window.from(), window.to(), leads, seed);
    }

    /** The demo's data set: the defaults of this command up to {@code today}. */
    static GeneratorSettings demoSettings(LocalDate today) {
        return GeneratorSettings.demo(today, DEFAULT_SEED);
    }

    static GenerationReport generateIntoDatabase(ApplicationContext context, GeneratorSettings settings) {
        return generateIntoDatabase(context, settings, false);
    }

    private static GenerationReport generateIntoDatabase(ApplicationContext context, GeneratorSettings settings,
            boolean replace) {
        DataSource dataSource = context.getBean(DataSource.class);
        try (RowSink sink = replace ? DatabaseSink.replacing(dataSource) : DatabaseSink.open(dataSource)) {
            return generate(context, settings, sink);
        } catch (KpiException e) {
            throw e;
        } catch (Exception e) {
            throw new KpiException("Generating data failed: " + e.getMessage(), e);
        }
    }

    static void report(PrintWriter out, GenerationReport report, String where) {
        out.printf(Locale.ROOT, "Generated %,d rows %s in %.1f s (%,d rows/s).%n", report.totalRows(), where,
                report.seconds(), report.rowsPerSecond());
        out.flush();
    }

    private static GenerationReport generate(ApplicationContext context, GeneratorSettings settings, RowSink sink) {
        Progress progress = Progress.onTerminal("generate", settings.days());
        try {
            return context.getBean(DemoDataGenerator.class).generate(settings, sink, progress);
        } finally {
            progress.finish();
        }
    }
}
