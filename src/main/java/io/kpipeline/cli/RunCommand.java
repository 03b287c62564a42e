package io.kpipeline.cli;

import io.kpipeline.delivery.DeliveryOptions;
import io.kpipeline.delivery.DeliveryReport;
import io.kpipeline.job.ReportKind;
import io.kpipeline.job.ReportRunner;
import io.kpipeline.job.ReportRunner.Outcome;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.system.KpiException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Computes a report's KPIs for a period, compares and evaluates them, and writes",
                "kpi-results.csv (one row per KPI and breakdown value) into the output folder.",
                "Running a period again replaces its results. Then mails the report to its recipients",
                "(kpi.reports.<report>.recipients), each once: a run again sends only what has not been sent.",
                "Exit status 1 when a message could not be delivered or the delivery was held."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Parameters(index = "0", paramLabel = "REPORT", description = "weekly, monthly, quarterly, yearly or review.")
    private ReportKind report;

    @Option(names = "--period", paramLabel = "P", description = {"2026-W44 (weekly), 2026-10 (monthly) or",
            "30d:2026-10-31 (review, the cycle's last day). Default: the latest",
            "complete one; review cycles run every 30 days from kpi.reports.review.cycle-start."})
    private String period;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder. Default: $KPI_HOME/reports/<report>/<period>/")
    private Path out;

    @Option(names = "--no-mail", description = "Do not deliver the report by mail.")
    private boolean noMail;

    @Option(names = "--resend", description = "Send again to recipients who already received this period's report.")
    private boolean resend;

    @Option(names = "--force", description = {"Deliver although the period's source data looks incomplete",
            "(kpi.delivery.freshness)."})
    private boolean force;

    @Override
    public Integer call() {
        ReportingPeriod chosen = period == null ? null : PeriodOption.parse("--period", period);
        try (var context = root.startContext()) {
            ReportRunner runner = context.getBean(ReportRunner.class);
            ReportingPeriod p = chosen != null ? chosen
                    : runner.latestComplete(report, LocalDate.now(context.getBean(Clock.class)));
            Path folder = out != null ? out : runner.defaultFolder(report, p);
            PrintWriter o = root.out();
            Outcome outcome;
            try {
                outcome = runner.run(report, p, folder, new DeliveryOptions(!noMail, resend, force));
            } catch (ReportRunner.RunFailed failed) {
                print(o, failed.outcome().delivery());
                throw failed;
            }
            o.println(outcome.steps().stream()
                    .map(s -> String.format(Locale.ROOT, "%s %.1f s", s.step(), s.duration().toMillis() / 1000.0))
                    .collect(Collectors.joining(", ")));
            o.printf("%s report %s (run %d): %s%n", capitalized(report.key()), p.id(), outcome.run(),
                    folder.resolve("kpi-results.csv").toAbsolutePath());
            printRendered(o, outcome);
            DeliveryReport delivery = outcome.delivery();
            print(o, delivery);
            if (delivery.isHeld()) {
                throw new KpiException("The " + report.key() + " report for " + p.id() + " was not delivered: held"
                        + " because " + delivery.held() + ". Load the missing data and run again, or deliver as it is"
                        + " with --force.");
            }
            return 0;
        }
    }

    /** The report's own PDFs by path; the personal ones as a count and their folder. */
    static void printRendered(PrintWriter o, Outcome outcome) {
        outcome.rendered().stream().filter(pdf -> !pdf.isPersonal()).forEach(pdf -> o.println("PDF: " + pdf.file()));
        List<RenderedPdf> personal = outcome.rendered().stream().filter(RenderedPdf::isPersonal).toList();
        if (!personal.isEmpty()) {
            o.printf("Personal reports: %d in %s%n", personal.size(), Path.of(personal.get(0).file()).getParent());
        }
    }

    private static void print(PrintWriter o, DeliveryReport delivery) {
        if (delivery != null) {
            delivery.lines().forEach(o::println);
            o.println(delivery.summary());
        }
        o.flush();
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
