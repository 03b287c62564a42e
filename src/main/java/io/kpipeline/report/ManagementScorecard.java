package io.kpipeline.report;

import io.kpipeline.evaluation.Benchmarks.Benchmark;
import io.kpipeline.evaluation.Flag;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Category;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scorecard of the management report — every enabled KPI grouped by category, with the previous
 * period, the same period last year (for a year, which has no other, the change to the previous year),
 * target, status and benchmark — and the glossary, which opens with how to read the report and prints
 * each enabled KPI's definition from the catalog under the same categories, with every benchmark that
 * applies to it. A small sample shows its case count and no status.
 */
final class ManagementScorecard {

    /** The order the categories are reported in: from the market's attention to unit economics. */
    static final List<Category> CATEGORIES = List.of(Category.AWARENESS, Category.INTERACTION,
            Category.LEAD_GENERATION, Category.PROSPECTING, Category.FUNNEL, Category.SALES, Category.REVENUE,
            Category.CUSTOMERS, Category.UNIT_ECONOMICS);

    private final ManagementData data;
    private final Function<String, List<Benchmark>> benchmarks;
    /** Benchmark sources, numbered in the order they first appear in the scorecard. */
    private final Map<String, Integer> sources = new LinkedHashMap<>();
    private boolean overHundred;

    /**
     * @param benchmarks every benchmark that applies to a KPI for the period's kind, the one its status is
     *                   judged against first ({@link io.kpipeline.evaluation.IndustryBenchmarks#applicable})
     */
    ManagementScorecard(ManagementData data, Function<String, List<Benchmark>> benchmarks) {
        this.data = data;
        this.benchmarks = benchmarks;
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
                lines.add(new ManagementRows.ScorecardLine(category(kpi.category()), name, none, null, none, none,
                        none, "", none, data.format().text("management.notComputed")));
                continue;
            }
            String third = data.isYear() ? (r.value() == null ? data.format().none() : data.change(r))
                    : flow(kpi.id(), r.previousYearValue());
            // no value and a small sample are not judged: no status (a small sample shows its case count)
            lines.add(new ManagementRows.ScorecardLine(category(kpi.category()), name, flow(kpi.id(), r.value()),
                    data.cases(r), flow(kpi.id(), r.previousValue()), third, data.value(kpi.id(), r.target()),
                    r.isJudged() ? r.status().name() : "", benchmark(r), notes(r)));
        }
        return lines;
    }

    /** A value, marked where it is a funnel flow over 100 %, which the note under the scorecard explains. */
    private String flow(String kpiId, BigDecimal value) {
        overHundred |= FunnelFlows.overHundred(kpiId, value);
        return FunnelFlows.marked(data.value(kpiId, value), kpiId, value);
    }

    /** Whether {@link #lines()} marked a funnel flow over 100 %; call after it. */
    boolean overHundred() {
        return overHundred;
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

    /**
     * How to read the report (status, n, benchmarks, "–"), then each enabled KPI's name and definition in the
     * report language under its category, with the benchmarks that apply to it for the period's kind.
     */
    List<ManagementRows.Entry> glossary() {
        ReportFormat f = data.format();
        String reading = f.text("management.reading.title");
        List<ManagementRows.Entry> entries = new ArrayList<>(List.of(
                new ManagementRows.Entry(reading, f.text("management.reading.status.title"),
                        f.text("management.reading.status")),
                new ManagementRows.Entry(reading, f.text("management.reading.cases.title"),
                        f.text("management.reading.cases", data.smallSample())),
                new ManagementRows.Entry(reading, f.text("management.reading.benchmarks.title"),
                        f.text("management.reading.benchmarks", data.word("unit"))),
                new ManagementRows.Entry(reading, f.text("value.none"), f.text("management.reading.none"))));
        kpis().forEach(k -> entries.add(new ManagementRows.Entry(category(k.category()), k.name().in(f.locale()),
                k.definition().in(f.locale()), benchmarks(k.id()))));
        return entries;
    }

    /**
     * "Benchmark der Scorecard: 19,3 % – scope; source, 2019. note", one line per source that applies, the one
     * the scorecard shows (and the status is judged against) first; null without any.
     */
    private String benchmarks(String kpiId) {
        ReportFormat f = data.format();
        List<Benchmark> applicable = benchmarks.apply(kpiId);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < applicable.size(); i++) {
            Benchmark b = applicable.get(i);
            String scope = b.scope() == null || b.scope().isBlank() ? "" : b.scope() + "; ";
            String year = b.year() == null ? f.text("management.glossary.undated") : Integer.toString(b.year());
            String note = b.note() == null || b.note().isBlank() ? "" : " " + b.note();
            lines.add(f.text(i == 0 ? "management.glossary.firstBenchmark" : "management.glossary.otherBenchmark") + " "
                    + data.value(kpiId, b.value()) + " – " + scope + b.source() + ", " + year + "." + note);
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }
}
