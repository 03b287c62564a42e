package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Prospecting and sales activity: contacts, reactions per research hour, contacts per active
 * customer, and how fast new leads get their first contact.
 */
@Component
class ActivityCalculator implements KpiCalculator {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3_600);
    private static final String NO_ACTIVE_CUSTOMERS = "no active customers on the last day of the period";

    /**
     * Activities in P per channel and rep, with the contacts among them on accounts that are active customers
     * on {@code last}: those with a span of customer_active_span on that day. The server collects those accounts
     * once into a hashed temporary table (a subquery it materializes) and looks each activity's account up there,
     * cheaper than a lookup of its spans in their primary key per activity. The total and the breakdowns are
     * added up from these few rows. The period's rows are read through the covering ix_activity_occurred_cover
     * alone. How many customers are active on {@code last} comes from CustomerQueries' figures of the period,
     * which the computation shares.
     */
    private static final String ACTIVITIES = """
            SELECT a.channel_code, a.rep_id,
                   -- counted, not summed: COUNT adds integers where SUM of 1 and 0 adds decimals
                   COUNT(CASE WHEN a.type <> 'RESEARCH' THEN 1 END) AS contacts,
                   COUNT(CASE WHEN a.outcome = 'REACTION' THEN 1 END) AS reactions,
                   COUNT(CASE WHEN a.type = 'RESEARCH' THEN 1 END) AS research_activities,
                   -- research without a recorded duration adds no research time
                   SUM(CASE WHEN a.type = 'RESEARCH' THEN COALESCE(a.duration_minutes, 0) ELSE 0 END)
                       AS research_minutes,
                   -- the customer is the activity's own account_id, not that of its lead
                   COUNT(CASE WHEN a.type <> 'RESEARCH'
                                   AND a.account_id IN (SELECT c.account_id FROM customer_active_span c WHERE %s)
                              THEN 1 END) AS customer_contacts
            FROM activity a
            WHERE a.occurred_at >= :start AND a.occurred_at < :end
            GROUP BY a.channel_code, a.rep_id
            """.formatted(CustomerQueries.activeOn("c", ":last"));

    private static final List<String> MEASURES = List.of("contacts", "reactions", "research_activities",
            "research_minutes", "customer_contacts");

    /**
     * Leads created in P with their first non-research activity at or after created_at (whenever it
     * happened, also after e); an activity before the lead existed is not a response to it.
     */
    private static final String LEAD_RESPONSES = """
            SELECT d.dim,
                   CASE d.dim WHEN 'rep' THEN COALESCE(x.owner_rep_id, '(none)') ELSE '' END AS dim_value,
                   COUNT(*) AS responded_leads,
                   -- wall-clock seconds: across the October clock change 24 hours count as 24
                   SUM(TIMESTAMPDIFF(SECOND, x.created_at, x.first_contact_at)) AS response_seconds
            FROM (SELECT l.id, l.owner_rep_id, l.created_at, MIN(a.occurred_at) AS first_contact_at
                  FROM `lead` l
                  JOIN activity a ON a.lead_id = l.id AND a.type <> 'RESEARCH' AND a.occurred_at >= l.created_at
                  WHERE l.created_at >= :start AND l.created_at < :end
                  GROUP BY l.id, l.owner_rep_id, l.created_at) x
            CROSS JOIN (SELECT 'total' AS dim UNION ALL SELECT 'rep') d
            GROUP BY d.dim, dim_value
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerQueries customerQueries;

    ActivityCalculator(NamedParameterJdbcTemplate jdbc, CustomerQueries customerQueries) {
        this.jdbc = jdbc;
        this.customerQueries = customerQueries;
    }

    @Override
    public Set<String> kpiIds() {
        return Set.of("contacts", "research_reaction_rate", "contact_frequency", "lead_response_hours");
    }

    @Override
    public Set<String> sourceTables() {
        return Set.of("activity");
    }

    /** A lead's first contact may come after the period; the active customers rest on the customer history up to its end. */
    @Override
    public List<SourceWindow> reads(ReportingPeriod period) {
        return Stream.concat(CustomerQueries.reads(period).stream(), Stream.of(
                new SourceWindow("activity", period.start(), null),
                SourceWindow.in("lead", period))).toList();
    }

    /**
     * Its own queries first, the period's shared customer figures last: by then the engine has read them ahead
     * for the customer, revenue and unit-economics KPIs (so this calculator names no shared reads of its own,
     * and runs while they are read), and one computation of its own reads them once.
     */
    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        return customerQueries.sharingFigures(() -> computeSharing(period));
    }

    private List<KpiValue> computeSharing(ReportingPeriod period) {
        Map<String, Object> params = Map.of("start", period.startTime(), "end", period.endTime(),
                "last", period.last());
        // first: customer_active_span current, which the activities are looked up in
        customerQueries.currentHistory();
        PipelineTally tally = new PipelineTally();
        jdbc.query(ACTIVITIES, params, rs -> {
            String channel = rs.getString("channel_code");
            String rep = rs.getString("rep_id");
            for (String measure : MEASURES) {
                BigDecimal amount = rs.getBigDecimal(measure);
                tally.add(PipelineTally.TOTAL, "", measure, amount);
                tally.add("channel", channel, measure, amount);
                tally.add("rep", rep, measure, amount);
            }
        });
        tally.addWide(jdbc, LEAD_RESPONSES, params, "responded_leads", "response_seconds");
        BigDecimal customers = BigDecimal.valueOf(customerQueries.period(period).total().activeAtEnd());

        List<KpiValue> values = new ArrayList<>();
        values.addAll(tally.amounts("contacts", "contacts", "channel", "rep"));
        values.addAll(tally.scaledRatios("research_reaction_rate", "reactions", BigDecimal.ONE, "research_minutes",
                MINUTES_PER_HOUR, "research_activities", "no research time in the period", "rep"));
        // per rep: that rep's contacts with customers over all active customers, for every rep with contacts in P
        values.add(KpiValue.countedRatio("contact_frequency", null, null, tally.total("customer_contacts"), customers,
                NO_ACTIVE_CUSTOMERS));
        for (String rep : tally.values("rep", "contacts")) {
            values.add(KpiValue.countedRatio("contact_frequency", "rep", rep, tally.get("rep", rep, "customer_contacts"),
                    customers, NO_ACTIVE_CUSTOMERS));
        }
        values.addAll(tally.scaledRatios("lead_response_hours", "response_seconds", SECONDS_PER_HOUR,
                "responded_leads", BigDecimal.ONE, "responded_leads", "no lead created in the period has had a contact",
                "rep"));
        return values;
    }
}
