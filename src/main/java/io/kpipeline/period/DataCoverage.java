package io.kpipeline.period;

import io.kpipeline.model.CanonicalModel;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which days the source tables of the reports hold data for: leads, funnel events, deals, activities,
 * emails, web traffic, social media, ad spend, costs, orders, complaints, referrals and feedback — the
 * records of what happened on a day. Subscriptions are history, not records: an export holds the start
 * dates of contracts signed years before its first lead or invoice, and a period before the data does not
 * become reportable because a subscription began in it. Each question is answered through the tables'
 * date indexes, so it costs a few index look-ups whatever the size of the data.
 */
@Repository
public class DataCoverage {

    /** A row dated in {@code [start, end)} in any source table; each EXISTS stops at its first row. */
    private static final String ANY_IN = """
            SELECT EXISTS (SELECT 1 FROM `lead` WHERE created_at >= :start AND created_at < :end)
                OR EXISTS (SELECT 1 FROM funnel_event WHERE stage IN (:stages)
                                                        AND occurred_at >= :start AND occurred_at < :end)
                OR EXISTS (SELECT 1 FROM deal WHERE created_at >= :start AND created_at < :end)
                OR EXISTS (SELECT 1 FROM deal WHERE closed_at >= :start AND closed_at < :end)
                OR EXISTS (SELECT 1 FROM activity WHERE occurred_at >= :start AND occurred_at < :end)
                OR EXISTS (SELECT 1 FROM email_message WHERE sent_at >= :start AND sent_at < :end)
                OR EXISTS (SELECT 1 FROM web_traffic_daily WHERE date >= :start AND date < :end)
                OR EXISTS (SELECT 1 FROM social_daily WHERE date >= :start AND date < :end)
                OR EXISTS (SELECT 1 FROM ad_spend_daily WHERE date >= :start AND date < :end)
                OR EXISTS (SELECT 1 FROM cost_entry WHERE month >= :start AND month < :end)
                OR EXISTS (SELECT 1 FROM customer_order WHERE order_date >= :start AND order_date < :end)
                OR EXISTS (SELECT 1 FROM complaint WHERE opened_at >= :start AND opened_at < :end)
                OR EXISTS (SELECT 1 FROM referral WHERE created_at >= :start AND created_at < :end)
                OR EXISTS (SELECT 1 FROM feedback WHERE received_at >= :start AND received_at < :end)
            """;

    /**
     * The first and last dated row over the source tables, each read at an end of its date index. Funnel
     * events are left out (their index leads with the stage, so their ends would need a scan); an event
     * follows its lead, and later activity shows in the other tables.
     */
    private static final String RANGE = """
            SELECT MIN(first_day), MAX(last_day) FROM (
                SELECT MIN(created_at) AS first_day, MAX(created_at) AS last_day FROM `lead`
                UNION ALL SELECT MIN(created_at), MAX(created_at) FROM deal
                UNION ALL SELECT MIN(closed_at), MAX(closed_at) FROM deal
                UNION ALL SELECT MIN(occurred_at), MAX(occurred_at) FROM activity
                UNION ALL SELECT MIN(sent_at), MAX(sent_at) FROM email_message
                UNION ALL SELECT MIN(date), MAX(date) FROM web_traffic_daily
                UNION ALL SELECT MIN(date), MAX(date) FROM social_daily
                UNION ALL SELECT MIN(date), MAX(date) FROM ad_spend_daily
                UNION ALL SELECT MIN(order_date), MAX(order_date) FROM customer_order
                UNION ALL SELECT MIN(opened_at), MAX(opened_at) FROM complaint
                UNION ALL SELECT MIN(created_at), MAX(created_at) FROM referral
                UNION ALL SELECT MIN(received_at), MAX(received_at) FROM feedback
            ) ends
            """;

    private final NamedParameterJdbcTemplate jdbc;

    DataCoverage(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The first and last day with data, both included. */
    public record Range(LocalDate first, LocalDate last) {
    }

    /** Whether any source table holds a row dated in the period. */
    public boolean hasData(ReportingPeriod period) {
        Boolean any = jdbc.queryForObject(ANY_IN, Map.of("start", period.startTime(), "end", period.endTime(),
                "stages", CanonicalModel.STAGES), Boolean.class);
        return Boolean.TRUE.equals(any);
    }

    /** The days the source tables hold data for; empty when they hold none. */
    public Optional<Range> range() {
        return jdbc.queryForObject(RANGE, Map.of(), (rs, i) -> {
            Timestamp first = rs.getTimestamp(1);
            Timestamp last = rs.getTimestamp(2);
            return first == null ? Optional.<Range>empty()
                    : Optional.of(new Range(first.toLocalDateTime().toLocalDate(), last.toLocalDateTime().toLocalDate()));
        });
    }
}
