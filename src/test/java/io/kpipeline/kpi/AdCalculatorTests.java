package io.kpipeline.kpi;

import static io.kpipeline.kpi.KpiValues.breakdown;
import static io.kpipeline.kpi.KpiValues.fraction;
import static io.kpipeline.kpi.KpiValues.reason;
import static io.kpipeline.kpi.KpiValues.value;
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

@SpringBootTest
class AdCalculatorTests {

    static final ReportingPeriod OCTOBER = ReportingPeriod.month(YearMonth.of(2026, 10));
    static final ReportingPeriod WEEK_44 = ReportingPeriod.isoWeek(2026, 44);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    AdCalculator calculator;

    @BeforeEach
    void insertAdSpend() {
        tables.deleteAll();
        jdbc.update("""
                INSERT INTO channel (code, name, category) VALUES
                ('PAID_SEARCH', 'Paid search', 'ONLINE'), ('SOCIAL', 'Social', 'ONLINE')""");
        jdbc.update("""
                INSERT INTO campaign (id, name, channel_code, start_date) VALUES
                ('A1', 'Autumn search', 'PAID_SEARCH', '2026-09-01'), ('A2', 'Autumn social', 'SOCIAL', '2026-09-01')""");
        // A1 also runs on SOCIAL; rows without campaign go to "(none)"
        jdbc.update("""
                INSERT INTO ad_spend_daily (date, channel_code, campaign_id, cost, impressions, clicks) VALUES
                ('2026-09-30', 'PAID_SEARCH', 'A1', 100.00, 1000, 100),
                ('2026-10-01', 'PAID_SEARCH', 'A1',  12.50, 1000,  25),
                ('2026-10-01', 'PAID_SEARCH', NULL,   3.00,  200,   4),
                ('2026-10-15', 'SOCIAL',      'A2',  20.00, 3000,  30),
                ('2026-10-20', 'SOCIAL',      NULL,   5.00,    0,   0),
                ('2026-10-26', 'SOCIAL',      'A1',   7.50,  800,  10),
                ('2026-10-31', 'PAID_SEARCH', 'A1',   2.00,  500,   0),
                ('2026-11-01', 'SOCIAL',      'A2',  10.00,    0,   0),
                ('2026-11-02', 'PAID_SEARCH', 'A1',  50.00, 5000,  50)""");
    }

    @Test
    void sumsTheMonthFromItsFirstDayUpToButExcludingTheFirstDayOfTheNextMonth() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // Oct 1 .. Oct 31: impressions 1000+200+3000+0+800+500, clicks 25+4+30+0+10+0,
        // cost 12.50+3.00+20.00+5.00+7.50+2.00
        assertThat(value(values, "ad_impressions", null, null)).isEqualByComparingTo("5500");
        assertThat(value(values, "ad_click_through_rate", null, null)).isEqualByComparingTo(fraction("69", "5500"));
        assertThat(value(values, "cost_per_click", null, null)).isEqualByComparingTo(fraction("50.00", "69"));
    }

    @Test
    void breaksTheMonthDownByChannel() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        assertThat(breakdown(values, "ad_impressions", "channel")).containsExactlyInAnyOrder("PAID_SEARCH", "SOCIAL");
        // PAID_SEARCH: 1000+200+500 impressions, 25+4+0 clicks, 12.50+3.00+2.00 cost
        assertThat(value(values, "ad_impressions", "channel", "PAID_SEARCH")).isEqualByComparingTo("1700");
        assertThat(value(values, "ad_click_through_rate", "channel", "PAID_SEARCH"))
                .isEqualByComparingTo(fraction("29", "1700"));
        assertThat(value(values, "cost_per_click", "channel", "PAID_SEARCH")).isEqualByComparingTo(fraction("17.50", "29"));
        // SOCIAL: 3000+0+800 impressions, 30+0+10 clicks, 20.00+5.00+7.50 cost
        assertThat(value(values, "ad_impressions", "channel", "SOCIAL")).isEqualByComparingTo("3800");
        assertThat(value(values, "ad_click_through_rate", "channel", "SOCIAL")).isEqualByComparingTo(fraction("40", "3800"));
        assertThat(value(values, "cost_per_click", "channel", "SOCIAL")).isEqualByComparingTo("0.8125"); // 32.50 / 40
    }

    @Test
    void breaksTheMonthDownByCampaignWithSpendWithoutCampaignUnderNone() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        assertThat(breakdown(values, "cost_per_click", "campaign")).containsExactlyInAnyOrder("A1", "A2", "(none)");
        // A1 on both channels: 1000+800+500 impressions, 25+10+0 clicks, 12.50+7.50+2.00 cost
        assertThat(value(values, "ad_impressions", "campaign", "A1")).isEqualByComparingTo("2300");
        assertThat(value(values, "ad_click_through_rate", "campaign", "A1")).isEqualByComparingTo(fraction("35", "2300"));
        assertThat(value(values, "cost_per_click", "campaign", "A1")).isEqualByComparingTo(fraction("22.00", "35"));
        assertThat(value(values, "ad_click_through_rate", "campaign", "A2")).isEqualByComparingTo("0.01"); // 30 / 3000
        // (none): 200+0 impressions, 4+0 clicks, 3.00+5.00 cost
        assertThat(value(values, "ad_impressions", "campaign", "(none)")).isEqualByComparingTo("200");
        assertThat(value(values, "ad_click_through_rate", "campaign", "(none)")).isEqualByComparingTo("0.02");
        assertThat(value(values, "cost_per_click", "campaign", "(none)")).isEqualByComparingTo("2");
    }

    @Test
    void theIsoWeekSpanningOctoberAndNovemberTakesItsSevenDaysFromBothMonths() {
        List<KpiValue> values = calculator.compute(WEEK_44);

        // Oct 26 .. Nov 1: rows Oct 26, Oct 31, Nov 1; Oct 20 and Nov 2 out
        assertThat(value(values, "ad_impressions", null, null)).isEqualByComparingTo("1300"); // 800+500+0
        assertThat(value(values, "ad_click_through_rate", null, null)).isEqualByComparingTo(fraction("10", "1300"));
        assertThat(value(values, "cost_per_click", null, null)).isEqualByComparingTo("1.95"); // 19.50 / 10
        assertThat(value(values, "cost_per_click", "channel", "SOCIAL")).isEqualByComparingTo("1.75"); // 17.50 / 10
        assertThat(value(values, "cost_per_click", "campaign", "A1")).isEqualByComparingTo("0.95"); // 9.50 / 10
        assertThat(breakdown(values, "ad_impressions", "campaign")).containsExactlyInAnyOrder("A1", "A2");
    }

    @Test
    void spendWithoutImpressionsOrClicksHasNoRates() {
        List<KpiValue> values = calculator.compute(WEEK_44);

        // PAID_SEARCH in W44: Oct 31, 500 impressions, 0 clicks
        assertThat(value(values, "ad_click_through_rate", "channel", "PAID_SEARCH")).isEqualByComparingTo("0");
        assertThat(reason(values, "cost_per_click", "channel", "PAID_SEARCH")).isEqualTo("no ad clicks in the period");
        // A2 in W44: Nov 1, 10.00 spent, no impressions
        assertThat(value(values, "ad_impressions", "campaign", "A2")).isEqualByComparingTo("0");
        assertThat(reason(values, "ad_click_through_rate", "campaign", "A2")).isEqualTo("no ad impressions in the period");
        assertThat(reason(values, "cost_per_click", "campaign", "A2")).isEqualTo("no ad clicks in the period");
    }

    @Test
    void aPeriodWithoutSpendHasZeroImpressionsAndRatesWithoutValue() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 12)));

        assertThat(values).hasSize(3).allMatch(KpiValue::isTotal);
        assertThat(value(values, "ad_impressions", null, null)).isEqualByComparingTo("0");
        assertThat(reason(values, "ad_click_through_rate", null, null)).isEqualTo("no ad impressions in the period");
        assertThat(reason(values, "cost_per_click", null, null)).isEqualTo("no ad clicks in the period");
    }
}
