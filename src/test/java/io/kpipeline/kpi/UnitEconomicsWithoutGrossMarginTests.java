package io.kpipeline.kpi;

import static io.kpipeline.kpi.KpiValues.find;
import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.TableCounts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Without the gross margin the returns on gross profit have no value, and their reason says which setting to set. */
@SpringBootTest
class UnitEconomicsWithoutGrossMarginTests {

    @Test
    void theMarginKpisHaveNoValueAndNameTheSetting(@Autowired NamedParameterJdbcTemplate named,
            @Autowired CostQueries costs, @Autowired CustomerQueries customers, @Autowired CampaignReturns campaigns,
            @Autowired KpiSettings settings, @Autowired TableCounts tables, @Autowired JdbcTemplate jdbc) {
        var calculator = UnitEconomicsCalculatorTests.calculator(named, costs, customers, campaigns, settings, null);
        tables.deleteAll();
        CustomerTestData.insert(jdbc);

        List<KpiValue> values = calculator.compute(CustomerTestData.OCTOBER);

        for (String kpi : List.of("clv", "ltv_cac_ratio", "cac_payback_months", "romi", "campaign_romi")) {
            assertThat(find(values, kpi, null, null).reason()).as(kpi).isEqualTo(
                    "the gross margin is not set: set kpi.settings.gross-margin (e.g. 0.75 for 75 %) in"
                            + " config/application.yml");
        }
        // the cost of acquisition needs no margin: 0 cost over the 2 new customers A6, A7
        assertThat(find(values, "cac", null, null).value()).isEqualByComparingTo("0");
    }
}
