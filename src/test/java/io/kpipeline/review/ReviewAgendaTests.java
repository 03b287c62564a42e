package io.kpipeline.review;

import static io.kpipeline.review.KpiInventoryTests.A;
import static io.kpipeline.review.KpiInventoryTests.C;
import static io.kpipeline.review.ReviewFixtures.CYCLE;
import static io.kpipeline.review.ReviewFixtures.series;
import static io.kpipeline.review.ReviewFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.review.ReviewAgenda.Action;
import io.kpipeline.review.ReviewAgenda.Adjustment;
import io.kpipeline.review.ReviewAgenda.Question;
import io.kpipeline.review.ReviewAgenda.Topic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewAgendaTests {

    @Test
    void everyFindingBecomesAnAdjustmentAndAQuestion() {
        // a has a target and is off track (falling, 300 needed); the inventory of KpiInventoryTests:
        // b not measurable, c and e without a target, d's deadline passed, pairs a-c, a-e, c-e
        var offTrack = TargetProgress.assess(CYCLE, A, target("a", "300", null, LocalDate.of(2026, 12, 1)), null,
                series("290", "280", "270", "260"), new BigDecimal("255"));
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
        var inventory = new KpiInventory(List.of(), List.of(), List.of(pair));
        assertThat(ReviewAgenda.from(List.of(), inventory, Set.of("c")).adjustments().get(0).kpis())
                .containsExactly(C, A);
    }

    @Test
    void aTargetReachedTwoCyclesInARowIsToBeRaised() {
        var reached = TargetProgress.assess(CYCLE, A, target("a", "300", null, LocalDate.of(2026, 12, 1)),
                new BigDecimal("310"), series("305", "310", "315", "320"), new BigDecimal("322"));
        var agenda = ReviewAgenda.from(List.of(reached), new KpiInventory(List.of(), List.of(), List.of()), Set.of("a"));
        assertThat(agenda.adjustments()).extracting(Adjustment::action).containsExactly(Action.RAISE_TARGET);
        assertThat(agenda.questions()).extracting(Question::topic).containsExactly(Topic.RAISE_TARGET);
    }

    private static String ids(List<KpiDefinition> kpis) {
        return String.join(",", kpis.stream().map(KpiDefinition::id).toList());
    }
}
