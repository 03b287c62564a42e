package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportingPeriod;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who gets a personal report for ISO week 2026-W44 (2026-10-26 00:00 to 2026-11-02 00:00): each rep has one
 * kind of figure of their own, in the week or just outside it.
 *
 * <pre>
 * rep  active  their one figure                                               in the week
 * RA   yes     an activity (research) 10-26 00:00:00                          yes: the first second
 * RB   yes     a lead they own created 11-01 23:59:59                         yes: the last second
 * RC   yes     a funnel stage 10-28 of a lead they own created in 2025        yes
 * RD   yes     a deal they own won 10-30                                      yes
 * RE   yes     a sales email they sent 10-29                                  yes
 * RF   yes     an activity 10-25 23:59:59, a deal lost 11-02 00:00:00         no: both outside
 * RG   yes     an open deal created 10-27 (not closed), a marketing email     no: neither counts
 *              with rep_id RG 10-27
 * RH   no      an activity 10-27                                              no: inactive
 * </pre>
 */
@SpringBootTest
class PersonalQueriesTests {

    private static final ReportingPeriod W44 = ReportingPeriod.isoWeek(2026, 44);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TableCounts tables;

    @Autowired
    PersonalQueries queries;

    @BeforeEach
    void insertOneFigurePerRep() {
        tables.deleteAll();
        jdbc.update("INSERT INTO channel (code, name, category) VALUES ('PHONE', 'PHONE', 'OFFLINE')");
        jdbc.update("INSERT INTO account (id, name, created_at) VALUES ('AC', 'AC', '2025-01-01 00:00:00')");
        for (String rep : new String[] {"RA", "RB", "RC", "RD", "RE", "RF", "RG", "RH"}) {
            jdbc.update("INSERT INTO sales_rep (id, name, active) VALUES (?, ?, ?)", rep, "Rep " + rep,
                    !rep.equals("RH"));
        }
        activity("XA", "RA", "2026-10-26 00:00:00");
        lead("LB", "RB", "2026-11-01 23:59:59");
        lead("LC", "RC", "2025-06-01 10:00:00");
        jdbc.update("INSERT INTO funnel_event (lead_id, stage, occurred_at) VALUES ('LC', 'MQL', ?)",
                at("2026-10-28 09:00:00"));
        lead("LX", null, "2025-06-01 10:00:00");
        deal("DD", "RD", "WON", "2026-10-30 15:00:00");
        email("ME", "RE", "SALES");
        activity("XF", "RF", "2026-10-25 23:59:59");
        deal("DF", "RF", "LOST", "2026-11-02 00:00:00");
        deal("DG", "RG", "OPEN", null);
        email("MG", "RG", "MARKETING");
        activity("XH", "RH", "2026-10-27 11:00:00");
    }

    @Test
    void theActiveRepsWithAFigureOfTheirOwnInTheWeek() {
        assertThat(queries.activeReps(W44)).containsExactly(Map.entry("RA", "Rep RA"), Map.entry("RB", "Rep RB"),
                Map.entry("RC", "Rep RC"), Map.entry("RD", "Rep RD"), Map.entry("RE", "Rep RE"));
    }

    @Test
    void theWeekBeforeHasOnlyTheRepWhoseActivityEndedIt() {
        assertThat(queries.activeReps(W44.previous()).keySet()).containsExactly("RF");
    }

    private void activity(String id, String rep, String occurredAt) {
        jdbc.update("INSERT INTO activity (id, rep_id, channel_code, type, occurred_at) VALUES (?, ?, 'PHONE',"
                + " 'RESEARCH', ?)", id, rep, at(occurredAt));
    }

    private void lead(String id, String rep, String createdAt) {
        jdbc.update("INSERT INTO `lead` (id, account_id, channel_code, owner_rep_id, created_at)"
                + " VALUES (?, 'AC', 'PHONE', ?, ?)", id, rep, at(createdAt));
    }

    private void deal(String id, String rep, String status, String closedAt) {
        jdbc.update("INSERT INTO deal (id, lead_id, account_id, owner_rep_id, created_at, stage, status, amount,"
                + " closed_at) VALUES (?, 'LX', 'AC', ?, ?, ?, ?, 1000, ?)", id, rep, at("2026-10-27 10:00:00"),
                status.equals("OPEN") ? "SQL" : status, status, closedAt == null ? null : at(closedAt));
    }

    private void email(String id, String rep, String kind) {
        jdbc.update("INSERT INTO email_message (id, rep_id, kind, sent_at, status) VALUES (?, ?, ?, ?, 'DELIVERED')",
                id, rep, kind, at("2026-10-29 08:00:00"));
    }

    private static LocalDateTime at(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }
}
