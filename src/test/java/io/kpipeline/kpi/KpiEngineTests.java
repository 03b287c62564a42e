package io.kpipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportingPeriod;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the engine computes of a company that has loaded a few tables only, its CRM's. */
@SpringBootTest
class KpiEngineTests {

    static final ReportingPeriod OCTOBER = ReportingPeriod.month(YearMonth.of(2026, 10));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    KpiEngine engine;

    @BeforeEach
    void loadSocialMediaOnly() {
        tables.deleteAll();
        jdbc.update("""
                INSERT INTO social_daily (date, network, followers, likes, posts, clicks) VALUES
                ('2026-10-01', 'LinkedIn', 1010, 5, 1, 1),
                ('2026-10-31', 'LinkedIn', 1050, 7, 1, 1)""");
    }

    @Test
    void theKpisOfTablesNothingWasImportedIntoHaveNoValueSayingWhichTablesWhileTheOthersAreComputed() {
        List<KpiValue> values = engine.compute(OCTOBER);

        // nothing in customer_order or subscription: no revenue of 0 €, but no value and the tables to import
        KpiValue revenue = total(values, "revenue");
        assertThat(revenue.value()).isNull();
        assertThat(revenue.reason()).isEqualTo("nothing has been imported into customer_order or subscription");
        assertThat(total(values, "web_sessions").reason()).isEqualTo("nothing has been imported into web_traffic_daily");
        assertThat(total(values, "leads_created").reason()).isEqualTo("nothing has been imported into funnel_event or lead");
        // the table that holds rows is computed: 7 likes on Oct 31 plus 5 on Oct 1
        assertThat(total(values, "social_likes").value()).isEqualByComparingTo("12");
        // no breakdown values of the tables without rows
        assertThat(values.stream().filter(v -> v.kpiId().equals("revenue"))).hasSize(1);
    }

    @Test
    void aTableWithRowsOutsideThePeriodCountsAsImported() {
        jdbc.update("INSERT INTO channel (code, name, category) VALUES ('WEB', 'Website', 'ONLINE')");
        jdbc.update("""
                INSERT INTO web_traffic_daily (date, channel_code, landing_page, sessions, users, pageviews,
                    bounced_sessions, total_session_seconds, downloads, contact_requests)
                VALUES ('2026-09-30', 'WEB', '/', 10, 8, 30, 2, 600, 1, 0)""");

        List<KpiValue> values = engine.compute(OCTOBER);

        // the data stops before October: October had no sessions, which is a figure
        assertThat(total(values, "web_sessions").value()).isEqualByComparingTo("0");
        assertThat(total(values, "web_bounce_rate").reason()).isEqualTo("no sessions in the period");
    }

    private static KpiValue total(List<KpiValue> values, String kpiId) {
        return values.stream().filter(v -> v.kpiId().equals(kpiId) && v.dimension() == null).findFirst()
                .orElseThrow(() -> new AssertionError(kpiId + " has no total"));
    }
}
