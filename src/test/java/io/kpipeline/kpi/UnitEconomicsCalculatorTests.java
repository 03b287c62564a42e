package io.kpipeline.kpi;

import static io.kpipeline.kpi.CustomerTestData.OCTOBER;
import static io.kpipeline.kpi.CustomerTestData.W44;
import static io.kpipeline.kpi.KpiValues.breakdown;
import static io.kpipeline.kpi.KpiValues.find;
import static io.kpipeline.kpi.KpiValues.fraction;
import static io.kpipeline.kpi.KpiValues.total;
import static io.kpipeline.kpi.KpiValues.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/**
 * October 2026: s = 10-01, last = 10-31, e = 11-01, so the 365-day window is [2025-11-01, 2026-11-01).
 *
 * <pre>
 * account  subscriptions / booked orders                  first date   on 2025-11-01  on 2026-10-31
 * B1       sub 2025-06-01.. mrr 100; order 2025-11-01 1200  2025-06-01   active         active
 * B2       sub 2025-01-01..2026-05-01 mrr 200               2025-01-01   active         lost
 * B3       order 2025-10-31 600 (before the window)         2025-10-31   active         lost (365 days)
 * B4       sub 2024-01-01.. mrr 300                         2024-01-01   active         active
 * B5       sub 2026-10-05.. mrr 500; order 2026-10-05 3000  2026-10-05   -              active, new in Oct
 * B6       order 2026-10-20 1000                            2026-10-20   -              active, new in Oct
 * B7       sub 2026-03-15.. mrr 50; order 2026-03-15 800    2026-03-15   -              active, new in window
 * </pre>
 */
@SpringBootTest
class UnitEconomicsCalculatorTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    UnitEconomicsCalculator calculator;

    @BeforeEach
    void insertCostsCustomersAndDeals() {
        tables.deleteAll();
        jdbc.update("INSERT INTO channel (code, name, category) VALUES ('PAID_SEARCH', 'Paid search', 'ONLINE')");
        jdbc.update("""
                INSERT INTO campaign (id, name, channel_code, start_date) VALUES
                ('C1', 'One', 'PAID_SEARCH', '2026-01-01'), ('C2', 'Two', 'PAID_SEARCH', '2026-01-01'),
                ('C3', 'Three', 'PAID_SEARCH', '2026-01-01')""");
        jdbc.update("""
                INSERT INTO account (id, name, segment, created_at) VALUES
                ('B1', 'B1', 'SMB', '2024-01-01 00:00:00'), ('B2', 'B2', 'MID', '2024-01-01 00:00:00'),
                ('B3', 'B3', NULL, '2024-01-01 00:00:00'), ('B4', 'B4', 'SMB', '2024-01-01 00:00:00'),
                ('B5', 'B5', 'ENTERPRISE', '2024-01-01 00:00:00'), ('B6', 'B6', NULL, '2024-01-01 00:00:00'),
                ('B7', 'B7', 'SMB', '2024-01-01 00:00:00')""");
        jdbc.update("""
                INSERT INTO subscription (id, account_id, start_date, end_date, mrr) VALUES
                ('T1', 'B1', '2025-06-01', NULL, 100.00), ('T2', 'B2', '2025-01-01', '2026-05-01', 200.00),
                ('T4', 'B4', '2024-01-01', NULL, 300.00), ('T5', 'B5', '2026-10-05', NULL, 500.00),
                ('T7', 'B7', '2026-03-15', NULL, 50.00)""");
        jdbc.update("""
                INSERT INTO customer_order (id, account_id, order_date, amount, status) VALUES
                ('P1', 'B1', '2025-11-01', 1200.00, 'BOOKED'), ('P3', 'B3', '2025-10-31', 600.00, 'BOOKED'),
                ('P5', 'B5', '2026-10-05', 3000.00, 'BOOKED'), ('P6', 'B6', '2026-10-20', 1000.00, 'BOOKED'),
                ('P7', 'B7', '2026-03-15', 800.00, 'BOOKED')""");
        jdbc.update("""
                INSERT INTO ad_spend_daily (date, channel_code, campaign_id, cost, impressions, clicks) VALUES
                ('2026-10-10', 'PAID_SEARCH', 'C1', 500.00, 0, 0),
                ('2026-10-11', 'PAID_SEARCH', 'C2', 300.00, 0, 0)""");
        jdbc.update("""
                INSERT INTO cost_entry (month, category, channel_code, amount) VALUES
                ('2025-10-01', 'SALES', NULL, 9999.00),
                ('2025-11-01', 'SALES', NULL, 2000.00),
                ('2026-03-01', 'MARKETING', NULL, 4000.00),
                ('2026-10-01', 'MARKETING', NULL, 1200.00),
                ('2026-10-01', 'SALES', NULL, 2000.00)""");
        jdbc.update("""
                INSERT INTO `lead` (id, channel_code, campaign_id, created_at) VALUES
                ('LA', 'PAID_SEARCH', 'C1', '2026-09-01 10:00:00'),
                ('LB', 'PAID_SEARCH', 'C2', '2026-09-01 10:00:00'),
                ('LC', 'PAID_SEARCH', NULL, '2026-09-01 10:00:00'),
                ('LD', 'PAID_SEARCH', 'C3', '2026-09-01 10:00:00')""");
        jdbc.update("""
                INSERT INTO deal (id, lead_id, account_id, created_at, stage, status, amount, closed_at) VALUES
                ('D1', 'LA', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 1500.00, '2026-10-01 00:00:00'),
                ('D2', 'LB', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 100.00, '2026-10-31 23:59:59'),
                ('D3', 'LC', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 9000.00, '2026-10-15 10:00:00'),
                ('D4', 'LA', 'B1', '2026-09-01 10:00:00', 'LOST', 'LOST', 7000.00, '2026-10-10 10:00:00'),
                ('D5', 'LB', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 5000.00, '2026-11-01 00:00:00'),
                ('D6', 'LD', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 1400.00, '2026-10-12 10:00:00'),
                ('D7', 'LA', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 8000.00, '2026-09-30 23:59:59')""");
    }

    @Test
    void cacAndPaybackRelateThePeriodsCostsToItsNewCustomers() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // marketing 500 + 300 + 1200, sales 2000 = 4000; new: B5, B6
        assertThat(total(values, "cac")).isEqualByComparingTo("2000");
        // 2000 / (B5's 500 MRR on 31 Oct / 2 new customers) = 8 months
        assertThat(total(values, "cac_payback_months")).isEqualByComparingTo("8");
    }

    @Test
    void clvTakesTwelveMonthsOfRevenueAndChurnUpToThePeriodEnd() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // arpa_12m = (1200 + 3000 + 1000 + 800) / 12 / 5 active on 31 Oct (B1, B4, B5, B6, B7) = 100;
        // annual churn: B2, B3 of B1..B4 active on 2025-11-01 = 0.5; monthly 1 − 0.5^(1/12) = 0.0561256873183065
        // clv = 100 × 1.0 / 0.0561256873183065 = 1781.71537451058
        assertThat(total(values, "clv").doubleValue()).isCloseTo(100 / (1 - Math.pow(0.5, 1.0 / 12)), within(1e-9));
        assertThat(total(values, "clv").doubleValue()).isCloseTo(1781.7153745105, within(1e-6));
        // cac_12m: marketing 500 + 300 + 4000 (Mar) + 1200 (Oct), sales 2000 (Nov 2025) + 2000 (Oct 2026) = 10000
        // (the sales entry of October 2025 lies before the window) over 3 new customers (B5, B6, B7)
        assertThat(total(values, "ltv_cac_ratio").doubleValue()).isCloseTo(1781.7153745105 * 3 / 10000, within(1e-9));
    }

    @Test
    void romiSetsCampaignSourcedWonDealsAgainstAllMarketingCostAndEachCampaignAgainstItsAdSpend() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // won from campaign leads: D1 (1 Oct 00:00:00) 1500 + D2 (31 Oct 23:59:59) 100 + D6 1400 = 3000;
        // not D3 (no campaign), D4 (lost), D5 (1 Nov 00:00:00), D7 (30 Sep): (3000 − 2000) / 2000
        assertThat(total(values, "romi")).isEqualByComparingTo("0.5");
        // C1: (1500 − 500) / 500; C2: (100 − 300) / 300
        assertThat(value(values, "romi", "campaign", "C1")).isEqualByComparingTo("2");
        assertThat(value(values, "romi", "campaign", "C2")).isEqualByComparingTo(fraction(-2, 3));
        KpiValue c3 = find(values, "romi", "campaign", "C3");
        assertThat(c3.hasValue()).isFalse();
        assertThat(c3.reason()).isEqualTo("no ad spend on the campaign in the period");
        assertThat(breakdown(values, "romi", "campaign")).containsExactly("C1", "C2", "C3");
    }

    @Test
    void aWeekWithoutNewCustomersHasNoCacButItsProratedCostsStillMeetItsWonDeals() {
        List<KpiValue> values = calculator.compute(W44);

        assertThat(find(values, "cac", null, null).reason()).isEqualTo("no new customers in the period");
        assertThat(find(values, "cac_payback_months", null, null).reason()).isEqualTo("no new customers in the period");
        // marketing cost: 1200 × 6/31 (no ad spend in the week); won from campaigns: D2 100 + D5 5000
        BigDecimal marketing = new BigDecimal(7200).divide(new BigDecimal(31), KpiValue.PRECISION);
        assertThat(total(values, "romi")).isEqualByComparingTo(
                new BigDecimal(5100).subtract(marketing).divide(marketing, KpiValue.PRECISION));
        assertThat(find(values, "romi", "campaign", "C2").hasValue()).isFalse();
    }

    @Test
    void withoutAnyLostCustomerTheLifetimeValueHasNoValue() {
        jdbc.update("UPDATE subscription SET end_date = NULL WHERE id = 'T2'");
        jdbc.update("UPDATE customer_order SET status = 'CANCELLED' WHERE id = 'P3'");

        List<KpiValue> values = calculator.compute(OCTOBER);

        String reason = "no customer lost in the 365 days up to the end of the period, so the lifetime is unbounded";
        assertThat(find(values, "clv", null, null).reason()).isEqualTo(reason);
        assertThat(find(values, "ltv_cac_ratio", null, null).reason()).isEqualTo(reason);
    }

    @Test
    void aPeriodWithoutDataHasNoUnitEconomics() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2020, 1)));

        assertThat(find(values, "cac", null, null).reason()).isEqualTo("no new customers in the period");
        assertThat(find(values, "clv", null, null).reason())
                .isEqualTo("no customers active on the last day of the period");
        assertThat(find(values, "ltv_cac_ratio", null, null).hasValue()).isFalse();
        assertThat(find(values, "romi", null, null).reason()).isEqualTo("no marketing cost in the period");
        assertThat(values).hasSize(5).allMatch(KpiValue::isTotal);
    }
}
