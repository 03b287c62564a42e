package io.kpipeline.cli;

import io.kpipeline.delivery.DeliveryOptions;
import io.kpipeline.delivery.DeliveryReport;
import io.kpipeline.period.ReportKind;
import io.kpipeline.job.ReportRunner;
import io.kpipeline.job.ReportRunner.Outcome;
import io.kpipeline.period.ReportablePeriods;
import io.kpipeline.period.ReportablePeriods.Reason;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.system.KpiException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
        description = {"Computes a report's KPIs for a period, compares and evaluates them, writes the results"
                + " and the report's PDFs, and mails them.",
                "Into the output folder go kpi-results.csv, one row per KPI and breakdown value, and the PDFs:"
                        + " weekly writes weekly-report.pdf and, in reps/, a personal report for every active"
                        + " sales rep with data in the week; monthly, quarterly and yearly write"
                        + " management-report.pdf; review writes review-report.pdf.",
                "The settings kpi.reports.<report>.file name them otherwise. Running a period again replaces its"
                        + " files.",
                "The mail goes to the report's recipients (kpi.reports.<report>.recipients), each once: a run"
                        + " again sends only what has not been sent.",
                "A period that has not ended, or has no data, is refused (exit status 2) unless --preliminary is"
                        + " given. Exit status 1 when a message could not be delivered or the delivery was held.",
                "Ctrl-C or SIGTERM stops the run after the step under way (a message being sent is sent and"
                        + " recorded); the same command again resumes it and sends only what is missing."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Parameters(index = "0", paramLabel = "REPORT", description = "weekly, monthly, quarterly, yearly or review.")
    private ReportKind report;

    @Option(names = "--period", paramLabel = "P", description = {"2026-W44 (weekly), 2026-10 (monthly), 2026-Q3"
            + " (quarterly), 2025 (yearly) or 30d:2026-10-31 (review, the cycle's last day).",
            "Default: the latest complete one (with --preliminary: the one running today). Review cycles run"
                    + " every 30 days from kpi.reports.review.cycle-start."})
    private String period;

    @Option(names = "--preliminary", description = {"Report a period that has not ended, or has no data yet,"
            + " with the data up to today.",
            "Every output says so: the PDFs, the mail (\"(vorläufig)\") and the folder <period>-preliminary."
                    + " It does not count as the period's report: the scheduler and backfill still run the"
                    + " period, and its final report is mailed as usual."})
    private boolean preliminary;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default:"
            + " $KPI_HOME/reports/<report>/<period>/ (<period>-preliminary/ for a preliminary report).")
    private Path out;

    @Option(names = "--no-mail", description = "Do not deliver the report by mail.")
    private boolean noMail;

    @Option(names = "--resend", description = "Send again to recipients who already received this period's report.")
    private boolean resend;

    @Option(names = "--force", description = "Deliver although the period's source data looks incomplete"
            + " (kpi.delivery.freshness).")
    private boolean force;

    @Override
    public Integer call() {
        ReportingPeriod chosen = period == null ? null : PeriodOption.parse("--period", period);
        if (chosen != null) {
            ReportRunner.requireKind(report, chosen); // before the database starts: a usage error is found at once
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw KpiException.configuration("--out " + out + " is a file, not a folder. Give a folder for the"
                    + " report's files (it is created when missing).");
        }
        try (var context = root.startStoppableContext()) {
            ReportRunner runner = context.getBean(ReportRunner.class);
            root.stopBy(runner::stop);
            ReportablePeriods reportable = context.getBean(ReportablePeriods.class);
            LocalDate today = reportable.today();
            ReportingPeriod p = chosen != null ? chosen
                    : preliminary ? runner.current(report, today) : runner.latestComplete(report, today);
            LocalDate upTo = null;
            if (preliminary) {
                upTo = preliminaryUpTo(reportable, p);
            } else {
                reportable.refusal(p).ifPresent(refusal -> {
                    throw KpiException.configuration(refusal.message() + (refusal.reason() == Reason.NOT_ENDED
                            ? " Add --preliminary for a preliminary report with the data up to today."
                            : " Load the period's data (import --dir), or add --preliminary for a preliminary"
                                    + " report without it."));
                });
            }
            Path folder = out != null ? out : preliminary ? runner.preliminaryFolder(report, p)
                    : runner.defaultFolder(report, p);
            PrintWriter o = root.out();
            DeliveryOptions options = new DeliveryOptions(!noMail, resend, force);
            Outcome outcome;
            try {
                outcome = preliminary ? runner.runPreliminary(report, p, upTo, folder, options)
                        : runner.run(report, p, folder, options);
            } catch (ReportRunner.RunFailed failed) {
                print(o, failed.outcome().delivery());
                throw failed;
            }
            o.println(outcome.steps().stream()
                    .map(s -> String.format(Locale.ROOT, "%s %.1f s%s", s.step(), s.duration().toMillis() / 1000.0,
                            s.reused() > 0 ? String.format(Locale.ROOT, " (%,d stored computations reused)",
                                    s.reused()) : ""))
                    .collect(Collectors.joining(", ")));
            if (preliminary) {
                o.printf("Preliminary %s report %s with the data up to %s, not the final report (run %d): %s%n",
                        report.key(), p.id(), upTo, outcome.run(), folder.resolve("kpi-results.csv").toAbsolutePath());
            } else {
                o.printf("%s report %s (run %d): %s%n", capitalized(report.key()), p.id(), outcome.run(),
                        folder.resolve("kpi-results.csv").toAbsolutePath());
            }
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

    /**
     * The last day of data of a preliminary report; a period that has ended and holds data has its final
     * report instead, so --preliminary is refused for it.
     */
    private static LocalDate preliminaryUpTo(ReportablePeriods reportable, ReportingPeriod p) {
        if (reportable.refusal(p).isEmpty()) {
            throw KpiException.configuration(p.id() + " has ended and holds data: its report is the final one."
                    + " Run it without --preliminary.");
        }
        return reportable.preliminaryUpTo(p);
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
            delivery.printed().forEach(o::println);
            o.println(delivery.summary());
        }
        o.flush();
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
