package io.kpipeline.evaluation;

import io.kpipeline.evaluation.Benchmarks.Benchmark;
import io.kpipeline.evaluation.Measures.Measure;
import io.kpipeline.evaluation.Measures.When;
import io.kpipeline.evaluation.Targets.Direction;
import io.kpipeline.evaluation.Targets.Target;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Better;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.kpi.KpiValue;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Sets each value of a period beside what it is compared with (kpi-vocabulary.md, "Comparisons"):
 * previous period, same period last year, the trend of its period kind (13 weeks or months, 8 quarters,
 * 5 years: {@link io.kpipeline.period.PeriodKind#trendPeriods()}), target and status, benchmark,
 * the anomaly and small-sample flags, and the recommended measures whose rules fire.
 */
@Component
public class KpiEvaluator {

    static final int ANOMALY_HISTORY = 8;
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    private final KpiCatalog catalog;
    private final Targets targets;
    private final IndustryBenchmarks benchmarks;
    private final Measures measures;
    private final KpiSettings settings;

    KpiEvaluator(KpiCatalog catalog, Targets targets, IndustryBenchmarks benchmarks, Measures measures, KpiSettings settings) {
        this.catalog = catalog;
        this.targets = targets;
        this.benchmarks = benchmarks;
        this.measures = measures;
        this.settings = settings;
    }

    /**
     * Evaluates the values of {@code period}.
     *
     * @param values the stored values of the period, of its previous period, of the same period
     *               last year and of the periods of its trend (missing periods count as no value)
     */
    public List<KpiResult> evaluate(ReportKind report, ReportingPeriod period, Map<ReportingPeriod, List<KpiValue>> values) {
        Map<ReportingPeriod, Map<String, BigDecimal>> lookup = new HashMap<>();
        values.forEach((p, list) -> {
            Map<String, BigDecimal> byKey = new HashMap<>();
            list.forEach(v -> byKey.put(key(v.kpiId(), v.dimension(), v.dimensionValue()), v.value()));
            lookup.put(p, byKey);
        });
        List<ReportingPeriod> trendPeriods = period.trend();
        List<KpiResult> results = new ArrayList<>();
        for (KpiValue value : values.getOrDefault(period, List.of())) {
            KpiDefinition kpi = catalog.get(value.kpiId());
            String key = key(value.kpiId(), value.dimension(), value.dimensionValue());
            List<BigDecimal> trend = trendPeriods.stream()
                    .map(p -> lookup.getOrDefault(p, Map.of()).get(key)).toList();
            BigDecimal previous = lookup.getOrDefault(period.previous(), Map.of()).get(key);
            BigDecimal lastYear = period.sameLastYear().map(p -> lookup.getOrDefault(p, Map.of()).get(key)).orElse(null);
            Target target = targets.find(kpi.id(), value.dimension(), value.dimensionValue(), period.kind()).orElse(null);
            Benchmark benchmark = value.isTotal() ? benchmarks.find(kpi.id(), period.kind()).orElse(null) : null;
            Set<Flag> flags = flags(value, trend);
            // a handful of cases is not a verdict on a person or a channel: no status, no measure
            Status status = flags.contains(Flag.SMALL_SAMPLE) ? Status.NEUTRAL
                    : status(kpi, value.value(), target, benchmark);
            KpiResult result = new KpiResult(report, period, kpi, value, previous, lastYear, trend, target, status,
                    benchmark, flags, List.of());
            results.add(value.isTotal() && !flags.contains(Flag.SMALL_SAMPLE) ? withActions(result) : result);
        }
        return results;
    }

    /**
     * The periods whose values {@link #evaluate} needs: the trend of its period kind (the previous one
     * included) and the same period last year, where there is one.
     */
    public static Set<ReportingPeriod> comparedPeriods(ReportingPeriod period) {
        Set<ReportingPeriod> periods = new LinkedHashSet<>(period.trend());
        period.sameLastYear().ifPresent(periods::add);
        return periods;
    }

    static Status status(KpiDefinition kpi, BigDecimal value, Target target, Benchmark benchmark) {
        if (value == null) {
            return Status.NEUTRAL;
        }
        if (target != null) {
            Direction direction = target.direction() != null ? target.direction() : direction(kpi.better());
            return direction == null ? Status.NEUTRAL : against(value, target.value(), direction, target.tolerance());
        }
        if (benchmark != null && direction(kpi.better()) != null) {
            return against(value, benchmark.value(), direction(kpi.better()), new BigDecimal("0.10"));
        }
        return Status.NEUTRAL;
    }

    private static Direction direction(Better better) {
        return switch (better) {
            case HIGHER -> Direction.AT_LEAST;
            case LOWER -> Direction.AT_MOST;
            case NONE -> null;
        };
    }

    private static Status against(BigDecimal value, BigDecimal goal, Direction direction, BigDecimal tolerance) {
        BigDecimal slack = goal.abs().multiply(tolerance);
        if (direction == Direction.AT_LEAST) {
            return value.compareTo(goal) >= 0 ? Status.GOOD
                    : value.compareTo(goal.subtract(slack)) >= 0 ? Status.WARN : Status.BAD;
        }
        return value.compareTo(goal) <= 0 ? Status.GOOD
                : value.compareTo(goal.add(slack)) <= 0 ? Status.WARN : Status.BAD;
    }

    private Set<Flag> flags(KpiValue value, List<BigDecimal> trend) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (isSmallSample(value, settings.smallSample())) {
            flags.add(Flag.SMALL_SAMPLE);
        }
        // a trend of 8 quarters or 5 years holds fewer than 8 periods before this one: no anomaly check then
        if (isAnomaly(value.value(), trend.subList(Math.max(0, trend.size() - 1 - ANOMALY_HISTORY), trend.size() - 1))) {
            flags.add(Flag.ANOMALY);
        }
        return flags;
    }

    /**
     * A value that rests on fewer than {@code smallSample} cases (kpi-vocabulary.md, "small sample"); values
     * without a case count (sums, money totals) and those without a value never are.
     */
    static boolean isSmallSample(KpiValue value, int smallSample) {
        return value.hasValue() && value.cases() != null && value.cases() < smallSample;
    }

    /**
     * More than 3 sample standard deviations from the mean of the previous 8 values; needs all 8.
     * Eight equal values (deviation 0) give no measure of spread, so nothing is flagged then.
     */
    static boolean isAnomaly(BigDecimal value, List<BigDecimal> previous) {
        if (value == null || previous.size() < ANOMALY_HISTORY || previous.contains(null)) {
            return false;
        }
        MathContext mc = KpiValue.PRECISION;
        BigDecimal n = BigDecimal.valueOf(previous.size());
        BigDecimal mean = previous.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, mc);
        BigDecimal squares = previous.stream().map(v -> v.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal deviation = squares.divide(n.subtract(BigDecimal.ONE), mc).sqrt(mc);
        return deviation.signum() > 0 && value.subtract(mean).abs().compareTo(THREE.multiply(deviation)) > 0;
    }

    private KpiResult withActions(KpiResult result) {
        List<String> fired = measures.measures().stream()
                .filter(m -> m.kpi().equals(result.kpi().id()) && fires(m, result))
                .map(Measure::id).toList();
        return new KpiResult(result.report(), result.period(), result.kpi(), result.value(), result.previousValue(),
                result.previousYearValue(), result.trend(), result.target(), result.status(), result.benchmark(),
                result.flags(), fired);
    }

    static boolean fires(Measure measure, KpiResult result) {
        When when = measure.when();
        BigDecimal value = result.value().value();
        if (when.isEmpty() || value == null) {
            return false;
        }
        BigDecimal share = result.target() == null || result.target().value().signum() == 0 ? null
                : value.divide(result.target().value(), KpiValue.PRECISION);
        BigDecimal change = result.relativeChangeToPrevious();
        return (when.status().isEmpty() || when.status().contains(result.status()))
                && holds(value, when.above(), true) && holds(value, when.below(), false)
                && holds(share, when.targetShareAbove(), true) && holds(share, when.targetShareBelow(), false)
                && holds(change, when.changeAbove(), true) && holds(change, when.changeBelow(), false)
                && (when.anomaly() == null || when.anomaly() == result.flags().contains(Flag.ANOMALY));
    }

    /** A condition left out holds; one given needs a value on the right side of its bound. */
    private static boolean holds(BigDecimal actual, BigDecimal bound, boolean above) {
        if (bound == null) {
            return true;
        }
        return actual != null && (above ? actual.compareTo(bound) > 0 : actual.compareTo(bound) < 0);
    }

    private static String key(String kpi, String dimension, String dimensionValue) {
        return kpi + '\u0000' + (dimension == null ? "" : dimension) + '\u0000'
                + (dimensionValue == null ? "" : dimensionValue);
    }
}
