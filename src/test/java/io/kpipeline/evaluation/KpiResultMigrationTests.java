package io.kpipeline.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.EmbeddedMariaDb;
import io.kpipeline.system.TestServers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Results an earlier release stored, with trend, flags and measures as ';'-joined text (schema version 8), read
 * back the same after the migration to rows: the flags and measures in their order, the trend from the stored
 * values of the periods that held values then. The database is the pipeline's own on a server of this test's,
 * emptied first, as in DataModelMigrationTests.
 */
class KpiResultMigrationTests {

    private static final Path HOME = Path.of(System.getProperty("kpi.home", "target/test-home"));
    private static final String BEFORE_ROWS = "8";

    /**
     * leads_created of 2025-10 .. 2026-10: none before 2026-01 (2025-11 holds a value an earlier computation left,
     * which the evaluation did not use: that month held no data then), no value of the total in 2026-05.
     */
    private static final List<String> VALUES = List.of("""
            INSERT INTO kpi_value (period_id, kpi_id, dimension, dimension_value, value, reason, computed_at) VALUES
                ('2025-11', 'leads_created', '', '', 99, NULL, '2026-11-01 06:00:00'),
                ('2026-01', 'leads_created', '', '', 33, NULL, '2026-11-01 06:00:00'),
                ('2026-02', 'leads_created', '', '', 34, NULL, '2026-11-01 06:00:00'),
                ('2026-03', 'leads_created', '', '', 35, NULL, '2026-11-01 06:00:00'),
                ('2026-04', 'leads_created', '', '', 36, NULL, '2026-11-01 06:00:00'),
                ('2026-05', 'leads_created', '', '', NULL, 'nothing imported', '2026-11-01 06:00:00'),
                ('2026-06', 'leads_created', '', '', 38, NULL, '2026-11-01 06:00:00'),
                ('2026-07', 'leads_created', '', '', 39, NULL, '2026-11-01 06:00:00'),
                ('2026-08', 'leads_created', '', '', 40, NULL, '2026-11-01 06:00:00'),
                ('2026-09', 'leads_created', '', '', 41, NULL, '2026-11-01 06:00:00'),
                ('2026-10', 'leads_created', '', '', 42.5, NULL, '2026-11-01 06:00:00'),
                ('2026-05', 'leads_created', 'channel', 'EMAIL', 2, NULL, '2026-11-01 06:00:00'),
                ('2026-10', 'leads_created', 'channel', 'EMAIL', 7, NULL, '2026-11-01 06:00:00'),
                ('2026-W53', 'leads_created', '', '', 11, NULL, '2027-01-18 06:00:00'),
                ('2027-W01', 'leads_created', '', '', 12, NULL, '2027-01-18 06:00:00'),
                ('2027-W02', 'leads_created', '', '', 13, NULL, '2027-01-18 06:00:00')""");

    /** As KpiResultRepository wrote them before V13: flags sorted, measures in firing order, '' for a gap. */
    private static final List<String> RESULTS = List.of("""
            INSERT INTO kpi_result (report, period_id, kpi_id, dimension, dimension_value, value, unit, status,
                                    trend, flags, actions, evaluated_at) VALUES
                ('monthly', '2026-10', 'leads_created', '', '', 42.5, 'count', 'GOOD', ';;;33;34;35;36;;38;39;40;41;42.5',
                 'ANOMALY;SMALL_SAMPLE', 'review-lead-sources;check-anomaly', '2026-11-01 06:00:00'),
                ('monthly', '2026-10', 'leads_created', 'channel', 'EMAIL', 7, 'count', 'NEUTRAL',
                 ';;;;;;;2;;;;;7', '', '', '2026-11-01 06:00:00'),
                ('weekly', '2027-W02', 'leads_created', '', '', 13, 'count', 'NEUTRAL', ';;;;;;;;;;11;12;13',
                 'SMALL_SAMPLE', '', '2027-01-18 06:00:00')""");

    @Test
    void resultsStoredAsTextReadBackTheSameFromRows() {
        // the server ExternalDatabaseTests and DataModelMigrationTests empty for their own use too
        Path dir = HOME.resolve("external-db");
        try (EmbeddedMariaDb server = TestServers.start(dir, Duration.ofSeconds(5))) {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(server.jdbcUrl(), server.username(),
                    server.password());
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("DROP DATABASE IF EXISTS kpi");
            flyway(dataSource).target(BEFORE_ROWS).load().migrate();
            VALUES.forEach(jdbc::execute);
            RESULTS.forEach(jdbc::execute);

            flyway(dataSource).load().migrate();

            assertThat(flyway(dataSource).load().info().pending()).isEmpty();
            assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = 'kpi_result'", String.class))
                    .doesNotContain("trend", "flags", "actions").contains("catalog_position");
            // the catalog is not needed to read
            var repository = new KpiResultRepository(new NamedParameterJdbcTemplate(dataSource),
                    new KpiCatalog(List.of()));

            List<StoredResult> october = repository.find(ReportKind.MONTHLY, ReportingPeriod.parse("2026-10"));
            assertThat(october).extracting(StoredResult::dimensionValue).containsExactly(null, "EMAIL");
            StoredResult total = october.get(0);
            assertThat(total.trend()).containsExactly(decimals(null, null, null, "33", "34", "35", "36", null, "38",
                    "39", "40", "41", "42.5"));
            assertThat(total.flags()).containsExactly("ANOMALY", "SMALL_SAMPLE");
            assertThat(total.actions()).containsExactly("review-lead-sources", "check-anomaly");
            StoredResult email = october.get(1);
            assertThat(email.trend()).containsExactly(decimals(null, null, null, null, null, null, null, "2", null,
                    null, null, null, "7"));
            assertThat(email.flags()).isEmpty();
            assertThat(email.actions()).isEmpty();
            // 2026-01 .. 2026-10 held values then; 2025-11 did not, though a value of it is stored now
            assertThat(jdbc.queryForList("SELECT trend_period_id FROM kpi_result_trend WHERE report = 'monthly'"
                    + " ORDER BY position", String.class)).containsExactly("2026-01", "2026-02", "2026-03", "2026-04",
                            "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10");

            // 2026 has 53 ISO weeks: the two weeks before 2027-W02 are 2027-W01 and 2026-W53
            StoredResult week = repository.find(ReportKind.WEEKLY, ReportingPeriod.parse("2027-W02")).get(0);
            assertThat(week.trend()).containsExactly(decimals(null, null, null, null, null, null, null, null, null,
                    null, "11", "12", "13"));
            assertThat(week.flags()).containsExactly("SMALL_SAMPLE");
        }
    }

    @Test
    void theTrendPeriodsOfEachKindAreWorkedOutFromTheReportPeriod() {
        Path dir = HOME.resolve("external-db");
        try (EmbeddedMariaDb server = TestServers.start(dir, Duration.ofSeconds(5))) {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(server.jdbcUrl(), server.username(),
                    server.password());
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("DROP DATABASE IF EXISTS kpi");
            flyway(dataSource).target(BEFORE_ROWS).load().migrate();
            // the oldest and the newest position of each trend with a value, the others gaps
            jdbc.execute("""
                    INSERT INTO kpi_result (report, period_id, kpi_id, dimension, dimension_value, value, unit, status,
                                            trend, flags, actions, evaluated_at) VALUES
                        ('weekly', '2027-W01', 'leads_created', '', '', 1, 'count', 'NEUTRAL', '1;;;;;;;;;;;;1', '', '',
                         '2027-01-11 06:00:00'),
                        ('monthly', '2026-03', 'leads_created', '', '', 1, 'count', 'NEUTRAL', '1;;;;;;;;;;;;1', '', '',
                         '2026-04-01 06:00:00'),
                        ('quarterly', '2026-Q1', 'leads_created', '', '', 1, 'count', 'NEUTRAL', '1;;;;;;;1', '', '',
                         '2026-04-01 06:00:00'),
                        ('yearly', '2025', 'leads_created', '', '', 1, 'count', 'NEUTRAL', '1;;;;1', '', '',
                         '2026-01-05 06:00:00'),
                        ('review', '30d:2026-10-31', 'leads_created', '', '', 1, 'count', 'NEUTRAL', '1;;;;;;;;;;;;1',
                         '', '', '2026-11-01 06:00:00')""");

            flyway(dataSource).load().migrate();

            assertThat(jdbc.queryForList("SELECT CONCAT(period_id, ' ', position, ' ', trend_period_id)"
                    + " FROM kpi_result_trend ORDER BY report, position", String.class)).containsExactly(
                            // 2025-03 .. 2026-03
                            "2026-03 0 2025-03", "2026-03 12 2026-03",
                            // 2024-Q2 .. 2026-Q1
                            "2026-Q1 0 2024-Q2", "2026-Q1 7 2026-Q1",
                            // 30 days ending 360 days earlier: 2026-10-31 − 365 days = 2025-10-31, + 5 days
                            "30d:2026-10-31 0 30d:2025-11-05", "30d:2026-10-31 12 30d:2026-10-31",
                            // 2027-W01 starts on Monday 2027-01-04; 84 days earlier is Monday 2026-10-12, the
                            // 42nd Monday after 2025-12-29, on which 2026-W01 starts
                            "2027-W01 0 2026-W42", "2027-W01 12 2027-W01",
                            "2025 0 2021", "2025 4 2025");
            // as ReportingPeriod itself counts back
            assertThat(ReportingPeriod.parse("2027-W01").trend().get(0).id()).isEqualTo("2026-W42");
            assertThat(ReportingPeriod.parse("30d:2026-10-31").trend().get(0).id()).isEqualTo("30d:2025-11-05");
        }
    }

    private static FluentConfiguration flyway(DriverManagerDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .failOnMissingLocations(true);
    }

    private static BigDecimal[] decimals(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toArray(BigDecimal[]::new);
    }
}
