package io.kpipeline.delivery;

import io.kpipeline.delivery.FreshnessQueries.Source;
import io.kpipeline.period.ReportKind;
import io.kpipeline.report.Edition;
import io.kpipeline.sync.SourceSettings;
import io.kpipeline.sync.SyncLedger;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.NeedsNoDatabase;
import io.kpipeline.system.Origins;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Holds a delivery while the period's source data looks incomplete. For each {@code table.column} of
 * {@code kpi.delivery.freshness.<report>.tables} it counts the rows of the period's last days (its last day
 * and the {@code quiet-days} before it; for a preliminary report its last day of data and those before it)
 * and compares them with the same days of each of the {@code reference-weeks} weeks before: they must hold
 * at least {@code min-share} of the median of those weeks, or as many as the quietest of them. Days that
 * typically hold nothing, a quiet weekend, need nothing. Only weeks inside the table's data count, so that
 * data that stopped weeks ago does not lower the median; a table without a row in all those weeks is
 * incomplete. Rows dated after today count for nothing (one such row once made any period look complete):
 * they are a data-quality problem of the source, named in the reason and in the delivery's summary. A source
 * database the scheduler syncs ({@code kpi.sources}) whose last successful sync ended before the end of the
 * period's last day holds the delivery too: that day's data cannot all be in.
 */
@Component
@NeedsNoDatabase
class FreshnessGate implements InitializingBean {

    /**
     * What the gate found.
     *
     * @param incomplete why the period's data looks incomplete, or null when it looks complete
     * @param future     the rows dated after today, or null when there are none
     */
    record Finding(String incomplete, String future) {

        static final Finding NONE = new Finding(null, null);

        boolean holds() {
            return incomplete != null;
        }

        /** The held message: what is missing, and the rows dated after today. */
        String reason() {
            return incomplete + (future == null ? "" : "; besides, " + future);
        }
    }

    private final DeliverySettings settings;
    private final ObjectProvider<FreshnessQueries> queries;
    private final Environment environment;
    private final Clock clock;
    private final SourceSettings sources;
    private final ObjectProvider<SyncLedger> syncs;

    /** The database is reached only when a delivery is checked; the settings are checked without it. */
    FreshnessGate(DeliverySettings settings, ObjectProvider<FreshnessQueries> queries, Environment environment,
            Clock clock, SourceSettings sources, ObjectProvider<SyncLedger> syncs) {
        this.settings = settings;
        this.queries = queries;
        this.environment = environment;
        this.clock = clock;
        this.sources = sources;
        this.syncs = syncs;
    }

    /** Entries that name no timestamp or date column of the model stop start-up. */
    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        settings.freshness().forEach((report, freshness) -> {
            String base = "kpi.delivery.freshness." + report + ".tables";
            if (ReportKind.byKey(report).isEmpty()) {
                problems.add("kpi.delivery.freshness." + report + " is not a report; use weekly, monthly, quarterly, yearly or review"
                        + Origins.of(environment, base + "[0]"));
            }
            for (int i = 0; i < freshness.tables().size(); i++) {
                String entry = freshness.tables().get(i);
                if (FreshnessQueries.source(entry).isEmpty()) {
                    problems.add(base + "[" + i + "] = " + entry + " is not a timestamp or date column of the data"
                            + " model; write table.column, e.g. lead.created_at (see the command tables)"
                            + Origins.of(environment, base + "[" + i + "]"));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw KpiException.configuration(String.join("; ", problems) + ".");
        }
    }

    /** Whether the edition's data looks complete by its report's settings. */
    Finding check(Edition edition) {
        return check(edition, settings.freshness(edition.report()));
    }

    /** Whether the edition's data looks complete by {@code freshness}. */
    Finding check(Edition edition, DeliverySettings.Freshness freshness) {
        LocalDate last = edition.documentDate();
        LocalDate first = last.minusDays(freshness.quietDays());
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        List<String> incomplete = new ArrayList<>();
        List<String> future = new ArrayList<>();
        for (String entry : freshness.tables()) {
            Source source = FreshnessQueries.source(entry).orElseThrow();
            judge(source, first, last, freshness).ifPresent(incomplete::add);
            FreshnessQueries.Later later = queries.getObject().rowsFrom(source, tomorrow);
            if (later.rows() > 0) {
                future.add(entry + " " + later.rows() + " (up to " + later.latest().toString().replace('T', ' ') + ")");
            }
        }
        if (!freshness.tables().isEmpty()) {
            incomplete.addAll(unsynced(last));
        }
        String days = first.equals(last) ? last.toString() : first + " to " + last;
        String which = edition.isPreliminary() ? "the preliminary report's last " + (first.equals(last)
                ? "day of data" : "days of data") : "the period's last " + (first.equals(last) ? "day" : "days");
        return new Finding(incomplete.isEmpty() ? null
                : "the source data of " + which + ", " + days + ", looks incomplete compared with the same days of"
                        + " the " + freshness.referenceWeeks() + " weeks before (at least " + percent(freshness.minShare())
                        + " of their median, or as many as the quietest of them had): " + String.join("; ", incomplete),
                future.isEmpty() ? null : "rows are dated after today, " + tomorrow.minusDays(1) + ", a data-quality"
                        + " problem of the source that does not count as data of the period: " + String.join(", ", future));
    }

    /**
     * The scheduled source databases ({@code kpi.sources}) whose last successful sync ended before the end of
     * {@code last}: the data of that day cannot all be in.
     */
    private List<String> unsynced(LocalDate last) {
        LocalDateTime end = last.plusDays(1).atStartOfDay();
        List<String> missing = new ArrayList<>();
        sources.sources().forEach((name, source) -> {
            if (!source.enabled()) {
                return;
            }
            Optional<LocalDateTime> synced = syncs.getObject().lastSuccess(name);
            if (synced.isEmpty()) {
                missing.add("the source " + name + " has not been synced successfully yet (sync --source " + name + ")");
            } else if (synced.get().isBefore(end)) {
                missing.add("the source " + name + " was last synced successfully at "
                        + synced.get().toString().replace('T', ' ') + ", before the end of " + last);
            }
        });
        return missing;
    }

    /** Why the table's rows of {@code first..last} look incomplete, or empty when they do not. */
    private Optional<String> judge(Source source, LocalDate first, LocalDate last, DeliverySettings.Freshness freshness) {
        int weeks = freshness.referenceWeeks();
        LocalDate from = first.minusWeeks(weeks);
        Optional<FreshnessQueries.Span> span = queries.getObject().span(source, from, last.plusDays(1));
        if (span.isEmpty()) {
            return Optional.of(source.entry() + " has no rows from " + from + " to " + last);
        }
        // only the days compared are counted: the last days and the same days of each week before
        List<FreshnessQueries.Span> compared = new ArrayList<>();
        for (int k = 0; k <= weeks; k++) {
            compared.add(new FreshnessQueries.Span(first.minusWeeks(k), last.minusWeeks(k)));
        }
        Map<LocalDate, Long> perDay = queries.getObject().rowsPerDay(source, compared);
        long found = count(perDay, first, last);
        // The weeks inside the table's data: from its first row (or all, when it holds rows before them) to its
        // last row up to the period's last day.
        LocalDate dataFrom = queries.getObject().rowsBefore(source, from) ? from : span.get().first();
        LocalDate dataTo = span.get().last();
        List<Long> typical = new ArrayList<>();
        for (int k = 1; k <= weeks; k++) {
            LocalDate start = first.minusWeeks(k);
            LocalDate end = last.minusWeeks(k);
            if (!start.isBefore(dataFrom) && !end.isAfter(dataTo)) {
                typical.add(count(perDay, start, end));
            }
        }
        if (typical.isEmpty()) {
            // the data begins too recently to know what is typical: the last days must hold some
            return found > 0 ? Optional.empty()
                    : Optional.of(source.entry() + " has no rows, and too little history before to compare with");
        }
        // a share of the median; but as many as the quietest of those weeks had are never too few: bursty sources
        // (a campaign mailing every other week) have quiet weeks that are complete
        double median = median(typical);
        long needed = Math.min((long) Math.ceil(freshness.minShare() * median - 1e-9), Collections.min(typical));
        if (found >= needed) {
            return Optional.empty();
        }
        return Optional.of(source.entry() + " has " + found + (found == 1 ? " row" : " rows") + " (the weeks before:"
                + " median " + number(median) + ", fewest " + Collections.min(typical) + "; needed " + needed + ")");
    }

    private static long count(Map<LocalDate, Long> perDay, LocalDate first, LocalDate last) {
        long sum = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            sum += perDay.getOrDefault(d, 0L);
        }
        return sum;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double share) {
        return number(share * 100) + " %";
    }
}
