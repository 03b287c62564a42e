package io.kpipeline.review;

import static io.kpipeline.review.ReviewFixtures.CYCLE;
import static io.kpipeline.review.ReviewFixtures.kpi;
import static io.kpipeline.review.ReviewFixtures.series;
import static io.kpipeline.review.ReviewFixtures.target;
import static io.kpipeline.review.ReviewFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Better;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.kpi.KpiDefinition.Unit;
import io.kpipeline.review.KpiInventory.Gap;
import io.kpipeline.review.KpiInventory.NotSmart;
import io.kpipeline.review.KpiInventory.RedundantPair;
import io.kpipeline.review.KpiInventory.Redundancy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiInventoryTests {

    static final KpiDefinition A = kpi("a", Unit.COUNT, Better.HIGHER, Category.LEAD_GENERATION);
    static final KpiDefinition B = kpi("b", Unit.RATE, Better.HIGHER, Category.INTERACTION);
    static final KpiDefinition C = kpi("c", Unit.COUNT, Better.HIGHER, Category.LEAD_GENERATION);
    static final KpiDefinition D = kpi("d", Unit.COUNT, Better.HIGHER, Category.CUSTOMERS);
    static final KpiDefinition E = kpi("e", Unit.COUNT, Better.LOWER, Category.CUSTOMERS);
    static final Redundancy RULES = new Redundancy(8, 0.95);

    /** a zigzags upwards; c = 3a and e = 100 - 3a move with it; d grows by exactly 1 a week. */
    static Map<String, List<BigDecimal>> weekly() {
        Map<String, List<BigDecimal>> weekly = new HashMap<>();
        weekly.put("a", series("10", "12", "11", "14", "13", "16", "15", "18", "17", "20"));
        weekly.put("b", series(null, null, null, null, null, null, null, null, null, null));
        weekly.put("c", series("30", "36", "33", "42", "39", "48", "45", "54", "51", "60"));
        weekly.put("d", series("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"));
        weekly.put("e", series("70", "64", "67", "58", "61", "52", "55", "46", "49", "40"));
        return weekly;
    }

    /** b has no value; e's rests on 12 cases. */
    static KpiInventory inventory() {
        Map<String, Observation> current = new HashMap<>(Map.of("a", value("1"), "c", value("2"), "d", value("10"),
                "e", value("1", 12)));
        current.put("b", Observation.NONE);
        return KpiInventory.take(CYCLE, List.of(A, B, C, D, E),
                Map.of("a", target("a", "300", null, LocalDate.of(2027, 3, 31)),
                        "d", target("d", "5", null, LocalDate.of(2026, 10, 31))),
                current, Map.of("b", "no delivered marketing emails in the period"), weekly(), RULES, 30);
    }

    @Test
    void aKpiWithoutAValueInTheCycleIsNotMeasurable() {
        assertThat(inventory().unmeasurable()).extracting(u -> u.kpi().id(), KpiInventory.Unmeasurable::reason)
                .containsExactly(tuple("b", "no delivered marketing emails in the period"));
    }

    @Test
    void aKpiWhoseValueRestsOnTooFewCasesIsASmallSample() {
        assertThat(inventory().smallSamples()).extracting(s -> s.kpi().id(), KpiInventory.SmallSample::cases)
                .containsExactly(tuple("e", 12L));
    }

    @Test
    void aKpiWithoutATargetOrWithAPassedDeadlineIsNotSmart() {
        // d's deadline 2026-10-31 is the cycle's last day: no time left
        assertThat(inventory().notSmart()).extracting(n -> n.kpi().id(), NotSmart::gap).containsExactly(
                tuple("b", Gap.NO_TARGET), tuple("c", Gap.NO_TARGET), tuple("d", Gap.DEADLINE_PASSED),
                tuple("e", Gap.NO_TARGET));
    }

    @Test
    void pairsThatMoveInStepAreRedundantThoseThatOnlyShareATrendAreNot() {
        // c = 3a and e = 100 - 3a: r = +1 and -1 over the values and over the changes, for all 10 weeks.
        // d grows steadily like a (r of the values 0.9506 ≥ 0.95) but its changes are all 1: constant,
        // so no correlation of the changes, and a steady trend alone makes no redundancy.
        List<RedundantPair> pairs = inventory().redundant();
        assertThat(pairs).extracting(p -> p.first().id() + "-" + p.second().id())
                .containsExactlyInAnyOrder("a-c", "a-e", "c-e");
        for (RedundantPair p : pairs) {
            assertThat(Math.abs(p.r())).isCloseTo(1.0, within(1e-12));
            assertThat(p.rChanges()).isCloseTo(p.r(), within(1e-12));
            assertThat(p.weeks()).isEqualTo(10);
        }
        assertThat(Pearson.r(weekly().get("a"), weekly().get("d"), 8).getAsDouble()).isGreaterThan(0.95);
    }

    @Test
    void tooFewCommonWeeksMakeNoPair() {
        var rules = new Redundancy(11, 0.95);
        assertThat(KpiInventory.redundant(List.of(A, C), weekly(), rules)).isEmpty();
    }
}
