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

    /** The values a review reads, each a total per KPI id; a missing key or null means no value. */
    public record Values(Map<String, BigDecimal> current, Map<String, BigDecimal> baseline,
            Map<String, String> reasons, List<Map<String, BigDecimal>> checkpoints,
            List<Map<String, BigDecimal>> weeks) {
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
     * @param values  the cycle's, baseline's, checkpoints' and weeks' values
     * @param rules   when a pair counts as redundant
     */
    public static ReviewFindings of(ReportingPeriod cycle, List<KpiDefinition> enabled, Targets targets, Values values,
            KpiInventory.Redundancy rules) {
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
            progress.add(TargetProgress.assess(cycle, kpi, target, values.baseline().get(kpi.id()),
                    values.checkpoints().stream().map(c -> c.get(kpi.id())).toList(), values.current().get(kpi.id())));
        }
        KpiInventory inventory = KpiInventory.take(cycle, enabled, reviewTargets, values.current(), values.reasons(),
                weekly, rules);
        return new ReviewFindings(progress, inventory, ReviewAgenda.from(progress, inventory, reviewTargets.keySet()));
    }
}
