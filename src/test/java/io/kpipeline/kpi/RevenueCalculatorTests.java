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

/** Expected values are counted by hand from the table in {@link CustomerTestData}. */
@SpringBootTest
class RevenueCalculatorTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    RevenueCalculator calculator;

    @BeforeEach
    void insertCustomers() {
        tables.deleteAll();
        CustomerTestData.insert(jdbc);
    }

    @Test
    void aMonthSumsItsBookedOrdersAndSubscriptionInvoicesFromTheFirstToTheLastDayPerChannelAndSegment() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // I1b 100 + O1c 1000 + I3 300 + I6 1000 (1 Oct) + O7 200 (31 Oct) + O10b 600 + I13b 250; not O1b (30 Sep),
        // O8 (1 Nov), O9 (cancelled): revenue is all invoiced revenue, subscription invoices included
        assertThat(total(values, "revenue")).isEqualByComparingTo("3450");
        assertThat(value(values, "revenue", "channel", "EMAIL")).isEqualByComparingTo("1700");
        assertThat(value(values, "revenue", "channel", "PAID_SEARCH")).isEqualByComparingTo("1000");
        // I3, O7 and I13b have no channel
        assertThat(value(values, "revenue", "channel", "(none)")).isEqualByComparingTo("750");
        assertThat(breakdown(values, "revenue", "channel")).containsExactly("(none)", "EMAIL", "PAID_SEARCH");
        assertThat(segment(values, "revenue", "SMB")).isEqualByComparingTo("1350");
        assertThat(segment(values, "revenue", "MID")).isEqualByComparingTo("900");
        assertThat(segment(values, "revenue", "ENTERPRISE")).isEqualByComparingTo("1000");
        // A7 has no segment
        assertThat(segment(values, "revenue", "(none)")).isEqualByComparingTo("200");
        // new customers A6 1000 + A7 200 of 3450, from the 6 accounts that booked revenue (A1, A3, A6, A7, A10, A13)
        KpiValue share = find(values, "new_customer_revenue_share", null, null);
        assertThat(share.value()).isEqualByComparingTo(fraction(1200, 3450));
        assertThat(share.cases()).isEqualTo(6L);
        assertThat(breakdown(values, "new_customer_revenue_share", "segment")).isEmpty();
    }

    @Test
    void mrrAndArpaCountSubscriptionsAndCustomersOfTheLastDay() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // on 31 Oct: S1 100 + S1b 50 + S6 1000 + S13 250; S3 ended on 15 Oct, S2 on 1 Oct
        assertThat(total(values, "mrr")).isEqualByComparingTo("1400");
        assertThat(segment(values, "mrr", "ENTERPRISE")).isEqualByComparingTo("1000");
        assertThat(breakdown(values, "mrr", "segment")).containsExactly("ENTERPRISE", "SMB");
        // 3450 / 7 active customers (A1, A4, A6, A7, A10, A11, A13)
        KpiValue arpa = find(values, "arpa", null, null);
        assertThat(arpa.value()).isEqualByComparingTo(fraction(3450, 7));
        assertThat(arpa.cases()).isEqualTo(7L);
        // MID: 900 / 3 (A4, A10, A11; A3 paid an invoice but is no longer active); (none): 200 / 1 (A7)
        assertThat(segment(values, "arpa", "MID")).isEqualByComparingTo("300");
        assertThat(segment(values, "arpa", "(none)")).isEqualByComparingTo("200");
        // SMB: 1350 / 2 (A1, A13)
        assertThat(segment(values, "arpa", "SMB")).isEqualByComparingTo("675");
    }

    @Test
    void anIsoWeekAcrossTwoMonthsTakesOrdersOfBothMonths() {
        List<KpiValue> values = calculator.compute(W44);

        // O7 31 Oct 200 + O8 1 Nov 50, both from customers new in the week
        assertThat(total(values, "revenue")).isEqualByComparingTo("250");
        assertThat(value(values, "revenue", "channel", "EMAIL")).isEqualByComparingTo("50");
        assertThat(total(values, "new_customer_revenue_share")).isEqualByComparingTo("1");
        // on 1 Nov: S1 + S1b + S6 + S13
        assertThat(total(values, "mrr")).isEqualByComparingTo("1400");
        // 250 / 7 (A1, A6, A7, A8, A10, A11, A13)
        assertThat(total(values, "arpa")).isEqualByComparingTo(fraction(250, 7));
        // ENTERPRISE: no revenue in the week, but an active customer: 0 / 1
        assertThat(segment(values, "arpa", "ENTERPRISE")).isEqualByComparingTo("0");
    }

    @Test
    void aPeriodWithoutOrdersHasZeroRevenueAndNoShareOrArpa() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2020, 1)));

        assertThat(total(values, "revenue")).isEqualByComparingTo("0");
        assertThat(total(values, "mrr")).isEqualByComparingTo("0");
        assertThat(find(values, "new_customer_revenue_share", null, null).reason())
                .isEqualTo("no booked revenue in the period");
        assertThat(find(values, "arpa", null, null).reason())
                .isEqualTo("no customers active on the last day of the period");
        assertThat(values).allMatch(KpiValue::isTotal);
        assertThat(values).extracting(KpiValue::kpiId).containsExactlyInAnyOrderElementsOf(calculator.kpiIds());
    }
}
