package io.kpipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.generate.DatabaseSink;
import io.kpipeline.generate.DemoDataGenerator;
import io.kpipeline.generate.GeneratorSettings;
import io.kpipeline.ingest.CsvImporter;
import io.kpipeline.ingest.ImportListener;
import io.kpipeline.model.SourceChanges;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.Progress;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A report's earlier periods come from stored values while nothing they rest on has changed: a late
 * correction recomputes exactly the periods whose windows include it, a changed setting recomputes everything,
 * and the values of an incremental computation equal those of a cold one to the last digit.
 */
@SpringBootTest
class IncrementalComputationTests {

    /** The 13 months of the October 2026 report's trend, the same month a year earlier the first. */
    private static final List<ReportingPeriod> OCTOBER_TREND = months(YearMonth.of(2025, 10), 13);

    @Autowired
    KpiEngine engine;
    @Autowired
    KpiValueRepository values;
    @Autowired
    CsvImporter importer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    List<KpiCalculator> calculators;
    @Autowired
    KpiCatalog catalog;
    @Autowired
    CustomerQueries customerQueries;
    @Autowired
    TableCounts tables;
    @Autowired
    SourceChanges changes;
    @Autowired
    Clock clock;
    @Autowired
    KpiSettings settings;
    @Autowired
    KpiProperties properties;

    @TempDir
    Path folder;

    @BeforeEach
    void demoData(@Autowired DemoDataGenerator generator, @Autowired DataSource data) {
        tables.deleteAll();
        try (var sink = DatabaseSink.open(data)) {
            generator.generate(new GeneratorSettings(LocalDate.of(2025, 8, 1), LocalDate.of(2026, 11, 21), 1_500, 42),
                    sink, Progress.silent("test"));
        }
    }

    @Test
    void aSecondUpdateWithNothingChangedComputesNothing() {
        KpiEngine.Update first = engine.update(OCTOBER_TREND);
        int perPeriod = first.computed().size() / 13;
        assertThat(first.computed()).hasSize(13 * perPeriod);
        assertThat(perPeriod).as("enabled calculators").isEqualTo(13);

        KpiEngine.Update second = engine.update(OCTOBER_TREND);

        assertThat(second.computed()).isEmpty();
        assertThat(second.reused()).isEqualTo(13 * 13);
    }

    @Test
    void aLateWebTrafficCorrectionRecomputesThatMonthOfTheCalculatorsThatReadItAndNothingElse() throws IOException {
        engine.update(OCTOBER_TREND);
        ReportingPeriod march = ReportingPeriod.month(YearMonth.of(2026, 3));
        BigDecimal sessionsBefore = total(values.find(march), "web_sessions");

        importFile("web_traffic_daily.csv", """
                date,channel_code,landing_page,sessions,users,pageviews,bounced_sessions,total_session_seconds,downloads,contact_requests
                2026-03-15,WEBSITE,/late-correction,10,8,30,2,600,1,0
                """);
        KpiEngine.Update update = engine.update(OCTOBER_TREND);

        // web traffic of March is read by the web KPIs and by visit -> lead of the funnel, both of March only
        assertThat(update.computed()).containsExactlyInAnyOrder("2026-03 WebTrafficCalculator",
                "2026-03 LeadFunnelCalculator");
        assertThat(update.reused()).isEqualTo(13 * 13 - 2);
        // the stored March now has the 10 sessions more
        assertThat(total(values.find(march), "web_sessions")).isEqualByComparingTo(sessionsBefore.add(BigDecimal.TEN));
    }

    @Test
    void aLateOrderRecomputesItsMonthAndEveryLaterMonthWhoseCustomerFiguresReadTheWholeHistory() throws IOException {
        engine.update(OCTOBER_TREND);
        String account = jdbc.queryForObject("SELECT MIN(id) FROM account", String.class);

        importFile("customer_order.csv", """
                id,subscription_id,account_id,deal_id,channel_code,order_date,amount,status,cancelled_at,discount_code
                LATE-1,,%s,,,2026-03-10,1000.00,BOOKED,,
                """.formatted(account));
        KpiEngine.Update update = engine.update(OCTOBER_TREND);

        Set<String> expected = new TreeSet<>();
        expected.add("2026-03 CustomerSatisfactionCalculator"); // orders of the period only
        for (ReportingPeriod month : months(YearMonth.of(2026, 3), 8)) { // March to October: history up to the end
            for (String calculator : List.of("ActivityCalculator", "CustomerCalculator", "RevenueCalculator",
                    "UnitEconomicsCalculator")) {
                expected.add(month.id() + " " + calculator);
            }
        }
        assertThat(new TreeSet<>(update.computed())).isEqualTo(expected);
    }

    @Test
    void anAccountMovedToAnotherSegmentIsCountedInItsNewSegmentByTheNextUpdate() throws IOException {
        engine.update(OCTOBER_TREND);
        ReportingPeriod october = OCTOBER_TREND.get(12);
        // an SMB account active on October's last day: it has a subscription running then
        String account = jdbc.queryForObject("""
                SELECT MIN(a.id) FROM account a JOIN subscription s ON s.account_id = a.id
                WHERE a.segment = 'SMB' AND s.start_date <= '2026-10-31'
                  AND (s.end_date IS NULL OR s.end_date > '2026-10-31')""", String.class);
        BigDecimal smb = segment(values.find(october), "active_customers", "SMB");
        BigDecimal enterprise = segment(values.find(october), "active_customers", "ENTERPRISE");

        importFile("account.csv", """
                id,name,industry,segment,country,created_at
                %s,Moved GmbH,,ENTERPRISE,DE,2025-01-01 00:00:00
                """.formatted(account));
        engine.update(OCTOBER_TREND);

        assertThat(segment(values.find(october), "active_customers", "SMB")).isEqualByComparingTo(
                smb.subtract(BigDecimal.ONE));
        assertThat(segment(values.find(october), "active_customers", "ENTERPRISE")).isEqualByComparingTo(
                enterprise.add(BigDecimal.ONE));
    }

    @Test
    void aLateEmailIsCountedForItsDayOnceAndEveryReportThatCoversTheDaySeesIt() throws IOException {
        engine.update(OCTOBER_TREND);
        ReportingPeriod march = ReportingPeriod.month(YearMonth.of(2026, 3));
        ReportingPeriod week = ReportingPeriod.isoWeek(2026, 11); // 9-15 March, not computed yet
        BigDecimal marchBefore = total(values.find(march), "campaign_recipients");
        String campaign = jdbc.queryForObject("SELECT MIN(id) FROM campaign", String.class);

        importFile("email_message.csv", """
                id,campaign_id,lead_id,rep_id,kind,sent_at,status,opened_at,clicked_at,replied_at,unsubscribed_at
                LATE-MAIL-1,%s,,,MARKETING,2026-03-15 23:30:00,DELIVERED,,,,
                """.formatted(campaign));
        KpiEngine.Update update = engine.update(OCTOBER_TREND);
        engine.update(List.of(week));

        assertThat(update.computed()).contains("2026-03 EmailCalculator")
                .noneMatch(c -> c.endsWith(" EmailCalculator") && !c.startsWith("2026-03 "));
        assertThat(total(values.find(march), "campaign_recipients")).isEqualByComparingTo(marchBefore.add(BigDecimal.ONE));
        // the week's recipients from its days' counts, as the emails themselves give them
        assertThat(total(values.find(week), "campaign_recipients")).isEqualByComparingTo(jdbc.queryForObject("""
                SELECT COUNT(*) FROM email_message WHERE kind IN ('MARKETING', 'NEWSLETTER')
                AND sent_at >= '2026-03-09' AND sent_at < '2026-03-16'""", BigDecimal.class));
    }

    @Test
    void aDayCountedForOneReportServesTheNextUntilTheStoredComputationsAreForgotten() {
        engine.update(OCTOBER_TREND);
        ReportingPeriod week = ReportingPeriod.isoWeek(2026, 12); // 16-22 March, its days counted for March
        String campaign = jdbc.queryForObject("SELECT MIN(id) FROM campaign", String.class);
        long counted = jdbc.queryForObject("""
                SELECT COUNT(*) FROM email_message WHERE kind IN ('MARKETING', 'NEWSLETTER')
                AND sent_at >= '2026-03-16' AND sent_at < '2026-03-23'""", Long.class);
        jdbc.update("""
                INSERT INTO email_message (id, campaign_id, kind, sent_at, status)
                VALUES ('BY-HAND-1', ?, 'MARKETING', '2026-03-18 10:00:00', 'DELIVERED')""", campaign);

        engine.update(List.of(week));
        // written by hand: nothing recorded the change, the week adds up the days counted for March
        assertThat(total(values.find(week), "campaign_recipients")).isEqualByComparingTo(BigDecimal.valueOf(counted));

        values.forgetComputations();
        engine.update(List.of(week));

        assertThat(total(values.find(week), "campaign_recipients"))
                .isEqualByComparingTo(BigDecimal.valueOf(counted + 1));
    }

    @Test
    void importingTheSameRowsAgainChangesNothing() throws IOException {
        String csv = """
                date,channel_code,landing_page,sessions,users,pageviews,bounced_sessions,total_session_seconds,downloads,contact_requests
                2026-05-02,WEBSITE,/again,3,3,3,0,30,0,0
                """;
        importFile("web_traffic_daily.csv", csv);
        engine.update(OCTOBER_TREND);

        importFile("web_traffic_daily.csv", csv);

        assertThat(engine.update(OCTOBER_TREND).computed()).isEmpty();
    }

    @Test
    void rowsWrittenWithoutAnImportAreSeenOnceTheStoredComputationsAreForgotten() {
        engine.update(OCTOBER_TREND);
        ReportingPeriod march = ReportingPeriod.month(YearMonth.of(2026, 3));
        BigDecimal sessionsBefore = total(values.find(march), "web_sessions");
        jdbc.update("""
                INSERT INTO web_traffic_daily (date, channel_code, landing_page, sessions, users, pageviews,
                    bounced_sessions, total_session_seconds, downloads, contact_requests)
                VALUES ('2026-03-20', 'WEBSITE', '/by-hand', 7, 7, 7, 0, 70, 0, 0)""");
        // written by hand: nothing recorded the change, the stored March stands
        assertThat(engine.update(OCTOBER_TREND).computed()).isEmpty();

        assertThat(values.forgetComputations()).isGreaterThanOrEqualTo(13 * 13);

        assertThat(engine.update(OCTOBER_TREND).computed()).hasSize(13 * 13);
        assertThat(total(values.find(march), "web_sessions")).isEqualByComparingTo(sessionsBefore.add(BigDecimal.valueOf(7)));
    }

    @Test
    void aChangedSettingRecomputesEveryPeriodOfEveryCalculator() {
        engine.update(OCTOBER_TREND);
        KpiSettings staleSooner = new KpiSettings(settings.grossMargin(), settings.clvMaxMonths(),
                settings.staleAfterDays() + 15, settings.webLeadChannels(), settings.stageProbabilities(),
                settings.minClosedForProbability(), settings.smallSample());
        KpiEngine changedSettings = new KpiEngine(catalog, calculators, values, customerQueries, clock, tables, changes,
                new KpiFingerprint(staleSooner), properties);

        KpiEngine.Update update = changedSettings.update(OCTOBER_TREND);

        assertThat(update.computed()).hasSize(13 * 13);
        assertThat(update.reused()).isZero();
    }

    @Test
    void theNextMonthComputedOnStoredMonthsHasTheValuesOfAColdComputationToTheLastDigit() {
        List<ReportingPeriod> septemberTrend = months(YearMonth.of(2025, 9), 13);
        engine.update(septemberTrend);
        KpiEngine.Update incremental = engine.update(OCTOBER_TREND);
        // only October is new: the 12 months before are stored
        assertThat(incremental.computed()).allMatch(c -> c.startsWith("2026-10 ")).hasSize(13);
        List<ReportingPeriod> all = new ArrayList<>(septemberTrend);
        all.add(OCTOBER_TREND.get(12));
        List<String> afterIncremental = storedValues(all);

        jdbc.update("DELETE FROM kpi_computation");
        jdbc.update("DELETE FROM kpi_value");
        assertThat(engine.update(all).reused()).isZero();

        assertThat(storedValues(all)).hasSizeGreaterThan(14 * 300).isEqualTo(afterIncremental);
    }

    /** Every stored value of the periods, as text, in key order. */
    private List<String> storedValues(List<ReportingPeriod> periods) {
        Set<String> ids = new TreeSet<>(periods.stream().map(ReportingPeriod::id).toList());
        return jdbc.query("""
                SELECT period_id, kpi_id, dimension, dimension_value, value, numerator, denominator, cases, reason
                FROM kpi_value ORDER BY period_id, kpi_id, dimension, dimension_value""",
                (rs, n) -> IntStream.rangeClosed(1, 9).mapToObj(i -> {
                    try {
                        return String.valueOf(rs.getObject(i));
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList().toString()).stream().filter(row -> ids.contains(row.substring(1, row.indexOf(','))))
                .toList();
    }

    private void importFile(String name, String csv) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, csv);
        var result = importer.importFile(file, ImportListener.none());
        assertThat(result.problem()).as(name).isNull();
    }

    private static BigDecimal total(List<KpiValue> values, String kpiId) {
        return values.stream().filter(v -> v.kpiId().equals(kpiId) && v.isTotal()).findFirst()
                .map(KpiValue::value).orElseThrow();
    }

    private static BigDecimal segment(List<KpiValue> values, String kpiId, String segment) {
        return values.stream().filter(v -> v.kpiId().equals(kpiId) && "segment".equals(v.dimension())
                && segment.equals(v.dimensionValue())).findFirst().map(KpiValue::value).orElseThrow();
    }

    private static List<ReportingPeriod> months(YearMonth first, int count) {
        return IntStream.range(0, count).mapToObj(i -> ReportingPeriod.month(first.plusMonths(i))).toList();
    }
}
