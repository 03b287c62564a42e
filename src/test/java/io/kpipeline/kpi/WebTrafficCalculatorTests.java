package io.kpipeline.kpi;

import static io.kpipeline.kpi.KpiValues.breakdown;
import static io.kpipeline.kpi.KpiValues.find;
import static io.kpipeline.kpi.KpiValues.fraction;
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
class WebTrafficCalculatorTests {

    static final ReportingPeriod OCTOBER = ReportingPeriod.month(YearMonth.of(2026, 10));
    static final ReportingPeriod WEEK_44 = ReportingPeriod.isoWeek(2026, 44);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    WebTrafficCalculator calculator;

    @BeforeEach
    void insertTraffic() {
        tables.deleteAll();
        jdbc.update("""
                INSERT INTO channel (code, name, category) VALUES
                ('WEBSITE', 'Website', 'ONLINE'), ('PAID_SEARCH', 'Paid search', 'ONLINE'),
                ('SOCIAL', 'Social', 'ONLINE'), ('EMAIL', 'Email', 'ONLINE')""");
        // date, channel, page: sessions, users, pageviews, bounced, seconds, downloads, contact requests
        jdbc.update("""
                INSERT INTO web_traffic_daily (date, channel_code, landing_page, sessions, users, pageviews,
                    bounced_sessions, total_session_seconds, downloads, contact_requests) VALUES
                ('2026-09-30', 'WEBSITE',     '/',        100, 90, 300, 50, 9000, 9, 9),
                ('2026-10-01', 'WEBSITE',     '/',         10,  8,  30,  4, 1200, 1, 0),
                ('2026-10-01', 'WEBSITE',     '/pricing',   5,  5,  10,  1,  600, 0, 1),
                ('2026-10-15', 'PAID_SEARCH', '/',         20, 18,  40, 10, 1000, 2, 1),
                ('2026-10-20', 'EMAIL',       '/whitepaper', 0, 0,   0,  0,    0, 1, 0),
                ('2026-10-26', 'WEBSITE',     '/',          4,  4,  12,  2,  400, 0, 2),
                ('2026-10-31', 'PAID_SEARCH', '/',          6,  5,   9,  3,  300, 1, 0),
                ('2026-11-01', 'SOCIAL',      '/',         10,  9,  20,  5,  500, 0, 1),
                ('2026-11-02', 'WEBSITE',     '/',         50, 40, 100, 20, 5000, 5, 5)""");
    }

    @Test
    void sumsTheMonthFromItsFirstDayUpToButExcludingTheFirstDayOfTheNextMonth() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // Oct 1 (first day) in, Sep 30 and Nov 1 out: rows 10+5+20+0+4+6
        assertThat(value(values, "web_sessions", null, null)).isEqualByComparingTo("45");
        assertThat(value(values, "web_visitors", null, null)).isEqualByComparingTo("40"); // 8+5+18+0+4+5
        // bounced 4+1+10+0+2+3 = 20 / 45 sessions
        assertThat(value(values, "web_bounce_rate", null, null)).isEqualByComparingTo(fraction(20, 45));
        // seconds 1200+600+1000+0+400+300 = 3500 / 45
        assertThat(value(values, "web_avg_session_seconds", null, null)).isEqualByComparingTo(fraction(3500, 45));
        // pageviews 30+10+40+0+12+9 = 101 / 45
        assertThat(value(values, "web_pages_per_session", null, null)).isEqualByComparingTo(fraction(101, 45));
        assertThat(value(values, "downloads", null, null)).isEqualByComparingTo("5"); // 1+0+2+1+0+1
        assertThat(value(values, "contact_requests", null, null)).isEqualByComparingTo("4"); // 0+1+1+0+2+0
    }

    @Test
    void breaksTheMonthDownByTheChannelsThatHaveRowsInIt() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        // SOCIAL only has a row on Nov 1
        assertThat(breakdown(values, "web_sessions")).containsExactlyInAnyOrder("WEBSITE", "PAID_SEARCH", "EMAIL");
        assertThat(value(values, "web_sessions", "channel", "WEBSITE")).isEqualByComparingTo("19"); // 10+5+4
        assertThat(value(values, "web_visitors", "channel", "WEBSITE")).isEqualByComparingTo("17"); // 8+5+4
        // PAID_SEARCH: sessions 20+6 = 26, bounced 10+3 = 13, seconds 1000+300 = 1300, pageviews 40+9 = 49
        assertThat(value(values, "web_bounce_rate", "channel", "PAID_SEARCH")).isEqualByComparingTo("0.5");
        assertThat(value(values, "web_avg_session_seconds", "channel", "PAID_SEARCH")).isEqualByComparingTo("50");
        assertThat(value(values, "web_pages_per_session", "channel", "PAID_SEARCH"))
                .isEqualByComparingTo(fraction(49, 26));
        assertThat(value(values, "downloads", "channel", "PAID_SEARCH")).isEqualByComparingTo("3"); // 2+1
        assertThat(value(values, "contact_requests", "channel", "WEBSITE")).isEqualByComparingTo("3"); // 0+1+2
    }

    @Test
    void aChannelWithoutSessionsHasCountsButNoRates() {
        List<KpiValue> values = calculator.compute(OCTOBER);

        assertThat(value(values, "web_sessions", "channel", "EMAIL")).isEqualByComparingTo("0");
        assertThat(value(values, "downloads", "channel", "EMAIL")).isEqualByComparingTo("1");
        for (String rate : List.of("web_bounce_rate", "web_avg_session_seconds", "web_pages_per_session")) {
            KpiValue none = find(values, rate, "channel", "EMAIL");
            assertThat(none.hasValue()).as(rate).isFalse();
            assertThat(none.reason()).as(rate).isEqualTo("no sessions in the period");
        }
    }

    @Test
    void theIsoWeekSpanningOctoberAndNovemberTakesItsSevenDaysFromBothMonths() {
        List<KpiValue> values = calculator.compute(WEEK_44);

        // Mon Oct 26 .. Sun Nov 1: rows Oct 26 (4), Oct 31 (6), Nov 1 (10); Oct 20 and Nov 2 out
        assertThat(value(values, "web_sessions", null, null)).isEqualByComparingTo("20");
        assertThat(value(values, "web_visitors", null, null)).isEqualByComparingTo("18"); // 4+5+9
        assertThat(value(values, "web_bounce_rate", null, null)).isEqualByComparingTo("0.5"); // (2+3+5) / 20
        assertThat(value(values, "web_avg_session_seconds", null, null)).isEqualByComparingTo("60"); // 1200 / 20
        assertThat(value(values, "web_pages_per_session", null, null)).isEqualByComparingTo("2.05"); // 41 / 20
        assertThat(value(values, "downloads", null, null)).isEqualByComparingTo("1"); // 0+1+0
        assertThat(value(values, "contact_requests", null, null)).isEqualByComparingTo("3"); // 2+0+1
        assertThat(breakdown(values, "web_sessions")).containsExactlyInAnyOrder("WEBSITE", "PAID_SEARCH", "SOCIAL");
        assertThat(value(values, "web_sessions", "channel", "SOCIAL")).isEqualByComparingTo("10");
        assertThat(value(values, "web_bounce_rate", "channel", "WEBSITE")).isEqualByComparingTo("0.5"); // 2 / 4
    }

    @Test
    void aPeriodWithoutTrafficHasZeroCountsAndRatesWithoutValue() {
        List<KpiValue> values = calculator.compute(ReportingPeriod.month(YearMonth.of(2026, 12)));

        assertThat(values).allMatch(KpiValue::isTotal).hasSize(calculator.kpiIds().size());
        for (String count : List.of("web_sessions", "web_visitors", "downloads", "contact_requests")) {
            assertThat(value(values, count, null, null)).as(count).isEqualByComparingTo("0");
        }
        for (String rate : List.of("web_bounce_rate", "web_avg_session_seconds", "web_pages_per_session")) {
            assertThat(find(values, rate, null, null).hasValue()).as(rate).isFalse();
            assertThat(find(values, rate, null, null).reason()).as(rate).isEqualTo("no sessions in the period");
        }
    }
}
