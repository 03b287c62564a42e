package io.kpipeline.review;

import static io.kpipeline.review.KpiInventoryTests.A;
import static io.kpipeline.review.KpiInventoryTests.C;
import static io.kpipeline.review.ReviewFixtures.CYCLE;
import static io.kpipeline.review.ReviewFixtures.history;
import static io.kpipeline.review.ReviewFixtures.observations;
import static io.kpipeline.review.ReviewFixtures.target;
import static io.kpipeline.review.ReviewFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.review.ReviewAgenda.Action;
import io.kpipeline.review.ReviewAgenda.Adjustment;
import io.kpipeline.review.ReviewAgenda.Question;
import io.kpipeline.review.ReviewAgenda.Topic;
import io.kpipeline.review.TargetProgress.Rules;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewAgendaTests {

    @Test
    void everyFindingBecomesAnAdjustmentAndAQuestion() {
        // a has a target and is off track (falling, 300 needed); the inventory of KpiInventoryTests:
        // b not measurable, c and e without a target, d's deadline passed, pairs a-c, a-e, c-e
        // 290 … 260: slope −10/7, intercept 275 + 25 = 300; day 61: 300 − 610/7 = 212.9, within 340 … 220
        // widened to 160 … 400
        var offTrack = TargetProgress.assess(CYCLE, A, target("a", "300", null, LocalDate.of(2026, 12, 1)),
                Observation.NONE, observations("290", "280", "270", "260"), value("255"), history("340", "-10"),
                Rules.DEFAULT);
        assertThat(offTrack.verdict()).isEqualTo(Verdict.OFF_TRACK);
        ReviewAgenda agenda = ReviewAgenda.from(List.of(offTrack), KpiInventoryTests.inventory(), Set.of("a", "d"));

        assertThat(agenda.adjustments()).extracting(Adjustment::action, a -> ids(a.kpis())).containsExactly(
                tuple(Action.MERGE, "a,c"), tuple(Action.MERGE, "a,e"), tuple(Action.MERGE, "c,e"),
                tuple(Action.DROP, "b"), tuple(Action.NEW_DEADLINE, "d"),
                // c (lead generation) and e (customers); b has no value and is to be dropped instead
                tuple(Action.SET_TARGET, "c"), tuple(Action.SET_TARGET, "e"));
        assertThat(agenda.adjustments().get(5).finding()).isEqualTo(Category.LEAD_GENERATION);
        assertThat(agenda.questions()).extracting(Question::topic, q -> ids(q.kpis())).containsExactly(
                tuple(Topic.OFF_TRACK, "a"), tuple(Topic.REDUNDANT, "a,c"), tuple(Topic.REDUNDANT, "a,e"),
                tuple(Topic.REDUNDANT, "c,e"), tuple(Topic.NOT_MEASURABLE, "b"), tuple(Topic.DEADLINE_PASSED, "d"),
                tuple(Topic.NO_TARGET, "c,e"));
    }

    @Test
    void aMergeKeepsTheKpiWithATarget() {
        var pair = new KpiInventory.RedundantPair(A, C, 0.99, 0.97, 13);
        var inventory = new KpiInventory(List.of(), List.of(), List.of(), List.of(pair));
        assertThat(ReviewAgenda.from(List.of(), inventory, Set.of("c")).adjustments().get(0).kpis())
                .containsExactly(C, A);
    }

    @Test
    void aTargetReachedTwoCyclesInARowIsToBeRaised() {
        // far deadline: judged on the cycle's 322 alone, rising
        var reached = TargetProgress.assess(CYCLE, A, target("a", "300", null, LocalDate.of(2027, 3, 31)),
                value("310"), observations("305", "310", "315", "320"), value("322"), history("280", "3"),
                Rules.DEFAULT);
        var agenda = ReviewAgenda.from(List.of(reached), EMPTY, Set.of("a"));
        assertThat(agenda.adjustments()).extracting(Adjustment::action).containsExactly(Action.RAISE_TARGET);
        assertThat(agenda.questions()).extracting(Question::topic).containsExactly(Topic.RAISE_TARGET);
    }

    @Test
    void aKpiHeadingTheWrongWayIsAQuestionToItsOwner() {
        // far deadline, 255 below 300 and falling
        var wrong = TargetProgress.assess(CYCLE, A, target("a", "300", null, LocalDate.of(2027, 3, 31)),
                Observation.NONE, observations("290", "280", "270", "260"), value("255"), history("320", "-5"),
                Rules.DEFAULT);
        assertThat(wrong.verdict()).isEqualTo(Verdict.DIRECTION_WRONG);
        var agenda = ReviewAgenda.from(List.of(wrong), EMPTY, Set.of("a"));
        assertThat(agenda.questions()).extracting(Question::topic, Question::finding)
                .containsExactly(tuple(Topic.DIRECTION_WRONG, wrong));
        assertThat(agenda.adjustments()).isEmpty();
    }

    @Test
    void aKpiWithATargetOnTooFewCasesIsAQuestionNotAVerdict() {
        var small = TargetProgress.assess(CYCLE, A, target("a", "300", null, LocalDate.of(2026, 12, 1)),
                Observation.NONE, observations("290", "280", "270", "260"), value("255", 11), history("320", "-5"),
                Rules.DEFAULT);
        var agenda = ReviewAgenda.from(List.of(small), EMPTY, Set.of("a"));
        assertThat(agenda.questions()).extracting(Question::topic).containsExactly(Topic.SMALL_SAMPLE);
    }

    private static final KpiInventory EMPTY = new KpiInventory(List.of(), List.of(), List.of(), List.of());

    private static String ids(List<KpiDefinition> kpis) {
        return String.join(",", kpis.stream().map(KpiDefinition::id).toList());
    }
}
