package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.kpi.PipelineTestRows;
import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportingPeriod;
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
        PipelineTestRows rows = new PipelineTestRows(jdbc);
        rows.channel("PHONE", "OFFLINE");
        rows.account("AC");
        for (String rep : new String[] {"RA", "RB", "RC", "RD", "RE", "RF", "RG", "RH"}) {
            rows.rep(rep);
        }
        jdbc.update("UPDATE sales_rep SET active = FALSE WHERE id = 'RH'");
        rows.activity("XA", "RA", null, null, "PHONE", "RESEARCH", "2026-10-26 00:00:00", null, null);
        rows.lead("LB", "AC", "PHONE", null, "RB", "2026-11-01 23:59:59");
        rows.lead("LC", "AC", "PHONE", null, "RC", "2025-06-01 10:00:00");
        rows.event("LC", "MQL", "2026-10-28 09:00:00");
        rows.lead("LX", "AC", "PHONE", null, null, "2025-06-01 10:00:00");
        rows.deal("DD", "LX", "AC", "RD", "2026-10-27 10:00:00", "WON", "1000", null, "2026-10-30 15:00:00");
        email("ME", "RE", "SALES");
        rows.activity("XF", "RF", null, null, "PHONE", "RESEARCH", "2026-10-25 23:59:59", null, null);
        rows.deal("DF", "LX", "AC", "RF", "2026-10-27 10:00:00", "LOST", "1000", null, "2026-11-02 00:00:00");
        rows.deal("DG", "LX", "AC", "RG", "2026-10-27 10:00:00", "OPEN", "1000", null, null);
        email("MG", "RG", "MARKETING");
        rows.activity("XH", "RH", null, null, "PHONE", "RESEARCH", "2026-10-27 11:00:00", null, null);
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

    private void email(String id, String rep, String kind) {
        jdbc.update("INSERT INTO email_message (id, rep_id, kind, sent_at, status) VALUES (?, ?, ?, ?, 'DELIVERED')",
                id, rep, kind, PipelineTestRows.at("2026-10-29 08:00:00"));
    }
}
