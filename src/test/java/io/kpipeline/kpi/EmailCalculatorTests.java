package io.kpipeline.kpi;

import static io.kpipeline.kpi.KpiValues.breakdown;
import static io.kpipeline.kpi.KpiValues.fraction;
import static io.kpipeline.kpi.KpiValues.reason;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class EmailCalculatorTests {

    static final ReportingPeriod OCTOBER = ReportingPeriod.month(YearMonth.of(2026, 10));
    static final ReportingPeriod WEEK_44 = ReportingPeriod.isoWeek(2026, 44);
    static final String NO_DELIVERED_MARKETING = "no delivered marketing emails sent in the period";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    EmailCalculator calculator;

    @BeforeEach
    void insertEmails() {
        tables.deleteAll();
        jdbc.update("""
                INSERT INTO email_message (id, campaign_id, rep_id, kind, sent_at, status,
                    opened_at, clicked_at, replied_at, unsubscribed_at) VALUES
                ('m01', 'C1', NULL, 'MARKETING',  '2026-10-01 00:00:00', 'DELIVERED',
                    '2026-10-01 09:00:00', '2026-10-01 09:05:00', NULL, NULL),
                ('m02', 'C1', NULL, 'MARKETING',  '2026-10-05 10:00:00', 'DELIVERED',
                    '2026-10-06 08:00:00', NULL, NULL, NULL),
                ('m03', 'C1', NULL, 'MARKETING',  '2026-10-05 10:00:00', 'DELIVERED',
                    NULL, '2026-10-05 11:00:00', NULL, NULL),
                ('m04', 'C1', NULL, 'MARKETING',  '2026-10-05 10:00:00', 'DELIVERED',
                    NULL, NULL, NULL, '2026-10-07 12:00:00'),
                ('m05', 'C1', NULL, 'MARKETING',  '2026-10-05 10:00:00', 'BOUNCED',
                    '2026-10-05 10:01:00', '2026-10-05 10:02:00', NULL, '2026-10-05 10:03:00'),
                ('m06', 'C2', NULL, 'NEWSLETTER', '2026-10-31 23:59:59', 'DELIVERED',
                    '2026-11-03 07:00:00', '2026-11-03 07:01:00', NULL, NULL),
                ('m07', 'C2', NULL, 'NEWSLETTER', '2026-10-28 06:00:00', 'DELIVERED', NULL, NULL, NULL, NULL),
                ('m08', NULL, NULL, 'NEWSLETTER', '2026-10-10 06:00:00', 'DELIVERED',
                    '2026-10-10 07:00:00', NULL, NULL, NULL),
                ('m09', 'C1', NULL, 'MARKETING',  '2026-11-01 00:00:00', 'DELIVERED',
                    '2026-11-01 08:00:00', NULL, NULL, NULL),
                ('m10', 'C2', NULL, 'MARKETING',  '2026-09-30 23:59:59', 'DELIVERED',
                    '2026-10-02 08:00:00', '2026-10-02 08:00:00', NULL, NULL),
                ('m11', 'C3', NULL, 'MARKETING',  '2026-10-12 06:00:00', 'BOUNCED', NULL, NULL, NULL, NULL),
                ('m12', 'C1', NULL, 'MARKETING',  '2026-08-10 06:00:00', 'DELIVERED', NULL, NULL, NULL, NULL),
                ('s01', NULL, 'R1', 'SALES', '2026-10-02 09:00:00', 'DELIVERED',
                    NULL, NULL, '2026-10-03 09:00:00', NULL),
                ('s02', NULL, 'R1', 'SALES', '2026-10-26 00:00:00', 'DELIVERED',
                    '2026-10-26 10:00:00', NULL, NULL, NULL),
                ('s03', NULL, 'R2', 'SALES', '2026-10-20 09:00:00', 'BOUNCED',
                    NULL, NULL, '2026-10-20 09:30:00', NULL),
                ('s04', NULL, 'R2', 'SALES', '2026-10-21 09:00:00', 'DELIVERED',
                    NULL, NULL, '2026-11-05 09:00:00', NULL),
                ('s05', NULL, NULL, 'SALES', '2026-10-22 09:00:00', 'DELIVERED',
                    NULL, NULL, '2026-10-22 10:00:00', NULL),
                ('s06', NULL, 'R1', 'SALES', '2026-11-02 09:00:00', 'DELIVERED',
                    NULL, NULL, '2026-11-02 10:00:00', NULL)""");
    }

    // October: sent Oct 1 00:00 (m01) and Oct 31 23:59:59 (m06) are in; Sep 30 23:59:59 (m10) and
    // Nov 1 00:00 (m09) are out. Marketing sent in October: m01-m08 except m09/m10, plus m11.
    // Delivered marketing: m01 m02 m03 m04 m06 m07 m08 (7); m05 and m11 bounced.
    // Opened (opened_at or a click): m01 m02 m03 m06 m08 (5); clicked: m01 m03 m06 (3); unsubscribed: m04.

    @Test
    void recipientsCountEveryMarketingEmailSentInTheMonthBouncedOrNot() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // m01 m02 m03 m04 m05 m06 m07 m08 m11
        assertThat(value(values, "campaign_recipients", null, null)).isEqualByComparingTo("9");
        assertThat(value(values, "campaign_recipients", "campaign", "C1")).isEqualByComparingTo("5"); // m01-m05
        assertThat(value(values, "campaign_recipients", "campaign", "C2")).isEqualByComparingTo("2"); // m06 m07
        assertThat(value(values, "campaign_recipients", "campaign", "(none)")).isEqualByComparingTo("1"); // m08
        assertThat(value(values, "campaign_recipients", "campaign", "C3")).isEqualByComparingTo("1"); // m11
        assertThat(breakdown(values, "campaign_recipients"))
                .containsExactlyInAnyOrder("C1", "C2", "C3", "(none)");
    }

    @Test
    void aComputationInsideATransactionThatHasAlreadyReadSeesTheDaysItCounts(
            @Autowired PlatformTransactionManager transactionManager) {
        // no day counted yet, and the caller's transaction has read before the counts (its snapshot predates
        // them), as a batch step's has
        jdbc.update("DELETE FROM email_day");
        jdbc.update("DELETE FROM email_day_built");
        List<KpiValue> values = new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.queryForObject("SELECT COUNT(*) FROM email_message", Long.class);
            return calculator.compute(OCTOBER);
        });

        // m01 m02 m03 m04 m05 m06 m07 m08 m11
        assertThat(value(values, "campaign_recipients", null, null)).isEqualByComparingTo("9");
    }

    @Test
    void countingTheDaysDoesNotWaitForAnEmailAnotherTransactionIsChanging(
            @Autowired PlatformTransactionManager transactionManager) throws Exception {
        jdbc.update("DELETE FROM email_day");
        jdbc.update("DELETE FROM email_day_built");
        // an import has changed m01's opened_at, a column of the count's index, and not committed
        List<KpiValue> values = UncommittedChange.whileHeld(transactionManager,
                () -> jdbc.update("UPDATE email_message SET opened_at = '2026-10-03 07:07:07' WHERE id = 'm01'"),
                () -> calculator.compute(OCTOBER));

        // the emails as committed: m01 to m08 and m11
        assertThat(value(values, "campaign_recipients", null, null)).isEqualByComparingTo("9");
    }

    @Test
    void marketingRatesCountOnlyDeliveredEmailsAndTheirEventsWheneverTheyHappened() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // m06 opened and clicked on Nov 3 counts for October; m10 opened in October does not.
        // m05 bounced with opened/clicked/unsubscribed timestamps counts nowhere here.
        assertThat(value(values, "email_open_rate", null, null)).isEqualByComparingTo(fraction(5, 7));
        assertThat(value(values, "email_click_rate", null, null)).isEqualByComparingTo(fraction(3, 7));
        assertThat(value(values, "email_unsubscribe_rate", null, null)).isEqualByComparingTo(fraction(1, 7));
    }

    @Test
    void aClickWithoutARecordedOpenCountsAsOpened() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // m03 was clicked without opened_at: 3 clicked / 5 opened (m01 m02 m03 m06 m08) = 0.6, not 3 / 4
        assertThat(value(values, "email_click_to_open_rate", null, null)).isEqualByComparingTo("0.6");
        // C1 delivered m01-m04: opened m01 m02 m03 = 3 / 4
        assertThat(value(values, "email_open_rate", "campaign", "C1")).isEqualByComparingTo("0.75");
        // clicked m01 m03 = 2 / 4 delivered, 2 / 3 opened
        assertThat(value(values, "email_click_rate", "campaign", "C1")).isEqualByComparingTo("0.5");
        assertThat(value(values, "email_click_to_open_rate", "campaign", "C1")).isEqualByComparingTo(fraction(2, 3));
    }

    @Test
    void breaksMarketingRatesDownByCampaignWithEmailsWithoutCampaignUnderNone() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        assertThat(value(values, "email_unsubscribe_rate", "campaign", "C1")).isEqualByComparingTo("0.25"); // m04 / 4
        // C2: m06 opened and clicked, m07 nothing
        assertThat(value(values, "email_open_rate", "campaign", "C2")).isEqualByComparingTo("0.5");
        assertThat(value(values, "email_click_to_open_rate", "campaign", "C2")).isEqualByComparingTo("1");
        assertThat(value(values, "email_unsubscribe_rate", "campaign", "C2")).isEqualByComparingTo("0");
        // (none): m08 opened, not clicked
        assertThat(value(values, "email_open_rate", "campaign", "(none)")).isEqualByComparingTo("1");
        assertThat(value(values, "email_click_to_open_rate", "campaign", "(none)")).isEqualByComparingTo("0");
        // C3: its only email bounced
        for (String rate : List.of("email_open_rate", "email_click_rate", "email_click_to_open_rate",
                "email_unsubscribe_rate")) {
            assertThat(reason(values, rate, "campaign", "C3")).as(rate).isEqualTo(NO_DELIVERED_MARKETING);
        }
    }

    @Test
    void bounceRateCountsAllEmailsSentInTheMonthPerKind() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // sent: 9 marketing + s01-s05 = 14; bounced m05 m11 s03 = 3
        assertThat(value(values, "email_bounce_rate", null, null)).isEqualByComparingTo(fraction(3, 14));
        // MARKETING m01-m05, m11 = 6, bounced m05 m11
        assertThat(value(values, "email_bounce_rate", "kind", "MARKETING")).isEqualByComparingTo(fraction(1, 3));
        assertThat(value(values, "email_bounce_rate", "kind", "NEWSLETTER")).isEqualByComparingTo("0"); // 0 / 3
        assertThat(value(values, "email_bounce_rate", "kind", "SALES")).isEqualByComparingTo("0.2"); // s03 / 5
        assertThat(breakdown(values, "email_bounce_rate"))
                .containsExactlyInAnyOrder("MARKETING", "NEWSLETTER", "SALES");
    }

    @Test
    void salesResponseRateCountsRepliesToDeliveredSalesEmailsPerRep() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // delivered s01 s02 s04 s05; replied s01 s04 (reply in November) s05; s03 bounced with a reply
        assertThat(value(values, "sales_email_response_rate", null, null)).isEqualByComparingTo("0.75");
        assertThat(value(values, "sales_email_response_rate", "rep", "R1")).isEqualByComparingTo("0.5"); // s01 / 2
        assertThat(value(values, "sales_email_response_rate", "rep", "R2")).isEqualByComparingTo("1"); // s04 / s04
        assertThat(value(values, "sales_email_response_rate", "rep", "(none)")).isEqualByComparingTo("1"); // s05
        assertThat(breakdown(values, "sales_email_response_rate")).containsExactlyInAnyOrder("R1", "R2", "(none)");
    }

    @Test
    void theIsoWeekSpanningOctoberAndNovemberTakesEmailsOfBothMonths() {
        List<KpiValue> values = calculator.compute(WEEK_44);

        // Oct 26 00:00 .. Nov 2 00:00: m06 (Oct 31 23:59:59), m07, m09 (Nov 1 00:00), s02 (Oct 26 00:00)
        assertThat(value(values, "campaign_recipients", null, null)).isEqualByComparingTo("3");
        assertThat(value(values, "campaign_recipients", "campaign", "C1")).isEqualByComparingTo("1"); // m09
        assertThat(value(values, "campaign_recipients", "campaign", "C2")).isEqualByComparingTo("2"); // m06 m07
        // the sales email s02 has no campaign and adds no "(none)" campaign
        assertThat(breakdown(values, "campaign_recipients")).containsExactlyInAnyOrder("C1", "C2");
        assertThat(value(values, "email_open_rate", null, null)).isEqualByComparingTo(fraction(2, 3)); // m06 m09
        assertThat(value(values, "email_click_rate", null, null)).isEqualByComparingTo(fraction(1, 3)); // m06
        assertThat(value(values, "email_click_to_open_rate", null, null)).isEqualByComparingTo("0.5");
        assertThat(value(values, "email_unsubscribe_rate", null, null)).isEqualByComparingTo("0");
        assertThat(value(values, "email_bounce_rate", null, null)).isEqualByComparingTo("0"); // 0 / 4
        // s02 delivered, not answered; marketing emails (rep NULL) add no "(none)" rep
        assertThat(value(values, "sales_email_response_rate", null, null)).isEqualByComparingTo("0");
        assertThat(breakdown(values, "sales_email_response_rate")).containsExactly("R1");
    }

    @Test
    void deliveredButUnopenedEmailsLeaveTheClickToOpenRateWithoutValue() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 8)));

        // m12 delivered, never opened: 0 / 1 opened, CTOR 0 / 0
        assertThat(value(values, "email_open_rate", null, null)).isEqualByComparingTo("0");
        assertThat(reason(values, "email_click_to_open_rate", null, null))
                .isEqualTo("no opened marketing emails sent in the period");
        assertThat(reason(values, "sales_email_response_rate", null, null))
                .isEqualTo("no delivered sales emails sent in the period");
    }

    @Test
    void severalPeriodsReadInOnePassHaveTheValuesEachHasAlone() {
        List<ReportingPeriod> periods = List.of(ReportingPeriod.month(YearMonth.of(2026, 9)), OCTOBER,
                ReportingPeriod.month(YearMonth.of(2026, 8)), ReportingPeriod.month(YearMonth.of(2025, 10)));

        var together = calculator.computeAll(periods);

        assertThat(together.keySet()).containsExactlyElementsOf(periods);
        for (ReportingPeriod period : periods) {
            assertThat(together.get(period)).as(period.id()).isEqualTo(calculator.compute(period));
        }
        // each period's own emails, not another month's
        assertThat(together.get(OCTOBER)).isNotEqualTo(together.get(periods.get(0)));
    }

    @Test
    void overlappingPeriodsAreReadOneByOne() {
        // the week of October 26 reaches into November; October overlaps it
        var together = calculator.computeAll(List.of(OCTOBER, WEEK_44));

        assertThat(together.get(OCTOBER)).isEqualTo(calculator.compute(OCTOBER));
        assertThat(together.get(WEEK_44)).isEqualTo(calculator.compute(WEEK_44));
    }

    @Test
    void aMonthWithoutEmailsHasZeroRecipientsAndRatesWithoutValue() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 12)));

        assertThat(values).hasSize(calculator.kpiIds().size()).allMatch(KpiValue::isTotal);
        assertThat(value(values, "campaign_recipients", null, null)).isEqualByComparingTo("0");
        for (String rate : List.of("email_open_rate", "email_click_rate", "email_click_to_open_rate",
                "email_unsubscribe_rate")) {
            assertThat(reason(values, rate, null, null)).as(rate).isEqualTo(NO_DELIVERED_MARKETING);
        }
        assertThat(reason(values, "email_bounce_rate", null, null)).isEqualTo("no emails sent in the period");
        assertThat(reason(values, "sales_email_response_rate", null, null))
                .isEqualTo("no delivered sales emails sent in the period");
    }
}
