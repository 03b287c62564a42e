package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.Targets.Basis;
import io.kpipeline.evaluation.Targets.Target;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Better;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.kpi.KpiDefinition.Indicator;
import io.kpipeline.kpi.KpiDefinition.Text;
import io.kpipeline.kpi.KpiDefinition.Unit;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.review.Observation;
import io.kpipeline.review.TargetProgress;
import io.kpipeline.review.TargetProgress.Rules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The target table's cells for one KPI: churn with a target of at most 2 % by 2027-06-30, far after the cycle. */
class ReviewTargetRowsTests {

    private static final ReportingPeriod CYCLE = ReportingPeriod.parse("30d:2026-10-31");
    private static final KpiDefinition CHURN = new KpiDefinition("churn_rate", new Text("Abwanderungsrate", "Churn"),
            new Text("d", "d"), new Text("t", "t"), Unit.RATE, Better.LOWER, Category.CUSTOMERS, Indicator.LAGGING,
            List.of(), true, new KpiDefinition.Range(BigDecimal.ZERO, BigDecimal.ONE));
    private static final Target TARGET = new Target("churn_rate", null, null, new BigDecimal("0.02"), null,
            Basis.ANY, "Head of Customer Success", LocalDate.of(2027, 6, 30), new BigDecimal("0.10"));

    private final ReportFormat format = new ReportFormat(Locale.GERMAN, Currency.getInstance("EUR"));
    private final ReviewTargetRows rows = new ReviewTargetRows(format,
            new ReviewTexts(format, new ReviewReportSettings("review-report.pdf", 13, 8, 0.95, 60, 0.6, 0.3), 30), 60);

    @Test
    void aTargetReachedWhileHeadingAwayIsReachedInAmberWithItsDirection() {
        // 1.0 % … 1.6 %, rising towards the limit of 2 %: still within it
        var row = rows.row(assess(values("0.010", "0.012", "0.014", "0.016"), Observation.of(new BigDecimal("0.016"))));
        assertThat(row.getVerdictText()).isEqualTo("erreicht\nRichtung: stimmt\u00a0nicht");
        assertThat(row.getTone()).isEqualTo("WARN");
        assertThat(row.getProjection()).isNull();
        assertThat(row.getProjectionNote()).isEqualTo("Frist zu fern (>\u00a060\u00a0Tage)");
    }

    @Test
    void aTargetReachedWhileHeadingForItIsGreen() {
        var row = rows.row(assess(values("0.016", "0.014", "0.012", "0.010"), Observation.of(new BigDecimal("0.010"))));
        assertThat(row.getVerdictText()).isEqualTo("erreicht\nRichtung: stimmt");
        assertThat(row.getTone()).isEqualTo("GOOD");
    }

    @Test
    void checkpointsThatZigzagGiveNoDirection() {
        // 1.6 %, 2.6 %, 1.6 %, 2.6 % against at most 2 %: R² 0.2, the slope is noise; the cycle's 2.6 % misses it
        var row = rows.row(assess(values("0.016", "0.026", "0.016", "0.026"), Observation.of(new BigDecimal("0.026"))));
        assertThat(row.getVerdictText()).isEqualTo("Richtung: unklar");
        assertThat(row.getTone()).isEqualTo("NEUTRAL");
    }

    @Test
    void aSmallSampleShowsItsCasesAndNoVerdictWord() {
        var row = rows.row(assess(values("0.010", "0.012", "0.014", "0.016"), Observation.of(new BigDecimal("0.25"), 4)));
        assertThat(row.getCurrent()).isEqualTo(format.value(new BigDecimal("0.25"), Unit.RATE) + "\nn\u00a0=\u00a04");
        assertThat(row.getVerdictText()).isEqualTo("zu wenige Fälle, n\u00a0=\u00a04");
        assertThat(row.getTone()).isEqualTo("NEUTRAL");
        assertThat(row.getProjectionNote()).isEqualTo("–");
    }

    private static TargetProgress assess(List<Observation> checkpoints, Observation current) {
        return TargetProgress.assess(CYCLE, CHURN, TARGET, Observation.NONE, checkpoints, current,
                Collections.nCopies(13, current), Rules.DEFAULT);
    }

    private static List<Observation> values(String... values) {
        return Arrays.stream(values).map(v -> Observation.of(new BigDecimal(v))).toList();
    }
}
