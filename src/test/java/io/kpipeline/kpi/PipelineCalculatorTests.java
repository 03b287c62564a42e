package io.kpipeline.kpi;

import static io.kpipeline.kpi.KpiValues.breakdown;
import static io.kpipeline.kpi.KpiValues.total;
import static io.kpipeline.kpi.KpiValues.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kpipeline.model.SourceChanges;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open deals at the end of October 2026 (e = 11-01 00:00) and of ISO week 2026-W44 (e = 11-02 00:00):
 *
 * <pre>
 * deal lead rep amount created              closed               stage events of the lead
 * P1   LP1  R1  10000  2026-10-05           –                    SQL 10-06, SECOND_MEETING and OFFER both 10-20 10:00
 * P2   LP2  R2   4000  2026-10-31 23:59:59  –                    none
 * P3   LP3  R1   2000  2026-11-01 00:00:00  –                    SQL 11-01 00:00:00, FIRST_MEETING 11-01 10:00
 * P4   LP4  R2   6000  2026-09-15           2026-11-01 00:00:00  SQL 09-16, CONTRACT_SENT 10-30, WON 11-01 00:00:00
 * P5   LP5  R1   8000  2026-09-01           2026-10-31 23:59:59  none
 * P6   LP6  –    1000  2026-10-01           –                    OFFER 11-01 00:00:00
 * </pre>
 *
 * History for p(OFFER), with the default minimum of 20 closed leads: H01..H19 have OFFER 2026-06-01 and
 * close 2026-06-10 (H01..H05 WON, the rest LOST); H20 has OFFER and WON 2025-11-01 00:00:00 (e − 365 days
 * of October, out of the week's window); H21 has OFFER and LOST 2026-11-01 00:00:00 (October's e, in the
 * week's window). October: 20 closed, 6 won, p = 0.3; W44: 20 closed, 5 won, p = 0.25. Every other
 * stage has fewer than 20 closed leads and takes its default: SQL 0.10, FIRST_MEETING 0.20,
 * CONTRACT_SENT 0.80.
 */
@SpringBootTest
class PipelineCalculatorTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    KpiCatalog catalog;

    @Autowired
    PipelineCalculator calculator;

    @BeforeEach
    void insertOpenDealsAndHistory() {
        tables.deleteAll();
        PipelineTestRows rows = new PipelineTestRows(jdbc);
        rows.channel("WEBSITE", "ONLINE");
        rows.rep("R1");
        rows.rep("R2");
        rows.account("A1");
        for (String lead : List.of("LP1", "LP2", "LP3", "LP4", "LP5", "LP6")) {
            rows.lead(lead, "A1", "WEBSITE", null, null, "2026-08-01 10:00:00");
        }
        rows.event("LP1", "SQL", "2026-10-06 10:00:00");
        rows.event("LP1", "SECOND_MEETING", "2026-10-20 10:00:00");
        rows.event("LP1", "OFFER", "2026-10-20 10:00:00");
        rows.event("LP3", "SQL", "2026-11-01 00:00:00");
        rows.event("LP3", "FIRST_MEETING", "2026-11-01 10:00:00");
        rows.event("LP4", "SQL", "2026-09-16 10:00:00");
        rows.event("LP4", "CONTRACT_SENT", "2026-10-30 10:00:00");
        rows.event("LP4", "WON", "2026-11-01 00:00:00");
        rows.event("LP6", "OFFER", "2026-11-01 00:00:00");
        rows.deal("P1", "LP1", "A1", "R1", "2026-10-05 09:00:00", "OPEN", "10000.00", null, null);
        rows.deal("P2", "LP2", "A1", "R2", "2026-10-31 23:59:59", "OPEN", "4000.00", null, null);
        rows.deal("P3", "LP3", "A1", "R1", "2026-11-01 00:00:00", "OPEN", "2000.00", null, null);
        rows.deal("P4", "LP4", "A1", "R2", "2026-09-15 09:00:00", "WON", "6000.00", 12, "2026-11-01 00:00:00");
        rows.deal("P5", "LP5", "A1", "R1", "2026-09-01 09:00:00", "LOST", "8000.00", null, "2026-10-31 23:59:59");
        rows.deal("P6", "LP6", "A1", null, "2026-10-01 09:00:00", "OPEN", "1000.00", null, null);
        for (int i = 1; i <= 21; i++) {
            String lead = String.format("H%02d", i);
            rows.lead(lead, "A1", "WEBSITE", null, null, "2025-06-01 10:00:00");
            if (i <= 19) {
                rows.event(lead, "OFFER", "2026-06-01 10:00:00");
                rows.event(lead, i <= 5 ? "WON" : "LOST", "2026-06-10 10:00:00");
            }
        }
        rows.event("H20", "OFFER", "2025-10-20 10:00:00");
        rows.event("H20", "WON", "2025-11-01 00:00:00");
        rows.event("H21", "OFFER", "2026-10-20 10:00:00");
        rows.event("H21", "LOST", "2026-11-01 00:00:00");
    }

    @Test
    void octoberCountsDealsOpenAtEndIncludingOneClosedExactlyAtEnd() {
        List<KpiValue> v = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 10)));

        // P1, P2 (created a second before e), P4 (closed exactly at e), P6; P3 created at e, P5 closed before
        assertThat(total(v, "open_pipeline_value")).isEqualByComparingTo("21000.00"); // 10000 + 4000 + 6000 + 1000
        assertThat(value(v, "open_pipeline_value", "rep", "R1")).isEqualByComparingTo("10000.00");
        assertThat(value(v, "open_pipeline_value", "rep", "R2")).isEqualByComparingTo("10000.00");
        assertThat(value(v, "open_pipeline_value", "rep", "(none)")).isEqualByComparingTo("1000.00");
        // P1 OFFER (tie with SECOND_MEETING) 10000 × 0.3 + P2 no event, SQL 4000 × 0.1
        // + P4 CONTRACT_SENT 6000 × 0.8 + P6 SQL (its OFFER is at e) 1000 × 0.1 = 3000 + 400 + 4800 + 100
        assertThat(total(v, "pipeline_value_weighted")).isEqualByComparingTo("8300");
        assertThat(value(v, "pipeline_value_weighted", "rep", "R1")).isEqualByComparingTo("3000");
        assertThat(value(v, "pipeline_value_weighted", "rep", "R2")).isEqualByComparingTo("5200"); // 400 + 4800
        assertThat(value(v, "pipeline_value_weighted", "rep", "(none)")).isEqualByComparingTo("100");
        assertThat(breakdown(v, "pipeline_value_weighted", "rep")).containsExactly("(none)", "R1", "R2");

        KpiValues.assertBreakdownsAsInCatalog(v, catalog);
    }

    @Test
    void aLeadWithBothAWonAndALostEventCountsOnceAsClosedAndOnceAsWon() {
        // H22: OFFER, then WON and LOST in October's year. October's p(OFFER): 21 closed leads, 7 won
        PipelineTestRows rows = new PipelineTestRows(jdbc);
        rows.lead("H22", "A1", "WEBSITE", null, null, "2025-06-01 10:00:00");
        rows.event("H22", "OFFER", "2026-06-01 10:00:00");
        rows.event("H22", "WON", "2026-06-10 10:00:00");
        rows.event("H22", "LOST", "2026-06-11 10:00:00");

        List<KpiValue> v = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 10)));

        // R1's P1 at OFFER: 10000 × 7 / 21 = 3333.33 (counted twice as closed, 10000 × 7 / 22 = 3181.82)
        assertThat(value(v, "pipeline_value_weighted", "rep", "R1")).isCloseTo(new BigDecimal("3333.33"),
                within(new BigDecimal("0.01")));
    }

    @Test
    void theClosedLeadsAreKeptUntilAChangeOfTheFunnelEventsIsRecorded(@Autowired CustomerQueries computations) {
        ReportingPeriod october = ReportingPeriod.month(YearMonth.of(2026, 10));
        // R1's P1 at OFFER: 10000 × 6 / 20 = 3000
        assertThat(value(computations.sharingFigures(true, () -> calculator.compute(october)),
                "pipeline_value_weighted", "rep", "R1")).isEqualByComparingTo("3000");
        // H22 with OFFER and a WON event in October's year, written without recording the change: an incremental
        // computation keeps the closed leads built from the recorded version, a forced one builds them afresh
        PipelineTestRows rows = new PipelineTestRows(jdbc);
        rows.lead("H22", "A1", "WEBSITE", null, null, "2025-06-01 10:00:00");
        rows.event("H22", "OFFER", "2026-06-01 10:00:00");
        rows.event("H22", "WON", "2026-06-10 10:00:00");
        assertThat(value(computations.sharingFigures(false, () -> calculator.compute(october)),
                "pipeline_value_weighted", "rep", "R1")).isEqualByComparingTo("3000");
        // 10000 × 7 / 21
        assertThat(value(computations.sharingFigures(true, () -> calculator.compute(october)),
                "pipeline_value_weighted", "rep", "R1")).isCloseTo(new BigDecimal("3333.33"),
                within(new BigDecimal("0.01")));
        jdbc.update("DELETE FROM funnel_event WHERE lead_id = 'H22'");
        assertThat(value(computations.sharingFigures(false, () -> calculator.compute(october)),
                "pipeline_value_weighted", "rep", "R1")).isCloseTo(new BigDecimal("3333.33"),
                within(new BigDecimal("0.01")));
        // once the change is recorded, as an import records it, the next incremental computation sees it
        jdbc.update(SourceChanges.RAISE_JDBC, "funnel_event", LocalDate.of(2026, 6, 1));
        assertThat(value(computations.sharingFigures(false, () -> calculator.compute(october)),
                "pipeline_value_weighted", "rep", "R1")).isEqualByComparingTo("3000");
    }

    @Test
    void buildingTheClosedLeadsDoesNotWaitForAFunnelEventAnotherTransactionIsChanging(
            @Autowired CustomerQueries computations, @Autowired PlatformTransactionManager transactionManager)
            throws Exception {
        ReportingPeriod october = ReportingPeriod.month(YearMonth.of(2026, 10));
        // an import has moved the WON events and not committed; the forced computation builds the closed leads
        List<KpiValue> values = UncommittedChange.whileHeld(transactionManager,
                () -> assertThat(jdbc.update("UPDATE funnel_event SET occurred_at = occurred_at + INTERVAL 1 HOUR"
                        + " WHERE stage = 'WON'")).isPositive(),
                () -> computations.sharingFigures(true, () -> calculator.compute(october)));

        // R1's P1 at OFFER: 10000 × 6 / 20 from the committed events
        assertThat(value(values, "pipeline_value_weighted", "rep", "R1")).isEqualByComparingTo("3000");
    }

    @Test
    void aComputationInsideATransactionThatHasAlreadyReadSeesTheClosedLeadsItBuilds(
            @Autowired PlatformTransactionManager transactionManager) {
        // nothing built yet, and the caller's transaction has read before the build (its snapshot predates it), as
        // a batch step's has
        jdbc.update("DELETE FROM pipeline_closed_lead");
        List<KpiValue> v = new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.queryForObject("SELECT COUNT(*) FROM funnel_event", Long.class);
            return calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 10)));
        });

        // R1's P1 at OFFER: 10000 × 6 / 20 from the closed leads; without them the default 0.5 would give 5000
        assertThat(value(v, "pipeline_value_weighted", "rep", "R1")).isEqualByComparingTo("3000");
    }

    @Test
    void periodsComputedTogetherHaveTheValuesOfEachComputedAlone() {
        ReportingPeriod october = ReportingPeriod.month(YearMonth.of(2026, 10));
        ReportingPeriod week44 = ReportingPeriod.isoWeek(2026, 44);
        ReportingPeriod week23 = ReportingPeriod.isoWeek(2026, 23);

        // one read of the closed leads of all three trailing years: H20's WON on 2025-11-01 lies in October's
        // year and not in week 44's, H21's LOST on 2026-11-01 in week 44's and not in October's, the 19 H leads
        // closed on 2026-06-10 in both but not in week 23's, which ends on 2026-06-08
        Map<ReportingPeriod, List<KpiValue>> together = calculator.computeAll(List.of(october, week44, week23));

        assertThat(together.get(october)).isEqualTo(calculator.compute(october));
        assertThat(together.get(week44)).isEqualTo(calculator.compute(week44));
        assertThat(together.get(week23)).isEqualTo(calculator.compute(week23));
        assertThat(total(together.get(week44), "pipeline_value_weighted")).isEqualByComparingTo("3550");
    }

    @Test
    void isoWeek44TakesStagesAndProbabilitiesAsOfItsOwnEnd() {
        List<KpiValue> v = calculator.compute(ReportingPeriod.isoWeek(2026, 44));

        // P1, P2, P3 (created 11-01 00:00), P6; P4 closed 11-01 00:00 < e
        assertThat(total(v, "open_pipeline_value")).isEqualByComparingTo("17000.00"); // 10000 + 4000 + 2000 + 1000
        assertThat(value(v, "open_pipeline_value", "rep", "R1")).isEqualByComparingTo("12000.00");
        assertThat(value(v, "open_pipeline_value", "rep", "R2")).isEqualByComparingTo("4000.00");
        // P1 OFFER 10000 × 0.25 + P2 SQL 4000 × 0.1 + P3 FIRST_MEETING 2000 × 0.2 + P6 OFFER 1000 × 0.25
        // = 2500 + 400 + 400 + 250
        assertThat(total(v, "pipeline_value_weighted")).isEqualByComparingTo("3550");
        assertThat(value(v, "pipeline_value_weighted", "rep", "R1")).isEqualByComparingTo("2900");
        assertThat(value(v, "pipeline_value_weighted", "rep", "R2")).isEqualByComparingTo("400");
        assertThat(value(v, "pipeline_value_weighted", "rep", "(none)")).isEqualByComparingTo("250");
    }

    @Test
    void aStaleDealLeavesTheWeightedPipelineAndADealExpectedToCloseNextMonthEntersTheForecast() {
        PipelineTestRows rows = new PipelineTestRows(jdbc);
        for (String lead : List.of("LP7", "LP8", "LP9")) {
            rows.lead(lead, "A1", "WEBSITE", null, null, "2026-06-20 10:00:00");
        }
        // October: e = 11-01, stale-after-days 60, so worked means a funnel event or activity in [09-02, 11-01)
        rows.deal("P7", "LP7", "A1", "R1", "2026-07-01 09:00:00", "OPEN", "12000.00", null, null);
        rows.event("LP7", "SQL", "2026-07-02 10:00:00");
        rows.event("LP7", "OFFER", "2026-08-15 10:00:00");
        rows.activity("X7", "R1", "LP7", null, "WEBSITE", "CALL", "2026-09-01 23:59:59", 10, "NO_REACTION");
        rows.deal("P8", "LP8", "A1", "R2", "2026-07-01 09:00:00", "OPEN", "5000.00", null, null);
        rows.event("LP8", "SQL", "2026-07-02 10:00:00");
        rows.activity("X8", "R2", "LP8", null, "WEBSITE", "CALL", "2026-09-02 00:00:00", 10, "REACTION");
        rows.deal("P9", "LP9", "A1", "R2", "2026-08-01 09:00:00", "OPEN", "3000.00", null, null);
        rows.event("LP9", "FIRST_MEETING", "2026-10-10 10:00:00");
        rows.expectedClose("P1", "2026-11-01");
        rows.expectedClose("P2", "2026-10-20");
        rows.expectedClose("P7", "2026-11-15");
        rows.expectedClose("P8", "2026-11-30");
        rows.expectedClose("P9", "2026-12-01");

        List<KpiValue> v = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 10)));

        // P7's last touch (09-01 23:59:59) lies before 09-02 and it was created before: stale; P8's call at 09-02
        // 00:00:00 keeps it worked
        assertThat(total(v, "open_pipeline_value")).isEqualByComparingTo("41000.00"); // 21000 + 12000 + 5000 + 3000
        assertThat(total(v, "stale_pipeline_value")).isEqualByComparingTo("12000.00");
        assertThat(value(v, "stale_pipeline_value", "rep", "R1")).isEqualByComparingTo("12000.00");
        assertThat(value(v, "stale_pipeline_value", "rep", "R2")).isEqualByComparingTo("0");
        // 8300 as before + P8 SQL 5000 × 0.1 + P9 FIRST_MEETING 3000 × 0.2; not P7's OFFER 12000 × 0.3
        assertThat(total(v, "pipeline_value_weighted")).isEqualByComparingTo("9400");
        // expected in November and worked: P1 (1 Nov) OFFER 10000 × 0.3 + P8 (30 Nov) 500; not P2 (overdue since
        // 20 Oct), P7 (stale), P9 (1 Dec)
        assertThat(total(v, "pipeline_forecast")).isEqualByComparingTo("3500");
        assertThat(value(v, "pipeline_forecast", "rep", "R1")).isEqualByComparingTo("3000");
        assertThat(value(v, "pipeline_forecast", "rep", "R2")).isEqualByComparingTo("500");

        // W44: e = 11-02, worked means touched since 09-03: P8's call of 09-02 is too old now
        List<KpiValue> week = calculator.compute(ReportingPeriod.isoWeek(2026, 44));
        assertThat(total(week, "stale_pipeline_value")).isEqualByComparingTo("17000.00");
        // the next week is 2026-W45 (2 to 8 Nov): nobody expects to close in it
        assertThat(total(week, "pipeline_forecast")).isEqualByComparingTo("0");
    }

    @Test
    void withoutOpenDealsEveryValueIsZero() {
        List<KpiValue> v = calculator.compute(ReportingPeriod.month(YearMonth.of(2025, 3)));

        assertThat(v).hasSize(4).allMatch(KpiValue::isTotal);
        for (String kpi : List.of("open_pipeline_value", "pipeline_value_weighted", "stale_pipeline_value",
                "pipeline_forecast")) {
            assertThat(total(v, kpi)).as(kpi).isEqualByComparingTo("0");
        }
    }
}
