package io.kpipeline.sync;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The part of a Matomo 5 database the profile reads, with Matomo's default table prefix {@code matomo_}: tables and
 * column types as core/Db/Schema/Mysql.php and the dimension classes create them (see the research note
 * export-formats.md, section 4.1), with the columns the profile does not read left out.
 */
final class MatomoSchema {

    private MatomoSchema() {
    }

    static void create(JdbcTemplate jdbc) {
        for (String table : new String[] {"matomo_site", "matomo_log_action", "matomo_log_visit",
                "matomo_log_link_visit_action", "matomo_log_conversion"}) {
            jdbc.execute("DROP TABLE IF EXISTS " + table);
        }
        jdbc.execute("""
                CREATE TABLE matomo_site (
                    idsite INT(10) UNSIGNED NOT NULL AUTO_INCREMENT, name VARCHAR(90) NOT NULL,
                    main_url VARCHAR(255) NOT NULL, ts_created TIMESTAMP NULL, timezone VARCHAR(50) NOT NULL,
                    currency CHAR(3) NOT NULL, PRIMARY KEY (idsite))""");
        jdbc.execute("""
                CREATE TABLE matomo_log_action (
                    idaction INT(10) UNSIGNED NOT NULL AUTO_INCREMENT, name VARCHAR(4096), hash INT UNSIGNED NOT NULL,
                    type TINYINT UNSIGNED NULL, url_prefix TINYINT(2) NULL, PRIMARY KEY (idaction))""");
        jdbc.execute("""
                CREATE TABLE matomo_log_visit (
                    idvisit BIGINT(10) UNSIGNED NOT NULL AUTO_INCREMENT, idsite INT(10) UNSIGNED NOT NULL,
                    idvisitor BINARY(8) NOT NULL, visit_last_action_time DATETIME NOT NULL,
                    config_id BINARY(8) NOT NULL, location_ip VARBINARY(16) NOT NULL,
                    visit_first_action_time DATETIME NOT NULL, visit_total_actions INT(11) UNSIGNED NULL,
                    visit_total_time INT(11) UNSIGNED NOT NULL, visit_entry_idaction_url INT(11) UNSIGNED NULL,
                    referer_type TINYINT(1) UNSIGNED NULL, referer_name VARCHAR(255) NULL,
                    referer_keyword VARCHAR(255) NULL, referer_url VARCHAR(1500) NULL,
                    campaign_name VARCHAR(255) NULL, campaign_medium VARCHAR(255) NULL,
                    campaign_source VARCHAR(255) NULL,
                    PRIMARY KEY (idvisit),
                    INDEX index_idsite_config_datetime (idsite, config_id, visit_last_action_time),
                    INDEX index_idsite_datetime (idsite, visit_last_action_time))""");
        jdbc.execute("""
                CREATE TABLE matomo_log_link_visit_action (
                    idlink_va BIGINT(10) UNSIGNED NOT NULL AUTO_INCREMENT, idsite INT(10) UNSIGNED NOT NULL,
                    idvisitor BINARY(8) NOT NULL, idvisit BIGINT(10) UNSIGNED NOT NULL,
                    idaction_url INT(10) UNSIGNED NULL, server_time DATETIME NOT NULL,
                    PRIMARY KEY (idlink_va), INDEX index_idvisit (idvisit))""");
        jdbc.execute("""
                CREATE TABLE matomo_log_conversion (
                    idvisit INT(10) UNSIGNED NOT NULL, idsite INT(10) UNSIGNED NOT NULL,
                    idvisitor BINARY(8) NOT NULL, server_time DATETIME NOT NULL, idgoal INT(10) NOT NULL,
                    buster INT UNSIGNED NOT NULL, PRIMARY KEY (idvisit, idgoal, buster))""");
        jdbc.update("INSERT INTO matomo_site (idsite, name, main_url, timezone, currency) VALUES"
                + " (1, 'Example', 'https://example.com', 'Europe/Berlin', 'EUR'),"
                + " (2, 'Shop', 'https://shop.example.com', 'Europe/Berlin', 'EUR')");
        // url_prefix: 2 https://, 3 https://www.; type 1 page URL, 3 download
        jdbc.update("INSERT INTO matomo_log_action (idaction, name, hash, type, url_prefix) VALUES"
                + " (1, 'example.com/', 1, 1, 2), (2, 'example.com/pricing?ref=x', 2, 1, 3),"
                + " (3, 'example.com/whitepaper.pdf', 3, 3, 2), (4, 'example.com/contact#form', 4, 1, 2)");
    }

    /**
     * A visit and its actions ({@code log_link_visit_action} rows of the given action ids, one a second from its
     * first action). Times are UTC, as Matomo stores them.
     */
    static void visit(JdbcTemplate jdbc, long id, int site, String visitor, String lastAction, int actions,
            int seconds, int entryAction, int refererType, String refererName, String campaignMedium,
            int... actionIds) {
        jdbc.update("INSERT INTO matomo_log_visit (idvisit, idsite, idvisitor, visit_last_action_time, config_id,"
                + " location_ip, visit_first_action_time, visit_total_actions, visit_total_time,"
                + " visit_entry_idaction_url, referer_type, referer_name, campaign_medium)"
                + " VALUES (?, ?, ?, ?, ?, ?, TIMESTAMPADD(SECOND, -?, ?), ?, ?, ?, ?, ?, ?)",
                id, site, visitorId(visitor), lastAction, visitorId("config" + id), new byte[] {127, 0, 0, 1},
                seconds, lastAction, actions, seconds, entryAction, refererType, refererName, campaignMedium);
        for (int action : actionIds) {
            action(jdbc, id, action);
        }
    }

    static void action(JdbcTemplate jdbc, long visit, int action) {
        jdbc.update("INSERT INTO matomo_log_link_visit_action (idsite, idvisitor, idvisit, idaction_url, server_time)"
                + " SELECT idsite, idvisitor, idvisit, ?, visit_last_action_time FROM matomo_log_visit WHERE idvisit = ?",
                action, visit);
    }

    static void conversion(JdbcTemplate jdbc, long visit, int goal) {
        jdbc.update("INSERT INTO matomo_log_conversion (idvisit, idsite, idvisitor, server_time, idgoal, buster)"
                + " SELECT idvisit, idsite, idvisitor, visit_last_action_time, ?, 0 FROM matomo_log_visit"
                + " WHERE idvisit = ?", goal, visit);
    }

    /** An 8-byte visitor id, as Matomo keeps it. */
    private static byte[] visitorId(String name) {
        return Arrays.copyOf(name.getBytes(StandardCharsets.UTF_8), 8);
    }
}
