package io.kpipeline.sync;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The part of a Matomo 5 database the profile reads, with Matomo's default table prefix {@code matomo_}: tables and
 * column types as core/Db/Schema/Mysql.php and the dimension classes create them, with the columns the profile does
 * not read left out; filled with the README's example and changed visit by visit.
 */
final class MatomoSchema {

    private MatomoSchema() {
    }

    /** The README's worked example: the tables, two sites and nine visits (see the file). */
    static final Path EXAMPLE = Path.of("config/sources/examples/matomo/matomo-example.sql");

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
