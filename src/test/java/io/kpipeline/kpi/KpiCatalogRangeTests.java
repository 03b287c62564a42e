package io.kpipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.kpi.KpiDefinition.Range;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The shipped catalog says which values each KPI can take, so that no report keeps its own list by KPI id. */
class KpiCatalogRangeTests {

    @Test
    void sharesGrowthRatesAndTheScoreHaveTheirRangeAndEverythingElseIsNotNegative() throws IOException {
        Map<String, String> ranges = new TreeMap<>();
        for (KpiDefinition kpi : KpiCatalogTextsTests.catalog().kpis()) {
            ranges.put(kpi.id(), text(kpi.range()));
        }
        assertThat(ranges).containsEntry("email_open_rate", "0..1").containsEntry("win_rate", "0..1")
                .containsEntry("churn_rate", "0..1").containsEntry("gross_revenue_retention", "0..1")
                .containsEntry("customer_retention_rate", "0..1")
                // flows of the period, not cohorts: may exceed 100 %
                .containsEntry("conv_lead_mql", "0..").containsEntry("conv_contract_sent_won", "0..")
                .containsEntry("lead_to_customer_rate", "0..")
                // more leads than sessions is unlikely but not impossible: leads are not a subset of sessions
                .containsEntry("visit_to_lead_rate", "0..").containsEntry("net_revenue_retention", "0..")
                // no more than all of the cost, or all of the previous period's MQLs, can be lost
                .containsEntry("romi", "-1..").containsEntry("campaign_romi", "-1..")
                .containsEntry("lead_velocity_rate", "-1..")
                .containsEntry("nps", "-100..100")
                .containsEntry("cac", "0..").containsEntry("leads_created", "0..");
        assertThat(ranges.values()).as("every KPI has a lower end").noneMatch(r -> r.startsWith(".."));
    }

    @Test
    void aRangeContainsItsEndsAndAnOpenEndHasNoLimit() {
        Range share = new Range(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(share.contains(0)).isTrue();
        assertThat(share.contains(1)).isTrue();
        assertThat(share.contains(1.0001)).isFalse();
        assertThat(share.contains(-0.0001)).isFalse();
        Range growth = new Range(BigDecimal.ONE.negate(), null);
        assertThat(growth.contains(1e12)).isTrue();
        assertThat(growth.contains(-1.5)).isFalse();
    }

    @Test
    void aRangeWhoseMinimumIsAboveItsMaximumIsRefused() {
        assertThatThrownBy(() -> new Range(BigDecimal.ONE, BigDecimal.ZERO)).hasMessageContaining("min must not be above max");
    }

    private static String text(Range range) {
        return plain(range.min()) + ".." + plain(range.max());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
