package io.kpipeline.kpi;

import static io.kpipeline.kpi.CustomerTestData.OCTOBER;
import static io.kpipeline.kpi.CustomerTestData.W44;
import static io.kpipeline.kpi.CustomerTestData.segment;
import static io.kpipeline.kpi.KpiValues.breakdown;
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

/** Orders as in {@link CustomerTestData}, plus complaints and survey answers at the period boundaries. */
@SpringBootTest
class CustomerSatisfactionCalculatorTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    CustomerSatisfactionCalculator calculator;

    @BeforeEach
    void insertCustomersComplaintsAndFeedback() {
        tables.deleteAll();
        CustomerTestData.insert(jdbc);
        jdbc.update("""
                INSERT INTO complaint (id, account_id, order_id, type, opened_at) VALUES
                ('K0', 'A1', NULL, 'COMPLAINT', '2026-09-30 23:59:59'),
                ('K1', 'A1', 'O1c', 'COMPLAINT', '2026-10-01 00:00:00'),
                ('K2', 'A6', 'I6', 'WARRANTY', '2026-10-31 23:59:59'),
                ('K3', 'A7', 'O7', 'COMPLAINT', '2026-11-01 00:00:00'),
                ('K4', 'A7', 'O7', 'WARRANTY', '2026-11-02 00:00:00')""");
        jdbc.update("""
                INSERT INTO feedback (id, account_id, received_at, score) VALUES
                ('F0', 'A1', '2026-09-30 23:59:59', 0),
                ('F1', 'A1', '2026-10-01 00:00:00', 10),
                ('F2', 'A1', '2026-10-15 09:00:00', 9),
                ('F3', 'A3', '2026-10-20 09:00:00', 6),
                ('F4', 'A7', '2026-10-31 23:59:59', 7),
                ('F5', 'A6', '2026-11-01 00:00:00', 0),
                ('F6', 'A6', '2026-11-02 00:00:00', 10)""");
    }

    @Test
    void aMonthRelatesCancelledToAllOrdersPerChannel() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // October's orders, invoices included: I1b, O1c, I3, I6, O7, O9 (cancelled), O10b, I13b: 1 / 8
        KpiValue cancellation = find(values, "cancellation_rate", null, null);
        assertThat(cancellation.value()).isEqualByComparingTo("0.125");
        assertThat(cancellation.cases()).isEqualTo(8L);
        // EMAIL: I1b, O1c, O9, O10b: 1 / 4; PAID_SEARCH: I6: 0 / 1; (none): I3, O7, I13b: 0 / 3
        assertThat(value(values, "cancellation_rate", "channel", "EMAIL")).isEqualByComparingTo("0.25");
        assertThat(value(values, "cancellation_rate", "channel", "PAID_SEARCH")).isEqualByComparingTo("0");
        assertThat(value(values, "cancellation_rate", "channel", "(none)")).isEqualByComparingTo("0");
        assertThat(breakdown(values, "cancellation_rate", "channel")).hasSize(3);
    }

    @Test
    void complaintsOfEachTypeAreRelatedToAllBookedOrders() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // K1 (1 Oct 00:00:00) and K2 (31 Oct 23:59:59) over 7 booked orders (I1b, O1c, I3, I6, O7, O10b, I13b)
        assertThat(total(values, "complaint_rate")).isEqualByComparingTo(fraction(2, 7));
        assertThat(value(values, "complaint_rate", "type", "COMPLAINT")).isEqualByComparingTo(fraction(1, 7));
        assertThat(value(values, "complaint_rate", "type", "WARRANTY")).isEqualByComparingTo(fraction(1, 7));

        List<KpiValue> week = calculator.compute(W44);
        // K2 and K3 (1 Nov 00:00:00); K4 at the end instant is out; booked O7, O8
        assertThat(total(week, "complaint_rate")).isEqualByComparingTo("1");
        assertThat(value(week, "complaint_rate", "type", "COMPLAINT")).isEqualByComparingTo("0.5");
    }

    @Test
    void npsCountsPromotersAndDetractorsPerSegmentOfTheAnsweringAccount() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // F1 10, F2 9 promoters; F3 6 detractor; F4 7 passive: (2 − 1) / 4 × 100, resting on 4 answers
        assertThat(total(values, "nps")).isEqualByComparingTo("25");
        assertThat(find(values, "nps", null, null).cases()).isEqualTo(4L);
        assertThat(segment(values, "nps", "SMB")).isEqualByComparingTo("100");
        assertThat(segment(values, "nps", "MID")).isEqualByComparingTo("-100");
        // A7 has no segment: one passive answer
        assertThat(segment(values, "nps", "(none)")).isEqualByComparingTo("0");
        assertThat(breakdown(values, "nps", "segment")).containsExactly("(none)", "MID", "SMB");

        // W44: F4 7 (31 Oct 23:59:59) and F5 0 (1 Nov 00:00:00): (0 − 1) / 2 × 100
        assertThat(total(calculator.compute(W44), "nps")).isEqualByComparingTo("-50");
    }

    @Test
    void aPeriodWithoutOrdersOrAnswersHasNoRates() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2020, 1)));

        assertThat(find(values, "cancellation_rate", null, null).reason()).isEqualTo("no orders in the period");
        assertThat(find(values, "complaint_rate", null, null).reason()).isEqualTo("no booked orders in the period");
        assertThat(find(values, "nps", null, null).reason()).isEqualTo("no feedback received in the period");
        assertThat(values).hasSize(3).allMatch(KpiValue::isTotal);
    }
}
