package io.kpipeline.evaluation;

import io.kpipeline.evaluation.Benchmarks.Benchmark;
import io.kpipeline.period.PeriodKind;
import io.kpipeline.system.NeedsNoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The benchmarks that apply to the company (benchmarks.md, "Choosing among several values"): for each
 * source of a KPI the value of the company's industry ({@code kpi.benchmarks.industry}) where the source
 * has one, else the source's general value; only values meant for the period kind at hand (a monthly
 * churn benchmark is never set beside a weekly churn). Several sources may stand beside one KPI; a
 * KPI's status without a target is judged against the first of them in {@code config/benchmarks.yml}.
 */
@Component
@NeedsNoDatabase
public class IndustryBenchmarks {

    private final List<Benchmark> benchmarks;
    private final Set<String> industries;

    IndustryBenchmarks(Benchmarks file, BenchmarkSettings settings) {
        this.benchmarks = file.benchmarks();
        this.industries = settings.industry().stream().map(IndustryBenchmarks::normal).collect(Collectors.toSet());
    }

    /** The benchmark a KPI's status is judged against when it has no target: the first that applies. */
    public Optional<Benchmark> find(String kpiId, PeriodKind kind) {
        return applicable(kpiId, kind).stream().findFirst();
    }

    /** Every benchmark that applies to the KPI and period kind, one per source, in the order of the file. */
    public List<Benchmark> applicable(String kpiId, PeriodKind kind) {
        Map<String, List<Benchmark>> bySource = new LinkedHashMap<>();
        benchmarks.stream().filter(b -> b.kpi().equals(kpiId) && b.basis().fits(kind))
                .forEach(b -> bySource.computeIfAbsent(b.source(), s -> new ArrayList<>()).add(b));
        List<Benchmark> chosen = new ArrayList<>();
        for (List<Benchmark> rows : bySource.values()) {
            rows.stream().filter(b -> !b.isGeneral() && industries.contains(normal(b.industry()))).findFirst()
                    .or(() -> rows.stream().filter(Benchmark::isGeneral).findFirst())
                    .ifPresent(chosen::add);
        }
        return chosen;
    }

    /** The industries the sources name, as they spell them. */
    Set<String> knownIndustries() {
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        benchmarks.stream().filter(b -> !b.isGeneral()).forEach(b -> known.add(b.industry()));
        return known;
    }

    private static String normal(String industry) {
        return industry.strip().toLowerCase(Locale.ROOT);
    }
}
