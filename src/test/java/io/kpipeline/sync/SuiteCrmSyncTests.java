package io.kpipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * {@code sync --source suitecrm} against a second MariaDB server holding SuiteCRM's tables (src/test/resources/sync/
 * suitecrm.sql): users, accounts, leads, the audited stage history, opportunities and activities become the
 * canonical tables, times from UTC to Berlin (UTC+2 until 25 October 2026, UTC+1 after), and a second sync reads
 * only what changed.
 */
class SuiteCrmSyncTests {

    @Test
    void usersAccountsLeadsStagesDealsAndActivitiesLoadAndASecondSyncReadsOnlyWhatChanged() throws IOException {
        try (SyncCommands suitecrm = new SyncCommands("suitecrm", "sync/suitecrm.sql")) {
            String first = suitecrm.sync();
            // channel 8 + sales_rep 2 + account 1 + lead 3 + funnel_event 7 + deal 2 + activity 4 = 27
            assertThat(first).contains("Synced suitecrm: 27 rows read, 27 loaded;");
            assertThat(suitecrm.rows("SELECT id, name, email, team, active FROM sales_rep ORDER BY id"))
                    .containsExactly("SC-U-u1|Julia Schaefer|julia@example.com|Sales|1", "SC-U-u2|Tom Berg|NULL|NULL|0");
            // a2 is deleted; 120 employees are MID; created 09:00 UTC on 5 October, summer time: 11:00
            assertThat(suitecrm.rows("SELECT id, name, industry, segment, country, created_at FROM account"))
                    .containsExactly("SC-A-a1|Acme GmbH|Technology|MID|DE|2026-10-05 11:00:00");
            // o2 was converted from no lead: a lead of its own
            assertThat(suitecrm.rows("SELECT id, account_id, channel_code, campaign_id, owner_rep_id, created_at FROM lead"
                    + " ORDER BY id")).containsExactly("SC-L-L1|SC-A-a1|TRADE_FAIR|NULL|SC-U-u1|2026-11-02 10:00:00",
                    "SC-L-L2|NULL|WEBSITE|NULL|SC-U-u1|2026-11-04 09:00:00",
                    "SC-O-o2|SC-A-a1|PHONE|NULL|SC-U-u2|2026-11-06 10:00:00");
            assertThat(suitecrm.rows("SELECT lead_id, stage, occurred_at FROM funnel_event ORDER BY lead_id, occurred_at"))
                    .containsExactly(
                            // status Assigned 15:00 UTC, Converted and its opportunity o1 at 10:00 UTC on the 3rd,
                            // o1's sales stages Needs Analysis and Proposal/Price Quote from the audit
                            "SC-L-L1|SAL|2026-11-02 16:00:00", "SC-L-L1|SQL|2026-11-03 11:00:00",
                            "SC-L-L1|FIRST_MEETING|2026-11-05 11:00:00", "SC-L-L1|OFFER|2026-11-10 10:00:00",
                            // status Dead
                            "SC-L-L2|DISQUALIFIED|2026-11-05 09:00:00",
                            // created in Prospecting (the first audit row's before value), closed won
                            "SC-O-o2|SQL|2026-11-06 10:00:00", "SC-O-o2|WON|2026-11-12 15:00:00");
            assertThat(suitecrm.rows("SELECT id, lead_id, account_id, owner_rep_id, created_at, stage, status, amount,"
                    + " closed_at, expected_close_date FROM deal ORDER BY id")).containsExactly(
                    "SC-D-o1|SC-L-L1|SC-A-a1|SC-U-u1|2026-11-03 11:00:00|OFFER|OPEN|24000.00|NULL|2026-12-15",
                    // closed when the audit shows Closed Won, 14:00 UTC
                    "SC-D-o2|SC-O-o2|SC-A-a1|SC-U-u2|2026-11-06 10:00:00|WON|WON|5000.00|2026-11-12 15:00:00|NULL");
            // the planned call c2 is no activity yet
            assertThat(suitecrm.rows("SELECT id, rep_id, lead_id, account_id, channel_code, type, occurred_at,"
                    + " duration_minutes, outcome FROM activity ORDER BY occurred_at")).containsExactly(
                    "SC-CALL-c1|SC-U-u1|SC-L-L1|SC-A-a1|PHONE|CALL|2026-11-02 14:00:00|15|REACTION",
                    "SC-EM-em1|SC-U-u1|SC-L-L2|NULL|EMAIL|EMAIL|2026-11-04 10:00:00|NULL|NULL",
                    "SC-MTG-m1|SC-U-u1|SC-L-L1|NULL|MEETING|MEETING|2026-11-05 10:00:00|60|REACTION",
                    "SC-MTG-m2|SC-U-u2|SC-O-o2|NULL|MEETING|VIDEO_CALL|2026-11-08 11:00:00|30|REACTION");

            // o1 is won on 20 November 10:00 UTC; a call to L2 that did not get through
            suitecrm.source().update("UPDATE opportunities SET sales_stage = 'Closed Won',"
                    + " date_modified = '2026-11-20 10:00:00' WHERE id = 'o1'");
            suitecrm.source().update("INSERT INTO opportunities_audit VALUES ('oa4', 'o1', '2026-11-20 10:00:00',"
                    + " 'sales_stage', 'Proposal/Price Quote', 'Closed Won')");
            suitecrm.source().update("INSERT INTO calls VALUES ('c3', 'u1', 'u1', 'Leads', 'L2', 'Not Held',"
                    + " '2026-11-21 09:00:00', 0, 5, '2026-11-21 09:00:00', 0)");

            String second = suitecrm.sync();
            // from each table's latest change seen, inclusive: users and a1 again (2 + 1); lead from 2026-11-12 14:00:
            // o2 (o1 has its lead L1); funnel_event: the leads of o1 and o2, 5 + 2 events, WON of L1 new;
            // deal: o1 and o2; activity from 2026-11-08 10:00: m2 again and the new c3. 8+2+1+1+7+2+2 = 23
            assertThat(second).contains(
                    "  lead              1 row read, loaded (0 inserted, 1 updated), changed since 2026-11-12 14:00:00",
                    "  funnel_event      7 rows read, loaded (1 inserted, 6 updated), changed since 2026-11-12 14:00:00",
                    "  deal              2 rows read, loaded (0 inserted, 2 updated), changed since 2026-11-12 14:00:00",
                    "  activity          2 rows read, loaded (1 inserted, 1 updated), changed since 2026-11-08 10:00:00",
                    "Synced suitecrm: 23 rows read, 23 loaded;");
            assertThat(suitecrm.rows("SELECT id, stage, status, closed_at, expected_close_date FROM deal WHERE id = 'SC-D-o1'"))
                    .containsExactly("SC-D-o1|WON|WON|2026-11-20 11:00:00|NULL");
            assertThat(suitecrm.rows("SELECT stage, occurred_at FROM funnel_event WHERE lead_id = 'SC-L-L1' AND stage = 'WON'"))
                    .containsExactly("WON|2026-11-20 11:00:00");
        }
    }
}
