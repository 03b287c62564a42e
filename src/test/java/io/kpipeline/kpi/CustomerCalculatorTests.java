package io.kpipeline.kpi;

import static io.kpipeline.kpi.CustomerTestData.OCTOBER;
import static io.kpipeline.kpi.CustomerTestData.W44;
import static io.kpipeline.kpi.CustomerTestData.segment;
import static io.kpipeline.kpi.KpiValues.breakdown;
import static io.kpipeline.kpi.KpiValues.find;
import static io.kpipeline.kpi.KpiValues.fraction;
import static io.kpipeline.kpi.KpiValues.total;
import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Expected values are counted by hand from the table in {@link CustomerTestData}. */
@SpringBootTest
class CustomerCalculatorTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    CustomerCalculator calculator;

    @BeforeEach
    void insertCustomers() {
        tables.deleteAll();
        CustomerTestData.insert(jdbc);
    }

    @Test
    void oneComputationReadsTheFiguresOfAWindowOnceAndTheNextReadsThemAgain(@Autowired CustomerQueries queries) {
        var start = OCTOBER.start();
        var end = OCTOBER.end();
        var shared = queries.sharingFigures(() -> List.of(queries.figures(start, end), queries.figures(start, end),
                queries.figures(start.minusYears(1), end)));
        assertThat(shared.get(1)).isSameAs(shared.get(0));
        assertThat(shared.get(2)).isNotSameAs(shared.get(0));
        // a later computation, or a call outside one, sees the data as it is then
        assertThat(queries.figures(start, end)).isNotSameAs(shared.get(0)).isEqualTo(shared.get(0));
        jdbc.update("DELETE FROM subscription");
        jdbc.update("DELETE FROM customer_order");
        assertThat(queries.sharingFigures(() -> queries.figures(start, end))).isNotEqualTo(shared.get(0));
    }

    @Test
    void aMonthCountsActiveNewAndChurnedCustomersWithTheirBoundaryDays() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // E on 31 Oct: A1, A4 (order 364 days before), A6, A7, A10; not A3 (ends on last), A5 (365 days)
        assertThat(total(values, "active_customers")).isEqualByComparingTo("5");
        // N: A6 (first date = s), A7 (first date = last); A8's first date is 1 Nov
        assertThat(total(values, "new_customers")).isEqualByComparingTo("2");
        // S on 1 Oct: A1, A3, A4, A5, A6 (starts on s), not A2 (its subscription ends on s); churned A3, A5: 2 / 5
        assertThat(total(values, "churn_rate")).isEqualByComparingTo("0.4");
        // (E − N) / S = (5 − 2) / 5
        assertThat(total(values, "customer_retention_rate")).isEqualByComparingTo("0.6");
        // MRR on s: S1 100 + S3 300 + S6 1000 = 1400 (S2 ended on s); S3 not active on last: 300 / 1400
        assertThat(total(values, "mrr_churn_rate")).isEqualByComparingTo(fraction(3, 14));
        // buyers in October: A1, A6, A7, A10; with an order before s as well: A1, A10: 2 / 4
        assertThat(total(values, "repurchase_rate")).isEqualByComparingTo("0.5");
        // days from first customer date to 31 Oct: A1 668, A4 364, A6 30, A7 0, A10 909 = 1971 over 5 × 365.25
        assertThat(total(values, "avg_relationship_years"))
                .isEqualByComparingTo(new BigDecimal(1971).divide(new BigDecimal("1826.25"), KpiValue.PRECISION));
        // 2 / (5 − 2)
        assertThat(total(values, "new_to_existing_ratio")).isEqualByComparingTo(fraction(2, 3));
    }

    @Test
    void segmentsIncludeAccountsWithoutSegmentUnderNone() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // active on last: SMB A1; MID A4, A10; ENTERPRISE A6; (none) A7
        assertThat(breakdown(values, "active_customers", "segment")).containsExactly("(none)", "ENTERPRISE", "MID",
                "SMB");
        assertThat(segment(values, "active_customers", "MID")).isEqualByComparingTo("2");
        assertThat(segment(values, "active_customers", "(none)")).isEqualByComparingTo("1");
        assertThat(breakdown(values, "new_customers", "segment")).containsExactly("(none)", "ENTERPRISE");
        // churn: SMB 0/1 (A1); MID 1/2 (A3 of A3, A4); ENTERPRISE 0/1; (none) 1/1 (A5)
        assertThat(segment(values, "churn_rate", "SMB")).isEqualByComparingTo("0");
        assertThat(segment(values, "churn_rate", "MID")).isEqualByComparingTo("0.5");
        assertThat(segment(values, "churn_rate", "ENTERPRISE")).isEqualByComparingTo("0");
        assertThat(segment(values, "churn_rate", "(none)")).isEqualByComparingTo("1");
        // retention: ENTERPRISE (1 − 1) / 1; (none) (1 − 1) / 1; MID (2 − 0) / 2
        assertThat(segment(values, "customer_retention_rate", "ENTERPRISE")).isEqualByComparingTo("0");
        assertThat(segment(values, "customer_retention_rate", "(none)")).isEqualByComparingTo("0");
        assertThat(segment(values, "customer_retention_rate", "MID")).isEqualByComparingTo("1");
        // MRR churn: MID 300/300, SMB 0/100; (none) has no subscription and gets no value at all
        assertThat(segment(values, "mrr_churn_rate", "MID")).isEqualByComparingTo("1");
        assertThat(segment(values, "mrr_churn_rate", "SMB")).isEqualByComparingTo("0");
        assertThat(breakdown(values, "mrr_churn_rate", "segment")).containsExactly("ENTERPRISE", "MID", "SMB");
        // repurchase: MID 1/1 (A10), ENTERPRISE 0/1 (A6)
        assertThat(segment(values, "repurchase_rate", "MID")).isEqualByComparingTo("1");
        assertThat(segment(values, "repurchase_rate", "ENTERPRISE")).isEqualByComparingTo("0");
        // MID: (364 + 909) / (2 × 365.25)
        assertThat(segment(values, "avg_relationship_years", "MID"))
                .isEqualByComparingTo(new BigDecimal(1273).divide(new BigDecimal("730.5"), KpiValue.PRECISION));
        assertThat(breakdown(values, "new_to_existing_ratio", "segment")).isEmpty();
    }

    @Test
    void anIsoWeekMovesTheActiveWindowsToItsOwnFirstAndLastDay() {
        List<KpiValue> values = calculator.compute(W44);

        // S on 26 Oct: A1, A3, A4, A5, A6, A10; E on 1 Nov: A1, A6, A7, A8, A10; N: A7 (31 Oct), A8 (1 Nov)
        assertThat(total(values, "active_customers")).isEqualByComparingTo("5");
        assertThat(total(values, "new_customers")).isEqualByComparingTo("2");
        // churned: A3 (ended 31 Oct), A4 (order now 365 days before 1 Nov), A5: 3 / 6
        assertThat(total(values, "churn_rate")).isEqualByComparingTo("0.5");
        // (5 − 2) / 6
        assertThat(total(values, "customer_retention_rate")).isEqualByComparingTo("0.5");
        // MID: A3, A4, A10 active on s, A3 and A4 lost: 2 / 3
        assertThat(segment(values, "churn_rate", "MID")).isEqualByComparingTo(fraction(2, 3));
        // SMB: (E 2 − N 1) / S 1
        assertThat(segment(values, "customer_retention_rate", "SMB")).isEqualByComparingTo("1");
        // 300 of 1400
        assertThat(total(values, "mrr_churn_rate")).isEqualByComparingTo(fraction(3, 14));
        // buyers A7, A8, neither bought before 26 Oct
        assertThat(total(values, "repurchase_rate")).isEqualByComparingTo("0");
    }

    @Test
    void aSegmentWithoutCustomersAtTheStartHasRetentionWithoutValueAndNoChurn() {
        jdbc.update("UPDATE customer_order SET status = 'CANCELLED' WHERE id = 'O5'");

        List<KpiValue> values = calculator.compute(OCTOBER);

        // (none) now: S 0, E 1 (A7), N 1
        KpiValue retention = find(values, "customer_retention_rate", "segment", "(none)");
        assertThat(retention.hasValue()).isFalse();
        assertThat(retention.reason()).isEqualTo("no customers active on the first day of the period");
        assertThat(breakdown(values, "churn_rate", "segment")).doesNotContain("(none)");
        // total: A3 of A1, A3, A4, A6: 1 / 4
        assertThat(total(values, "churn_rate")).isEqualByComparingTo("0.25");
    }

    @Test
    void aPeriodWithoutCustomersCountsZeroAndHasNoRates() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2020, 1)));

        assertThat(total(values, "active_customers")).isEqualByComparingTo("0");
        assertThat(total(values, "new_customers")).isEqualByComparingTo("0");
        for (String kpi : List.of("churn_rate", "customer_retention_rate")) {
            KpiValue v = find(values, kpi, null, null);
            assertThat(v.hasValue()).as(kpi).isFalse();
            assertThat(v.reason()).isEqualTo("no customers active on the first day of the period");
        }
        assertThat(find(values, "mrr_churn_rate", null, null).reason())
                .isEqualTo("no subscription MRR active on the first day of the period");
        assertThat(find(values, "repurchase_rate", null, null).reason())
                .isEqualTo("no accounts with a booked order in the period");
        assertThat(find(values, "avg_relationship_years", null, null).reason())
                .isEqualTo("no customers active on the last day of the period");
        assertThat(find(values, "new_to_existing_ratio", null, null).hasValue()).isFalse();
        assertThat(values).allMatch(KpiValue::isTotal);
        assertThat(values).extracting(KpiValue::kpiId).containsExactlyInAnyOrderElementsOf(calculator.kpiIds());
    }
}
