package io.kpipeline.report;

import io.kpipeline.evaluation.Flag;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scorecard of the management report — every enabled KPI grouped by category, with the previous
 * period, the same period last year (for a year, which has no other, the change to the previous year),
 * target, status and benchmark — and the glossary, which prints each enabled KPI's definition from the
 * catalog under the same categories.
 */
final class ManagementScorecard {

    /** The order the categories are reported in: from the market's attention to unit economics. */
    static final List<Category> CATEGORIES = List.of(Category.AWARENESS, Category.INTERACTION,
            Category.LEAD_GENERATION, Category.PROSPECTING, Category.FUNNEL, Category.SALES, Category.REVENUE,
            Category.CUSTOMERS, Category.UNIT_ECONOMICS);

    private final ManagementData data;
    /** Benchmark sources, numbered in the order they first appear in the scorecard. */
    private final Map<String, Integer> sources = new LinkedHashMap<>();

    ManagementScorecard(ManagementData data) {
        this.data = data;
    }

    /** The enabled KPIs in category order, catalog order within a category. */
    List<KpiDefinition> kpis() {
        return data.catalog().enabled().stream()
                .sorted(Comparator.comparingInt(k -> CATEGORIES.indexOf(k.category()))).toList();
    }

    String category(Category category) {
        return data.format().text("category." + category.name().toLowerCase(Locale.ROOT));
    }

    List<ManagementRows.ScorecardLine> lines() {
        List<ManagementRows.ScorecardLine> lines = new ArrayList<>();
        Map<String, StoredResult> totals = data.totals();
        for (KpiDefinition kpi : kpis()) {
            StoredResult r = totals.get(kpi.id());
            String name = kpi.name().in(data.format().locale());
            if (r == null) {
                String none = data.format().none();
                lines.add(new ManagementRows.ScorecardLine(category(kpi.category()), name, none, none, none, none,
                        "NEUTRAL", none, data.format().text("management.notComputed")));
                continue;
            }
            String third = data.isYear() ? (r.value() == null ? data.format().none() : data.change(r))
                    : data.value(kpi.id(), r.previousYearValue());
            lines.add(new ManagementRows.ScorecardLine(category(kpi.category()), name, data.value(r),
                    data.value(kpi.id(), r.previousValue()), third,
                    data.value(kpi.id(), r.target()), r.status().name(), benchmark(r), notes(r)));
        }
        return lines;
    }

    private String benchmark(StoredResult r) {
        if (r.benchmark() == null) {
            return data.format().none();
        }
        int number = sources.computeIfAbsent(r.benchmarkSource(), s -> sources.size() + 1);
        return data.value(r.kpiId(), r.benchmark()) + " [" + number + "]";
    }

    private String notes(StoredResult r) {
        List<String> notes = new ArrayList<>();
        if (r.value() == null) {
            notes.add(data.format().text("management.noValue"));
        }
        for (Flag flag : Flag.values()) {
            if (ManagementData.flagged(r, flag)) {
                notes.add(data.format().text("flag." + flag.name()));
            }
        }
        return String.join(", ", notes);
    }

    /** The benchmark sources as numbered in {@link #lines()}; call after it. */
    String sources() {
        if (sources.isEmpty()) {
            return data.format().text("management.noBenchmarks", data.word("values"));
        }
        return data.format().text("management.benchmarkSources") + " " + sources.entrySet().stream()
                .map(e -> "[" + e.getValue() + "] " + e.getKey()).collect(Collectors.joining("; ")) + ".";
    }

    /** Each enabled KPI's name and definition in the report language, under its category. */
    List<ManagementRows.Entry> glossary() {
        return kpis().stream().map(k -> new ManagementRows.Entry(category(k.category()),
                k.name().in(data.format().locale()), k.definition().in(data.format().locale()))).toList();
    }
}
