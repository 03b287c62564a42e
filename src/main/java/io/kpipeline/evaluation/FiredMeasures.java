package io.kpipeline.evaluation;

import io.kpipeline.evaluation.Measures.Measure;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Better;
import io.kpipeline.kpi.KpiDefinition.Dimension;
import io.kpipeline.kpi.KpiValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The recommended measures that fired on a period's totals, each with the place to start: where the
 * KPI has breakdowns, its weakest channel, campaign, rep … by value ("Kosten pro Lead: Messe 412 €
 * gegen 160 € im Schnitt"). The weakest value is taken from the KPI's first breakdown dimension (in
 * catalog order) with at least two values that rest on enough cases; values without an attribute
 * ("(none)") are no place to start and are left out. It is compared with the KPI's total where the
 * total is a rate or average of the same cases, and with the mean of the breakdown values where the
 * total is their sum (counts, money totals).
 */
@Component
public class FiredMeasures {

    /** The breakdown value of rows without the attribute (see config/kpis.yml). */
    static final String NONE = "(none)";

    private final KpiCatalog catalog;
    private final Measures measures;

    FiredMeasures(KpiCatalog catalog, Measures measures) {
        this.catalog = catalog;
        this.measures = measures;
    }

    /**
     * The measures that fired on the totals of {@code results}, in catalog order of their KPIs.
     *
     * @param results a report's stored results of one period, totals and breakdowns
     */
    public List<FiredMeasure> of(List<StoredResult> results) {
        Map<String, Measure> byId = measures.measures().stream()
                .collect(Collectors.toMap(Measure::id, Function.identity(), (a, b) -> a));
        List<String> order = catalog.kpis().stream().map(KpiDefinition::id).toList();
        List<FiredMeasure> fired = new ArrayList<>();
        results.stream().filter(StoredResult::isTotal).filter(r -> !r.actions().isEmpty())
                .sorted(Comparator.comparingInt(r -> order.indexOf(r.kpiId())))
                .forEach(total -> {
                    Weakest weakest = weakest(total, results).orElse(null);
                    total.actions().stream().map(byId::get).filter(Objects::nonNull)
                            .forEach(m -> fired.add(new FiredMeasure(m, total, weakest)));
                });
        return fired;
    }

    /** The weakest breakdown value of the total's KPI, if it has one worth naming. */
    Optional<Weakest> weakest(StoredResult total, List<StoredResult> results) {
        KpiDefinition kpi = catalog.find(total.kpiId()).orElse(null);
        if (kpi == null || kpi.better() == Better.NONE) {
            return Optional.empty();
        }
        for (Dimension dimension : kpi.breakdowns()) {
            List<StoredResult> values = results.stream()
                    .filter(r -> r.kpiId().equals(kpi.id()) && dimension.key().equals(r.dimension()))
                    .filter(r -> r.value() != null && !NONE.equals(r.dimensionValue()) && !r.isSmallSample())
                    .toList();
            if (values.size() < 2) {
                continue;
            }
            Comparator<StoredResult> byValue = Comparator.comparing(StoredResult::value);
            StoredResult worst = kpi.better() == Better.HIGHER ? values.stream().min(byValue).orElseThrow()
                    : values.stream().max(byValue).orElseThrow();
            BigDecimal reference = total.denominator() == null
                    ? values.stream().map(StoredResult::value).reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(values.size()), KpiValue.PRECISION)
                    : total.value();
            if (reference == null || worst.value().compareTo(reference) == 0) {
                return Optional.empty();
            }
            return Optional.of(new Weakest(dimension, worst.dimensionValue(), worst.value(), reference));
        }
        return Optional.empty();
    }

    /**
     * A measure that fired on a KPI's total.
     *
     * @param measure the measure
     * @param total   the KPI's total it fired on
     * @param weakest where to start: the weakest breakdown value, or null when the KPI has none to name
     */
    public record FiredMeasure(Measure measure, StoredResult total, Weakest weakest) {
    }

    /**
     * @param dimension the breakdown dimension
     * @param value     the breakdown value (a channel code, campaign id, rep id …)
     * @param kpiValue  its KPI value
     * @param reference what it is compared with: the total's value for rates and averages, the mean of the
     *                  breakdown values for sums
     */
    public record Weakest(Dimension dimension, String value, BigDecimal kpiValue, BigDecimal reference) {
    }
}
