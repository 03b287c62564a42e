package io.kpipeline.report;

import io.kpipeline.evaluation.FiredMeasures.FiredMeasure;
import io.kpipeline.evaluation.Flag;
import io.kpipeline.evaluation.Status;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiDefinition.Better;
import io.kpipeline.kpi.KpiDefinition.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The management report's one-page summary, written in sentences from the period's stored results:
 * the headline figures, the largest movers against the previous period, the targets met and missed,
 * the measures that fired, anomalies, small samples and KPIs without a value. Nothing here is judged that
 * the results do not say: "better" and "worse" follow each KPI's direction in the catalog, and a value on a
 * small sample is named with its case count, never called better, worse, met or missed.
 */
final class ManagementSummary {

    /** The figures the summary opens with, where enabled and computed. */
    static final List<String> HEADLINE = List.of("revenue", "mrr", "tcv_won", "new_customers");
    /** How many periods before this one the anomaly check reads (the evaluation's rule). */
    static final int ANOMALY_HISTORY = 8;

    private final ManagementData data;
    private final ReportFormat format;
    private final int movers;
    private final List<FiredMeasure> fired;

    /**
     * @param movers how many of the largest movers to name
     * @param fired  the measures that fired on the period's totals
     */
    ManagementSummary(ManagementData data, int movers, List<FiredMeasure> fired) {
        this.data = data;
        this.format = data.format();
        this.movers = movers;
        this.fired = fired;
    }

    List<ManagementRows.Entry> paragraphs() {
        List<StoredResult> totals = List.copyOf(data.totals().values());
        List<ManagementRows.Entry> paragraphs = new ArrayList<>();
        String headline = HEADLINE.stream().map(id -> data.totals().get(id)).filter(Objects::nonNull)
                .filter(r -> r.value() != null).map(this::headline).collect(Collectors.joining(" "));
        if (!headline.isEmpty()) {
            paragraphs.add(new ManagementRows.Entry(null,
                    format.text("management.summary.headline", data.word("of"), data.word("unit")), headline));
        }
        paragraphs.add(entry("management.summary.movers", movers(totals)));
        paragraphs.add(entry("management.summary.targets", targets(totals)));
        paragraphs.add(entry("management.summary.measures", measures()));
        paragraphs.add(entry("management.summary.anomalies", anomalies(totals)));
        paragraphs.add(entry("management.summary.smallSamples", smallSamples(totals)));
        List<String> missing = names(totals, r -> r.value() == null, r -> "");
        if (!missing.isEmpty()) {
            paragraphs.add(entry("management.summary.missing", format.text("management.sentence.missing",
                    missing.size(), String.join(", ", missing), data.word("unit"))));
        }
        return paragraphs;
    }

    private ManagementRows.Entry entry(String titleKey, String text) {
        return new ManagementRows.Entry(null, format.text(titleKey), text);
    }

    /**
     * "Revenue: x in October 2026, after y in the previous month (+z %); w in the same month last year."
     * A year's same period last year is its previous year, named once.
     */
    private String headline(StoredResult r) {
        String sentence = format.text("management.sentence.headline", data.name(r.kpiId()), data.value(r),
                data.word("in"));
        if (r.previousValue() != null) {
            sentence += format.text("management.sentence.headlinePrevious", data.value(r.kpiId(), r.previousValue()),
                    data.change(r), data.word("previous"));
        }
        if (r.previousYearValue() != null && !data.isYear()) {
            sentence += format.text("management.sentence.headlineYear", data.value(r.kpiId(), r.previousYearValue()),
                    data.word("sameLastYear"));
        }
        return sentence + ".";
    }

    /** The KPIs that moved most against the previous period, by relative change; small samples left out. */
    private String movers(List<StoredResult> totals) {
        List<StoredResult> moved = totals.stream()
                .filter(r -> r.relativeChange() != null && r.relativeChange().signum() != 0)
                .filter(r -> !ManagementData.flagged(r, Flag.SMALL_SAMPLE))
                .sorted(Comparator.comparing((StoredResult r) -> r.relativeChange().abs()).reversed())
                .limit(movers).toList();
        if (moved.isEmpty()) {
            return format.text("management.sentence.noMovers", data.word("previous"));
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(format.text("management.sentence.moversIntro", moved.size(), data.word("previous")));
        moved.forEach(r -> sentences.add(mover(r)));
        return String.join(" ", sentences);
    }

    private String mover(StoredResult r) {
        boolean up = r.change().signum() > 0;
        Unit unit = data.unit(r.kpiId());
        String by = format.change(r.change().abs(), r.relativeChange().abs(), unit).replaceFirst("^\\+", "");
        if (unit == Unit.RATE) {
            by += " (" + format.change(null, r.relativeChange(), Unit.NUMBER) + ")";
        }
        Better better = data.catalog().get(r.kpiId()).better();
        String judgement = better == Better.NONE ? ""
                : format.text((better == Better.HIGHER) == up ? "management.sentence.better" : "management.sentence.worse");
        return format.text(up ? "management.sentence.up" : "management.sentence.down", data.name(r.kpiId()), by,
                data.value(r), data.value(r.kpiId(), r.previousValue()), judgement, data.word("previous"),
                format.number(data.catalog().get(r.kpiId())));
    }

    private String targets(List<StoredResult> totals) {
        List<StoredResult> withTarget = totals.stream().filter(r -> r.target() != null).toList();
        if (withTarget.isEmpty()) {
            return format.text("management.sentence.noTargets", data.word("values"));
        }
        Function<StoredResult, String> detail = r -> format.text("management.sentence.againstTarget", data.value(r),
                data.value(r.kpiId(), r.target()));
        List<String> met = names(withTarget, r -> r.value() != null && r.status() == Status.GOOD, detail);
        List<String> near = names(withTarget, r -> r.value() != null && r.status() == Status.WARN, detail);
        List<String> missed = names(withTarget, r -> r.value() != null && r.status() == Status.BAD, detail);
        List<String> sentences = new ArrayList<>();
        sentences.add(format.text("management.sentence.targets", withTarget.size(), met.size(), near.size(),
                missed.size()));
        list(sentences, "management.sentence.met", met);
        list(sentences, "management.sentence.near", near);
        list(sentences, "management.sentence.missed", missed);
        if (withTarget.stream().anyMatch(r -> r.value() == null)) {
            sentences.add(format.text("management.sentence.targetNoValue", String.join("; ",
                    names(withTarget, r -> r.value() == null, r -> "")), data.word("unit")));
        }
        // with a value but NEUTRAL: too few cases to judge, or neither the target nor the catalog says which way
        // is better
        List<String> small = names(withTarget, r -> r.value() != null && r.isSmallSample(),
                r -> detail.apply(r) + "; " + format.text("management.sentence.restsOn", data.cases(r), r.cases(),
                        format.number(data.catalog().get(r.kpiId()))));
        if (!small.isEmpty()) {
            sentences.add(format.text("management.sentence.targetSmallSample", String.join("; ", small),
                    data.smallSample()));
        }
        list(sentences, "management.sentence.targetUnjudged", names(withTarget,
                r -> r.value() != null && !r.isSmallSample() && r.status() == Status.NEUTRAL, detail));
        list(sentences, "management.sentence.belowBenchmark", names(totals,
                r -> r.target() == null && r.benchmark() != null && r.status() == Status.BAD, r -> format.text(
                        "management.sentence.againstBenchmark", data.value(r), data.value(r.kpiId(), r.benchmark()))));
        return String.join(" ", sentences);
    }

    /**
     * The anomaly check compares with the 8 periods before (kpi-vocabulary.md); a trend of 8 quarters or 5
     * years holds fewer, so for those the summary says that it was not checked rather than "no anomalies".
     */
    private String anomalies(List<StoredResult> totals) {
        if (data.trendLength() <= ANOMALY_HISTORY) {
            return format.text("management.sentence.noAnomalyCheck", data.trendLength(), data.word("units"),
                    data.trendLength() - 1);
        }
        List<String> names = names(totals, r -> ManagementData.flagged(r, Flag.ANOMALY), r -> format.text(
                "management.sentence.againstMean", data.value(r), data.value(r.kpiId(), previousMean(r)),
                data.word("units")));
        return names.isEmpty() ? format.text("management.sentence.noAnomalies", data.word("units"))
                : format.text("management.sentence.anomalies", names.size(), String.join("; ", names),
                        data.word("units"));
    }

    /** "7 Empfehlungen haben gegriffen, zu …: Gewinnrate, …"; the section after the summary lists them. */
    private String measures() {
        if (fired.isEmpty()) {
            return format.text("management.sentence.noMeasures", data.word("of"));
        }
        List<String> kpis = fired.stream().map(f -> data.name(f.total().kpiId())).distinct().toList();
        return format.text("management.sentence.measures", fired.size(), kpis.size(), String.join(", ", kpis));
    }

    private String smallSamples(List<StoredResult> totals) {
        List<String> names = names(totals, StoredResult::isSmallSample, data::cases);
        return names.isEmpty() ? format.text("management.sentence.noSmallSamples", data.smallSample())
                : format.text("management.sentence.smallSamples", names.size(), data.smallSample(),
                        String.join("; ", names));
    }

    /** The mean of the 8 periods before this one, which the anomaly flag compares with. */
    static BigDecimal previousMean(StoredResult r) {
        List<BigDecimal> trend = r.trend();
        if (trend.size() <= ANOMALY_HISTORY) {
            return null;
        }
        List<BigDecimal> before = trend.subList(trend.size() - 1 - ANOMALY_HISTORY, trend.size() - 1).stream()
                .filter(Objects::nonNull).toList();
        return before.isEmpty() ? null : before.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(before.size()), MathContext.DECIMAL64);
    }

    /** The names of the results that match, each followed by its detail in parentheses where there is one. */
    private List<String> names(List<StoredResult> results, Predicate<StoredResult> which,
            Function<StoredResult, String> detail) {
        return results.stream().filter(which).map(r -> {
            String d = detail.apply(r);
            return d.isEmpty() ? data.name(r.kpiId()) : data.name(r.kpiId()) + " (" + d + ")";
        }).toList();
    }

    private void list(List<String> sentences, String key, List<String> names) {
        if (!names.isEmpty()) {
            sentences.add(format.text(key, String.join("; ", names)));
        }
    }
}
