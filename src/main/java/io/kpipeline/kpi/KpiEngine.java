package io.kpipeline.kpi;

import io.kpipeline.model.SourceChanges;
import io.kpipeline.model.TableCounts;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.WorkerThreads;
import io.kpipeline.period.ReportingPeriod;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    private static final String COMPUTING = "computing the KPIs";

    private final KpiCatalog catalog;
    private final List<KpiCalculator> calculators;
    private final KpiValueRepository values;
    private final CustomerQueries customerQueries;
    private final Clock clock;
    private final TableCounts tables;
    private final SourceChanges changes;
    private final KpiFingerprint fingerprint;
    private final int threads;
    private final Object storing = new Object();

    KpiEngine(KpiCatalog catalog, List<KpiCalculator> calculators, KpiValueRepository values,
            CustomerQueries customerQueries, Clock clock, TableCounts tables, SourceChanges changes,
            KpiFingerprint fingerprint, KpiProperties properties) {
        this.threads = properties.computeThreads();
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
     * is not stored or no longer valid, and keeps the rest. The calculators of all periods share the customer
     * figures of each window (a month's trailing year is read once for all that need it).
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
        List<Task> tasks = new ArrayList<>();
        List<Runnable> forgets = new ArrayList<>();
        int reused = 0;
        for (ReportingPeriod period : periods) {
            Map<String, KpiValueRepository.Computation> known = values.computations(period);
            for (KpiCalculator calculator : calculators) {
                Set<String> ids = new TreeSet<>(calculator.kpiIds());
                ids.retainAll(enabled);
                String name = KpiFingerprint.name(calculator);
                if (ids.isEmpty()) {
                    if (known.containsKey(name)) {
                        // after the computations: this thread's writes would lock the period's rows against theirs
                        forgets.add(() -> values.forget(period, name, calculator.kpiIds()));
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
                } else {
                    tasks.add(new Task(period, calculator, name, ids, nothingImported ? sources : null, computation));
                }
            }
        }
        // a calculator that reads several periods in one pass gets them all as one unit of work, started first
        List<List<Task>> units = new ArrayList<>();
        Map<KpiCalculator, List<Task>> together = new LinkedHashMap<>();
        for (Task task : tasks) {
            if (task.calculator().readsPeriodsTogether() && task.nothingImported() == null) {
                together.computeIfAbsent(task.calculator(), c -> new ArrayList<>()).add(task);
            } else {
                units.add(List.of(task));
            }
        }
        units.addAll(0, together.values());
        List<List<KpiValue>> results = customerQueries.sharingFigures(always, () -> execute(units));
        forgets.forEach(Runnable::run);
        results.forEach(stored::addAll);
        return new Update(units.stream().flatMap(List::stream).map(t -> t.period().id() + " " + t.name()).toList(),
                reused, results.stream().mapToLong(List::size).sum());
    }

    /** One calculator's computation of one period, and what it will rest on. */
    private record Task(ReportingPeriod period, KpiCalculator calculator, String name, Set<String> ids,
            Set<String> nothingImported, KpiValueRepository.Computation computation) {
    }

    /**
     * Runs the tasks, {@code kpi.compute-threads} at a time (each on its own connection), all in the
     * computation open on this thread so that they share the customer figures; returns their values in the
     * tasks' order. They start in the order of the work: the customer history the shared reads rest on, where it
     * has to be built, beside the first of the calculators that read several periods together (the longest
     * units), then the other such calculators, then each period's shared reads ({@link KpiCalculator#sharedReads}),
     * then the tasks that share nothing, and the tasks that rest on a shared read last, when it is done or under
     * way. A failing task stops the others and its failure is thrown.
     */
    private List<List<KpiValue>> execute(List<List<Task>> units) {
        if (threads <= 1 || units.size() <= 1) {
            return units.stream().flatMap(unit -> compute(unit).stream()).toList();
        }
        var open = customerQueries.openComputation();
        ExecutorService pool = WorkerThreads.pool(Math.min(threads, units.size()), "kpi-compute");
        try {
            List<List<Task>> together = new ArrayList<>();
            List<List<Task>> alone = new ArrayList<>();
            List<List<Task>> resting = new ArrayList<>();
            Map<ReportingPeriod, List<Runnable>> shared = new LinkedHashMap<>();
            for (List<Task> unit : units) {
                Task first = unit.get(0);
                Runnable reads = first.nothingImported() == null ? first.calculator().sharedReads(first.period())
                        : null;
                if (first.calculator().readsPeriodsTogether()) {
                    together.add(unit);
                } else if (reads == null) {
                    alone.add(unit);
                } else {
                    shared.computeIfAbsent(first.period(), p -> new ArrayList<>()).add(reads);
                    resting.add(unit);
                }
            }
            // first the customer history (a check, or a build of several seconds after its sources changed): the
            // first shared read would build it anyway, while the other thread, its own long unit done, waited
            List<Future<?>> ahead = new ArrayList<>();
            if (!shared.isEmpty()) {
                ahead.add(submit(pool, open, () -> {
                    customerQueries.currentHistory();
                    return List.of();
                }));
            }
            Map<List<Task>, Future<List<List<KpiValue>>>> running = new IdentityHashMap<>();
            together.forEach(unit -> running.put(unit, submit(pool, open, () -> compute(unit))));
            shared.values().forEach(reads -> ahead.add(submit(pool, open, () -> {
                reads.forEach(Runnable::run);
                return List.of();
            })));
            Stream.concat(alone.stream(), resting.stream())
                    .forEach(unit -> running.put(unit, submit(pool, open, () -> compute(unit))));
            List<List<KpiValue>> results = new ArrayList<>();
            for (List<Task> unit : units) {
                results.addAll(WorkerThreads.result(running.get(unit), COMPUTING));
            }
            for (Future<?> read : ahead) {
                WorkerThreads.result(read, COMPUTING);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Submits {@code work} to run in the computation {@code open}. */
    private <T> Future<T> submit(ExecutorService pool, CustomerQueries.Computation open, Supplier<T> work) {
        return pool.submit(() -> customerQueries.joining(open, work));
    }

    /** Computes and stores a unit of work: one task, or several periods of one calculator read together. */
    private List<List<KpiValue>> compute(List<Task> unit) {
        if (unit.size() == 1) {
            return List.of(compute(unit.get(0)));
        }
        Map<ReportingPeriod, List<KpiValue>> all = unit.get(0).calculator()
                .computeAll(unit.stream().map(Task::period).toList());
        List<List<KpiValue>> results = new ArrayList<>();
        for (Task task : unit) {
            results.add(store(task, all.get(task.period()).stream().filter(v -> task.ids().contains(v.kpiId()))
                    .toList()));
        }
        return results;
    }

    private List<KpiValue> compute(Task task) {
        List<KpiValue> result = task.nothingImported() != null ? nothingImported(task.ids(), task.nothingImported())
                : task.calculator().compute(task.period()).stream().filter(v -> task.ids().contains(v.kpiId()))
                        .toList();
        return store(task, result);
    }

    private List<KpiValue> store(Task task, List<KpiValue> result) {
        // one store at a time: two replacing the same period's rows at once lock each other out (next-key locks)
        synchronized (storing) {
            values.replace(task.period(), task.name(), task.calculator().kpiIds(), result, task.computation(),
                    LocalDateTime.now(clock));
        }
        return result;
    }

    private static List<KpiValue> nothingImported(Set<String> ids, Set<String> sources) {
        String reason = NOTHING_IMPORTED + String.join(" or ", sources);
        return ids.stream().map(id -> KpiValue.none(id, null, null, reason)).toList();
    }
}
