package io.kpipeline.kpi;

import static io.kpipeline.kpi.CustomerTestData.OCTOBER;
import static io.kpipeline.kpi.CustomerTestData.W44;
import static io.kpipeline.kpi.KpiValues.breakdown;
import static io.kpipeline.kpi.KpiValues.find;
import static io.kpipeline.kpi.KpiValues.fraction;
import static io.kpipeline.kpi.KpiValues.reason;
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
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * October 2026: s = 10-01, last = 10-31, e = 11-01, so the trailing year is [2025-11-01, 2026-11-01) and its
 * opening day 2025-11-01. The gross margin is set to 0.5 for the hand computation.
 *
 * <pre>
 * account  subscriptions / booked one-off orders           first date   on 2025-11-01  on 2026-10-31
 * B1       sub 2025-06-01.. mrr 100; order 2025-11-01 1200  2025-06-01   active         active
 * B2       sub 2025-01-01..2026-05-01 mrr 200               2025-01-01   active         lost
 * B3       order 2025-10-31 600 (before the year)           2025-10-31   active         lost (365 days)
 * B4       sub 2024-01-01.. mrr 300                         2024-01-01   active         active
 * B5       sub 2026-10-05.. mrr 500; order 2026-10-05 3000  2026-10-05   -              active, new in Oct
 * B6       order 2026-10-20 1000                            2026-10-20   -              active, new in Oct
 * B7       sub 2026-03-15.. mrr 50; order 2026-03-15 800    2026-03-15   -              active, new in the year
 *
 * campaign  start       its leads' won deals (first-year value)                 cost before 11-01
 * C0        2024-10-01  (started more than 730 days before e: not listed)
 * C1        2026-01-01  D7 30 Sep 8000 one-off, D1 1 Oct 1500 over 36 months: 500     ad 500 + fair 3000 (Sep)
 * C2        2026-01-01  D2 31 Oct 100 one-off (D5 on 1 Nov 00:00 lies after)          ad 300 (Nov entry after)
 * C3        2026-01-01  D6 12 Oct 1400 over 6 months: 1400                            none
 * </pre>
 */
@SpringBootTest
class UnitEconomicsCalculatorTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    UnitEconomicsCalculator calculator;

    @Autowired
    CampaignReturns campaignReturns;

    @Autowired
    void calculatorWithGrossMargin(NamedParameterJdbcTemplate named, CostQueries costs, CustomerQueries customers,
            CampaignReturns campaigns, KpiSettings settings) {
        calculator = calculator(named, costs, customers, campaigns, settings, new BigDecimal("0.5"));
    }

    /** The application's calculator with its settings but the gross margin given (null: not set). */
    static UnitEconomicsCalculator calculator(NamedParameterJdbcTemplate named, CostQueries costs,
            CustomerQueries customers, CampaignReturns campaigns, KpiSettings s, BigDecimal grossMargin) {
        return new UnitEconomicsCalculator(named, costs, customers, campaigns, new KpiSettings(grossMargin,
                s.clvMaxMonths(), s.staleAfterDays(), s.webLeadChannels(), s.stageProbabilities(),
                s.minClosedForProbability(), s.smallSample()));
    }

    @BeforeEach
    void insertCostsCustomersAndDeals() {
        tables.deleteAll();
        jdbc.update("INSERT INTO channel (code, name, category) VALUES ('PAID_SEARCH', 'Paid search', 'ONLINE')");
        jdbc.update("""
                INSERT INTO campaign (id, name, channel_code, start_date, budget) VALUES
                ('C0', 'Zero', 'PAID_SEARCH', '2024-10-01', NULL),
                ('C1', 'One', 'PAID_SEARCH', '2026-01-01', 7000.00), ('C2', 'Two', 'PAID_SEARCH', '2026-01-01', NULL),
                ('C3', 'Three', 'PAID_SEARCH', '2026-01-01', NULL)""");
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
                ('2024-10-02', 'PAID_SEARCH', 'C0', 900.00, 0, 0),
                ('2026-10-10', 'PAID_SEARCH', 'C1', 500.00, 0, 0),
                ('2026-10-11', 'PAID_SEARCH', 'C2', 300.00, 0, 0)""");
        jdbc.update("""
                INSERT INTO cost_entry (month, category, channel_code, campaign_id, amount) VALUES
                ('2025-10-01', 'SALES', NULL, NULL, 9999.00),
                ('2025-11-01', 'SALES', NULL, NULL, 2000.00),
                ('2026-03-01', 'MARKETING', NULL, NULL, 4000.00),
                ('2026-09-01', 'MARKETING', NULL, 'C1', 3000.00),
                ('2026-10-01', 'MARKETING', NULL, NULL, 1200.00),
                ('2026-10-01', 'SALES', NULL, NULL, 2000.00),
                ('2026-11-01', 'MARKETING', NULL, 'C2', 3000.00)""");
        jdbc.update("""
                INSERT INTO `lead` (id, channel_code, campaign_id, created_at) VALUES
                ('LA', 'PAID_SEARCH', 'C1', '2026-09-01 10:00:00'),
                ('LB', 'PAID_SEARCH', 'C2', '2026-09-01 10:00:00'),
                ('LC', 'PAID_SEARCH', NULL, '2026-09-01 10:00:00'),
                ('LD', 'PAID_SEARCH', 'C3', '2026-09-01 10:00:00'),
                ('LZ', 'PAID_SEARCH', 'C0', '2024-10-05 10:00:00')""");
        jdbc.update("""
                INSERT INTO deal (id, lead_id, account_id, created_at, stage, status, amount, contract_months, closed_at)
                VALUES
                ('D1', 'LA', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 1500.00, 36, '2026-10-01 00:00:00'),
                ('D2', 'LB', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 100.00, NULL, '2026-10-31 23:59:59'),
                ('D3', 'LC', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 9000.00, NULL, '2026-10-15 10:00:00'),
                ('D4', 'LA', 'B1', '2026-09-01 10:00:00', 'LOST', 'LOST', 7000.00, NULL, '2026-10-10 10:00:00'),
                ('D5', 'LB', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 5000.00, NULL, '2026-11-01 00:00:00'),
                ('D6', 'LD', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 1400.00, 6, '2026-10-12 10:00:00'),
                ('D7', 'LA', 'B1', '2026-09-01 10:00:00', 'WON', 'WON', 8000.00, NULL, '2026-09-30 23:59:59'),
                ('D8', 'LZ', 'B1', '2024-10-05 10:00:00', 'WON', 'WON', 4000.00, NULL, '2026-10-20 10:00:00')""");
    }

    @Test
    void cacRelatesThePeriodsCostsToItsNewCustomers() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // marketing 500 + 300 + 1200, sales 2000 = 4000; new: B5, B6, the 2 cases it rests on
        KpiValue cac = find(values, "cac", null, null);
        assertThat(cac.value()).isEqualByComparingTo("2000");
        assertThat(cac.cases()).isEqualTo(2L);
    }

    @Test
    void cacPaybackRepaysATrailingYearsAcquisitionCostFromTheGrossProfitOfItsNewMrr() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // the year's cost: marketing 500 + 300 (ad) + 4000 (Mar) + 3000 (Sep, C1) + 1200 (Oct), sales 2000
        // (Nov 2025) + 2000 (Oct 2026) = 13000 (not the sales entry of October 2025, before the year);
        // new in the year: B5 (MRR 500 on 31 Oct), B6 (no subscription), B7 (50): 13000 / (550 × 0.5)
        KpiValue payback = find(values, "cac_payback_months", null, null);
        assertThat(payback.value()).isEqualByComparingTo(fraction(13000, 275));
        assertThat(payback.cases()).isEqualTo(2L);
    }

    @Test
    void clvTakesTwelveMonthsOfRevenueTheGrossMarginAndTheChurnOfTheTrailingYear() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // arpa_12m = (1200 + 3000 + 1000 + 800) / 12 / 5 active on 31 Oct (B1, B4, B5, B6, B7) = 100, gross profit 50;
        // annual churn: B2, B3 of B1..B4 active on 2025-11-01 = 0.5; monthly 1 − 0.5^(1/12) = 0.0561256873183065,
        // a lifetime of 17.8 months, below the 60-month cap: clv = 50 / 0.0561256873183065 = 890.857687255...
        KpiValue clv = find(values, "clv", null, null);
        assertThat(clv.value().doubleValue()).isCloseTo(50 / (1 - Math.pow(0.5, 1.0 / 12)), within(1e-9));
        assertThat(clv.value().doubleValue()).isCloseTo(890.8576872553, within(1e-6));
        assertThat(clv.cases()).isEqualTo(4L);
        // cac_12m: 13000 over 3 new customers (B5, B6, B7)
        assertThat(total(values, "ltv_cac_ratio").doubleValue()).isCloseTo(890.8576872553 * 3 / 13000, within(1e-9));
        assertThat(find(values, "ltv_cac_ratio", null, null).cases()).isEqualTo(3L);
    }

    @Test
    void withoutAnyLostCustomerTheLifetimeIsTheCap() {
        jdbc.update("UPDATE subscription SET end_date = NULL WHERE id = 'T2'");
        jdbc.update("UPDATE customer_order SET status = 'CANCELLED' WHERE id = 'P3'");

        List<KpiValue> values = calculator.compute(OCTOBER);

        // no churn: lifetime 60 months; arpa_12m = 6000 / 12 / 6 active (B1, B2, B4, B5, B6, B7); 83.33 × 0.5 × 60
        assertThat(total(values, "clv")).isEqualByComparingTo("2500");
        // cac_12m = 13000 / 3 = 4333.333333333333 (to 16 digits): 2500 / 4333.333333333333
        assertThat(total(values, "ltv_cac_ratio")).isEqualByComparingTo(new BigDecimal(2500)
                .divide(fraction(13000, 3), KpiValue.PRECISION));
    }

    @Test
    void romiReturnsTheFirstYearGrossProfitOfCampaignSourcedWinsOnAllMarketingCost() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // won from campaign leads in October: D1 (1 Oct 00:00:00) 1500 over 36 months: first year 500; D2
        // (31 Oct 23:59:59) 100; D6 1400 over 6 months: 1400; D8 4000 (C0's lead): 6000, gross profit 3000;
        // not D3 (no campaign), D4 (lost), D5 (1 Nov 00:00:00), D7 (30 Sep): (3000 − 2000) / 2000
        KpiValue romi = find(values, "romi", null, null);
        assertThat(romi.value()).isEqualByComparingTo("0.5");
        // it rests on the 4 won campaign deals D1, D2, D6, D8
        assertThat(romi.cases()).isEqualTo(4L);
        assertThat(breakdown(values, "romi")).isEmpty();
    }

    @Test
    void campaignRomiCreditsEachCampaignWithTheDealsWonSinceItsStartAgainstAllItsCost() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // C1: (8000 + 500) × 0.5 = 4250 against ad 500 + trade fair 3000: 750 / 3500
        assertThat(value(values, "campaign_romi", "campaign", "C1")).isEqualByComparingTo(fraction(3, 14));
        // C2: 100 × 0.5 = 50 against 300 (its November entry lies after the end): −250 / 300
        assertThat(value(values, "campaign_romi", "campaign", "C2")).isEqualByComparingTo(fraction(-5, 6));
        assertThat(reason(values, "campaign_romi", "campaign", "C3"))
                .isEqualTo("no cost recorded for the campaign before the end of the period");
        // C0 started before 2024-11-01, 730 days before the end
        assertThat(breakdown(values, "campaign_romi", "campaign")).containsExactly("C1", "C2", "C3");
        // total over C1 and C2 (C3 has no cost): (4300 − 3800) / 3800, resting on their 3 won deals D7, D1, D2
        assertThat(total(values, "campaign_romi")).isEqualByComparingTo(fraction(5, 38));
        assertThat(find(values, "campaign_romi", null, null).cases()).isEqualTo(3L);
        assertThat(find(values, "campaign_romi", "campaign", "C1").cases()).isEqualTo(2L);
    }

    @Test
    void campaignReturnsListLeadsWonDealsFirstYearValueCostAndBudgetSinceEachStart() {
        List<CampaignReturns.CampaignReturn> returns = campaignReturns.before(OCTOBER.end());

        assertThat(returns).extracting(CampaignReturns.CampaignReturn::id).containsExactly("C1", "C2", "C3");
        CampaignReturns.CampaignReturn c1 = returns.get(0);
        // C1: lead LA; D7 8000 + D1 500 first-year value (D4 was lost): 2 deals; ad 500 + fair 3000 of 7000 budget
        assertThat(c1.leads()).isEqualTo(1);
        assertThat(c1.wonDeals()).isEqualTo(2);
        assertThat(c1.firstYearValue()).isEqualByComparingTo("8500");
        assertThat(c1.cost()).isEqualByComparingTo("3500");
        assertThat(c1.budgetUsed()).isEqualByComparingTo("0.5");
        // C2: D2 100 (D5 closed on 1 Nov lies after), no budget; C3: D6 1400 over 6 months, no cost
        assertThat(returns.get(1).wonDeals()).isEqualTo(1);
        assertThat(returns.get(1).budgetUsed()).isNull();
        assertThat(returns.get(2).wonDeals()).isEqualTo(1);
        assertThat(returns.get(2).firstYearValue()).isEqualByComparingTo("1400");
        assertThat(returns.get(2).cost()).isZero();
    }

    @Test
    void aWeekProratesItsCostsAndTheCampaignCostOfTheMonthItEndsIn() {
        List<KpiValue> values = calculator.compute(W44);

        assertThat(find(values, "cac", null, null).reason()).isEqualTo("no new customers in the period");
        // marketing cost: 1200 × 6/31 (26..31 Oct) + C2's November entry 3000 × 1/30; won from campaigns: D2 100 +
        // D5 5000, gross profit 2550
        BigDecimal marketing = new BigDecimal(7200).divide(new BigDecimal(31), KpiValue.PRECISION).add(new BigDecimal(100));
        assertThat(total(values, "romi")).isEqualByComparingTo(
                new BigDecimal(2550).subtract(marketing).divide(marketing, KpiValue.PRECISION));
        // C2 before 2 Nov: (5100 × 0.5 − (300 + 100)) / 400
        assertThat(value(values, "campaign_romi", "campaign", "C2")).isEqualByComparingTo("5.375");
    }

    @Test
    void aPeriodWithoutDataHasNoUnitEconomics() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2020, 1)));

        assertThat(find(values, "cac", null, null).reason()).isEqualTo("no new customers in the period");
        assertThat(find(values, "clv", null, null).reason())
                .isEqualTo("no customers active on the last day of the period");
        assertThat(find(values, "ltv_cac_ratio", null, null).hasValue()).isFalse();
        assertThat(find(values, "romi", null, null).reason()).isEqualTo("no marketing cost in the period");
        assertThat(find(values, "campaign_romi", null, null).reason())
                .isEqualTo("no campaign started in the 730 days before the end of the period has a recorded cost");
        assertThat(values).hasSize(6).allMatch(KpiValue::isTotal);
    }
}
