package io.kpipeline.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.Measures.Measure;
import io.kpipeline.evaluation.Measures.When;
import io.kpipeline.evaluation.Targets.Basis;
import io.kpipeline.evaluation.Targets.Target;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Better;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.kpi.KpiDefinition.Dimension;
import io.kpipeline.kpi.KpiDefinition.Indicator;
import io.kpipeline.kpi.KpiDefinition.Text;
import io.kpipeline.kpi.KpiDefinition.Unit;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakdownJudgeTests {

    private static final ReportingPeriod WEEK_44 = ReportingPeriod.parse("2026-W44");

    private final Targets targets = new Targets(List.of(
            target("win_rate", null, null, "0.25"),
            target("win_rate", Dimension.REP, "REP-02", "0.40"),
            target("contacts", null, null, "300")));
    private final Measures measures = new Measures(List.of(
            new Measure("coach-closing", "win_rate", new When(List.of(Status.BAD), null, null, null, null, null, null,
                    null), new Text("Abschluss", "Closing")),
            new Measure("more-calls", "contacts", new When(List.of(), null, new BigDecimal("50"), null, null, null,
                    null, null), new Text("Mehr Anrufe", "More calls"))));
    private final BreakdownJudge judge = new BreakdownJudge(new KpiCatalog(List.of(
            kpi("win_rate", Unit.RATE), kpi("contacts", Unit.COUNT))), targets,
            new IndustryBenchmarks(new Benchmarks(List.of()), new BenchmarkSettings(List.of())), measures);

    @Test
    void aRepsRateIsJudgedAgainstTheTeamTargetUnlessTheRepHasOwnOne() {
        // team target 25 %, 10 % tolerance: 22.5 %; 20 % is bad and fires the measure on BAD
        var rep1 = judge.judge(rep("win_rate", "REP-01", "0.20"), WEEK_44, true);
        assertThat(rep1.status()).isEqualTo(Status.BAD);
        assertThat(rep1.target().value()).isEqualByComparingTo("0.25");
        assertThat(rep1.measures()).extracting(Measure::id).containsExactly("coach-closing");
        // REP-02's own target is 40 %: 38 % lies within 10 % of it (36 %) → warning, no measure
        var rep2 = judge.judge(rep("win_rate", "REP-02", "0.38"), WEEK_44, true);
        assertThat(rep2.status()).isEqualTo(Status.WARN);
        assertThat(rep2.measures()).isEmpty();
    }

    @Test
    void aRepsCountIsNotHeldToTheTeamsTargetButRulesOnTheValueStillFire() {
        // 40 contacts of one rep against the team's 300 would be bad; without a yardstick it is neutral
        var judged = judge.judge(rep("contacts", "REP-01", "40"), WEEK_44, false);
        assertThat(judged.status()).isEqualTo(Status.NEUTRAL);
        assertThat(judged.target()).isNull();
        // below 50 fires on the rep's own value
        assertThat(judged.measures()).extracting(Measure::id).containsExactly("more-calls");
        assertThat(judge.judge(rep("contacts", "REP-02", "60"), WEEK_44, false).measures()).isEmpty();
    }

    @Test
    void aRepsRateOnASmallSampleIsNeutralAndFiresNothing() {
        // 1 won of 4 closed deals: 25 %, far below REP-02's 40 %, but four deals are no verdict on a person
        var small = new StoredResult("win_rate", "rep", "REP-02", new BigDecimal("0.25"), "rate", BigDecimal.ONE,
                BigDecimal.valueOf(4), 4L, null, null, null, List.of(), null, null, null, Status.NEUTRAL, null, null,
                List.of("SMALL_SAMPLE"), List.of());
        var judged = judge.judge(small, WEEK_44, true);
        assertThat(judged.status()).isEqualTo(Status.NEUTRAL);
        assertThat(judged.measures()).isEmpty();
    }

    @Test
    void aBreakdownWithoutValueIsNeutralAndFiresNothing() {
        var none = new StoredResult("win_rate", "rep", "REP-01", null, "rate", BigDecimal.ZERO, BigDecimal.ZERO,
                "no deals", null, null, List.of(), null, null, null, Status.NEUTRAL, null, null, List.of(), List.of());
        var judged = judge.judge(none, WEEK_44, true);
        assertThat(judged.status()).isEqualTo(Status.NEUTRAL);
        assertThat(judged.measures()).isEmpty();
    }

    private static StoredResult rep(String kpi, String rep, String value) {
        return new StoredResult(kpi, "rep", rep, new BigDecimal(value), null, null, null, null, null, null, List.of(),
                null, null, null, Status.NEUTRAL, null, null, List.of(), List.of());
    }

    private static Target target(String kpi, Dimension dimension, String value, String goal) {
        return new Target(kpi, dimension, value, new BigDecimal(goal), null, Basis.ANY, "Head of Sales",
                LocalDate.of(2027, 6, 30), new BigDecimal("0.10"));
    }

    private static KpiDefinition kpi(String id, Unit unit) {
        return new KpiDefinition(id, new Text(id, id), new Text(id, id), new Text(id, id),
                unit, Better.HIGHER, Category.SALES, Indicator.LAGGING, List.of(Dimension.REP), true);
    }
}
