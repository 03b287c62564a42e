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

/**
 * The spans of days on which each account is an active customer, derived once from its subscriptions and booked
 * one-off orders (kpi-vocabulary.md, "active customer on day d"). Each case is an edge of the definition.
 *
 * <pre>
 * SP1  subscription 2026-01-01..2026-06-01, one-off order on 2026-06-01, the day it ended (not before the end)
 *      → [2026-01-01, 2027-06-01): the order keeps the account active for 365 days from its day
 * SP2  subscription 2026-02-01..2026-04-01, one-off order 2026-03-01 while subscribed
 *      → [2026-02-01, 2026-04-01): the order counts only until the subscription ends after it
 * SP3  one-off orders 2025-01-10 and 2025-06-01 → [2025-01-10, 2026-06-01), one span: the first reaches into the
 *      second
 * SP4  one-off order 2025-01-10, another on 2026-01-10 = 365 days later → [2025-01-10, 2027-01-10): the first
 *      ends on 2026-01-10, the day the second starts, so the two touch and are one span
 * SP5  one-off order 2025-01-10, another 2026-01-11 → two spans: 2026-01-10 is a day off
 * SP6  a CANCELLED order, a subscription that ends the day it starts → no span
 * SP7  running subscription since 2026-05-01, one-off order 2025-12-01 → [2025-12-01, open end)
 * SP8  two subscriptions 2026-01-01..2026-03-01 and a one-off order of 2026-01-01, which ends with them
 *      → [2026-01-01, 2026-03-01), one span of three equal ones
 * SP9  two one-off orders on 2024-03-01; subscriptions 2024-05-01..2024-06-01 and 2024-09-01..2024-12-01, both
 *      ending after the orders → [2024-03-01, 2024-06-01) and [2024-09-01, 2024-12-01): the orders count until
 *      the first of those ends, not the later one
 * </pre>
 */
@SpringBootTest
class CustomerActiveSpanTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    CustomerQueries customerQueries;

    @BeforeEach
    void insertCustomers() {
        tables.deleteAll();
        PipelineTestRows rows = new PipelineTestRows(jdbc);
        for (String account : List.of("SP1", "SP2", "SP3", "SP4", "SP5", "SP6", "SP7", "SP8", "SP9")) {
            rows.account(account);
        }
        rows.subscription("S1", "SP1", "2026-01-01", "2026-06-01");
        rows.order("O1", "SP1", "2026-06-01", "BOOKED");
        rows.subscription("S2", "SP2", "2026-02-01", "2026-04-01");
        rows.order("O2", "SP2", "2026-03-01", "BOOKED");
        rows.order("O3a", "SP3", "2025-01-10", "BOOKED");
        rows.order("O3b", "SP3", "2025-06-01", "BOOKED");
        rows.order("O4a", "SP4", "2025-01-10", "BOOKED");
        rows.order("O4b", "SP4", "2026-01-10", "BOOKED");
        rows.order("O5a", "SP5", "2025-01-10", "BOOKED");
        rows.order("O5b", "SP5", "2026-01-11", "BOOKED");
        rows.order("O6", "SP6", "2026-03-01", "CANCELLED");
        rows.subscription("S6", "SP6", "2026-03-01", "2026-03-01");
        rows.subscription("S7", "SP7", "2026-05-01", null);
        rows.order("O7", "SP7", "2025-12-01", "BOOKED");
        rows.subscription("S8a", "SP8", "2026-01-01", "2026-03-01");
        rows.subscription("S8b", "SP8", "2026-01-01", "2026-03-01");
        rows.order("O8", "SP8", "2026-01-01", "BOOKED");
        rows.order("O9a", "SP9", "2024-03-01", "BOOKED");
        rows.order("O9b", "SP9", "2024-03-01", "BOOKED");
        rows.subscription("S9a", "SP9", "2024-09-01", "2024-12-01");
        rows.subscription("S9b", "SP9", "2024-05-01", "2024-06-01");
    }

    @Test
    void spansFollowTheDefinitionAtEachEdge() {
        // reading any figures makes the derived tables current
        customerQueries.period(ReportingPeriod.month(YearMonth.of(2026, 10)));

        assertThat(jdbc.queryForList("""
                SELECT CONCAT(account_id, ' ', active_from, ' ', active_until) FROM customer_active_span
                ORDER BY account_id, active_from""", String.class)).containsExactly(
                "SP1 2026-01-01 2027-06-01",
                "SP2 2026-02-01 2026-04-01",
                "SP3 2025-01-10 2026-06-01",
                "SP4 2025-01-10 2027-01-10",
                "SP5 2025-01-10 2026-01-10",
                "SP5 2026-01-11 2027-01-11",
                "SP7 2025-12-01 9999-12-31",
                "SP8 2026-01-01 2026-03-01",
                "SP9 2024-03-01 2024-06-01",
                "SP9 2024-09-01 2024-12-01");
    }

    @Test
    void activeCustomersOfAPeriodComeFromTheSpans() {
        CustomerQueries.Segment june = customerQueries.period(ReportingPeriod.month(YearMonth.of(2026, 6))).total();
        // opening day 2026-05-31: SP1 (S1), SP3 (O3b, its last day), SP4, SP5 (O5b), SP7 (O7);
        // last day 2026-06-30: SP1 (O1 after S1 ended), SP4, SP5, SP7 (S7); SP2's order ended with S2 on 04-01
        assertThat(june.activeAtStart()).isEqualTo(5);
        assertThat(june.activeAtEnd()).isEqualTo(4);
        assertThat(june.churned()).isEqualTo(1);
    }
}
