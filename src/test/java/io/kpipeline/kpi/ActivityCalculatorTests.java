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
 * Activities around October 2026 (last day 10-31) and ISO week 2026-W44 (last day 11-01).
 *
 * <pre>
 * customers   AC1 subscription since 2026-01-01, running           active on 10-31 and 11-01
 *                 and a BOOKED one-off order 2026-10-20             active twice over, counted once
 *             AC2 subscription 2025-01-01 .. end_date 2026-11-01   active on 10-31 only
 *             AC3 BOOKED order 2025-11-01 (= 10-31 − 364 days)     active on 10-31 only
 *             AC4 CANCELLED order 2026-10-15, subscription from 2026-11-01   active on 11-01 only
 *             AC5 prospect
 * leads       LA R1 created 10-24 12:00 (before the clock change), LB R2 10-26 00:00:00,
 *             LC R1 10-31 23:59:59, LD no owner 11-01 00:00:00, LE R2 10-10 10:00
 * activity rep lead account channel  type            occurred_at          minutes outcome
 * X1       R1  LA   AC5     PHONE    RESEARCH        10-01 00:00:00       90      –
 * X2       R1  LA   AC5     PHONE    CALL            10-25 12:00          10      REACTION
 * X3       R2  LB   AC1     LINKEDIN RESEARCH        10-26 01:00          30      –
 * X4       R2  LB   AC1     PHONE    CALL            10-26 02:30          15      NO_REACTION
 * X5       R2  LB   AC1     LINKEDIN SOCIAL_MESSAGE  10-27 10:00          –       REACTION
 * X6       R1  LC   AC5     PHONE    CALL            10-31 20:00          5       NO_REACTION
 * X7       R1  LC   AC2     LINKEDIN EMAIL           11-01 00:59:59       –       REACTION
 * X8       R1  –    AC3     PHONE    VISIT           10-31 23:59:59       60      REACTION
 * X9       R2  –    AC4     PHONE    CALL            11-02 00:00:00       5       REACTION
 * X10      R2  –    AC1     PHONE    MEETING         09-30 23:59:59       60      REACTION
 * X11      R1  LD   –       PHONE    RESEARCH        11-01 00:00:00       45      –
 * X12      R2  LE   –       PHONE    CALL            10-09 10:00          5       NO_REACTION
 * X13      R1  –    AC4     PHONE    CALL            11-01 09:00          5       REACTION
 * </pre>
 */
@SpringBootTest
class ActivityCalculatorTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    KpiCatalog catalog;

    @Autowired
    ActivityCalculator calculator;

    @BeforeEach
    void insertActivitiesAndCustomers() {
        tables.deleteAll();
        PipelineTestRows rows = new PipelineTestRows(jdbc);
        rows.channel("PHONE", "OFFLINE");
        rows.channel("LINKEDIN", "ONLINE");
        rows.rep("R1");
        rows.rep("R2");
        for (String account : List.of("AC1", "AC2", "AC3", "AC4", "AC5")) {
            rows.account(account);
        }
        rows.subscription("S1", "AC1", "2026-01-01", null);
        rows.order("O1", "AC1", "2026-10-20", "BOOKED");
        rows.subscription("S2", "AC2", "2025-01-01", "2026-11-01");
        rows.order("O3", "AC3", "2025-11-01", "BOOKED");
        rows.order("O4", "AC4", "2026-10-15", "CANCELLED");
        rows.subscription("S4", "AC4", "2026-11-01", null);
        rows.lead("LA", "AC5", "PHONE", null, "R1", "2026-10-24 12:00:00");
        rows.lead("LB", "AC1", "PHONE", null, "R2", "2026-10-26 00:00:00");
        rows.lead("LC", "AC5", "PHONE", null, "R1", "2026-10-31 23:59:59");
        rows.lead("LD", null, "PHONE", null, null, "2026-11-01 00:00:00");
        rows.lead("LE", null, "PHONE", null, "R2", "2026-10-10 10:00:00");
        rows.activity("X1", "R1", "LA", "AC5", "PHONE", "RESEARCH", "2026-10-01 00:00:00", 90, null);
        rows.activity("X2", "R1", "LA", "AC5", "PHONE", "CALL", "2026-10-25 12:00:00", 10, "REACTION");
        rows.activity("X3", "R2", "LB", "AC1", "LINKEDIN", "RESEARCH", "2026-10-26 01:00:00", 30, null);
        rows.activity("X4", "R2", "LB", "AC1", "PHONE", "CALL", "2026-10-26 02:30:00", 15, "NO_REACTION");
        rows.activity("X5", "R2", "LB", "AC1", "LINKEDIN", "SOCIAL_MESSAGE", "2026-10-27 10:00:00", null, "REACTION");
        rows.activity("X6", "R1", "LC", "AC5", "PHONE", "CALL", "2026-10-31 20:00:00", 5, "NO_REACTION");
        rows.activity("X7", "R1", "LC", "AC2", "LINKEDIN", "EMAIL", "2026-11-01 00:59:59", null, "REACTION");
        rows.activity("X8", "R1", null, "AC3", "PHONE", "VISIT", "2026-10-31 23:59:59", 60, "REACTION");
        rows.activity("X9", "R2", null, "AC4", "PHONE", "CALL", "2026-11-02 00:00:00", 5, "REACTION");
        rows.activity("X10", "R2", null, "AC1", "PHONE", "MEETING", "2026-09-30 23:59:59", 60, "REACTION");
        rows.activity("X11", "R1", "LD", null, "PHONE", "RESEARCH", "2026-11-01 00:00:00", 45, null);
        rows.activity("X12", "R2", "LE", null, "PHONE", "CALL", "2026-10-09 10:00:00", 5, "NO_REACTION");
        rows.activity("X13", "R1", null, "AC4", "PHONE", "CALL", "2026-11-01 09:00:00", 5, "REACTION");
    }

    @Test
    void octoberCountsActivitiesFromStartUpToButExcludingEnd() {
        List<KpiValue> v = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 10)));

        // X2, X4, X5, X6, X8 (23:59:59), X12; X1 (at s) is research; X7, X11, X13 on 11-01 and X10 before s are out
        assertThat(total(v, "contacts")).isEqualByComparingTo("6");
        assertThat(value(v, "contacts", "channel", "PHONE")).isEqualByComparingTo("5"); // X2, X4, X6, X8, X12
        assertThat(value(v, "contacts", "channel", "LINKEDIN")).isEqualByComparingTo("1"); // X5
        assertThat(value(v, "contacts", "rep", "R1")).isEqualByComparingTo("3"); // X2, X6, X8
        assertThat(value(v, "contacts", "rep", "R2")).isEqualByComparingTo("3"); // X4, X5, X12
        // reactions X2, X5, X8 / research (90 + 30) / 60 = 2 hours
        assertThat(total(v, "research_reaction_rate")).isEqualByComparingTo("1.5");
        assertThat(find(v, "research_reaction_rate", null, null).denominator()).isEqualByComparingTo("2");
        // it rests on the 2 research activities X1, X3, not on the hours
        assertThat(find(v, "research_reaction_rate", null, null).cases()).isEqualTo(2L);
        assertThat(find(v, "research_reaction_rate", "rep", "R1").cases()).isEqualTo(1L);
        assertThat(value(v, "research_reaction_rate", "rep", "R1")).isEqualByComparingTo(fraction(4, 3)); // 2 / 1.5 h
        assertThat(value(v, "research_reaction_rate", "rep", "R2")).isEqualByComparingTo("2"); // 1 / 0.5 h
        assertThat(dimensions(v, "research_reaction_rate")).containsExactly("rep");
        // active on 10-31: AC1, AC2 (ends 11-01), AC3 (order exactly 364 days before) = 3;
        // contacts on them: X4, X5 (AC1), X8 (AC3) = 3 / 3
        assertThat(total(v, "contact_frequency")).isEqualByComparingTo("1");
        assertThat(value(v, "contact_frequency", "rep", "R1")).isEqualByComparingTo(fraction(1, 3)); // X8
        assertThat(value(v, "contact_frequency", "rep", "R2")).isEqualByComparingTo(fraction(2, 3)); // X4, X5
        // LA 24 wall-clock hours across the clock change (25 real), LB 2.5 h (X4; X3 is research),
        // LC 1 h (X7 after e; X6 before it was created does not count); LE only has an earlier contact
        // (24 + 2.5 + 1) / 3 = 55/6
        assertThat(total(v, "lead_response_hours")).isEqualByComparingTo(fraction(55, 6));
        assertThat(value(v, "lead_response_hours", "rep", "R1")).isEqualByComparingTo("12.5"); // (24 + 1) / 2
        assertThat(value(v, "lead_response_hours", "rep", "R2")).isEqualByComparingTo("2.5");
        // an average rests on the items it averages: the 3 leads with a response, and the 3 active customers
        assertThat(find(v, "lead_response_hours", null, null).cases()).isEqualTo(3L);
        assertThat(find(v, "contact_frequency", "rep", "R1").cases()).isEqualTo(3L);
        assertThat(breakdown(v, "lead_response_hours", "rep")).containsExactly("R1", "R2");

        KpiValues.assertBreakdownsAsInCatalog(v, catalog);
    }

    @Test
    void isoWeek44SpanningOctoberAndNovember() {
        List<KpiValue> v = calculator.compute(ReportingPeriod.isoWeek(2026, 44));

        // X4, X5, X6, X7, X8, X13; X9 at e is out
        assertThat(total(v, "contacts")).isEqualByComparingTo("6");
        assertThat(value(v, "contacts", "rep", "R1")).isEqualByComparingTo("4"); // X6, X7, X8, X13
        assertThat(value(v, "contacts", "channel", "LINKEDIN")).isEqualByComparingTo("2"); // X5, X7
        // reactions X5, X7, X8, X13 / research (30 + 45 at 11-01 00:00) / 60 = 1.25 h
        assertThat(total(v, "research_reaction_rate")).isEqualByComparingTo("3.2");
        assertThat(value(v, "research_reaction_rate", "rep", "R1")).isEqualByComparingTo("4"); // 3 / 0.75 h
        assertThat(value(v, "research_reaction_rate", "rep", "R2")).isEqualByComparingTo("2"); // 1 / 0.5 h
        // active on 11-01: AC1, AC4 (subscription starts that day); not AC2 (end_date 11-01), not AC3
        // (its order is 365 days before); contacts on them: X4, X5, X13 = 3 / 2
        assertThat(total(v, "contact_frequency")).isEqualByComparingTo("1.5");
        assertThat(value(v, "contact_frequency", "rep", "R1")).isEqualByComparingTo("0.5"); // X13 / 2
        assertThat(value(v, "contact_frequency", "rep", "R2")).isEqualByComparingTo("1"); // X4, X5 / 2
        // LB 2.5 h, LC 1 h; LD (at 11-01 00:00) has research only
        assertThat(total(v, "lead_response_hours")).isEqualByComparingTo("1.75");
        assertThat(breakdown(v, "lead_response_hours", "rep")).containsExactly("R1", "R2");
    }

    @Test
    void aPeriodWithoutActivitiesOrCustomersHasNoContactsAndNoRates() {
        List<KpiValue> v = calculator.compute(ReportingPeriod.month(YearMonth.of(2024, 6)));

        assertThat(v).hasSize(4).allMatch(KpiValue::isTotal);
        assertThat(total(v, "contacts")).isEqualByComparingTo("0");
        assertThat(find(v, "research_reaction_rate", null, null).reason()).isEqualTo("no research time in the period");
        assertThat(find(v, "contact_frequency", null, null).reason())
                .isEqualTo("no active customers on the last day of the period");
        assertThat(find(v, "lead_response_hours", null, null).reason())
                .isEqualTo("no lead created in the period has had a contact");
    }

    @Test
    void contactFrequencyIsZeroWhenCustomersExistButNoneWasContacted() {
        // 2025-03: AC2's subscription is active on 03-31, no activity at all
        List<KpiValue> v = calculator.compute(ReportingPeriod.month(YearMonth.of(2025, 3)));

        assertThat(total(v, "contact_frequency")).isEqualByComparingTo("0"); // 0 / 1
    }
}
