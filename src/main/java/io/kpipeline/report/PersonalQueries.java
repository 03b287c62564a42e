package io.kpipeline.report;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the personal weekly reports read from the CRM data beside the stored results: which reps get
 * one, and the contacts of each rep per channel (the catalog's {@code contacts} has a rep and a channel
 * breakdown, but not the two together).
 */
@Repository
class PersonalQueries {

    /**
     * Active reps with data in P: {@code sales_rep.active} set, and at least one of their own figures
     * of the week exists — an activity of theirs (research included), a lead they own created or
     * entering a funnel stage, a deal they own won or lost, or a sales email they sent.
     *
     * <p>Each source gives the reps of the week as a derived table read through its period's index, tried in
     * this order and built only when the sources before it left a rep out (the funnel's, which has no index
     * by date alone, last). Asked per rep ({@code EXISTS ... WHERE rep_id = r.id}) the server walked every
     * rep's history from its first activity to the week: at 4.8 million activities 1.0–1.7 s instead of 0.07 s.
     */
    static final String ACTIVE_REPS = """
            SELECT r.id, r.name
            FROM sales_rep r
            WHERE r.active = TRUE
              AND (r.id IN (SELECT rep_id FROM (SELECT DISTINCT a.rep_id FROM activity a
                                                WHERE a.occurred_at >= :start AND a.occurred_at < :end) x)
                OR r.id IN (SELECT rep_id FROM (SELECT DISTINCT l.owner_rep_id AS rep_id FROM `lead` l
                                                WHERE l.created_at >= :start AND l.created_at < :end) x)
                OR r.id IN (SELECT rep_id FROM (SELECT DISTINCT d.owner_rep_id AS rep_id FROM deal d
                                                WHERE d.status IN ('WON', 'LOST')
                                                  AND d.closed_at >= :start AND d.closed_at < :end) x)
                OR r.id IN (SELECT rep_id FROM (SELECT DISTINCT e.rep_id FROM email_message e
                                                WHERE e.kind = 'SALES'
                                                  AND e.sent_at >= :start AND e.sent_at < :end) x)
                OR r.id IN (SELECT rep_id FROM (SELECT DISTINCT l.owner_rep_id AS rep_id FROM funnel_event f
                                                JOIN `lead` l ON l.id = f.lead_id
                                                WHERE f.occurred_at >= :start AND f.occurred_at < :end) x))
            ORDER BY r.id
            """;

    /** The catalog's contacts (activities in P with type ≠ RESEARCH) per rep and channel, in one pass. */
    static final String CONTACTS_BY_REP_AND_CHANNEL = """
            SELECT a.rep_id, a.channel_code, COUNT(*) AS contacts
            FROM activity a
            WHERE a.type <> 'RESEARCH' AND a.occurred_at >= :start AND a.occurred_at < :end
            GROUP BY a.rep_id, a.channel_code
            """;

    private final NamedParameterJdbcTemplate jdbc;

    PersonalQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The reps who get a personal report for P, by id: their names. */
    Map<String, String> activeReps(ReportingPeriod period) {
        Map<String, String> reps = new LinkedHashMap<>();
        jdbc.query(ACTIVE_REPS, week(period), rs -> {
            reps.put(rs.getString("id"), rs.getString("name"));
        });
        return reps;
    }

    /** Contacts in P by rep id, then channel code; a rep or channel without contacts is absent. */
    Map<String, Map<String, BigDecimal>> contactsByRepAndChannel(ReportingPeriod period) {
        Map<String, Map<String, BigDecimal>> contacts = new HashMap<>();
        jdbc.query(CONTACTS_BY_REP_AND_CHANNEL, week(period), rs -> {
            contacts.computeIfAbsent(rs.getString("rep_id"), k -> new HashMap<>())
                    .put(rs.getString("channel_code"), rs.getBigDecimal("contacts"));
        });
        return contacts;
    }

    private static Map<String, Object> week(ReportingPeriod period) {
        return Map.of("start", period.startTime(), "end", period.endTime());
    }
}
