package io.kpipeline.review;

import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.review.KpiInventory.Gap;
import io.kpipeline.review.KpiInventory.NotSmart;
import io.kpipeline.review.KpiInventory.RedundantPair;
import io.kpipeline.review.KpiInventory.Unmeasurable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the review recommends and asks, generated from its findings: drop a KPI that cannot be
 * measured, merge a redundant pair (keep the one with a target, else the one listed first in
 * config/kpis.yml), set a target where there is none (per category), set a new deadline where it
 * has passed, raise a target reached two cycles in a row (and not heading away from it); and one
 * question for the joint sales and marketing meeting per KPI off track or heading the wrong way,
 * redundant pair and target to raise, one for all KPIs without data, one per KPI with a target whose
 * value rests on too few cases to be judged, one per passed deadline and one for all KPIs without a
 * target.
 *
 * @param adjustments the recommended changes to the KPI set and its targets
 * @param questions   the questions for the review meeting, most pressing first
 */
public record ReviewAgenda(List<Adjustment> adjustments, List<Question> questions) {

    public enum Action {
        DROP, MERGE, SET_TARGET, NEW_DEADLINE, RAISE_TARGET
    }

    /**
     * @param kpis    the KPIs concerned; for MERGE the one to keep first
     * @param finding what it rests on: {@link Unmeasurable}, {@link RedundantPair}, {@link NotSmart},
     *                {@link TargetProgress}, or for SET_TARGET the {@link Category}
     */
    public record Adjustment(Action action, List<KpiDefinition> kpis, Object finding) {
    }

    public enum Topic {
        OFF_TRACK, DIRECTION_WRONG, REDUNDANT, NOT_MEASURABLE, SMALL_SAMPLE, RAISE_TARGET, DEADLINE_PASSED, NO_TARGET
    }

    /**
     * @param finding as for {@link Adjustment}; for OFF_TRACK, DIRECTION_WRONG and SMALL_SAMPLE the
     *                {@link TargetProgress}; for NOT_MEASURABLE and NO_TARGET null
     */
    public record Question(Topic topic, List<KpiDefinition> kpis, Object finding) {
    }

    public static ReviewAgenda from(List<TargetProgress> progress, KpiInventory inventory, Set<String> withTarget) {
        List<Adjustment> adjustments = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        for (TargetProgress p : progress) {
            if (p.verdict() == Verdict.OFF_TRACK) {
                questions.add(new Question(Topic.OFF_TRACK, List.of(p.kpi()), p));
            } else if (p.verdict() == Verdict.DIRECTION_WRONG) {
                questions.add(new Question(Topic.DIRECTION_WRONG, List.of(p.kpi()), p));
            }
        }
        for (RedundantPair pair : inventory.redundant()) {
            boolean keepSecond = withTarget.contains(pair.second().id()) && !withTarget.contains(pair.first().id());
            List<KpiDefinition> kpis = keepSecond ? List.of(pair.second(), pair.first())
                    : List.of(pair.first(), pair.second());
            adjustments.add(new Adjustment(Action.MERGE, kpis, pair));
            questions.add(new Question(Topic.REDUNDANT, kpis, pair));
        }
        for (Unmeasurable u : inventory.unmeasurable()) {
            adjustments.add(new Adjustment(Action.DROP, List.of(u.kpi()), u));
        }
        if (!inventory.unmeasurable().isEmpty()) {
            questions.add(new Question(Topic.NOT_MEASURABLE,
                    inventory.unmeasurable().stream().map(Unmeasurable::kpi).toList(), null));
        }
        for (TargetProgress p : progress) {
            if (p.why() == TargetProgress.NoProjection.SMALL_SAMPLE) {
                questions.add(new Question(Topic.SMALL_SAMPLE, List.of(p.kpi()), p));
            }
        }
        for (TargetProgress p : progress) {
            if (p.reachedTwice()) {
                adjustments.add(new Adjustment(Action.RAISE_TARGET, List.of(p.kpi()), p));
                questions.add(new Question(Topic.RAISE_TARGET, List.of(p.kpi()), p));
            }
        }
        Set<String> unmeasurable = new java.util.HashSet<>();
        inventory.unmeasurable().forEach(u -> unmeasurable.add(u.kpi().id()));
        Map<Category, List<KpiDefinition>> withoutTarget = new LinkedHashMap<>();
        for (NotSmart n : inventory.notSmart()) {
            if (n.gap() == Gap.DEADLINE_PASSED) {
                adjustments.add(new Adjustment(Action.NEW_DEADLINE, List.of(n.kpi()), n));
                questions.add(new Question(Topic.DEADLINE_PASSED, List.of(n.kpi()), n));
            } else if (!unmeasurable.contains(n.kpi().id())) {
                withoutTarget.computeIfAbsent(n.kpi().category(), c -> new ArrayList<>()).add(n.kpi());
            }
        }
        withoutTarget.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                adjustments.add(new Adjustment(Action.SET_TARGET, e.getValue(), e.getKey())));
        if (!withoutTarget.isEmpty()) {
            questions.add(new Question(Topic.NO_TARGET,
                    withoutTarget.values().stream().flatMap(List::stream).toList(), null));
        }
        return new ReviewAgenda(adjustments, questions);
    }
}
