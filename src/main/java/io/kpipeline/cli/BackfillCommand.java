package io.kpipeline.cli;

import io.kpipeline.delivery.DeliveryOptions;
import io.kpipeline.delivery.DeliveryReport;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.schedule.Backfill;
import io.kpipeline.system.KpiException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Runs a report for every period from --from to --to, oldest first, as run would.",
                "Each period gets its results and PDFs. Periods already complete are skipped unless --rerun"
                        + " is given. The first period that fails stops the backfill; the message says how to"
                        + " resume it.",
                "Nothing is delivered unless --mail is given: the periods are history, and their recipients"
                        + " should not find a pile of old reports by surprise. With --mail each period is"
                        + " delivered like run does, once per recipient (the delivery ledger): mailed, or written"
                        + " to the outbox when no spring.mail.host is set. Each period's line says what was"
                        + " delivered. --no-mail is the default and is still accepted.",
                "Exit status 1 when a period failed or a period's delivery was held (the backfill goes on"
                        + " through the range; the last line names the held periods).",
                "A range with a period that has not ended, or has no data, is refused (exit status 2) before"
                        + " any period runs: backfill fills in history and has no --preliminary. For a"
                        + " preliminary report of a running period use run --preliminary."})
final class BackfillCommand implements Callable<Integer> {

    @ParentCommand
    private RootCommand root;

    @Parameters(index = "0", paramLabel = "REPORT", description = "weekly, monthly, quarterly, yearly or review.")
    private ReportKind report;

    @Option(names = "--from", required = true, paramLabel = "P",
            description = "The first period: 2026-W10, 2026-01, 2026-Q1, 2025, or for the review a cycle's"
                    + " last day, 30d:2026-02-03.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "P", description = "The last period, included.")
    private String to;

    @Option(names = "--rerun", description = "Run periods that completed before again too (a new run of each).")
    private boolean rerun;

    @Option(names = "--mail", description = "Deliver each period run: mail it to its recipients, or write it to"
            + " the outbox when no spring.mail.host is set.")
    private boolean mail;

    @Option(names = "--no-mail", description = "Deliver nothing: the default, accepted for scripts written when"
            + " backfill delivered by default.")
    private boolean noMail;

    @Option(names = "--force", description = "With --mail: deliver although a period's source data looks incomplete"
            + " (kpi.delivery.freshness).")
    private boolean force;

    @Override
    public Integer call() {
        if (mail && noMail) {
            throw KpiException.configuration("--mail and --no-mail contradict each other: give --mail to deliver"
                    + " the periods, or neither to deliver nothing.");
        }
        ReportingPeriod first = PeriodOption.parse("--from", from);
        ReportingPeriod last = PeriodOption.parse("--to", to);
        Backfill.requireKind(report, first, last); // before the database starts: a usage error is found at once
        PrintWriter out = root.out();
        try (var context = root.startContext()) {
            Backfill backfill = context.getBean(Backfill.class);
            List<ReportingPeriod> periods = backfill.range(report, first, last);
            backfill.requireReportable(report, periods);
            out.printf("Backfill %s: %d periods, %s to %s%n", report.key(), periods.size(), first.id(), last.id());
            out.flush();
            var summary = backfill.run(report, periods, rerun, new DeliveryOptions(mail, false, force), done -> {
                String width = "%" + String.valueOf(done.total()).length() + "d";
                out.printf("[" + width + "/%d] %-14s %s%n", done.index(), done.total(), done.period().id(),
                        done.skipped() ? "already complete, skipped, nothing delivered"
                                + (done.left() == null ? "" : left(done.left()))
                                : String.format(Locale.ROOT, "run %d in %s%s; %s", done.run(), seconds(done.took()),
                                        left(done.left()), delivered(done.delivery())));
                out.flush();
            });
            out.printf("Backfill %s %s..%s done: %d run, %d skipped as complete%s, in %s.%s%n", report.key(), first.id(),
                    last.id(), summary.ran(), summary.skipped(), summary.skipped() > 0 ? " (--rerun runs them)" : "",
                    seconds(summary.took()), mail || summary.ran() == 0 ? "" : " Nothing was delivered; `kpi-pipeline"
                            + " backfill " + report.key() + " --from " + first.id() + " --to " + last.id()
                            + " --rerun --mail` delivers the periods.");
            out.flush();
            if (!summary.held().isEmpty()) {
                throw new KpiException(held(report, summary.held())); // exit status 1, as run when held
            }
            return 0;
        }
    }

    /** The one line for periods whose delivery was held: which, and the command that delivers them. */
    static String held(ReportKind report, List<ReportingPeriod> held) {
        String ids = ReportingPeriod.ids(held);
        String again = "kpi-pipeline backfill " + report.key() + " --from " + held.get(0).id() + " --to "
                + held.get(held.size() - 1).id() + " --rerun --mail";
        return "The delivery of " + held.size() + (held.size() == 1 ? " period" : " periods") + " was"
                + " held because the source data looks incomplete (" + ids + "). Load the missing data and run `"
                + again + "`, or deliver them as they are with `" + again + " --force`.";
    }

    /** What the period's run delivered: "not delivered (add --mail)", "2 written to the outbox", "3 sent". */
    private String delivered(DeliveryReport delivery) {
        if (!mail) {
            return "not delivered (add --mail)";
        }
        return delivery == null ? "nothing delivered" : delivery.brief();
    }

    private static String left(Duration left) {
        return left == null || left.isZero() ? "" : ", about " + seconds(left) + " left";
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s >= 120 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
