package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small customer base shared by the revenue, customer and activity tests, with the facts each
 * account stands for under the version-2 rule: active on d = a subscription running on d, or a booked
 * one-off order (no subscription_id) in [d − 364 days, d] not before the end of a subscription that
 * ended by d. October 2026: opening day 09-30, last 10-31; 2026-W44: opening day 10-25, last 11-01.
 *
 * <pre>
 * acct seg        subscriptions (mrr)                 orders (I = invoice of a subscription)   first date
 * A1   SMB        S1 2025-01-01.. 100, S1b 2026-07-01.. 50   O1a 2025-06-01 500, I1a 09-01 100, O1b 09-30 10,
 *                                                      I1b 10-01 100, O1c 10-15 1000            2025-01-01
 * A2   SMB        S2 2025-03-01..2026-10-01 (ends on s) 200  I2 09-01 200                       2025-03-01
 * A3   MID        S3 2024-01-01..2026-10-15 (mid-month) 300  I3 10-01 300                       2024-01-01
 * A4   MID        -                                   O4 2025-11-01 400 (364 days before 10-31) 2025-11-01
 * A5   (none)     -                                   O5 2025-10-31 700 (365 days before 10-31) 2025-10-31
 * A6   ENTERPRISE S6 2026-10-01.. 1000                I6 10-01 1000                             2026-10-01
 * A7   (none)     -                                   O7 10-31 200                              2026-10-31
 * A8   SMB        -                                   O8 11-01 50                               2026-11-01
 * A9   SMB        -                                   O9 10-10 999 CANCELLED                    never
 * A10  MID        -                                   O10a 2024-05-05 100, O10b 10-20 600        2024-05-05
 * A11  MID        S11 2024-06-01..2026-06-01 400      I11 05-01 400, O11 06-10 800 (after the end) 2024-06-01
 * A12  SMB        S12 2025-01-01..2026-06-01 150      I12 05-01 150, O12 05-10 90 (while subscribed) 2025-01-01
 * A13  SMB        S13 2025-02-01.. 250                I13a 09-01 250, I13b 10-01 250 (invoices only) 2025-02-01
 *
 *          active on 09-30  on 10-31  new in Oct   on 10-25  on 11-01  new in W44
 * A1       y                y         -            y         y         -
 * A2       y                - (S2 ended on 10-01)  -         -
 * A3       y                - (S3 ended 10-15)     -         -
 * A4       y                y (364 days)           y         - (365 days)
 * A5       y                - (365 days)           y         -
 * A6       -                y         y            y         y         -
 * A7       -                y         y            -         y         y
 * A8       -                -                      -         y         y
 * A10      - (2024 order)   y (reactivated)        y         y
 * A11      y (one-off after its subscription ended) y        y         y
 * A12      - (its one-off lies before its subscription ended)  -         -
 * A13      y                y                      y         y
 * </pre>
 */
final class CustomerTestData {

    static final ReportingPeriod OCTOBER = ReportingPeriod.month(YearMonth.of(2026, 10));
    static final ReportingPeriod W44 = ReportingPeriod.isoWeek(2026, 44);

    private CustomerTestData() {
    }

    static void insert(JdbcTemplate jdbc) {
        jdbc.update("""
                INSERT INTO channel (code, name, category) VALUES
                ('EMAIL', 'E-mail', 'ONLINE'), ('PAID_SEARCH', 'Paid search', 'ONLINE')""");
        jdbc.update("""
                INSERT INTO account (id, name, segment, created_at) VALUES
                ('A1', 'One', 'SMB', '2024-01-01 00:00:00'),
                ('A2', 'Two', 'SMB', '2024-01-01 00:00:00'),
                ('A3', 'Three', 'MID', '2024-01-01 00:00:00'),
                ('A4', 'Four', 'MID', '2024-01-01 00:00:00'),
                ('A5', 'Five', NULL, '2024-01-01 00:00:00'),
                ('A6', 'Six', 'ENTERPRISE', '2024-01-01 00:00:00'),
                ('A7', 'Seven', NULL, '2024-01-01 00:00:00'),
                ('A8', 'Eight', 'SMB', '2024-01-01 00:00:00'),
                ('A9', 'Nine', 'SMB', '2024-01-01 00:00:00'),
                ('A10', 'Ten', 'MID', '2024-01-01 00:00:00'),
                ('A11', 'Eleven', 'MID', '2024-01-01 00:00:00'),
                ('A12', 'Twelve', 'SMB', '2024-01-01 00:00:00'),
                ('A13', 'Thirteen', 'SMB', '2024-01-01 00:00:00')""");
        jdbc.update("""
                INSERT INTO subscription (id, account_id, start_date, end_date, mrr) VALUES
                ('S1', 'A1', '2025-01-01', NULL, 100.00),
                ('S1b', 'A1', '2026-07-01', NULL, 50.00),
                ('S2', 'A2', '2025-03-01', '2026-10-01', 200.00),
                ('S3', 'A3', '2024-01-01', '2026-10-15', 300.00),
                ('S6', 'A6', '2026-10-01', NULL, 1000.00),
                ('S11', 'A11', '2024-06-01', '2026-06-01', 400.00),
                ('S12', 'A12', '2025-01-01', '2026-06-01', 150.00),
                ('S13', 'A13', '2025-02-01', NULL, 250.00)""");
        jdbc.update("""
                INSERT INTO customer_order (id, subscription_id, account_id, channel_code, order_date, amount, status)
                VALUES
                ('O1a', NULL, 'A1', 'EMAIL', '2025-06-01', 500.00, 'BOOKED'),
                ('I1a', 'S1', 'A1', 'EMAIL', '2026-09-01', 100.00, 'BOOKED'),
                ('O1b', NULL, 'A1', 'EMAIL', '2026-09-30', 10.00, 'BOOKED'),
                ('I1b', 'S1', 'A1', 'EMAIL', '2026-10-01', 100.00, 'BOOKED'),
                ('O1c', NULL, 'A1', 'EMAIL', '2026-10-15', 1000.00, 'BOOKED'),
                ('I2', 'S2', 'A2', NULL, '2026-09-01', 200.00, 'BOOKED'),
                ('I3', 'S3', 'A3', NULL, '2026-10-01', 300.00, 'BOOKED'),
                ('O4', NULL, 'A4', 'PAID_SEARCH', '2025-11-01', 400.00, 'BOOKED'),
                ('O5', NULL, 'A5', NULL, '2025-10-31', 700.00, 'BOOKED'),
                ('I6', 'S6', 'A6', 'PAID_SEARCH', '2026-10-01', 1000.00, 'BOOKED'),
                ('O7', NULL, 'A7', NULL, '2026-10-31', 200.00, 'BOOKED'),
                ('O8', NULL, 'A8', 'EMAIL', '2026-11-01', 50.00, 'BOOKED'),
                ('O9', NULL, 'A9', 'EMAIL', '2026-10-10', 999.00, 'CANCELLED'),
                ('O10a', NULL, 'A10', 'EMAIL', '2024-05-05', 100.00, 'BOOKED'),
                ('O10b', NULL, 'A10', 'EMAIL', '2026-10-20', 600.00, 'BOOKED'),
                ('I11', 'S11', 'A11', NULL, '2026-05-01', 400.00, 'BOOKED'),
                ('O11', NULL, 'A11', NULL, '2026-06-10', 800.00, 'BOOKED'),
                ('I12', 'S12', 'A12', NULL, '2026-05-01', 150.00, 'BOOKED'),
                ('O12', NULL, 'A12', NULL, '2026-05-10', 90.00, 'BOOKED'),
                ('I13a', 'S13', 'A13', NULL, '2026-09-01', 250.00, 'BOOKED'),
                ('I13b', 'S13', 'A13', NULL, '2026-10-01', 250.00, 'BOOKED')""");
    }

    static BigDecimal segment(List<KpiValue> values, String kpi, String segment) {
        return KpiValues.value(values, kpi, "segment", segment);
    }
}
