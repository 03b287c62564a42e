package io.kpipeline.kpi;

import static io.kpipeline.kpi.KpiValues.breakdown;
import static io.kpipeline.kpi.KpiValues.dimensions;
import static io.kpipeline.kpi.KpiValues.find;
import static io.kpipeline.kpi.KpiValues.fraction;
import static io.kpipeline.kpi.KpiValues.total;
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

/**
 * Seven deals around October 2026 and ISO week 2026-W44 (2026-10-26 .. 2026-11-01):
 *
 * <pre>
 * deal lead (channel) rep  created              status amount   months closed
 * D1   LW (WEBSITE)   R1   2026-09-01 00:00     WON    12000.00 12     2026-10-01 00:00:00  (30 days)
 * D2   LP (PHONE)     R2   2026-10-24 12:00     WON     3000.00  7     2026-10-26 00:00:00  (36 wall-clock hours over the clock change)
 * D3   LW (WEBSITE)   R2   2026-10-10 00:00     LOST    5000.00  –     2026-10-31 23:59:59
 * D4   LP (PHONE)     –    2026-10-01 00:00     WON     1000.00  –     2026-11-01 00:00:00  (31 days)
 * D5   LW (WEBSITE)   R1   2026-10-20 00:00     OPEN    7000.00  –     –
 * D6   LW (WEBSITE)   R1   2026-09-01 00:00     LOST    2000.00  –     2026-09-30 23:59:59
 * D7   LW (WEBSITE)   R1   2026-10-01 00:00     WON     9999.00  –     2026-11-02 00:00:00
 * </pre>
 */
@SpringBootTest
class DealCalculatorTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    KpiCatalog catalog;

    @Autowired
    DealCalculator calculator;

    @BeforeEach
    void insertDeals() {
        tables.deleteAll();
        PipelineTestRows rows = new PipelineTestRows(jdbc);
        rows.channel("WEBSITE", "ONLINE");
        rows.channel("PHONE", "OFFLINE");
        rows.rep("R1");
        rows.rep("R2");
        rows.account("A1");
        rows.lead("LW", "A1", "WEBSITE", null, "R1", "2026-08-01 10:00:00");
        rows.lead("LP", "A1", "PHONE", null, "R2", "2026-08-01 10:00:00");
        rows.deal("D1", "LW", "A1", "R1", "2026-09-01 00:00:00", "WON", "12000.00", 12, "2026-10-01 00:00:00");
        rows.deal("D2", "LP", "A1", "R2", "2026-10-24 12:00:00", "WON", "3000.00", 7, "2026-10-26 00:00:00");
        rows.deal("D3", "LW", "A1", "R2", "2026-10-10 00:00:00", "LOST", "5000.00", null, "2026-10-31 23:59:59");
        rows.deal("D4", "LP", "A1", null, "2026-10-01 00:00:00", "WON", "1000.00", null, "2026-11-01 00:00:00");
        rows.deal("D5", "LW", "A1", "R1", "2026-10-20 00:00:00", "OPEN", "7000.00", null, null);
        rows.deal("D6", "LW", "A1", "R1", "2026-09-01 00:00:00", "LOST", "2000.00", null, "2026-09-30 23:59:59");
        rows.deal("D7", "LW", "A1", "R1", "2026-10-01 00:00:00", "WON", "9999.00", null, "2026-11-02 00:00:00");
    }

    @Test
    void octoberCountsDealsClosedFromStartUpToButExcludingEnd() {
        List<KpiValue> v = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 10)));

        // closed in October: D1 (at s), D2, D3 (23:59:59); D4 at e and D6 a second before s are out
        assertThat(total(v, "win_rate")).isEqualByComparingTo(fraction(2, 3)); // D1, D2 won / 3 closed
        assertThat(find(v, "win_rate", null, null).cases()).isEqualTo(3L);
        // the averages of won deals rest on the 2 won deals, the yearly value on those with a term
        assertThat(find(v, "avg_deal_size", null, null).cases()).isEqualTo(2L);
        assertThat(find(v, "sales_cycle_days", null, null).cases()).isEqualTo(2L);
        assertThat(find(v, "acv", null, null).cases()).isEqualTo(2L);
        assertThat(find(v, "tcv_won", null, null).cases()).isNull();
        assertThat(value(v, "win_rate", "rep", "R1")).isEqualByComparingTo("1"); // D1 / D1
        assertThat(value(v, "win_rate", "rep", "R2")).isEqualByComparingTo("0.5"); // D2 / D2, D3
        assertThat(value(v, "win_rate", "channel", "WEBSITE")).isEqualByComparingTo("0.5"); // D1 / D1, D3
        assertThat(value(v, "win_rate", "channel", "PHONE")).isEqualByComparingTo("1"); // D2 / D2
        // (30 days + 36 wall-clock hours = 1.5 days) / 2
        assertThat(total(v, "sales_cycle_days")).isEqualByComparingTo("15.75");
        assertThat(value(v, "sales_cycle_days", "rep", "R1")).isEqualByComparingTo("30");
        assertThat(value(v, "sales_cycle_days", "rep", "R2")).isEqualByComparingTo("1.5");
        assertThat(dimensions(v, "sales_cycle_days")).containsExactly("rep");
        // (12000 + 3000) / 2
        assertThat(total(v, "avg_deal_size")).isEqualByComparingTo("7500");
        assertThat(value(v, "avg_deal_size", "rep", "R2")).isEqualByComparingTo("3000");
        assertThat(value(v, "avg_deal_size", "channel", "WEBSITE")).isEqualByComparingTo("12000");
        assertThat(total(v, "tcv_won")).isEqualByComparingTo("15000.00");
        assertThat(value(v, "tcv_won", "rep", "R1")).isEqualByComparingTo("12000.00");
        assertThat(value(v, "tcv_won", "channel", "PHONE")).isEqualByComparingTo("3000.00");
        // (12000 × 12 / 12 + 3000 × 12 / 7) / 2 = (12000 + 36000/7) / 2 = 60000/7
        assertThat(total(v, "acv")).isEqualByComparingTo(fraction(60000, 7));
        // 12000 + 36000/7 = 17142.857142857142857…, to 16 digits
        assertThat(find(v, "acv", null, null).numerator()).isEqualByComparingTo("17142.85714285714");
        assertThat(value(v, "acv", "rep", "R1")).isEqualByComparingTo("12000");
        assertThat(value(v, "acv", "rep", "R2")).isEqualByComparingTo(fraction(36000, 7));
        assertThat(dimensions(v, "acv")).containsExactly("rep");

        KpiValues.assertBreakdownsAsInCatalog(v, catalog);
    }

    @Test
    void isoWeek44SpansOctoberAndNovember() {
        List<KpiValue> v = calculator.compute(ReportingPeriod.isoWeek(2026, 44));

        // closed in the week: D2 (at s), D3, D4 (Sunday 11-01 00:00); D7 at e is out
        assertThat(total(v, "win_rate")).isEqualByComparingTo(fraction(2, 3)); // D2, D4 / D2, D3, D4
        assertThat(value(v, "win_rate", "rep", "(none)")).isEqualByComparingTo("1"); // D4 has no owner
        assertThat(value(v, "win_rate", "rep", "R2")).isEqualByComparingTo("0.5");
        assertThat(value(v, "win_rate", "channel", "WEBSITE")).isEqualByComparingTo("0"); // 0 won / D3
        assertThat(value(v, "win_rate", "channel", "PHONE")).isEqualByComparingTo("1"); // D2, D4 / D2, D4
        // (1.5 + 31) / 2
        assertThat(total(v, "sales_cycle_days")).isEqualByComparingTo("16.25");
        assertThat(value(v, "sales_cycle_days", "rep", "(none)")).isEqualByComparingTo("31");
        // (3000 + 1000) / 2
        assertThat(total(v, "avg_deal_size")).isEqualByComparingTo("2000");
        assertThat(total(v, "tcv_won")).isEqualByComparingTo("4000.00");
        // the lost WEBSITE deal adds no TCV breakdown value
        assertThat(breakdown(v, "tcv_won", "channel")).containsExactly("PHONE");
        // only D2 has a contract term: 3000 × 12 / 7; D4 (one-off) is not averaged in
        assertThat(total(v, "acv")).isEqualByComparingTo(fraction(36000, 7));
        assertThat(breakdown(v, "acv", "rep")).containsExactly("R2");
    }

    @Test
    void aPeriodWithOnlyLostDealsHasAWinRateOfZeroAndNoAverages() {
        List<KpiValue> v = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 9)));

        assertThat(total(v, "win_rate")).isEqualByComparingTo("0"); // 0 won / D6
        assertThat(total(v, "tcv_won")).isEqualByComparingTo("0");
        assertThat(find(v, "avg_deal_size", null, null).reason()).isEqualTo("no deals won in the period");
        assertThat(find(v, "sales_cycle_days", null, null).reason()).isEqualTo("no deals won in the period");
        assertThat(find(v, "acv", null, null).reason()).isEqualTo("no deals with a contract term won in the period");
        assertThat(breakdown(v, "avg_deal_size", "rep")).isEmpty();
        assertThat(breakdown(v, "win_rate", "rep")).containsExactly("R1");
    }

    @Test
    void aPeriodWithoutDealsHasATcvOfZeroAndNoRates() {
        List<KpiValue> v = calculator.compute(ReportingPeriod.month(YearMonth.of(2025, 3)));

        assertThat(v.stream().map(KpiValue::kpiId).distinct()).containsExactlyInAnyOrderElementsOf(calculator.kpiIds());
        assertThat(v).allMatch(KpiValue::isTotal);
        assertThat(total(v, "tcv_won")).isEqualByComparingTo("0");
        assertThat(find(v, "win_rate", null, null).reason()).isEqualTo("no deals won or lost in the period");
        assertThat(v.stream().filter(x -> !x.kpiId().equals("tcv_won"))).noneMatch(KpiValue::hasValue);
    }
}
