package io.kpipeline.review;

import io.kpipeline.evaluation.Targets.Target;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The review's look at the KPI set itself: which enabled KPIs had no value in the cycle (not
 * measurable), which had one on too few cases to be judged (small sample), which lack a target or whose deadline has passed (not SMART: a target with value,
 * owner and deadline is what makes a KPI specific, measurable, assignable and time-bound; the
 * targets file cannot hold one without owner or deadline), and which pairs moved almost
 * identically week by week (redundant: Pearson |r| at or above the threshold both over the weekly
 * values and over their week-over-week changes, with the same sign — on levels alone any two KPIs
 * that merely grow steadily, such as followers and customer tenure, would correlate near 1).
 *
 * @param unmeasurable the KPIs without a value in the cycle, with the reason the engine gave
 * @param smallSamples the KPIs whose value in the cycle rests on too few cases, with their count
 * @param notSmart     the KPIs without a target, or with a deadline on or before the cycle's last day
 * @param redundant    the pairs whose weekly values correlate, strongest first
 */
public record KpiInventory(List<Unmeasurable> unmeasurable, List<SmallSample> smallSamples, List<NotSmart> notSmart,
        List<RedundantPair> redundant) {

    public record Unmeasurable(KpiDefinition kpi, String reason) {
    }

    /** A value of the cycle on {@code cases} cases, fewer than the small-sample size. */
    public record SmallSample(KpiDefinition kpi, long cases) {
    }

    public enum Gap {
        NO_TARGET, DEADLINE_PASSED
    }

    public record NotSmart(KpiDefinition kpi, Gap gap, Target target) {
    }

    /**
     * {@code first} comes before {@code second} in the catalog; {@code r} is over the weekly values,
     * {@code rChanges} over their week-over-week changes; {@code weeks} is how many weeks both had values.
     */
    public record RedundantPair(KpiDefinition first, KpiDefinition second, double r, double rChanges, int weeks) {
    }

    /**
     * @param cycle     the review cycle
     * @param kpis      the enabled KPIs in catalog order
     * @param targets   each KPI's target for 30 days; absent means none
     * @param current     each KPI's value in the cycle; absent means none
     * @param reasons     why a KPI has no value, as the engine stored it
     * @param weekly      each KPI's weekly values, the same weeks for all, null where there is none
     * @param rules       the minimum of weeks and the |r| threshold
     * @param smallSample values on fewer cases are small samples
     */
    public static KpiInventory take(ReportingPeriod cycle, List<KpiDefinition> kpis, Map<String, Target> targets,
            Map<String, Observation> current, Map<String, String> reasons, Map<String, List<BigDecimal>> weekly,
            Redundancy rules, int smallSample) {
        List<Unmeasurable> unmeasurable = new ArrayList<>();
        List<SmallSample> smallSamples = new ArrayList<>();
        List<NotSmart> notSmart = new ArrayList<>();
        for (KpiDefinition kpi : kpis) {
            Observation value = current.get(kpi.id());
            if (value == null || !value.hasValue()) {
                unmeasurable.add(new Unmeasurable(kpi, reasons.get(kpi.id())));
            } else if (value.isSmallSample(smallSample)) {
                smallSamples.add(new SmallSample(kpi, value.cases()));
            }
            Target target = targets.get(kpi.id());
            if (target == null) {
                notSmart.add(new NotSmart(kpi, Gap.NO_TARGET, null));
            } else if (!target.deadline().isAfter(cycle.last())) {
                notSmart.add(new NotSmart(kpi, Gap.DEADLINE_PASSED, target));
            }
        }
        return new KpiInventory(unmeasurable, smallSamples, notSmart, redundant(kpis, weekly, rules));
    }

    static List<RedundantPair> redundant(List<KpiDefinition> kpis, Map<String, List<BigDecimal>> weekly,
            Redundancy rules) {
        List<RedundantPair> pairs = new ArrayList<>();
        for (int i = 0; i < kpis.size(); i++) {
            List<BigDecimal> a = weekly.get(kpis.get(i).id());
            for (int j = i + 1; j < kpis.size() && a != null; j++) {
                List<BigDecimal> b = weekly.get(kpis.get(j).id());
                if (b == null) {
                    continue;
                }
                OptionalDouble r = Pearson.r(a, b, rules.minimumWeeks());
                OptionalDouble changes = Pearson.r(changes(a), changes(b), rules.minimumWeeks() - 1);
                if (r.isPresent() && changes.isPresent() && Math.abs(r.getAsDouble()) >= rules.threshold()
                        && Math.abs(changes.getAsDouble()) >= rules.threshold()
                        && Math.signum(r.getAsDouble()) == Math.signum(changes.getAsDouble())) {
                    pairs.add(new RedundantPair(kpis.get(i), kpis.get(j), r.getAsDouble(), changes.getAsDouble(),
                            common(a, b)));
                }
            }
        }
        // strongest first, to 4 decimals so that rounding noise does not reorder; ties in catalog order
        pairs.sort(Comparator.comparingLong((RedundantPair p) -> -Math.round(Math.abs(p.r()) * 10_000)));
        return pairs;
    }

    /** The change from each week to the next; null where either week has no value. */
    static List<BigDecimal> changes(List<BigDecimal> weekly) {
        List<BigDecimal> changes = new ArrayList<>();
        for (int i = 1; i < weekly.size(); i++) {
            changes.add(weekly.get(i) == null || weekly.get(i - 1) == null ? null
                    : weekly.get(i).subtract(weekly.get(i - 1)));
        }
        return changes;
    }

    private static int common(List<BigDecimal> a, List<BigDecimal> b) {
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            n += a.get(i) != null && b.get(i) != null ? 1 : 0;
        }
        return n;
    }

    /**
     * @param minimumWeeks the weeks both KPIs need a value in before r counts
     * @param threshold    |r| from which a pair is redundant
     */
    public record Redundancy(int minimumWeeks, double threshold) {
    }
}
