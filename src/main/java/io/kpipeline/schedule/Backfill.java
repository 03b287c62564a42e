package io.kpipeline.schedule;

import io.kpipeline.delivery.DeliveryOptions;
import io.kpipeline.delivery.DeliveryReport;
import io.kpipeline.job.ReportRunner;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportablePeriods;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.period.ReviewCycle;
import io.kpipeline.report.ReportSettings;
import io.kpipeline.system.KpiException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Runs a report for every period of a range, oldest first. Periods that have completed before are
 * skipped unless asked to run them again; the first period that fails stops the backfill. A period
 * whose delivery is held does not stop it: the summary names the held periods.
 */
@Component
public class Backfill {

    private final ReportRunner runner;
    private final CompletedPeriods completed;
    private final ReportSettings reports;
    private final ReportablePeriods reportable;

    Backfill(ReportRunner runner, CompletedPeriods completed, ReportSettings reports, ReportablePeriods reportable) {
        this.runner = runner;
        this.completed = completed;
        this.reports = reports;
        this.reportable = reportable;
    }

    /**
     * One period done: {@code run} is 0 when it was skipped as complete; {@code delivery} is null
     * then, else what the run delivered.
     */
    public record Done(int index, int total, ReportingPeriod period, long run, Duration took, Duration left,
            DeliveryReport delivery) {

        public boolean skipped() {
            return run == 0;
        }
    }

    /** @param held the periods run whose delivery the freshness gate held, oldest first */
    public record Summary(int ran, int skipped, Duration took, List<ReportingPeriod> held) {
    }

    /**
     * Needs neither settings nor database, so that a backfill refuses a wrong range before anything starts.
     *
     * @throws KpiException (configuration) when an end is not a period of the report's kind, or the range is empty
     */
    public static void requireKind(ReportKind report, ReportingPeriod from, ReportingPeriod to) {
        for (var end : List.of(from, to)) {
            if (end.kind() != report.periodKind()) {
                throw KpiException.configuration(end.id() + " is not a period of the " + report.key()
                        + " report; write " + example(report) + ".");
            }
        }
        if (to.start().isBefore(from.start())) {
            throw KpiException.configuration("--from " + from.id() + " is after --to " + to.id()
                    + "; give the earlier period first.");
        }
    }

    /**
     * The periods from {@code from} to {@code to}, both included: weeks, months, quarters, years or review cycles.
     *
     * @throws KpiException (configuration) when the range is empty or a period is not one of the report's
     */
    public List<ReportingPeriod> range(ReportKind report, ReportingPeriod from, ReportingPeriod to) {
        requireKind(report, from, to);
        for (var end : List.of(from, to)) {
            ReviewCycle cycle = reports.review().cycle();
            if (report == ReportKind.REVIEW && !cycle.isCycle(end)) {
                throw KpiException.configuration(end.id() + " is not a review cycle: cycles run 30 days from "
                        + cycle.start() + " (kpi.reports.review.cycle-start), e.g. " + cycle.containing(
                                end.last().isBefore(cycle.start()) ? cycle.start() : end.last()).id() + ".");
            }
        }
        List<ReportingPeriod> periods = new ArrayList<>();
        for (ReportingPeriod p = to; !p.start().isBefore(from.start()); p = p.previous()) {
            periods.add(0, p);
        }
        return periods;
    }

    /**
     * Refuses a range that holds periods no report may cover yet: periods that have not ended, and periods
     * without any data (kpi-vocabulary.md, "Periods"). Backfill fills in history; a preliminary report of a
     * period is a matter for {@code run --preliminary}, one period at a time.
     *
     * @throws KpiException (configuration) naming the periods and what to do
     */
    public void requireReportable(ReportKind report, List<ReportingPeriod> periods) {
        LocalDate today = reportable.today();
        List<ReportingPeriod> without = new ArrayList<>();
        for (ReportingPeriod period : periods) {
            if (!period.hasEnded(today)) {
                throw KpiException.configuration(reportable.refusal(period).orElseThrow().message()
                        + " End the range with --to " + runner.latestComplete(report, today).id()
                        + " or earlier; `kpi-pipeline run " + report.key() + " --period " + period.id()
                        + " --preliminary` gives a preliminary report.");
            }
            if (!reportable.hasData(period)) {
                without.add(period);
            }
        }
        if (!without.isEmpty()) {
            throw KpiException.configuration((without.size() == 1 ? reportable.refusal(without.get(0)).orElseThrow()
                    .message() : without.size() + " periods of the range have no data (" + ReportingPeriod.ids(without) + "): "
                            + reportable.holdings()) + " Give a range the data covers, or load the missing data first.");
        }
    }

    /**
     * Runs the periods in order, reporting each to {@code progress}.
     *
     * @throws KpiException when a period fails, saying where the backfill stopped and how to resume it
     */
    public Summary run(ReportKind report, List<ReportingPeriod> periods, boolean rerun, DeliveryOptions delivery,
            Consumer<Done> progress) {
        Set<ReportingPeriod> done = rerun ? Set.of() : completed.periods(report);
        long started = System.nanoTime();
        long runNanos = 0;
        int ran = 0;
        int skipped = 0;
        List<ReportingPeriod> held = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            ReportingPeriod period = periods.get(i);
            if (done.contains(period)) {
                skipped++;
                progress.accept(new Done(i + 1, periods.size(), period, 0, Duration.ZERO, left(runNanos, ran, periods, i, done),
                        null));
                continue;
            }
            long t0 = System.nanoTime();
            ReportRunner.Outcome outcome;
            try {
                outcome = runner.run(report, period, runner.defaultFolder(report, period), delivery);
            } catch (KpiException e) {
                throw new KpiException("Backfill stopped at " + period.id() + " (" + (i + 1) + " of " + periods.size()
                        + "; " + ran + " run, " + skipped + " skipped before it): " + e.getMessage()
                        + " Resume with: kpi-pipeline backfill " + report.key() + " --from " + period.id() + " --to "
                        + periods.get(periods.size() - 1).id() + (rerun ? " --rerun" : "")
                        + (delivery.mail() ? " --mail" : "") + (delivery.force() ? " --force" : ""), e);
            }
            long took = System.nanoTime() - t0;
            runNanos += took;
            ran++;
            if (outcome.delivery() != null && outcome.delivery().isHeld()) {
                held.add(period); // the backfill goes on: the data of a later period may well be there
            }
            progress.accept(new Done(i + 1, periods.size(), period, outcome.run(), Duration.ofNanos(took),
                    left(runNanos, ran, periods, i, done), outcome.delivery()));
        }
        return new Summary(ran, skipped, Duration.ofNanos(System.nanoTime() - started), List.copyOf(held));
    }

    /** The mean time of the periods run so far, times the periods still to run. */
    private static Duration left(long runNanos, int ran, List<ReportingPeriod> periods, int index,
            Set<ReportingPeriod> done) {
        if (ran == 0) {
            return null;
        }
        long toRun = periods.subList(index + 1, periods.size()).stream().filter(p -> !done.contains(p)).count();
        return Duration.ofNanos(runNanos / ran * toRun);
    }

    private static String example(ReportKind report) {
        return switch (report) {
            case WEEKLY -> "ISO weeks like 2026-W40";
            case MONTHLY -> "months like 2026-01";
            case QUARTERLY -> "quarters like 2026-Q1";
            case YEARLY -> "years like 2025";
            case REVIEW -> "review cycles like 30d:2026-02-03 (the cycle's last day)";
        };
    }
}
