package io.kpipeline.kpi;

import static io.kpipeline.kpi.KpiValues.breakdown;
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

@SpringBootTest
class SocialCalculatorTests {

    static final ReportingPeriod OCTOBER = ReportingPeriod.month(YearMonth.of(2026, 10));
    static final ReportingPeriod WEEK_44 = ReportingPeriod.isoWeek(2026, 44);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    SocialCalculator calculator;

    @BeforeEach
    void insertSocialDays() {
        tables.deleteAll();
        // Xing reports only on Sep 20 and Nov 15; LinkedIn on the boundaries of October and W44.
        jdbc.update("""
                INSERT INTO social_daily (date, network, followers, likes, posts, clicks) VALUES
                ('2026-09-20', 'Xing',      300,   7, 1, 1),
                ('2026-09-30', 'LinkedIn', 1000,  50, 1, 1),
                ('2026-10-01', 'LinkedIn', 1010,   5, 1, 1),
                ('2026-10-31', 'LinkedIn', 1050,   7, 1, 1),
                ('2026-11-01', 'LinkedIn', 1060,  11, 1, 1),
                ('2026-10-15', 'Instagram', 400,  20, 1, 1),
                ('2026-10-27', 'Instagram', 420,   3, 1, 1),
                ('2026-11-02', 'Instagram', 500, 100, 1, 1),
                ('2026-11-15', 'Xing',      320,   2, 1, 1)""");
    }

    @Test
    void followersAreEachNetworksLatestCountOnOrBeforeTheLastDayEvenBeforeThePeriod() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // LinkedIn Oct 31 (1050) + Instagram Oct 27 (420) + Xing Sep 20 (300); Nov 1 is after the last day
        assertThat(value(values, "social_followers", null, null)).isEqualByComparingTo("1770");
        assertThat(value(values, "social_followers", "network", "LinkedIn")).isEqualByComparingTo("1050");
        assertThat(value(values, "social_followers", "network", "Instagram")).isEqualByComparingTo("420");
        assertThat(value(values, "social_followers", "network", "Xing")).isEqualByComparingTo("300");
    }

    @Test
    void likesSumTheDaysOfTheMonthPerNetworkThatReportedInIt() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // Oct 1 (5) and Oct 31 (7) in, Sep 30 and Nov 1 out; Instagram 20 + 3
        assertThat(value(values, "social_likes", null, null)).isEqualByComparingTo("35");
        assertThat(value(values, "social_likes", "network", "LinkedIn")).isEqualByComparingTo("12");
        assertThat(value(values, "social_likes", "network", "Instagram")).isEqualByComparingTo("23");
        // Xing has no row in October: a follower count, but no likes breakdown
        assertThat(breakdown(values, "social_likes")).containsExactlyInAnyOrder("LinkedIn", "Instagram");
    }

    @Test
    void theIsoWeekSpanningOctoberAndNovemberEndsOnItsSunday() {
        List<KpiValue> values = calculator.compute(WEEK_44);

        // last day Sun Nov 1: LinkedIn 1060 (Nov 1) + Instagram 420 (Oct 27) + Xing 300 (Sep 20)
        assertThat(value(values, "social_followers", null, null)).isEqualByComparingTo("1780");
        assertThat(value(values, "social_followers", "network", "LinkedIn")).isEqualByComparingTo("1060");
        // likes Oct 26 .. Nov 1: LinkedIn 7 (Oct 31) + 11 (Nov 1), Instagram 3 (Oct 27)
        assertThat(value(values, "social_likes", null, null)).isEqualByComparingTo("21");
        assertThat(value(values, "social_likes", "network", "LinkedIn")).isEqualByComparingTo("18");
        assertThat(value(values, "social_likes", "network", "Instagram")).isEqualByComparingTo("3");
    }

    @Test
    void aPeriodWithoutRowsKeepsTheLastKnownFollowersAndHasZeroLikes() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 12)));

        // LinkedIn 1060 (Nov 1) + Instagram 500 (Nov 2) + Xing 320 (Nov 15)
        assertThat(value(values, "social_followers", null, null)).isEqualByComparingTo("1880");
        assertThat(value(values, "social_likes", null, null)).isEqualByComparingTo("0");
        assertThat(breakdown(values, "social_likes")).isEmpty();
        assertThat(breakdown(values, "social_followers")).containsExactlyInAnyOrder("LinkedIn", "Instagram", "Xing");
    }

    @Test
    void beforeAnyDataBothCountsAreZero() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 8)));

        assertThat(values).hasSize(2).allMatch(KpiValue::isTotal);
        assertThat(value(values, "social_followers", null, null)).isEqualByComparingTo("0");
        assertThat(value(values, "social_likes", null, null)).isEqualByComparingTo("0");
    }
}
