package io.kpipeline.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.Benchmarks.Benchmark;
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
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.kpi.KpiValue;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KpiEvaluatorTests {

    private static final KpiDefinition CHURN = kpi("churn_rate", Unit.RATE, Better.LOWER);
    private static final KpiDefinition LEADS = kpi("leads_created", Unit.COUNT, Better.HIGHER);
    private static final KpiDefinition OPEN_RATE = kpi("email_open_rate", Unit.RATE, Better.HIGHER);
    private static final ReportingPeriod OCTOBER = ReportingPeriod.parse("2026-10");

    private final Targets targets = new Targets(List.of(
            new Target("churn_rate", null, null, new BigDecimal("0.02"), null, Basis.MONTH, "Head of CS",
                    LocalDate.of(2027, 6, 30), new BigDecimal("0.10")),
            new Target("leads_created", Dimension.CHANNEL, "EMAIL", new BigDecimal("100"), null, Basis.ANY,
                    "Head of Marketing", LocalDate.of(2027, 3, 31), new BigDecimal("0.10"))));
    private final Benchmarks benchmarks = new Benchmarks(List.of(
            new Benchmark("churn_rate", new BigDecimal("0.0491"), Basis.MONTH, null, "B2B", "Recurly Research", null,
                    null),
            new Benchmark("email_open_rate", new BigDecimal("0.2271"), Basis.ANY, null, "all", "Mailchimp", 2019, null)));
    private final Measures measures = new Measures(List.of(
            new Measure("retention-program", "churn_rate", when(List.of(Status.BAD, Status.WARN), null, null),
                    new Text("Bindung", "Retention")),
            new Measure("cross-and-upselling", "churn_rate", when(List.of(), new BigDecimal("0.5"), null),
                    new Text("Cross-Selling", "Cross-selling")),
            new Measure("check-anomaly", "leads_created", new When(List.of(), null, null, null, null, null, null, true),
                    new Text("Prüfen", "Check")),
            new Measure("test-subject-lines", "email_open_rate", when(List.of(Status.BAD), null, null),
                    new Text("Betreffzeilen", "Subject lines"))));
    private final KpiEvaluator evaluator = new KpiEvaluator(new KpiCatalog(List.of(CHURN, LEADS, OPEN_RATE)),
            targets, new IndustryBenchmarks(benchmarks, new BenchmarkSettings(List.of())), measures,
            new KpiSettings(BigDecimal.ONE, 60, 60, List.of("WEBSITE"), Map.of(), 20, 30));

    @Test
    void statusAgainstATargetIsGoodWithinToleranceWarnBeyondItBad() {
        Target atMost2Percent = targets.targets().get(0);
        // lower is better: ≤ 0.02 good, ≤ 0.02 + 10 % of 0.02 = 0.022 warn, above bad
        assertThat(KpiEvaluator.status(CHURN, new BigDecimal("0.02"), atMost2Percent, null)).isEqualTo(Status.GOOD);
        assertThat(KpiEvaluator.status(CHURN, new BigDecimal("0.022"), atMost2Percent, null)).isEqualTo(Status.WARN);
        assertThat(KpiEvaluator.status(CHURN, new BigDecimal("0.0221"), atMost2Percent, null)).isEqualTo(Status.BAD);
        Target atLeast100 = targets.targets().get(1);
        // higher is better: ≥ 100 good, ≥ 90 warn, below bad
        assertThat(KpiEvaluator.status(LEADS, new BigDecimal("100"), atLeast100, null)).isEqualTo(Status.GOOD);
        assertThat(KpiEvaluator.status(LEADS, new BigDecimal("90"), atLeast100, null)).isEqualTo(Status.WARN);
        assertThat(KpiEvaluator.status(LEADS, new BigDecimal("89"), atLeast100, null)).isEqualTo(Status.BAD);
    }

    @Test
    void withoutATargetTheBenchmarkDecidesAndWithoutEitherItIsNeutral() {
        Benchmark openRate = benchmarks.benchmarks().get(1);
        assertThat(KpiEvaluator.status(OPEN_RATE, new BigDecimal("0.25"), null, openRate)).isEqualTo(Status.GOOD);
        // 0.2271 − 10 % = 0.20439: 0.21 warns, 0.20 is bad
        assertThat(KpiEvaluator.status(OPEN_RATE, new BigDecimal("0.21"), null, openRate)).isEqualTo(Status.WARN);
        assertThat(KpiEvaluator.status(OPEN_RATE, new BigDecimal("0.20"), null, openRate)).isEqualTo(Status.BAD);
        assertThat(KpiEvaluator.status(LEADS, new BigDecimal("5"), null, null)).isEqualTo(Status.NEUTRAL);
        assertThat(KpiEvaluator.status(CHURN, null, targets.targets().get(0), null)).isEqualTo(Status.NEUTRAL);
    }

    @Test
    void anAnomalyLiesMoreThanThreeStandardDeviationsFromThePreviousEight() {
        List<BigDecimal> previous = numbers(10, 12, 10, 12, 10, 12, 10, 12);
        // mean 11; sample variance = 8 × 1² / 7 = 8/7; sd ≈ 1.0690; 3 sd ≈ 3.2071
        assertThat(KpiEvaluator.isAnomaly(new BigDecimal("14.2"), previous)).isFalse(); // 3.2 from the mean
        assertThat(KpiEvaluator.isAnomaly(new BigDecimal("14.21"), previous)).isTrue(); // 3.21 from the mean
        assertThat(KpiEvaluator.isAnomaly(new BigDecimal("7.79"), previous)).isTrue();
        assertThat(KpiEvaluator.isAnomaly(new BigDecimal("100"), previous.subList(1, 8))).as("needs 8").isFalse();
        assertThat(KpiEvaluator.isAnomaly(new BigDecimal("100"), numbers(5, 5, 5, 5, 5, 5, 5, 5)))
                .as("no spread to measure against").isFalse();
    }

    @Test
    void evaluationComparesWithEarlierPeriodsAndFiresTheMeasuresOfTheTotal() {
        Map<ReportingPeriod, List<KpiValue>> values = new HashMap<>();
        List<ReportingPeriod> trend = OCTOBER.trend(13);
        int[] leads = {40, 42, 40, 42, 40, 42, 40, 42, 40, 42, 40, 42, 90};
        for (int i = 0; i < trend.size(); i++) {
            List<KpiValue> list = new java.util.ArrayList<>();
            list.add(KpiValue.total("leads_created", BigDecimal.valueOf(leads[i])));
            list.add(KpiValue.countedRatio("churn_rate", null, null, BigDecimal.valueOf(i == 12 ? 3 : 1),
                    BigDecimal.valueOf(100), "no customers"));
            values.put(trend.get(i), list);
        }
        values.put(OCTOBER.sameLastYear().orElseThrow(), List.of(KpiValue.total("leads_created", new BigDecimal("30"))));
        values.get(OCTOBER).add(KpiValue.countedRatio("email_open_rate", null, null, new BigDecimal("5"),
                new BigDecimal("20"), "none delivered"));

        Map<String, KpiResult> byKpi = new HashMap<>();
        evaluator.evaluate(ReportKind.MONTHLY, OCTOBER, values).forEach(r -> byKpi.put(r.kpi().id(), r));

        KpiResult leadsResult = byKpi.get("leads_created");
        assertThat(leadsResult.previousValue()).isEqualByComparingTo("42");
        assertThat(leadsResult.previousYearValue()).isEqualByComparingTo("30");
        assertThat(leadsResult.changeToPrevious()).isEqualByComparingTo("48");
        assertThat(leadsResult.relativeChangeToPreviousYear()).isEqualByComparingTo("2"); // (90 − 30) / 30
        // a 13-month trend starts with the same month last year
        assertThat(leadsResult.trend()).hasSize(13).first().isEqualTo(new BigDecimal("30"));
        assertThat(leadsResult.flags()).containsExactly(Flag.ANOMALY); // 90 vs mean 41 ± 3 × 1.069
        assertThat(leadsResult.actions()).containsExactly("check-anomaly");

        KpiResult churn = byKpi.get("churn_rate");
        assertThat(churn.value().value()).isEqualByComparingTo("0.03"); // 3 / 100
        assertThat(churn.status()).isEqualTo(Status.BAD); // above 0.022
        assertThat(churn.benchmark().citation()).isEqualTo("Recurly Research (undated)");
        assertThat(churn.actions()).containsExactly("retention-program");

        KpiResult openRate = byKpi.get("email_open_rate");
        assertThat(openRate.flags()).containsExactly(Flag.SMALL_SAMPLE); // 20 delivered < 30
        // 0.25 would meet the benchmark 0.2271, but 20 emails are no verdict
        assertThat(openRate.status()).isEqualTo(Status.NEUTRAL);
    }

    @Test
    void aSmallSampleGetsNoStatusAndFiresNoMeasureHoweverBadItsValue() {
        // 1 opened of 29 delivered: 3.4 %, far below the benchmark, resting on 29 emails (< 30)
        Map<ReportingPeriod, List<KpiValue>> small = Map.of(OCTOBER, List.of(KpiValue.countedRatio("email_open_rate",
                null, null, BigDecimal.ONE, BigDecimal.valueOf(29), "none delivered")));
        KpiResult result = evaluator.evaluate(ReportKind.MONTHLY, OCTOBER, small).get(0);
        assertThat(result.flags()).containsExactly(Flag.SMALL_SAMPLE);
        assertThat(result.status()).isEqualTo(Status.NEUTRAL);
        assertThat(result.actions()).isEmpty();
        // 30 emails are enough: the same rate is bad and fires the measure
        Map<ReportingPeriod, List<KpiValue>> enough = Map.of(OCTOBER, List.of(KpiValue.countedRatio("email_open_rate",
                null, null, BigDecimal.ONE, BigDecimal.valueOf(30), "none delivered")));
        KpiResult judged = evaluator.evaluate(ReportKind.MONTHLY, OCTOBER, enough).get(0);
        assertThat(judged.flags()).isEmpty();
        assertThat(judged.status()).isEqualTo(Status.BAD);
        assertThat(judged.actions()).containsExactly("test-subject-lines");
    }

    @Test
    void theCaseCountDecidesNotTheDenominatorAndSumsAreNeverSmall() {
        // churn of 3 customers over 2 cases of a money denominator: the case count rules
        KpiValue fewCases = KpiValue.ratio("churn_rate", null, null, new BigDecimal("300"), new BigDecimal("10000"),
                "none").withCases(2);
        assertThat(KpiEvaluator.isSmallSample(fewCases, 30)).isTrue();
        assertThat(KpiEvaluator.isSmallSample(fewCases.withCases(30), 30)).isFalse();
        // a count has no case count: 3 leads are 3 leads, not a sample
        assertThat(KpiEvaluator.isSmallSample(KpiValue.total("leads_created", new BigDecimal("3")), 30)).isFalse();
        // no value, nothing to flag
        assertThat(KpiEvaluator.isSmallSample(KpiValue.countedRatio("churn_rate", null, null, BigDecimal.ZERO,
                BigDecimal.ZERO, "no customers"), 30)).isFalse();
    }

    @Test
    void aMonthlyTargetOrBenchmarkDoesNotApplyToAWeek() {
        ReportingPeriod week = ReportingPeriod.parse("2026-W44");
        Map<ReportingPeriod, List<KpiValue>> values = Map.of(week, List.of(
                KpiValue.countedRatio("churn_rate", null, null, BigDecimal.ONE, BigDecimal.valueOf(100), "none")));
        KpiResult churn = evaluator.evaluate(ReportKind.WEEKLY, week, values).get(0);
        assertThat(churn.target()).isNull();
        assertThat(churn.benchmark()).isNull();
        assertThat(churn.status()).isEqualTo(Status.NEUTRAL);
    }

    @Test
    void churnFarBelowItsTargetRecommendsCrossSelling() {
        Map<ReportingPeriod, List<KpiValue>> values = Map.of(OCTOBER, List.of(
                KpiValue.ratio("churn_rate", null, null, new BigDecimal("0.5"), BigDecimal.valueOf(100), "none")
                        .withCases(100)));
        KpiResult churn = evaluator.evaluate(ReportKind.MONTHLY, OCTOBER, values).get(0);
        // 0.005 / 0.02 = 0.25 < 0.5
        assertThat(churn.actions()).containsExactly("cross-and-upselling");
    }

    private static When when(List<Status> status, BigDecimal targetShareBelow, BigDecimal above) {
        return new When(status, above, null, null, targetShareBelow, null, null, null);
    }

    private static List<BigDecimal> numbers(int... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    private static KpiDefinition kpi(String id, Unit unit, Better better) {
        return new KpiDefinition(id, new Text(id, id), new Text(id, id), new Text(id, id),
                unit, better, Category.CUSTOMERS, Indicator.LAGGING, List.of(), true);
    }
}
