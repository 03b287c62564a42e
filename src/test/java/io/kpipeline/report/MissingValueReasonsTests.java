package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.kpi.KpiCalculator;
import io.kpipeline.kpi.KpiValue;
import io.kpipeline.period.ReportingPeriod;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The reasons the KPI computation records in English read in the report language. */
@SpringBootTest
class MissingValueReasonsTests {

    private static final ReportFormat GERMAN = new ReportFormat(Locale.GERMAN, Currency.getInstance("EUR"));
    private static final ReportFormat ENGLISH = new ReportFormat(Locale.ENGLISH, Currency.getInstance("EUR"));

    @Autowired
    List<KpiCalculator> calculators;

    @Test
    void everyReasonTheCalculatorsGiveForAMonthWithoutDataHasAGermanText() {
        // no table holds a row of January 2001: every KPI that divides has no value, for its reason
        List<String> reasons = calculators.stream().flatMap(c -> c.compute(ReportingPeriod.parse("2001-01")).stream())
                .map(KpiValue::reason).filter(Objects::nonNull).distinct().sorted().toList();

        assertThat(reasons).hasSizeGreaterThan(15);
        assertThat(reasons).allSatisfy(reason -> {
            assertThat(MissingValueReasons.known(reason)).as(reason).isTrue();
            assertThat(MissingValueReasons.text(GERMAN, reason)).as(reason).isNotEqualTo(reason);
        });
    }

    @Test
    void aKnownReasonReadsInGermanAndEnglishAndAnUnknownOneAsRecorded() {
        assertThat(MissingValueReasons.text(GERMAN, "no deals won or lost in the period"))
                .isEqualTo("im Zeitraum wurde kein Deal gewonnen oder verloren");
        assertThat(MissingValueReasons.text(GERMAN, "no leads entered FIRST_MEETING in the period"))
                .isEqualTo("im Zeitraum ist kein Lead in die Stufe Ersttermin eingetreten");
        assertThat(MissingValueReasons.text(ENGLISH, "no leads entered FIRST_MEETING in the period"))
                .isEqualTo("no lead entered the stage First meeting in the period");
        assertThat(MissingValueReasons.text(GERMAN, "nothing has been imported into customer_order or subscription"))
                .isEqualTo("keine Daten: Aufträge und Rechnungen oder Abonnements wurden nicht importiert");
        assertThat(MissingValueReasons.text(ENGLISH, "nothing has been imported into web_traffic_daily"))
                .isEqualTo("no data: web analytics figures have not been imported");
        assertThat(MissingValueReasons.text(GERMAN, io.kpipeline.kpi.KpiSettings.NO_GROSS_MARGIN))
                .isEqualTo("die Rohertragsmarge des Unternehmens ist nicht eingestellt; ohne sie lässt sich kein Ertrag"
                        + " auf den Rohertrag rechnen");
        assertThat(MissingValueReasons.text(GERMAN, "a reason nobody wrote down yet"))
                .isEqualTo("a reason nobody wrote down yet");
        assertThat(MissingValueReasons.text(GERMAN, null)).isNull();
    }
}
