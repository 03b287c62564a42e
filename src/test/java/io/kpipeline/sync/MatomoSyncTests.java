package io.kpipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code sync --source matomo} against a second MariaDB server holding Matomo's tables (the columns the profile
 * reads, as Matomo 5 creates them): the visits become web_traffic_daily as Matomo counts them, on the business
 * day of their last action, and a second sync reads only the days holding visits that changed.
 */
class MatomoSyncTests {

    @Test
    void visitsBecomeDailyTrafficAsMatomoCountsThemAndASecondSyncReadsOnlyTheChangedDays() throws IOException {
        try (SyncCommands matomo = new SyncCommands("matomo", new FileSystemResource(MatomoSchema.EXAMPLE))) {
            JdbcTemplate source = matomo.source();
            // The example database (config/sources/examples/matomo/matomo-example.sql), site 1 https://example.com,
            // UTC as Matomo stores it; Berlin is UTC+1 in November. Actions: 1 example.com/ (page, https://),
            // 2 example.com/pricing?ref=x (page, https://www.), 3 example.com/whitepaper.pdf (download),
            // 4 example.com/contact#form (page). Goal 1 is the contact form (the profile's contact-goals).
            // visit site visitor last action (UTC)  actions seconds entry referrer            action ids  goals
            //   1    1    A       2026-11-02 08:10  3       300     1     direct              1, 4, 3     1
            //   2    1    B       2026-11-02 09:00  1       0       1     direct              1
            //   3    1    A       2026-11-02 22:30  2       60      1     direct              1, 4
            //   4    1    C       2026-11-01 23:30  1       0       2     search Google       2
            //   5    1    D       2026-11-02 12:00  2       45      2     campaign cpc        2, 3        2
            //   6    2    A       2026-11-02 10:00  1       0       1     direct              1
            //   7    1    E       2026-11-03 10:00  2       120     4     social LinkedIn     4, 1        1
            //   8    1    B       2026-11-03 11:00  1       0       1     social Facebook     -
            //   9    1    F       2026-11-02 23:15  1       0       1     direct              1

            String first = matomo.sync();
            assertThat(first).contains("  channel           11 rows read, loaded (11 inserted, 0 updated), all",
                    "  web_traffic_daily 6 rows read, loaded (6 inserted, 0 updated) for 2026-11-02 to 2026-11-03, all",
                    "Synced matomo: 17 rows read, 17 loaded; last successful sync ");
            assertThat(traffic(matomo)).containsExactly(
                    // visits 1, 2, 3 (Berlin 09:10, 10:00, 23:30): visitors A, B, A -> 2 users;
                    // page views 2 + 1 + 2 = 5; bounced: visit 2 (1 action); seconds 300 + 0 + 60 = 360;
                    // downloads: visit 1's whitepaper; contact requests: visit 1's goal 1
                    "2026-11-02|DIRECT|https://example.com/|3|2|5|1|360|1|1",
                    // visit 4 at 23:30 UTC on 1 November is 00:30 on the 2nd in Berlin; query string cut
                    "2026-11-02|ORGANIC_SEARCH|https://www.example.com/pricing|1|1|1|1|0|0|0",
                    // visit 5: campaign with medium cpc; 2 actions (page + download) are no bounce; goal 2 is no contact
                    "2026-11-02|PAID_SEARCH|https://www.example.com/pricing|1|1|1|0|45|1|0",
                    // visit 9 at 23:15 UTC on the 2nd is 00:15 on the 3rd in Berlin
                    "2026-11-03|DIRECT|https://example.com/|1|1|1|1|0|0|0",
                    // visit 7: LinkedIn; page views contact + home = 2; goal 1
                    "2026-11-03|LINKEDIN|https://example.com/contact|1|1|2|0|120|0|1",
                    // visit 8: a social network other than LinkedIn or XING; one action, no page view
                    "2026-11-03|SOCIAL|https://example.com/|1|1|0|1|0|0|0");
            // visit 6 belongs to site 2, which the profile does not read

            // visit 8 goes on (its last action moves from 11:00 to 11:20 with a page view), a new visit on the 4th
            source.update("UPDATE matomo_log_visit SET visit_last_action_time = '2026-11-03 11:20:00',"
                    + " visit_total_actions = 2, visit_total_time = 1200 WHERE idvisit = 8");
            MatomoSchema.action(source, 8, 1);
            MatomoSchema.visit(source, 10, 1, "visitorG", "2026-11-04 09:00:00", 1, 0, 2, 3, "partner.example.org", null, 2);
            // a change Matomo never makes (an old visit rewritten without a new action) is not seen: 2 November stays
            source.update("UPDATE matomo_log_visit SET visit_total_time = 999 WHERE idvisit = 2");

            String second = matomo.sync();
            // visits with a last action at or after 2026-11-03 11:00 (the first sync's latest): 8 and 10, so the 3rd
            // and 4th are computed again: 3 rows of the 3rd (all updated) and 1 new row of the 4th; the 2nd is not read
            assertThat(second).contains("  web_traffic_daily 4 rows read, loaded (1 inserted, 3 updated) for 2026-11-03"
                    + " to 2026-11-04, changed since 2026-11-03 11:00:00", "Synced matomo: 15 rows read, 15 loaded;");
            assertThat(traffic(matomo)).containsExactly(
                    "2026-11-02|DIRECT|https://example.com/|3|2|5|1|360|1|1",
                    "2026-11-02|ORGANIC_SEARCH|https://www.example.com/pricing|1|1|1|1|0|0|0",
                    "2026-11-02|PAID_SEARCH|https://www.example.com/pricing|1|1|1|0|45|1|0",
                    "2026-11-03|DIRECT|https://example.com/|1|1|1|1|0|0|0",
                    "2026-11-03|LINKEDIN|https://example.com/contact|1|1|2|0|120|0|1",
                    // visit 8 now: 2 actions (no bounce), 1 page view, 1200 s
                    "2026-11-03|SOCIAL|https://example.com/|1|1|1|0|1200|0|0",
                    // visit 10 from a website
                    "2026-11-04|REFERRAL|https://www.example.com/pricing|1|1|1|1|0|0|0");
            List<String> runs = matomo.inKpi(jdbc -> jdbc.queryForList("SELECT CONCAT(status, '|', rows_read, '|',"
                    + " rows_loaded) FROM sync_run WHERE source = 'matomo' ORDER BY id", String.class));
            assertThat(runs).containsExactly("SUCCEEDED|17|17", "SUCCEEDED|15|15");
            // the next sync reads from the latest last action seen
            String mark = matomo.inKpi(jdbc -> jdbc.queryForObject("SELECT CAST(last_change AS CHAR) FROM sync_state"
                    + " WHERE source = 'matomo' AND table_name = 'web_traffic_daily'", String.class));
            assertThat(mark).isEqualTo("2026-11-04 09:00:00");
        }
    }

    private static List<String> traffic(SyncCommands matomo) {
        return matomo.rows("SELECT date, channel_code, landing_page, sessions, users, pageviews, bounced_sessions,"
                + " total_session_seconds, downloads, contact_requests FROM web_traffic_daily"
                + " ORDER BY date, channel_code, landing_page");
    }
}
