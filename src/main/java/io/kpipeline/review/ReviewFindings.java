package io.kpipeline.review;

import io.kpipeline.evaluation.Targets;
import io.kpipeline.evaluation.Targets.Target;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.period.PeriodKind;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a 30-day review finds for one cycle: the progress of each KPI with a target, the KPI
 * inventory, and the adjustments and questions generated from both.
 */
public record ReviewFindings(List<TargetProgress> progress, KpiInventory inventory, ReviewAgenda agenda) {

    /**
     * The values a review reads, each a total per KPI id; a missing key means no value.
     *
     * @param current     the cycle's values
     * @param baseline    the values of the 30 days before the cycle
     * @param reasons     why a KPI has no value in the cycle
     * @param checkpoints the four checkpoints' values ({@link ReviewPeriods#checkpoints})
     * @param history     the 13 weeks' 30-day values ({@link ReviewPeriods#history})
     * @param weeks       the ISO weeks' values for the redundancy check
     */
    public record Values(Map<String, Observation> current, Map<String, Observation> baseline,
            Map<String, String> reasons, List<Map<String, Observation>> checkpoints,
            List<Map<String, Observation>> history, List<Map<String, BigDecimal>> weeks) {
    }

    /**
     * The target a review measures a KPI's 30-day value against: one for 30 days or for any period,
     * else the monthly one (a cycle is as long as a month, give or take a day); weekly, quarterly and
     * yearly targets are on another scale and do not apply.
     */
    public static Target targetFor(Targets targets, String kpiId) {
        return targets.find(kpiId, null, null, PeriodKind.ROLLING_30_DAYS)
                .or(() -> targets.find(kpiId, null, null, PeriodKind.MONTH)).orElse(null);
    }

    /**
     * @param cycle   the review cycle
     * @param enabled the enabled KPIs in catalog order
     * @param targets the targets file
     * @param values  the cycle's, baseline's, checkpoints', history's and weeks' values
     * @param rules   when a pair counts as redundant
     * @param judging when a projection is made and which values are small samples
     */
    public static ReviewFindings of(ReportingPeriod cycle, List<KpiDefinition> enabled, Targets targets, Values values,
            KpiInventory.Redundancy rules, TargetProgress.Rules judging) {
        Map<String, Target> reviewTargets = new LinkedHashMap<>();
        List<TargetProgress> progress = new ArrayList<>();
        Map<String, List<BigDecimal>> weekly = new LinkedHashMap<>();
        for (KpiDefinition kpi : enabled) {
            weekly.put(kpi.id(), values.weeks().stream().map(w -> w.get(kpi.id())).toList());
            Target target = targetFor(targets, kpi.id());
            if (target == null) {
                continue;
            }
            reviewTargets.put(kpi.id(), target);
            progress.add(TargetProgress.assess(cycle, kpi, target, of(values.baseline(), kpi),
                    values.checkpoints().stream().map(c -> of(c, kpi)).toList(), of(values.current(), kpi),
                    values.history().stream().map(h -> of(h, kpi)).toList(), judging));
        }
        KpiInventory inventory = KpiInventory.take(cycle, enabled, reviewTargets, values.current(), values.reasons(),
                weekly, rules, judging.smallSample());
        return new ReviewFindings(progress, inventory, ReviewAgenda.from(progress, inventory, reviewTargets.keySet()));
    }

    private static Observation of(Map<String, Observation> values, KpiDefinition kpi) {
        Observation value = values.get(kpi.id());
        return value == null ? Observation.NONE : value;
    }
}
