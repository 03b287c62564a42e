package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small customer base shared by the revenue, customer and satisfaction tests, with the facts
 * each account stands for. October 2026: s = 10-01, last = 10-31; 2026-W44: s = 10-26, last = 11-01.
 * "Active on d" via an order means a booked order in [d − 364 days, d].
 *
 * <pre>
 * account seg        subscriptions / booked orders                       first date  Oct: s last new  W44: s last new
 * A1      SMB        S1 2025-01-01.. mrr 100; orders 2025-06-01, 2026-09-30, 10-15  2025-01-01  y y -    y y -
 * A2      SMB        S2 2025-03-01..2026-10-01 (ends on s) mrr 200         2025-03-01  - - -    - - -
 * A3      MID        S3 2024-01-01..2026-10-31 (ends on last) mrr 300      2024-01-01  y - -    y - -
 * A4      MID        order 2025-11-01 (364 days before 10-31)              2025-11-01  y y -    y - -
 * A5      (none)     order 2025-10-31 (365 days before 10-31)              2025-10-31  y - -    y - -
 * A6      ENTERPRISE S6 2026-10-01.. mrr 1000; order 2026-10-01             2026-10-01  y y y    y y -
 * A7      (none)     order 2026-10-31                                      2026-10-31  - y y    - y y
 * A8      SMB        order 2026-11-01                                      2026-11-01  (later)  - y y
 * A9      SMB        only a CANCELLED order 2026-10-10                     never a customer
 * A10     MID        orders 2024-05-05 and 2026-10-20                      2024-05-05  - y -    y y -
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
                ('A10', 'Ten', 'MID', '2024-01-01 00:00:00')""");
        jdbc.update("""
                INSERT INTO subscription (id, account_id, start_date, end_date, mrr) VALUES
                ('S1', 'A1', '2025-01-01', NULL, 100.00),
                ('S2', 'A2', '2025-03-01', '2026-10-01', 200.00),
                ('S3', 'A3', '2024-01-01', '2026-10-31', 300.00),
                ('S6', 'A6', '2026-10-01', NULL, 1000.00)""");
        jdbc.update("""
                INSERT INTO customer_order (id, account_id, channel_code, order_date, amount, status) VALUES
                ('O1a', 'A1', 'EMAIL', '2025-06-01', 500.00, 'BOOKED'),
                ('O1b', 'A1', 'EMAIL', '2026-09-30', 10.00, 'BOOKED'),
                ('O1c', 'A1', 'EMAIL', '2026-10-15', 1000.00, 'BOOKED'),
                ('O4', 'A4', 'PAID_SEARCH', '2025-11-01', 400.00, 'BOOKED'),
                ('O5', 'A5', NULL, '2025-10-31', 700.00, 'BOOKED'),
                ('O6', 'A6', 'PAID_SEARCH', '2026-10-01', 3000.00, 'BOOKED'),
                ('O7', 'A7', NULL, '2026-10-31', 200.00, 'BOOKED'),
                ('O8', 'A8', 'EMAIL', '2026-11-01', 50.00, 'BOOKED'),
                ('O9', 'A9', 'EMAIL', '2026-10-10', 999.00, 'CANCELLED'),
                ('O10a', 'A10', 'EMAIL', '2024-05-05', 100.00, 'BOOKED'),
                ('O10b', 'A10', 'EMAIL', '2026-10-20', 600.00, 'BOOKED')""");
    }

    static BigDecimal segment(List<KpiValue> values, String kpi, String segment) {
        return KpiValues.value(values, kpi, "segment", segment);
    }
}
