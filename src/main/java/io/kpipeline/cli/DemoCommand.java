package io.kpipeline.cli;

import io.kpipeline.job.ReportRunner;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.system.EmbeddedMariaDb;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Shows the pipeline at work on demo data.",
                "Prepares the database (the embedded one unless spring.datasource.url is set), generates",
                "demo data from 1 January of last year if it holds none, prints what it holds, and runs the weekly, monthly",
                "and review reports for the latest complete periods and delivers them: without spring.mail.host",
                "the messages land as .eml files in $KPI_HOME/outbox/. Later runs reuse the data.",
                "The quarterly and yearly management reports run with run quarterly and run yearly."})
final class DemoCommand implements Callable<Integer> {

    /** The reports the demo runs: those whose periods its 15 months of data cover many times over. */
    private static final List<ReportKind> REPORTS = List.of(ReportKind.WEEKLY, ReportKind.MONTHLY, ReportKind.REVIEW);

    @ParentCommand
    private RootCommand root;

    @Override
    public Integer call() {
        PrintWriter out = root.out();
        try (var context = root.startContext()) {
            context.getBeanProvider(EmbeddedMariaDb.class).ifAvailable(server ->
                    out.println("Database: embedded MariaDB in " + server.directory()));
            TableCounts tables = context.getBean(TableCounts.class);
            if (tables.allEmpty()) {
                LocalDate today = LocalDate.now(context.getBean(Clock.class));
                out.println("The database is empty; generating demo data up to " + today + " …");
                out.flush();
                GenerateCommand.report(out,
                        GenerateCommand.generateIntoDatabase(context, GenerateCommand.demoSettings(today)),
                        "into the database");
            } else {
                out.println("Using the data already in the database (delete the database to start over).");
            }
            out.println("Rows per table:");
            TableSummary.print(out, tables.count());
            LocalDate today = LocalDate.now(context.getBean(Clock.class));
            out.println("Reports (the PDFs and kpi-results.csv of the latest complete periods):");
            for (ReportKind report : REPORTS) {
                ReportRunner runner = context.getBean(ReportRunner.class);
                ReportingPeriod period = runner.latestComplete(report, today);
                Path folder = runner.defaultFolder(report, period);
                var outcome = runner.run(report, period, folder);
                out.printf("%-8s %-15s %s%n", report.key(), period.id(), folder);
                out.println("         " + files(folder, outcome.rendered()));
                out.println("         " + outcome.delivery().summary());
            }
            out.println("The quarterly and yearly management reports: run quarterly, run yearly (see run --help).");
            return 0;
        }
    }

    /** {@code weekly-report.pdf, 6 personal reports in reps/, kpi-results.csv} */
    private static String files(Path folder, List<RenderedPdf> rendered) {
        List<String> names = new ArrayList<>();
        rendered.stream().filter(pdf -> !pdf.isPersonal())
                .forEach(pdf -> names.add(folder.toAbsolutePath().relativize(Path.of(pdf.file())).toString()));
        List<RenderedPdf> personal = rendered.stream().filter(RenderedPdf::isPersonal).toList();
        if (!personal.isEmpty()) {
            names.add(personal.size() + " personal reports in "
                    + folder.toAbsolutePath().relativize(Path.of(personal.get(0).file()).getParent()) + "/");
        }
        names.add("kpi-results.csv");
        return String.join(", ", names);
    }
}
