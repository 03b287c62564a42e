package io.kpipeline.kpi;

import static io.kpipeline.kpi.KpiValues.find;
import static io.kpipeline.kpi.KpiValues.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class CostCalculatorTests {

    static final ReportingPeriod OCTOBER = ReportingPeriod.month(YearMonth.of(2026, 10));
    static final ReportingPeriod W44 = ReportingPeriod.isoWeek(2026, 44); // 2026-10-26 .. 2026-11-01

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    CostCalculator calculator;

    @BeforeEach
    void insertCosts() {
        tables.deleteAll();
        jdbc.update("""
                INSERT INTO channel (code, name, category) VALUES
                ('PAID_SEARCH', 'Paid search', 'ONLINE'), ('EMAIL', 'E-mail', 'ONLINE'),
                ('TRADE_FAIR', 'Trade fair', 'OFFLINE')""");
        jdbc.update("""
                INSERT INTO campaign (id, name, channel_code, start_date)
                VALUES ('C1', 'Search', 'PAID_SEARCH', '2026-01-01')""");
        jdbc.update("""
                INSERT INTO ad_spend_daily (date, channel_code, campaign_id, cost, impressions, clicks) VALUES
                ('2026-09-30', 'PAID_SEARCH', 'C1', 1000.00, 0, 0),
                ('2026-10-01', 'PAID_SEARCH', 'C1',  100.00, 0, 0),
                ('2026-10-25', 'PAID_SEARCH', NULL,   50.00, 0, 0),
                ('2026-10-26', 'PAID_SEARCH', 'C1',   20.00, 0, 0),
                ('2026-10-31', 'EMAIL',       NULL,    7.00, 0, 0),
                ('2026-11-01', 'PAID_SEARCH', 'C1',    3.00, 0, 0),
                ('2026-11-02', 'PAID_SEARCH', 'C1',  400.00, 0, 0)""");
        jdbc.update("""
                INSERT INTO cost_entry (month, category, channel_code, amount) VALUES
                ('2026-09-01', 'MARKETING', 'TRADE_FAIR', 9999.00),
                ('2026-10-01', 'MARKETING', 'TRADE_FAIR', 3100.00),
                ('2026-10-01', 'MARKETING', NULL,          620.00),
                ('2026-11-01', 'MARKETING', NULL,          300.00),
                ('2026-09-01', 'SALES',     NULL,         3000.00),
                ('2026-10-01', 'SALES',     NULL,         6200.00),
                ('2026-11-01', 'SALES',     NULL,         9000.00),
                ('2026-12-01', 'SALES',     NULL,         1000.00)""");
        jdbc.update("""
                INSERT INTO `lead` (id, channel_code, created_at) VALUES
                ('L0', 'EMAIL', '2026-09-30 23:59:59'),
                ('L1', 'EMAIL', '2026-10-01 00:00:00'),
                ('L2', 'EMAIL', '2026-10-26 12:00:00'),
                ('L3', 'EMAIL', '2026-10-31 23:59:59'),
                ('L4', 'EMAIL', '2026-11-01 00:00:00'),
                ('L5', 'EMAIL', '2026-11-02 00:00:00')""");
    }

    @Test
    void aMonthCountsItsAdSpendDaysAndItsOwnCostEntriesInFull() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // ad spend 100 + 50 + 20 + 7 = 177 (30 Sep and 2 Nov outside); entries 3100 + 620 = 3720
        assertThat(value(values, "marketing_cost", null, null)).isEqualByComparingTo("3897");
        assertThat(value(values, "marketing_cost", "channel", "PAID_SEARCH")).isEqualByComparingTo("170");
        assertThat(value(values, "marketing_cost", "channel", "EMAIL")).isEqualByComparingTo("7");
        assertThat(value(values, "marketing_cost", "channel", "TRADE_FAIR")).isEqualByComparingTo("3100");
        // the entry without channel
        assertThat(value(values, "marketing_cost", "channel", "(none)")).isEqualByComparingTo("620");
        assertThat(values.stream().filter(v -> v.kpiId().equals("marketing_cost") && !v.isTotal())).hasSize(4);
        // only October's sales entry
        assertThat(value(values, "sales_cost", null, null)).isEqualByComparingTo("6200");
        assertThat(values.stream().filter(v -> v.kpiId().equals("sales_cost"))).hasSize(1);
        // leads L1 (1 Oct 00:00:00, in) and L3 (31 Oct 23:59:59, in) and L2; L0 and L4 outside: 3897 / 3
        assertThat(value(values, "cost_per_lead", null, null)).isEqualByComparingTo("1299");
    }

    @Test
    void anIsoWeekAcrossTwoMonthsProratesEachMonthsEntriesByItsDaysInTheWeek() {
        List<KpiValue> values = calculator.compute(W44);

        // ad spend 26 Oct 20 + 31 Oct 7 + 1 Nov 3 = 30
        // the week holds 6 of October's 31 days (26..31) and 1 of November's 30:
        // entries 3100 × 6/31 = 600, 620 × 6/31 = 120, November's 300 × 1/30 = 10; 30 + 730 = 760
        assertThat(value(values, "marketing_cost", null, null)).isEqualByComparingTo("760");
        assertThat(value(values, "marketing_cost", "channel", "PAID_SEARCH")).isEqualByComparingTo("23");
        assertThat(value(values, "marketing_cost", "channel", "EMAIL")).isEqualByComparingTo("7");
        assertThat(value(values, "marketing_cost", "channel", "TRADE_FAIR")).isEqualByComparingTo("600");
        assertThat(value(values, "marketing_cost", "channel", "(none)")).isEqualByComparingTo("130");
        // 6200 × 6/31 = 1200 + 9000 × 1/30 = 300
        assertThat(value(values, "sales_cost", null, null)).isEqualByComparingTo("1500");
        // leads L2, L3, L4 (1 Nov 00:00:00 is the week's last day); L5 at the end instant is out: 760 / 3
        assertThat(value(values, "cost_per_lead", null, null))
                .isEqualByComparingTo(new BigDecimal(760).divide(new BigDecimal(3), KpiValue.PRECISION));
    }

    @Test
    void aProratedShareThatIsNoWholeCentIsKeptUnrounded() {
        jdbc.update("UPDATE cost_entry SET amount = 100.00 WHERE month = '2026-10-01' AND category = 'SALES'");

        KpiValue sales = find(calculator.compute(W44), "sales_cost", null, null);

        // 100 × 6/31 = 19.35483870967742 (to 16 digits) plus 9000 × 1/30 = 300
        assertThat(sales.value()).isEqualByComparingTo(
                new BigDecimal(600).divide(new BigDecimal(31), KpiValue.PRECISION).add(new BigDecimal(300)));
    }

    @Test
    void aPeriodWithoutLeadsHasNoCostPerLeadButItsCostsAreStillCounted() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 12)));

        // no ad spend, no marketing entry in December: a cost of 0, not "no value"
        assertThat(value(values, "marketing_cost", null, null)).isEqualByComparingTo("0");
        assertThat(values.stream().filter(v -> v.kpiId().equals("marketing_cost") && !v.isTotal())).isEmpty();
        assertThat(value(values, "sales_cost", null, null)).isEqualByComparingTo("1000");
        KpiValue costPerLead = find(values, "cost_per_lead", null, null);
        assertThat(costPerLead.hasValue()).isFalse();
        assertThat(costPerLead.reason()).isEqualTo("no leads created in the period");
    }
}
