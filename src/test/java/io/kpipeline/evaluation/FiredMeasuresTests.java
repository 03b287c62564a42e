package io.kpipeline.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.FiredMeasures.FiredMeasure;
import io.kpipeline.evaluation.FiredMeasures.Weakest;
import io.kpipeline.evaluation.Measures.Measure;
import io.kpipeline.evaluation.Measures.When;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Better;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.kpi.KpiDefinition.Dimension;
import io.kpipeline.kpi.KpiDefinition.Indicator;
import io.kpipeline.kpi.KpiDefinition.Text;
import io.kpipeline.kpi.KpiDefinition.Unit;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiredMeasuresTests {

    private final FiredMeasures fired = new FiredMeasures(new KpiCatalog(List.of(
            kpi("leads_created", Unit.COUNT, Better.HIGHER, List.of(Dimension.CHANNEL, Dimension.CAMPAIGN)),
            kpi("cost_per_click", Unit.MONEY, Better.LOWER, List.of(Dimension.CHANNEL)),
            kpi("win_rate", Unit.RATE, Better.HIGHER, List.of(Dimension.REP)))),
            new Measures(List.of(measure("more-leads", "leads_created"), measure("cheaper-clicks", "cost_per_click"),
                    measure("coach-closing", "win_rate"))));

    @Test
    void aRateIsComparedWithItsTotalAndItsWorstChannelIsNamed() {
        // lower is better: TRADE_FAIR's 4.12 € per click is the worst; the total 1.60 € is the same clicks' average
        List<StoredResult> results = List.of(
                total("cost_per_click", "1.60", "160", "100", "cheaper-clicks"),
                breakdown("cost_per_click", "channel", "PAID_SEARCH", "1.20", 60L),
                breakdown("cost_per_click", "channel", "TRADE_FAIR", "4.12", 40L),
                breakdown("cost_per_click", "channel", "(none)", "9.00", 40L));

        List<FiredMeasure> measures = fired.of(results);

        assertThat(measures).extracting(f -> f.measure().id()).containsExactly("cheaper-clicks");
        assertThat(measures.get(0).weakest()).isEqualTo(new Weakest(Dimension.CHANNEL, "TRADE_FAIR",
                new BigDecimal("4.12"), new BigDecimal("1.60")));
    }

    @Test
    void aCountIsComparedWithTheMeanOfItsBreakdownValuesNotWithItsSum() {
        // 30 leads: WEBSITE 20, PHONE 4, EMAIL 6; the weakest channel PHONE against the mean 10 per channel
        List<StoredResult> results = List.of(
                total("leads_created", "30", null, null, "more-leads"),
                breakdown("leads_created", "channel", "WEBSITE", "20", null),
                breakdown("leads_created", "channel", "PHONE", "4", null),
                breakdown("leads_created", "channel", "EMAIL", "6", null),
                breakdown("leads_created", "campaign", "C1", "1", null));

        Weakest weakest = fired.of(results).get(0).weakest();

        assertThat(weakest.dimension()).isEqualTo(Dimension.CHANNEL);
        assertThat(weakest.value()).isEqualTo("PHONE");
        assertThat(weakest.reference()).isEqualByComparingTo("10");
    }

    @Test
    void repsOnASmallSampleAreNotNamedAndWithoutTwoJudgeableValuesNobodyIs() {
        List<StoredResult> results = List.of(
                total("win_rate", "0.2", "20", "100", "coach-closing"),
                breakdown("win_rate", "rep", "REP-01", "0.25", 80L),
                smallSample("win_rate", "rep", "REP-02", "0.0", 3L),
                total("leads_created", "30", null, null));

        List<FiredMeasure> measures = fired.of(results);

        // REP-02's 0 % on 3 deals is no verdict; REP-01 alone is nothing to compare
        assertThat(measures).hasSize(1);
        assertThat(measures.get(0).weakest()).isNull();
    }

    private static StoredResult total(String kpi, String value, String numerator, String denominator,
            String... actions) {
        return new StoredResult(kpi, null, null, new BigDecimal(value), "unit",
                numerator == null ? null : new BigDecimal(numerator),
                denominator == null ? null : new BigDecimal(denominator), null, null, null, null, List.of(), null, null,
                null, Status.BAD, null, null, List.of(), List.of(actions));
    }

    private static StoredResult breakdown(String kpi, String dimension, String value, String number, Long cases) {
        return new StoredResult(kpi, dimension, value, new BigDecimal(number), "unit", null, null, cases, null, null,
                null, List.of(), null, null, null, Status.NEUTRAL, null, null, List.of(), List.of());
    }

    private static StoredResult smallSample(String kpi, String dimension, String value, String number, Long cases) {
        return new StoredResult(kpi, dimension, value, new BigDecimal(number), "unit", null, null, cases, null, null,
                null, List.of(), null, null, null, Status.NEUTRAL, null, null, List.of("SMALL_SAMPLE"), List.of());
    }

    private static Measure measure(String id, String kpi) {
        return new Measure(id, kpi, new When(List.of(Status.BAD), null, null, null, null, null, null, null),
                new Text(id, id));
    }

    private static KpiDefinition kpi(String id, Unit unit, Better better, List<Dimension> breakdowns) {
        return new KpiDefinition(id, new Text(id, id), new Text(id, id), new Text(id, id), unit, better,
                Category.SALES, Indicator.LAGGING, breakdowns, true);
    }
}
