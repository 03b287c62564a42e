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
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seven leads around October 2026 and ISO week 2026-W44 (2026-10-26 .. 2026-11-01), with events
 * exactly on the period boundaries:
 *
 * <pre>
 * lead channel   campaign rep  created               events
 * L1   WEBSITE   C1       R1   2026-10-01 00:00:00   MQL 10-02 09:00, SAL 10-05, SQL 10-27 10:00, FIRST_MEETING 11-01 00:00:00
 * L2   WEBSITE   –        R2   2026-10-26 00:00:00   MQL 11-02 00:00:00
 * L3   PHONE     –        R1   2026-10-31 23:59:59   MQL 10-31 12:00; referred
 * L4   PHONE     –        –    2026-11-01 00:00:00   MQL 11-01 08:00
 * L5   WEBSITE   C1       R1   2026-09-30 23:59:59   MQL 09-30 23:59:59, SAL 10-01 00:00:00, SQL 10-10, FIRST_MEETING 10-15,
 *                                                    SECOND_MEETING 10-20, OFFER 10-26 00:00:00, CONTRACT_SENT 10-28,
 *                                                    WON 10-31 23:59:59
 * L6   REFERRAL  –        R2   2026-11-02 00:00:00   referred
 * L7   WEBSITE   C1       R2   2026-10-20 10:00      MQL 10-21, SAL 10-26 00:00:00, LOST 10-29
 * </pre>
 *
 * WEBSITE sessions: 1000 on 09-30, 100 on 10-01, 60 on 10-31, 40 on 11-01, 500 on 11-02; on 10-15 also 50 PAID_SEARCH
 * and 40 REFERRAL sessions. The web lead channels are the default ones, WEBSITE and PAID_SEARCH.
 */
@SpringBootTest
class LeadFunnelCalculatorTests {

    static final ReportingPeriod OCTOBER = ReportingPeriod.month(YearMonth.of(2026, 10));
    static final ReportingPeriod W44 = ReportingPeriod.isoWeek(2026, 44);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    KpiCatalog catalog;

    @Autowired
    LeadFunnelCalculator calculator;

    @BeforeEach
    void insertLeadsAndFunnelEvents() {
        tables.deleteAll();
        PipelineTestRows rows = new PipelineTestRows(jdbc);
        rows.channel("WEBSITE", "ONLINE");
        rows.channel("PHONE", "OFFLINE");
        rows.channel("REFERRAL", "OFFLINE");
        rows.channel("PAID_SEARCH", "ONLINE");
        rows.rep("R1");
        rows.rep("R2");
        rows.campaign("C1", "WEBSITE");
        rows.account("A1");
        rows.lead("L1", null, "WEBSITE", "C1", "R1", "2026-10-01 00:00:00");
        rows.lead("L2", null, "WEBSITE", null, "R2", "2026-10-26 00:00:00");
        rows.lead("L3", null, "PHONE", null, "R1", "2026-10-31 23:59:59");
        rows.lead("L4", null, "PHONE", null, null, "2026-11-01 00:00:00");
        rows.lead("L5", null, "WEBSITE", "C1", "R1", "2026-09-30 23:59:59");
        rows.lead("L6", null, "REFERRAL", null, "R2", "2026-11-02 00:00:00");
        rows.lead("L7", null, "WEBSITE", "C1", "R2", "2026-10-20 10:00:00");
        rows.event("L1", "MQL", "2026-10-02 09:00:00");
        rows.event("L1", "SAL", "2026-10-05 11:00:00");
        rows.event("L1", "SQL", "2026-10-27 10:00:00");
        rows.event("L1", "FIRST_MEETING", "2026-11-01 00:00:00");
        rows.event("L2", "MQL", "2026-11-02 00:00:00");
        rows.event("L3", "MQL", "2026-10-31 12:00:00");
        rows.event("L4", "MQL", "2026-11-01 08:00:00");
        rows.event("L5", "MQL", "2026-09-30 23:59:59");
        rows.event("L5", "SAL", "2026-10-01 00:00:00");
        rows.event("L5", "SQL", "2026-10-10 10:00:00");
        rows.event("L5", "FIRST_MEETING", "2026-10-15 10:00:00");
        rows.event("L5", "SECOND_MEETING", "2026-10-20 10:00:00");
        rows.event("L5", "OFFER", "2026-10-26 00:00:00");
        rows.event("L5", "CONTRACT_SENT", "2026-10-28 10:00:00");
        rows.event("L5", "WON", "2026-10-31 23:59:59");
        rows.event("L7", "MQL", "2026-10-21 10:00:00");
        rows.event("L7", "SAL", "2026-10-26 00:00:00");
        rows.event("L7", "LOST", "2026-10-29 10:00:00");
        rows.referral("RF1", "A1", "L3");
        rows.referral("RF2", "A1", "L6");
        rows.sessions("2026-09-30", "WEBSITE", "/", 1000);
        rows.sessions("2026-10-01", "WEBSITE", "/", 100);
        rows.sessions("2026-10-31", "WEBSITE", "/pricing", 60);
        rows.sessions("2026-11-01", "WEBSITE", "/", 40);
        rows.sessions("2026-11-02", "WEBSITE", "/", 500);
        rows.sessions("2026-10-15", "PAID_SEARCH", "/ads", 50);
        rows.sessions("2026-10-15", "REFERRAL", "/", 40);
    }

    @Test
    void countsLeadsAndStageEntriesOfOctoberWithBoundaryEventsInsideAndOutside() {
        List<KpiValue> v = calculator.compute(OCTOBER);

        // L1 (at start), L2, L3 (23:59:59 on the last day), L7; L5 a second before, L4 exactly at e
        assertThat(total(v, "leads_created")).isEqualByComparingTo("4");
        assertThat(value(v, "leads_created", "channel", "WEBSITE")).isEqualByComparingTo("3"); // L1, L2, L7
        assertThat(value(v, "leads_created", "channel", "PHONE")).isEqualByComparingTo("1"); // L3
        assertThat(value(v, "leads_created", "campaign", "C1")).isEqualByComparingTo("2"); // L1, L7
        assertThat(value(v, "leads_created", "campaign", "(none)")).isEqualByComparingTo("2"); // L2, L3
        assertThat(value(v, "leads_created", "rep", "R1")).isEqualByComparingTo("2"); // L1, L3
        assertThat(value(v, "leads_created", "rep", "R2")).isEqualByComparingTo("2"); // L2, L7
        assertThat(breakdown(v, "leads_created", "channel")).containsExactly("PHONE", "WEBSITE");

        // MQL: L1, L3, L7; not L5 (09-30 23:59:59), L2 (11-02), L4 (11-01 = e)
        assertThat(total(v, "mql_count")).isEqualByComparingTo("3");
        assertThat(value(v, "mql_count", "channel", "WEBSITE")).isEqualByComparingTo("2");
        assertThat(value(v, "mql_count", "channel", "PHONE")).isEqualByComparingTo("1");
        assertThat(value(v, "mql_count", "campaign", "C1")).isEqualByComparingTo("2");
        assertThat(value(v, "mql_count", "campaign", "(none)")).isEqualByComparingTo("1");
        assertThat(dimensions(v, "mql_count")).containsExactly("campaign", "channel");

        // SAL: L1, L5 (exactly at s), L7
        assertThat(total(v, "sal_count")).isEqualByComparingTo("3");
        assertThat(value(v, "sal_count", "channel", "WEBSITE")).isEqualByComparingTo("3");
        assertThat(value(v, "sal_count", "rep", "R1")).isEqualByComparingTo("2");
        assertThat(value(v, "sal_count", "rep", "R2")).isEqualByComparingTo("1");
        assertThat(dimensions(v, "sal_count")).containsExactly("channel", "rep");

        // SQL: L1 (10-27), L5 (10-10), both R1
        assertThat(total(v, "sql_count")).isEqualByComparingTo("2");
        assertThat(breakdown(v, "sql_count", "rep")).containsExactly("R1");
        assertThat(value(v, "sql_count", "rep", "R1")).isEqualByComparingTo("2");

        KpiValues.assertBreakdownsAsInCatalog(v, catalog);
    }

    @Test
    void computesOctoberRatesFromLeadsSessionsAndFlows() {
        List<KpiValue> v = calculator.compute(OCTOBER);

        // leads of the web lead channels L1, L2, L7 (not L3, PHONE) over every session of October, whatever
        // brought it: 100 + 60 WEBSITE + 50 PAID_SEARCH + 40 REFERRAL = 3 / 250
        KpiValue visitToLead = find(v, "visit_to_lead_rate", null, null);
        assertThat(visitToLead.value()).isEqualByComparingTo("0.012");
        assertThat(visitToLead.cases()).isEqualTo(250L);
        // per web lead channel its own leads over its own sessions: WEBSITE 3 / 160, PAID_SEARCH 0 / 50; REFERRAL
        // is no web lead channel; the rows do not add up to the total
        assertThat(value(v, "visit_to_lead_rate", "channel", "WEBSITE")).isEqualByComparingTo("0.01875");
        assertThat(value(v, "visit_to_lead_rate", "channel", "PAID_SEARCH")).isEqualByComparingTo("0");
        assertThat(breakdown(v, "visit_to_lead_rate", "channel")).containsExactly("PAID_SEARCH", "WEBSITE");
        // MQL before e: L1, L3, L7, not L2 (MQL 11-02) = 3 / 4
        assertThat(total(v, "qualified_lead_share")).isEqualByComparingTo("0.75");
        assertThat(value(v, "qualified_lead_share", "channel", "WEBSITE")).isEqualByComparingTo(fraction(2, 3));
        assertThat(value(v, "qualified_lead_share", "channel", "PHONE")).isEqualByComparingTo("1");
        // (3 MQL in October − 1 in September (L5 at 23:59:59)) / 1
        assertThat(total(v, "lead_velocity_rate")).isEqualByComparingTo("2");
        // L3 has a referral row / 4 leads
        assertThat(total(v, "referral_rate")).isEqualByComparingTo("0.25");

        // 3 MQL / 4 leads; WEBSITE 2/3, PHONE 1/1; R1 (MQL L1, L3 / leads L1, L3) 1, R2 (L7 / L2, L7) 1/2
        assertThat(total(v, "conv_lead_mql")).isEqualByComparingTo("0.75");
        assertThat(value(v, "conv_lead_mql", "channel", "WEBSITE")).isEqualByComparingTo(fraction(2, 3));
        assertThat(value(v, "conv_lead_mql", "channel", "PHONE")).isEqualByComparingTo("1");
        assertThat(value(v, "conv_lead_mql", "rep", "R1")).isEqualByComparingTo("1");
        assertThat(value(v, "conv_lead_mql", "rep", "R2")).isEqualByComparingTo("0.5");
        // 3 SAL / 3 MQL; WEBSITE 3/2 (a flow ratio may exceed 1), PHONE 0/1; R1 2/2, R2 1/1
        assertThat(total(v, "conv_mql_sal")).isEqualByComparingTo("1");
        assertThat(value(v, "conv_mql_sal", "channel", "WEBSITE")).isEqualByComparingTo("1.5");
        assertThat(value(v, "conv_mql_sal", "channel", "PHONE")).isEqualByComparingTo("0");
        assertThat(value(v, "conv_mql_sal", "rep", "R1")).isEqualByComparingTo("1");
        assertThat(value(v, "conv_mql_sal", "rep", "R2")).isEqualByComparingTo("1");
        // 2 SQL / 3 SAL; R1 2/2, R2 0/1
        assertThat(total(v, "conv_sal_sql")).isEqualByComparingTo(fraction(2, 3));
        assertThat(value(v, "conv_sal_sql", "rep", "R1")).isEqualByComparingTo("1");
        assertThat(value(v, "conv_sal_sql", "rep", "R2")).isEqualByComparingTo("0");
        // FIRST_MEETING L5 only (L1's is at e) / SQL L1, L5
        assertThat(total(v, "conv_sql_first_meeting")).isEqualByComparingTo("0.5");
        assertThat(value(v, "conv_sql_first_meeting", "rep", "R1")).isEqualByComparingTo("0.5");
        assertThat(dimensions(v, "conv_sql_first_meeting")).containsExactly("rep");
        // L5 moved through every later stage in October: 1/1 each
        assertThat(total(v, "conv_first_meeting_second_meeting")).isEqualByComparingTo("1");
        assertThat(total(v, "conv_second_meeting_offer")).isEqualByComparingTo("1");
        assertThat(total(v, "conv_offer_contract_sent")).isEqualByComparingTo("1");
        assertThat(total(v, "conv_contract_sent_won")).isEqualByComparingTo("1");
        // WON L5 (23:59:59 on the last day) / 4 leads; WEBSITE 1/3, PHONE 0/1
        assertThat(total(v, "lead_to_customer_rate")).isEqualByComparingTo("0.25");
        assertThat(value(v, "lead_to_customer_rate", "channel", "WEBSITE")).isEqualByComparingTo(fraction(1, 3));
        assertThat(value(v, "lead_to_customer_rate", "channel", "PHONE")).isEqualByComparingTo("0");
        assertThat(dimensions(v, "lead_to_customer_rate")).containsExactly("channel");
    }

    @Test
    void computesIsoWeek44AcrossTheMonthBoundary() {
        List<KpiValue> v = calculator.compute(W44);

        // L2 (at s), L3, L4 (11-01, in the week's November part); L6 at e is out
        assertThat(total(v, "leads_created")).isEqualByComparingTo("3");
        assertThat(value(v, "leads_created", "channel", "PHONE")).isEqualByComparingTo("2");
        assertThat(value(v, "leads_created", "rep", "(none)")).isEqualByComparingTo("1"); // L4 has no owner
        assertThat(breakdown(v, "leads_created", "campaign")).containsExactly("(none)");
        // online L2 / sessions 60 + 40
        assertThat(total(v, "visit_to_lead_rate")).isEqualByComparingTo("0.01");
        // MQL L3, L4 (L2's at e is out); W43 had L7 → (2 − 1) / 1
        assertThat(total(v, "mql_count")).isEqualByComparingTo("2");
        assertThat(total(v, "lead_velocity_rate")).isEqualByComparingTo("1");
        // L3, L4 have an MQL before e, L2's is exactly at e
        assertThat(total(v, "qualified_lead_share")).isEqualByComparingTo(fraction(2, 3));
        assertThat(value(v, "qualified_lead_share", "channel", "WEBSITE")).isEqualByComparingTo("0");
        // SAL L7 (at s) / MQL L3, L4; the WEBSITE channel and rep R2 have a SAL but no MQL
        assertThat(total(v, "conv_mql_sal")).isEqualByComparingTo("0.5");
        assertThat(find(v, "conv_mql_sal", "channel", "WEBSITE").reason()).isEqualTo("no leads entered MQL in the period");
        assertThat(value(v, "conv_mql_sal", "channel", "PHONE")).isEqualByComparingTo("0");
        assertThat(find(v, "conv_mql_sal", "rep", "R2").hasValue()).isFalse();
        assertThat(breakdown(v, "conv_mql_sal", "rep")).containsExactly("(none)", "R1", "R2");
        // SQL L1 / SAL L7
        assertThat(total(v, "conv_sal_sql")).isEqualByComparingTo("1");
        // FIRST_MEETING L1 at 11-01 00:00 / SQL L1
        assertThat(total(v, "conv_sql_first_meeting")).isEqualByComparingTo("1");
        assertThat(total(v, "conv_first_meeting_second_meeting")).isEqualByComparingTo("0");
        // OFFER L5 at s, but no SECOND_MEETING in the week
        KpiValue offer = find(v, "conv_second_meeting_offer", null, null);
        assertThat(offer.hasValue()).isFalse();
        assertThat(offer.reason()).isEqualTo("no leads entered SECOND_MEETING in the period");
        assertThat(offer.numerator()).isEqualByComparingTo("1");
        assertThat(total(v, "conv_contract_sent_won")).isEqualByComparingTo("1");
        // WON L5 / leads L2, L3, L4; WEBSITE 1/1 (L5 won, L2 created)
        assertThat(total(v, "lead_to_customer_rate")).isEqualByComparingTo(fraction(1, 3));
        assertThat(value(v, "lead_to_customer_rate", "channel", "WEBSITE")).isEqualByComparingTo("1");
        // L3 referred; L6 (referred too) is created at e
        assertThat(total(v, "referral_rate")).isEqualByComparingTo(fraction(1, 3));
    }

    @Test
    void givesCountsOfZeroAndRatesWithoutValueForAPeriodWithoutData() {
        List<KpiValue> v = calculator.compute(ReportingPeriod.month(YearMonth.of(2025, 3)));

        assertThat(v.stream().map(KpiValue::kpiId).distinct()).containsExactlyInAnyOrderElementsOf(calculator.kpiIds());
        assertThat(v).allMatch(KpiValue::isTotal);
        for (String count : List.of("leads_created", "mql_count", "sal_count", "sql_count")) {
            assertThat(total(v, count)).as(count).isEqualByComparingTo(BigDecimal.ZERO);
        }
        assertThat(find(v, "visit_to_lead_rate", null, null).reason()).isEqualTo("no sessions in the period");
        assertThat(find(v, "conv_lead_mql", null, null).reason()).isEqualTo("no leads created in the period");
        assertThat(find(v, "referral_rate", null, null).reason()).isEqualTo("no leads created in the period");
        assertThat(find(v, "lead_velocity_rate", null, null).reason())
                .isEqualTo("no leads entered MQL in the previous period");
        assertThat(v.stream().filter(x -> !Set.of("leads_created", "mql_count", "sal_count", "sql_count")
                .contains(x.kpiId()))).noneMatch(KpiValue::hasValue);
    }
}
