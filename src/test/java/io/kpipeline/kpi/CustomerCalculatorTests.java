package io.kpipeline.kpi;

import static io.kpipeline.kpi.CustomerTestData.OCTOBER;
import static io.kpipeline.kpi.CustomerTestData.W44;
import static io.kpipeline.kpi.CustomerTestData.segment;
import static io.kpipeline.kpi.KpiValues.breakdown;
import static io.kpipeline.kpi.KpiValues.find;
import static io.kpipeline.kpi.KpiValues.fraction;
import static io.kpipeline.kpi.KpiValues.total;
import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.SourceChanges;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

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
        var open = start.minusDays(1);
        var shared = queries.sharingFigures(() -> List.of(queries.figures(open, start, end),
                queries.period(OCTOBER), queries.figures(start, start, end)));
        assertThat(shared.get(1)).isSameAs(shared.get(0));
        assertThat(shared.get(2)).isNotSameAs(shared.get(0));
        var years = queries.sharingFigures(() -> List.of(queries.trailingYear(end), queries.trailingYear(end)));
        assertThat(years.get(1)).isSameAs(years.get(0));
        // a later computation, or a call outside one, sees the data as it is then
        assertThat(queries.figures(open, start, end)).isNotSameAs(shared.get(0)).isEqualTo(shared.get(0));
        jdbc.update("DELETE FROM customer_order");
        jdbc.update("DELETE FROM subscription");
        assertThat(queries.sharingFigures(() -> queries.period(OCTOBER))).isNotEqualTo(shared.get(0));
    }

    @Test
    void theTrailingYearCountsWhatTheFullFiguresOfTheSameWindowCount(@Autowired CustomerQueries queries) {
        var ends = List.of(OCTOBER.end(), W44.end(), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 10, 16));
        for (var end : ends) {
            var from = end.minusDays(365);
            var full = queries.figures(from, from, end).total();
            var year = queries.trailingYear(end);
            assertThat(year).as("the year up to %s", end).isEqualTo(new CustomerQueries.Year(full.activeAtStart(),
                    full.activeAtEnd(), full.churned(), full.newCustomers(), full.newMrrAtEnd(), full.newWithMrr(),
                    full.booked()));
        }
        // by hand, the 365 days up to 2026-10-31 (opening day 2025-11-01): active then A1, A2, A3, A11, A12, A13
        // (subscribed), A4 and A5 (one-off orders of 2025-11-01 and 2025-10-31); on 10-31 A1, A4, A6, A7, A10,
        // A11, A13; A2, A3, A5 and A12 churned
        var october = queries.trailingYear(OCTOBER.end());
        assertThat(october.activeAtStart()).isEqualTo(8);
        assertThat(october.activeAtEnd()).isEqualTo(7);
        assertThat(october.churned()).isEqualTo(4);
        // in one computation each year is read once and kept by its end: four overlapping years read together
        // are the years read alone
        var together = queries.sharingFigures(() -> ends.stream().map(queries::trailingYear).toList());
        assertThat(together).isEqualTo(ends.stream().map(queries::trailingYear).toList());
    }

    @Test
    void theFirstCustomerDatesAreKeptUntilAChangeOfTheOrdersOrSubscriptionsIsRecorded(
            @Autowired CustomerQueries queries) {
        // new in October: A6 and A7 (first order O7 on 10-31)
        assertThat(queries.sharingFigures(true, () -> queries.period(OCTOBER)).total().newCustomers()).isEqualTo(2);
        // an earlier order of A7, written without recording the change: an incremental computation keeps the
        // first customer dates built from the recorded versions, a forced one builds them afresh
        jdbc.update("INSERT INTO customer_order (id, account_id, order_date, amount, status)"
                + " VALUES ('O7x', 'A7', '2026-09-15', 80, 'BOOKED')");
        assertThat(queries.sharingFigures(false, () -> queries.period(OCTOBER)).total().newCustomers()).isEqualTo(2);
        assertThat(queries.sharingFigures(true, () -> queries.period(OCTOBER)).total().newCustomers()).isEqualTo(1);
        jdbc.update("DELETE FROM customer_order WHERE id = 'O7x'");
        assertThat(queries.sharingFigures(false, () -> queries.period(OCTOBER)).total().newCustomers()).isEqualTo(1);
        // once the change is recorded, as an import records it, the next incremental computation sees it
        jdbc.update(SourceChanges.RAISE_JDBC, "customer_order", LocalDate.of(2026, 9, 1));
        assertThat(queries.sharingFigures(false, () -> queries.period(OCTOBER)).total().newCustomers()).isEqualTo(2);
    }

    @Test
    void buildingTheCustomerHistoryDoesNotWaitForAnOrderOrSubscriptionAnotherTransactionIsChanging(
            @Autowired CustomerQueries queries, @Autowired PlatformTransactionManager transactionManager)
            throws Exception {
        // an import has moved every order and subscription a year back and not committed; the forced computation
        // builds the customer history from what is committed
        var figures = UncommittedChange.whileHeld(transactionManager, () -> {
            assertThat(jdbc.update("UPDATE customer_order SET order_date = order_date - INTERVAL 1 YEAR")).isPositive();
            assertThat(jdbc.update("UPDATE subscription SET start_date = start_date - INTERVAL 1 YEAR")).isPositive();
        }, () -> queries.sharingFigures(true, () -> queries.period(OCTOBER)));

        // the committed history: active on 31 Oct A1, A4, A6, A7, A10, A11, A13; new A6 and A7
        assertThat(figures.total().activeAtEnd()).isEqualTo(7);
        assertThat(figures.total().newCustomers()).isEqualTo(2);
    }

    @Test
    void aMonthComparesTheCustomersOfItsOpeningDayWithThoseOfItsLastDay() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // E on 31 Oct: A1, A4 (one-off 364 days before), A6, A7, A10 (reactivated), A11, A13
        assertThat(total(values, "active_customers")).isEqualByComparingTo("7");
        // N: A6 (first date = s), A7 (first date = last); A8's first date is 1 Nov
        assertThat(total(values, "new_customers")).isEqualByComparingTo("2");
        // S on the opening day 30 Sep: A1, A2, A3, A4, A5, A11, A13; lost by 31 Oct: A2 (subscription ends on s),
        // A3 (cancelled mid-month, although invoiced on 1 Oct), A5 (one-off order 365 days before): 3 / 7
        KpiValue churn = find(values, "churn_rate", null, null);
        assertThat(churn.value()).isEqualByComparingTo(fraction(3, 7));
        assertThat(churn.cases()).isEqualTo(7L);
        // (E − N) / S with N = active on 31 Oct but not on 30 Sep: A6, A7 new, A10 reactivated: (7 − 3) / 7 = 1 − churn
        assertThat(total(values, "customer_retention_rate")).isEqualByComparingTo(fraction(4, 7));
        // MRR on 30 Sep: S1 100 + S1b 50 + S2 200 + S3 300 + S13 250 = 900 from 5 subscriptions; lost S2, S3: 500
        KpiValue mrrChurn = find(values, "mrr_churn_rate", null, null);
        assertThat(mrrChurn.value()).isEqualByComparingTo(fraction(5, 9));
        assertThat(mrrChurn.cases()).isEqualTo(5L);
        // one-off buyers in October: A1 (O1c), A7, A10; with a one-off order before s: A1, A10. A3, A6, A13 only
        // paid subscription invoices and are no buyers here
        KpiValue repurchase = find(values, "repurchase_rate", null, null);
        assertThat(repurchase.value()).isEqualByComparingTo(fraction(2, 3));
        assertThat(repurchase.cases()).isEqualTo(3L);
        // days from first customer date to 31 Oct: A1 668, A4 364, A6 30, A7 0, A10 909, A11 882, A13 637 = 3490
        assertThat(total(values, "avg_relationship_years"))
                .isEqualByComparingTo(new BigDecimal(3490).divide(new BigDecimal("2556.75"), KpiValue.PRECISION));
        // 2 / (7 − 2)
        assertThat(total(values, "new_to_existing_ratio")).isEqualByComparingTo(fraction(2, 5));
    }

    @Test
    void aSubscriberWhoCancelsMidMonthIsChurnedInThatMonthAndItsInvoicesDoNotKeepItActive() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // MID on 30 Sep: A3 (S3 running), A4, A11; on 31 Oct: A4, A10, A11. A3's S3 ended on 15 Oct: lost
        // although its invoice I3 of 1 Oct lies within 365 days
        assertThat(segment(values, "churn_rate", "MID")).isEqualByComparingTo(fraction(1, 3));
        // September: S3 still runs on 30 Sep, so A3 is not lost there
        List<KpiValue> september = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 9)));
        assertThat(segment(september, "churn_rate", "MID")).isEqualByComparingTo("0");
    }

    @Test
    void oneOffOrdersWhileSubscribedDoNotStretchACancelledSubscriptionButOnesAfterItReactivate() {
        List<KpiValue> june = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 6)));

        // SMB on 31 May: A1 (S1), A2 (S2), A12 (S12), A13 (S13); on 30 Jun: A1, A2, A13. A12's one-off order of
        // 10 May lies before its subscription ended on 1 Jun: lost in June
        assertThat(segment(june, "churn_rate", "SMB")).isEqualByComparingTo(fraction(1, 4));
        // MID on 31 May: A3 (S3), A4 (one-off of 2025-11-01), A11 (S11 runs until 1 Jun); on 30 Jun: A3, A4, and
        // A11 again through its one-off order of 10 Jun, placed after S11 ended on 1 Jun
        assertThat(segment(june, "churn_rate", "MID")).isEqualByComparingTo("0");
        assertThat(segment(june, "active_customers", "MID")).isEqualByComparingTo("3");
    }

    @Test
    void revenueRetentionComparesTheMrrOfLastYearsAccountsWithTheirMrrToday() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // base day 2025-10-31: S1 100 (A1), S2 200 (A2), S3 300 (A3), S11 400 (A11), S12 150 (A12), S13 250 (A13) =
        // 1400 over 6 accounts; on 31 Oct 2026 the same accounts hold A1 150 (S1 + S1b, an expansion) + A13 250;
        // A6's new 1000 does not count
        KpiValue nrr = find(values, "net_revenue_retention", null, null);
        assertThat(nrr.value()).isEqualByComparingTo(fraction(400, 1400));
        assertThat(nrr.cases()).isEqualTo(6L);
        // gross: each account at most its base, A1 100 + A13 250
        assertThat(total(values, "gross_revenue_retention")).isEqualByComparingTo(fraction(350, 1400));
        // SMB: A1, A2, A12, A13 from 700 to 400 (gross 350); MID: A3, A11 from 700 to 0
        assertThat(segment(values, "net_revenue_retention", "SMB")).isEqualByComparingTo(fraction(4, 7));
        assertThat(segment(values, "gross_revenue_retention", "SMB")).isEqualByComparingTo("0.5");
        assertThat(segment(values, "net_revenue_retention", "MID")).isEqualByComparingTo("0");
        assertThat(breakdown(values, "net_revenue_retention", "segment")).containsExactly("MID", "SMB");
    }

    @Test
    void segmentsIncludeAccountsWithoutSegmentUnderNone() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // active on last: SMB A1, A13; MID A4, A10, A11; ENTERPRISE A6; (none) A7
        assertThat(breakdown(values, "active_customers", "segment")).containsExactly("(none)", "ENTERPRISE", "MID",
                "SMB");
        assertThat(segment(values, "active_customers", "MID")).isEqualByComparingTo("3");
        assertThat(segment(values, "active_customers", "(none)")).isEqualByComparingTo("1");
        assertThat(breakdown(values, "new_customers", "segment")).containsExactly("(none)", "ENTERPRISE");
        // churn: SMB 1/3 (A2 of A1, A2, A13); MID 1/3; (none) 1/1 (A5); ENTERPRISE had nobody on 30 Sep
        assertThat(segment(values, "churn_rate", "SMB")).isEqualByComparingTo(fraction(1, 3));
        assertThat(segment(values, "churn_rate", "(none)")).isEqualByComparingTo("1");
        assertThat(breakdown(values, "churn_rate", "segment")).containsExactly("(none)", "MID", "SMB");
        // retention: (none) (1 − 1) / 1; MID (3 − 1 reactivated) / 3; ENTERPRISE has no customer on the opening day
        assertThat(segment(values, "customer_retention_rate", "(none)")).isEqualByComparingTo("0");
        assertThat(segment(values, "customer_retention_rate", "MID")).isEqualByComparingTo(fraction(2, 3));
        assertThat(find(values, "customer_retention_rate", "segment", "ENTERPRISE").reason())
                .isEqualTo("no customers active on the opening day (the day before the period)");
        // MRR churn: MID 300/300 (S3), SMB 200/600; (none) has no subscription and gets no value at all
        assertThat(segment(values, "mrr_churn_rate", "MID")).isEqualByComparingTo("1");
        assertThat(segment(values, "mrr_churn_rate", "SMB")).isEqualByComparingTo(fraction(1, 3));
        assertThat(breakdown(values, "mrr_churn_rate", "segment")).containsExactly("MID", "SMB");
        // repurchase: MID 1/1 (A10), SMB 1/1 (A1 — A13 paid invoices only), (none) 0/1 (A7)
        assertThat(segment(values, "repurchase_rate", "MID")).isEqualByComparingTo("1");
        assertThat(find(values, "repurchase_rate", "segment", "SMB").cases()).isEqualTo(1L);
        assertThat(segment(values, "repurchase_rate", "(none)")).isEqualByComparingTo("0");
        assertThat(breakdown(values, "repurchase_rate", "segment")).containsExactly("(none)", "MID", "SMB");
        // MID: (364 + 909 + 882) / (3 × 365.25)
        assertThat(segment(values, "avg_relationship_years", "MID"))
                .isEqualByComparingTo(new BigDecimal(2155).divide(new BigDecimal("1095.75"), KpiValue.PRECISION));
        assertThat(breakdown(values, "new_to_existing_ratio", "segment")).isEmpty();
    }

    @Test
    void anIsoWeekMovesItsOpeningDayAndLastDayWithIt() {
        List<KpiValue> values = calculator.compute(W44);

        // S on 25 Oct: A1, A4, A5, A6, A10, A11, A13; E on 1 Nov: A1, A6, A7, A8, A10, A11, A13; N: A7, A8
        assertThat(total(values, "active_customers")).isEqualByComparingTo("7");
        assertThat(total(values, "new_customers")).isEqualByComparingTo("2");
        // lost: A4 (its order now 365 days before 1 Nov), A5: 2 / 7
        assertThat(total(values, "churn_rate")).isEqualByComparingTo(fraction(2, 7));
        // (7 − 2) / 7
        assertThat(total(values, "customer_retention_rate")).isEqualByComparingTo(fraction(5, 7));
        // MID on 25 Oct: A4, A10, A11; A4 lost: 1 / 3
        assertThat(segment(values, "churn_rate", "MID")).isEqualByComparingTo(fraction(1, 3));
        // the same 1400 of MRR on 25 Oct and 1 Nov
        assertThat(total(values, "mrr_churn_rate")).isEqualByComparingTo("0");
        // one-off buyers A7, A8, neither bought before 26 Oct
        assertThat(total(values, "repurchase_rate")).isEqualByComparingTo("0");
    }

    @Test
    void aSegmentWithoutCustomersOnTheOpeningDayHasRetentionWithoutValueAndNoChurn() {
        jdbc.update("UPDATE customer_order SET status = 'CANCELLED' WHERE id = 'O5'");

        List<KpiValue> values = calculator.compute(OCTOBER);

        // (none) now: S 0, E 1 (A7), N 1
        KpiValue retention = find(values, "customer_retention_rate", "segment", "(none)");
        assertThat(retention.hasValue()).isFalse();
        assertThat(retention.reason()).isEqualTo("no customers active on the opening day (the day before the period)");
        assertThat(breakdown(values, "churn_rate", "segment")).doesNotContain("(none)");
        // total: A2, A3 of A1, A2, A3, A4, A11, A13: 2 / 6
        assertThat(total(values, "churn_rate")).isEqualByComparingTo(fraction(1, 3));
    }

    @Test
    void aPeriodWithoutCustomersCountsZeroAndHasNoRates() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2020, 1)));

        assertThat(total(values, "active_customers")).isEqualByComparingTo("0");
        assertThat(total(values, "new_customers")).isEqualByComparingTo("0");
        for (String kpi : List.of("churn_rate", "customer_retention_rate")) {
            KpiValue v = find(values, kpi, null, null);
            assertThat(v.hasValue()).as(kpi).isFalse();
            assertThat(v.reason()).isEqualTo("no customers active on the opening day (the day before the period)");
        }
        assertThat(find(values, "mrr_churn_rate", null, null).reason())
                .isEqualTo("no subscription MRR active on the opening day (the day before the period)");
        assertThat(find(values, "net_revenue_retention", null, null).reason())
                .isEqualTo("no account had subscription MRR 365 days before the last day of the period");
        assertThat(find(values, "repurchase_rate", null, null).reason())
                .isEqualTo("no accounts with a booked one-off order in the period");
        assertThat(find(values, "avg_relationship_years", null, null).reason())
                .isEqualTo("no customers active on the last day of the period");
        assertThat(find(values, "new_to_existing_ratio", null, null).hasValue()).isFalse();
        assertThat(values).allMatch(KpiValue::isTotal);
        assertThat(values).extracting(KpiValue::kpiId).containsExactlyInAnyOrderElementsOf(calculator.kpiIds());
    }
}
