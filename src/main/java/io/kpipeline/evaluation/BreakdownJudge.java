package io.kpipeline.evaluation;

import io.kpipeline.evaluation.Benchmarks.Benchmark;
import io.kpipeline.evaluation.Measures.Measure;
import io.kpipeline.evaluation.Targets.Target;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiValue;
import io.kpipeline.period.ReportingPeriod;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Judges one stored breakdown value (e.g. a sales rep's) the way {@link KpiEvaluator} judges a total:
 * its status against the target that applies, and the recommended measures whose rules fire on it.
 * The rules and the status are the evaluator's own ({@link KpiEvaluator#status}, {@link KpiEvaluator#fires}).
 */
@Component
public class BreakdownJudge {

    private final KpiCatalog catalog;
    private final Targets targets;
    private final IndustryBenchmarks benchmarks;
    private final Measures measures;

    BreakdownJudge(KpiCatalog catalog, Targets targets, IndustryBenchmarks benchmarks, Measures measures) {
        this.catalog = catalog;
        this.targets = targets;
        this.benchmarks = benchmarks;
        this.measures = measures;
    }

    /**
     * The status and the fired measures of a breakdown value.
     *
     * @param stored        a breakdown result of {@code period}
     * @param teamYardstick whether the total's target (else its benchmark) applies to the breakdown value
     *                      when no target is set for that value itself: true for rates and averages, which
     *                      one rep can reach as well as the team; false for counts and sums, whose team
     *                      target is the sum over everyone
     */
    public Judgement judge(StoredResult stored, ReportingPeriod period, boolean teamYardstick) {
        KpiDefinition kpi = catalog.get(stored.kpiId());
        Target target = targets.find(kpi.id(), stored.dimension(), stored.dimensionValue(), period.kind())
                .or(() -> teamYardstick ? targets.find(kpi.id(), null, null, period.kind()) : java.util.Optional.empty())
                .orElse(null);
        Benchmark benchmark = teamYardstick ? benchmarks.find(kpi.id(), period.kind()).orElse(null) : null;
        if (stored.value() == null || stored.isSmallSample()) {
            // a handful of cases is not a verdict on a person or a channel
            return new Judgement(target, Status.NEUTRAL, List.of());
        }
        Status status = KpiEvaluator.status(kpi, stored.value(), target, benchmark);
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        stored.flags().forEach(f -> flags.add(Flag.valueOf(f)));
        KpiValue value = new KpiValue(kpi.id(), stored.dimension(), stored.dimensionValue(), stored.value(),
                stored.numerator(), stored.denominator(), stored.cases(), null);
        KpiResult result = new KpiResult(null, period, kpi, value, stored.previousValue(), stored.previousYearValue(),
                stored.trend(), target, status, benchmark, flags, List.of());
        List<Measure> fired = measures.measures().stream()
                .filter(m -> m.kpi().equals(kpi.id()) && KpiEvaluator.fires(m, result)).toList();
        return new Judgement(target, status, fired);
    }

    /**
     * @param target   the target the value was judged against, or null
     * @param status   the status against the target, else the benchmark, else NEUTRAL
     * @param measures the recommended measures whose rules fire on the value
     */
    public record Judgement(Target target, Status status, List<Measure> measures) {
    }
}
