package io.kpipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code sync --source mautic} against a second MariaDB server holding Mautic's tables (src/test/resources/sync/
 * mautic.sql): campaigns, identified contacts, their stages and e-mail sends become the canonical tables, times from
 * UTC to Berlin (UTC+1 in November), and a second sync reads only what changed.
 */
class MauticSyncTests {

    @Test
    void campaignsContactsStagesAndSendsLoadAndASecondSyncReadsOnlyWhatChanged() throws IOException {
        try (SyncCommands mautic = new SyncCommands("mautic", "sync/mautic.sql")) {
            String first = mautic.sync();
            // channel 7 + campaign 2 + lead 2 + funnel_event 3 + email_message 5 = 19
            assertThat(first).contains("  campaign          2 rows read, loaded (2 inserted, 0 updated), all",
                    "  lead              2 rows read", "  funnel_event      3 rows read",
                    "  email_message     5 rows read", "Synced mautic: 19 rows read, 19 loaded;");
            // campaign 2 is deleted; segment e-mail 11 is a newsletter pseudo-campaign
            assertThat(mautic.rows("SELECT id, name, channel_code, start_date, end_date, budget FROM campaign ORDER BY id"))
                    .containsExactly("MA-CP-1|Welcome series|EMAIL|2026-10-01|NULL|NULL",
                            "MA-EM-11|November newsletter|NEWSLETTER|2026-11-01|NULL|NULL");
            // contact 3 is anonymous; contact 1's first UTM medium cpc, its campaign joined by itself;
            // identified 09:00 UTC = 10:00 Berlin
            assertThat(mautic.rows("SELECT id, account_id, channel_code, campaign_id, owner_rep_id, created_at FROM lead"
                    + " ORDER BY id")).containsExactly("MA-1|NULL|PAID_SEARCH|MA-CP-1|NULL|2026-11-02 10:00:00",
                    "MA-2|NULL|UNKNOWN|NULL|NULL|2026-11-03 11:00:00");
            // contact 1's Nurture is no funnel stage; contact 3 is anonymous
            assertThat(mautic.rows("SELECT lead_id, stage, occurred_at FROM funnel_event ORDER BY lead_id, occurred_at"))
                    .containsExactly("MA-1|MQL|2026-11-04 11:00:00", "MA-2|MQL|2026-11-03 13:00:00",
                            "MA-2|SQL|2026-11-05 10:00:00");
            assertThat(mautic.rows("SELECT id, campaign_id, lead_id, rep_id, kind, sent_at, status, opened_at,"
                    + " clicked_at, replied_at, unsubscribed_at FROM email_message ORDER BY id")).containsExactly(
                    // the campaign's welcome mail: opened 10:00, link clicked 10:05, replied 11:00 UTC
                    "MA-ES-1000|MA-CP-1|MA-1|NULL|MARKETING|2026-11-02 10:10:00|DELIVERED|2026-11-02 11:00:00"
                            + "|2026-11-02 11:05:00|2026-11-02 12:00:00|NULL",
                    // the newsletter: contact 2 unsubscribed from it at 08:00 UTC
                    "MA-ES-1001|MA-EM-11|MA-2|NULL|NEWSLETTER|2026-11-04 08:00:00|DELIVERED|NULL|NULL|NULL"
                            + "|2026-11-04 09:00:00",
                    "MA-ES-1002|MA-EM-11|MA-1|NULL|NEWSLETTER|2026-11-04 08:00:00|BOUNCED|NULL|NULL|NULL|NULL",
                    // a one-off mail from the contact's page
                    "MA-ES-1003|NULL|MA-2|NULL|SALES|2026-11-05 16:00:00|DELIVERED|NULL|NULL|NULL|NULL",
                    // to the anonymous contact 3: no lead
                    "MA-ES-1004|MA-EM-11|NULL|NULL|NEWSLETTER|2026-11-04 08:00:00|DELIVERED|NULL|NULL|NULL|NULL");

            mautic.source().update("UPDATE email_stats SET is_read = 1, date_read = '2026-11-06 09:00:00',"
                    + " last_opened = '2026-11-06 09:00:00' WHERE id = 1001");
            mautic.source().update("INSERT INTO leads VALUES (4, 'cem@example.com', '2026-11-06 10:00:00',"
                    + " '2026-11-06 10:00:00', NULL)");

            String second = mautic.sync();
            // each table from the latest change the first sync saw, inclusive:
            // campaign from 2026-11-01 07:00 (e-mail 11 again); lead from 2026-11-03 10:00 (contact 2 again, new 4);
            // funnel_event from 2026-11-05 09:00 (contact 2's stages); email_message from 2026-11-05 15:00 (send
            // 1003 again, 1001 opened). 7 + 1 + 2 + 2 + 2 = 14
            assertThat(second).contains(
                    "  campaign          1 row read, loaded (0 inserted, 1 updated), changed since 2026-11-01 07:00:00",
                    "  lead              2 rows read, loaded (1 inserted, 1 updated), changed since 2026-11-03 10:00:00",
                    "  funnel_event      2 rows read, loaded (0 inserted, 2 updated), changed since 2026-11-05 09:00:00",
                    "  email_message     2 rows read, loaded (0 inserted, 2 updated), changed since 2026-11-05 15:00:00",
                    "Synced mautic: 14 rows read, 14 loaded;");
            assertThat(mautic.rows("SELECT id, opened_at FROM email_message WHERE id = 'MA-ES-1001'"))
                    .containsExactly("MA-ES-1001|2026-11-06 10:00:00");
            assertThat(mautic.rows("SELECT id, channel_code, created_at FROM lead WHERE id = 'MA-4'"))
                    .containsExactly("MA-4|UNKNOWN|2026-11-06 11:00:00");
        }
    }
}
