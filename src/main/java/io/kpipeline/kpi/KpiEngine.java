package io.kpipeline.kpi;

import io.kpipeline.model.SourceChanges;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportingPeriod;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Computes every enabled KPI of the catalog for a period, calculator by calculator (each one a few
 * set-based queries), and stores the values. A calculator whose source tables hold no row at all computes
 * nothing: its KPIs have no value, "nothing has been imported into …", so that a company that loads its CRM
 * alone reads no revenue of 0 €.
 *
 * <p>Reports ask for the periods they compare ({@link #update}): a period's values of a calculator are
 * computed again only when they are not stored yet, when the catalog or settings changed since
 * ({@link KpiFingerprint}), or when a source row the calculator reads for that period changed since
 * ({@link KpiCalculator#reads}, {@link SourceChanges}); otherwise the stored values stand.
 */
@Component
public class KpiEngine {

    /** The start of the reason for the KPIs of tables that hold no row; the tables follow. */
    public static final String NOTHING_IMPORTED = "nothing has been imported into ";

    private final KpiCatalog catalog;
    private final List<KpiCalculator> calculators;
    private final KpiValueRepository values;
    private final CustomerQueries customerQueries;
    private final Clock clock;
    private final TableCounts tables;
    private final SourceChanges changes;
    private final KpiFingerprint fingerprint;

    KpiEngine(KpiCatalog catalog, List<KpiCalculator> calculators, KpiValueRepository values,
            CustomerQueries customerQueries, Clock clock, TableCounts tables, SourceChanges changes,
            KpiFingerprint fingerprint) {
        this.tables = tables;
        this.customerQueries = customerQueries;
        this.catalog = catalog;
        this.calculators = calculators;
        this.values = values;
        this.clock = clock;
        this.changes = changes;
        this.fingerprint = fingerprint;
    }

    /**
     * What {@link #update} did: the computations it ran, each as period and calculator
     * ({@code "2026-03 WebTrafficCalculator"}), how many stored ones it reused, and the values it wrote.
     */
    public record Update(List<String> computed, int reused, long values) {
    }

    /** Computes and stores the enabled KPIs of {@code period}, whatever is stored; returns what was stored. */
    public List<KpiValue> compute(ReportingPeriod period) {
        List<KpiValue> all = new ArrayList<>();
        run(List.of(period), true, all);
        return all;
    }

    /**
     * Brings the stored values of {@code periods} up to date: computes, for each period and calculator, what
     * is not stored or no longer valid, and keeps the rest. The calculators of all periods share one pass
     * over each day's customer facts.
     */
    public Update update(List<ReportingPeriod> periods) {
        return run(periods, false, new ArrayList<>());
    }

    private Update run(List<ReportingPeriod> periods, boolean always, List<KpiValue> stored) {
        // read before any source row: a change committed while computing makes the result stale, never valid
        SourceChanges.Snapshot snapshot = changes.snapshot();
        Set<String> enabled = catalog.enabled().stream().map(KpiDefinition::id).collect(Collectors.toSet());
        Set<String> empty = tables.empty(calculators.stream().flatMap(c -> c.sourceTables().stream())
                .collect(Collectors.toSet()));
        return customerQueries.sharingFigures(() -> {
            List<String> computed = new ArrayList<>();
            int reused = 0;
            long written = 0;
            for (ReportingPeriod period : periods) {
                Map<String, KpiValueRepository.Computation> known = values.computations(period);
                for (KpiCalculator calculator : calculators) {
                    Set<String> ids = new TreeSet<>(calculator.kpiIds());
                    ids.retainAll(enabled);
                    String name = KpiFingerprint.name(calculator);
                    if (ids.isEmpty()) {
                        if (known.containsKey(name)) {
                            values.forget(period, name, calculator.kpiIds());
                        }
                        continue;
                    }
                    Set<String> sources = new TreeSet<>(calculator.sourceTables());
                    boolean nothingImported = !sources.isEmpty() && empty.containsAll(sources);
                    var computation = new KpiValueRepository.Computation(
                            fingerprint.of(calculator, ids, nothingImported),
                            calculator.reads(period).stream()
                                    .mapToLong(w -> snapshot.version(w.table(), w.from(), w.to())).sum());
                    if (!always && computation.equals(known.get(name))) {
                        reused++;
                        continue;
                    }
                    List<KpiValue> result = nothingImported ? nothingImported(ids, sources)
                            : calculator.compute(period).stream().filter(v -> ids.contains(v.kpiId())).toList();
                    values.replace(period, name, calculator.kpiIds(), result, computation, LocalDateTime.now(clock));
                    stored.addAll(result);
                    computed.add(period.id() + " " + name);
                    written += result.size();
                }
            }
            return new Update(computed, reused, written);
        });
    }

    private static List<KpiValue> nothingImported(Set<String> ids, Set<String> sources) {
        String reason = NOTHING_IMPORTED + String.join(" or ", sources);
        return ids.stream().map(id -> KpiValue.none(id, null, null, reason)).toList();
    }
}
