package io.kpipeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of data model version 1 (schema version 5) keeps every row when it is migrated to
 * the latest schema: the columns of version 2 are added empty, and cost_entry's key takes the
 * campaign in without changing which stored rows are equal. The database is the pipeline's own on a
 * server of this test's, emptied first: the pipeline's account may use no other database.
 */
class DataModelMigrationTests {

    private static final Path HOME = Path.of(System.getProperty("kpi.home", "target/test-home"));
    private static final String LAST_SCHEMA_OF_MODEL_V1 = "5";

    /** One or two rows per canonical table, written with the columns of version 1 only. */
    private static final List<String> VERSION_ONE_ROWS = List.of("""
            INSERT INTO channel (code, name, category) VALUES
                ('EMAIL', 'E-Mail', 'ONLINE'), ('TRADE_FAIR', 'Messe', 'OFFLINE')""", """
            INSERT INTO sales_rep (id, name, email, team, active) VALUES
                ('R1', 'Anna Schmidt', 'anna@example.com', 'Inside Sales', TRUE)""", """
            INSERT INTO campaign (id, name, channel_code, start_date, end_date, budget) VALUES
                ('C1', 'Fachmesse', 'TRADE_FAIR', '2026-03-10', '2026-03-12', 24000.00)""", """
            INSERT INTO account (id, name, industry, segment, country, created_at) VALUES
                ('A1', 'Müller Logistik GmbH', 'Logistik', 'MID', 'DE', '2024-05-06 09:00:00'),
                ('A2', 'Alpen Technik AG', NULL, 'SMB', 'AT', '2026-03-11 10:00:00')""", """
            INSERT INTO `lead` (id, account_id, channel_code, campaign_id, owner_rep_id, created_at) VALUES
                ('L1', 'A2', 'TRADE_FAIR', 'C1', 'R1', '2026-03-11 10:30:00')""", """
            INSERT INTO funnel_event (lead_id, stage, occurred_at) VALUES
                ('L1', 'MQL', '2026-03-12 09:00:00'), ('L1', 'SQL', '2026-03-20 11:00:00')""", """
            INSERT INTO deal (id, lead_id, account_id, owner_rep_id, created_at, stage, status, amount,
                              contract_months, closed_at) VALUES
                ('D1', 'L1', 'A2', 'R1', '2026-03-20 11:00:00', 'WON', 'WON', 24000.00, 24, '2026-04-28 15:00:00'),
                ('D2', 'L1', 'A2', 'R1', '2026-04-02 10:00:00', 'OFFER', 'OPEN', 5500.00, NULL, NULL)""", """
            INSERT INTO activity (id, rep_id, lead_id, account_id, channel_code, type, occurred_at,
                                  duration_minutes, outcome) VALUES
                ('ACT1', 'R1', 'L1', 'A2', 'EMAIL', 'EMAIL', '2026-03-13 08:30:00', 5, 'REACTION')""", """
            INSERT INTO email_message (id, campaign_id, lead_id, rep_id, kind, sent_at, status, opened_at,
                                       clicked_at, replied_at, unsubscribed_at) VALUES
                ('EM1', NULL, 'L1', 'R1', 'SALES', '2026-03-13 08:30:00', 'DELIVERED', '2026-03-13 09:00:00',
                 NULL, '2026-03-13 10:00:00', NULL)""", """
            INSERT INTO web_traffic_daily (date, channel_code, landing_page, sessions, users, pageviews,
                                           bounced_sessions, total_session_seconds, downloads, contact_requests)
                VALUES ('2026-03-11', 'EMAIL', '/messe', 40, 35, 90, 12, 4800, 3, 1)""", """
            INSERT INTO social_daily (date, network, followers, likes, posts, clicks) VALUES
                ('2026-03-11', 'LinkedIn', 1200, 30, 1, 14)""", """
            INSERT INTO ad_spend_daily (date, channel_code, campaign_id, cost, impressions, clicks) VALUES
                ('2026-03-11', 'EMAIL', NULL, 80.00, 900, 12)""", """
            INSERT INTO cost_entry (month, category, channel_code, amount) VALUES
                ('2026-03-01', 'MARKETING', 'TRADE_FAIR', 24150.00),
                ('2026-03-01', 'SALES', NULL, 58000.00)""", """
            INSERT INTO customer_order (id, account_id, deal_id, channel_code, order_date, amount, status,
                                        cancelled_at, discount_code) VALUES
                ('O1', 'A2', 'D1', 'TRADE_FAIR', '2026-05-04', 1000.00, 'BOOKED', NULL, 'MESSE10'),
                ('O2', 'A1', NULL, NULL, '2026-05-06', 1800.00, 'BOOKED', NULL, NULL)""", """
            INSERT INTO subscription (id, account_id, deal_id, start_date, end_date, mrr, cancelled_at) VALUES
                ('S1', 'A2', 'D1', '2026-05-04', NULL, 1000.00, NULL)""", """
            INSERT INTO complaint (id, account_id, order_id, type, opened_at) VALUES
                ('CPL1', 'A1', 'O2', 'WARRANTY', '2026-05-20 14:00:00')""", """
            INSERT INTO referral (id, referring_account_id, lead_id, created_at) VALUES
                ('REF1', 'A1', 'L1', '2026-03-11 10:30:00')""", """
            INSERT INTO feedback (id, account_id, received_at, score, comment) VALUES
                ('FB1', 'A1', '2026-05-21 09:00:00', 9, 'Schnelle Hilfe')""");

    @Test
    void aVersionOneDatabaseKeepsEveryRowAndGetsTheNewColumnsEmpty() {
        // the server ExternalDatabaseTests empties for its own use too: each directory takes a gigabyte
        Path dir = HOME.resolve("external-db");
        try (EmbeddedMariaDb server = TestServers.start(dir, Duration.ofSeconds(5))) {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(server.jdbcUrl(), server.username(),
                    server.password());
            // empty: the URL creates the database again at the next connection
            JdbcTemplate v1 = new JdbcTemplate(dataSource);
            v1.execute("DROP DATABASE IF EXISTS kpi");
            flyway(dataSource).target(LAST_SCHEMA_OF_MODEL_V1).load().migrate();
            assertThat(columns(v1, "customer_order")).doesNotContain("subscription_id");
            VERSION_ONE_ROWS.forEach(v1::execute);
            Map<String, Long> before = counts(v1);

            var result = flyway(dataSource).load().migrate();

            assertThat(result.migrationsExecuted).isPositive();
            assertThat(flyway(dataSource).load().info().pending()).isEmpty();
            assertThat(counts(v1)).isEqualTo(before).containsEntry("cost_entry", 2L).containsEntry("customer_order", 2L)
                    .containsEntry("deal", 2L).doesNotContainValue(0L);
            assertThat(rows(v1, "SELECT id, subscription_id, account_id, deal_id, order_date, amount, discount_code"
                    + " FROM customer_order ORDER BY id")).containsExactly("O1|NULL|A2|D1|2026-05-04|1000.00|MESSE10",
                            "O2|NULL|A1|NULL|2026-05-06|1800.00|NULL");
            assertThat(rows(v1, "SELECT id, status, amount, closed_at, expected_close_date FROM deal ORDER BY id"))
                    .containsExactly("D1|WON|24000.00|2026-04-28 15:00:00|NULL", "D2|OPEN|5500.00|NULL|NULL");
            assertThat(rows(v1, "SELECT month, category, channel_code, campaign_id, amount FROM cost_entry ORDER BY amount"))
                    .containsExactly("2026-03-01|MARKETING|TRADE_FAIR|NULL|24150.00", "2026-03-01|SALES|NULL|NULL|58000.00");
            assertThat(rows(v1, "SELECT id, mrr FROM subscription")).containsExactly("S1|1000.00");

            // the key now includes the campaign: the fair's cost may be booked to it beside the old row ...
            v1.update("INSERT INTO cost_entry (month, category, channel_code, campaign_id, amount)"
                    + " VALUES ('2026-03-01', 'MARKETING', 'TRADE_FAIR', 'C1', 1000.00)");
            assertThat(v1.queryForObject("SELECT COUNT(*) FROM cost_entry", Long.class)).isEqualTo(3);
            // ... while a stored row without campaign is still the same key as a new one without campaign
            assertThatThrownBy(() -> v1.update("INSERT INTO cost_entry (month, category, channel_code, amount)"
                    + " VALUES ('2026-03-01', 'SALES', NULL, 1.00)")).isInstanceOf(DuplicateKeyException.class);
        }
    }

    private static FluentConfiguration flyway(DriverManagerDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .failOnMissingLocations(true);
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table table : CanonicalModel.tables()) {
            counts.put(table.name(), jdbc.queryForObject("SELECT COUNT(*) FROM " + table.sqlName(), Long.class));
        }
        return counts;
    }

    private static List<String> columns(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = ?", String.class, table);
    }

    /** Each row as its values joined by |, NULL for null. */
    private static List<String> rows(JdbcTemplate jdbc, String sql) {
        return jdbc.query(sql, (rs, n) -> {
            int columns = rs.getMetaData().getColumnCount();
            List<String> values = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                String value = rs.getString(i);
                values.add(value == null ? "NULL" : value);
            }
            return values.stream().collect(Collectors.joining("|"));
        });
    }
}
