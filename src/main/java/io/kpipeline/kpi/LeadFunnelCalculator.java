package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lead generation and funnel flow: new leads, stage entries (MQL, SAL, SQL …) and the conversions
 * between consecutive stages as flows of the period, the share of qualified and referred leads.
 * Breakdown attributes of a funnel event are those of its lead.
 */
@Component
class LeadFunnelCalculator implements KpiCalculator {

    private static final String CHANNEL = "channel";
    private static final String CAMPAIGN = "campaign";
    private static final String REP = "rep";
    private static final String NO_LEADS = "no leads created in the period";
    private static final String NO_SESSIONS = "no sessions in the period";

    /** Leads created in P, with what the lead KPIs count of them, per breakdown value. */
    private static final String LEADS = """
            SELECT d.dim,
                   CASE d.dim WHEN 'channel' THEN x.channel_code
                              WHEN 'campaign' THEN COALESCE(x.campaign_id, '(none)')
                              WHEN 'rep' THEN COALESCE(x.owner_rep_id, '(none)')
                              ELSE '' END AS dim_value,
                   SUM(x.leads) AS leads,
                   SUM(x.web) AS web_leads,
                   SUM(x.qualified) AS qualified_leads,
                   SUM(x.referred) AS referred_leads
            FROM (SELECT l.channel_code, l.campaign_id, l.owner_rep_id,
                         COUNT(*) AS leads,
                         SUM(CASE WHEN l.channel_code IN (:webLeadChannels) THEN 1 ELSE 0 END) AS web,
                         -- any MQL event before e counts, even one stamped before the lead's created_at
                         SUM(CASE WHEN EXISTS (SELECT 1 FROM funnel_event f WHERE f.lead_id = l.id
                                 AND f.stage = 'MQL' AND f.occurred_at < :end) THEN 1 ELSE 0 END) AS qualified,
                         -- a referral row counts whenever it was recorded (the vocabulary sets no time)
                         SUM(CASE WHEN EXISTS (SELECT 1 FROM referral r WHERE r.lead_id = l.id) THEN 1 ELSE 0 END)
                             AS referred
                  FROM `lead` l
                  WHERE l.created_at >= :start AND l.created_at < :end
                  -- grouped before the breakdowns multiply the rows: each lead's look-ups run once, not four times
                  GROUP BY l.channel_code, l.campaign_id, l.owner_rep_id) x
            CROSS JOIN (SELECT 'total' AS dim UNION ALL SELECT 'channel' UNION ALL SELECT 'campaign'
                        UNION ALL SELECT 'rep') d
            GROUP BY d.dim, dim_value
            """;

    /**
     * Every stage entry of P in one pass over funnel_event, per stage and breakdown value; the
     * previous period's MQL entries (lead_velocity_rate) as the measure PREV_MQL, total only.
     */
    private static final String STAGE_ENTRIES = """
            SELECT d.dim,
                   CASE d.dim WHEN 'channel' THEN x.channel_code
                              WHEN 'campaign' THEN COALESCE(x.campaign_id, '(none)')
                              WHEN 'rep' THEN COALESCE(x.owner_rep_id, '(none)')
                              ELSE '' END AS dim_value,
                   x.measure,
                   SUM(x.amount) AS amount
            FROM (SELECT l.channel_code, l.campaign_id, l.owner_rep_id,
                         CASE WHEN f.occurred_at >= :start THEN f.stage ELSE 'PREV_MQL' END AS measure,
                         COUNT(*) AS amount
                  FROM funnel_event f
                  JOIN `lead` l ON l.id = f.lead_id
                  WHERE f.stage IN ('MQL', 'SAL', 'SQL', 'FIRST_MEETING', 'SECOND_MEETING', 'OFFER', 'CONTRACT_SENT',
                                    'WON')
                    AND f.occurred_at >= :previousStart AND f.occurred_at < :end
                    AND (f.occurred_at >= :start OR f.stage = 'MQL')
                  -- grouped before the breakdowns multiply the rows
                  GROUP BY l.channel_code, l.campaign_id, l.owner_rep_id, measure) x
            CROSS JOIN (SELECT 'total' AS dim UNION ALL SELECT 'channel' UNION ALL SELECT 'campaign'
                        UNION ALL SELECT 'rep') d
            WHERE x.measure <> 'PREV_MQL' OR d.dim = 'total'
            GROUP BY d.dim, dim_value, x.measure
            """;

    /** Sessions of P in total (the ROLLUP row) and per channel; channel_code is NOT NULL. */
    private static final String SESSIONS = """
            SELECT CASE WHEN channel_code IS NULL THEN 'total' ELSE 'channel' END AS dim,
                   COALESCE(channel_code, '') AS dim_value, SUM(sessions) AS sessions
            FROM web_traffic_daily
            WHERE date >= :startDate AND date < :endDate
            GROUP BY channel_code WITH ROLLUP
            """;

    /** id, entered stage (numerator), previous stage (denominator; "leads" = entered LEAD), breakdowns. */
    private record Conversion(String kpiId, String to, String from, String... dims) {
    }

    private static final List<Conversion> CONVERSIONS = List.of(
            new Conversion("conv_lead_mql", "MQL", "leads", CHANNEL, REP),
            new Conversion("conv_mql_sal", "SAL", "MQL", CHANNEL, REP),
            new Conversion("conv_sal_sql", "SQL", "SAL", CHANNEL, REP),
            new Conversion("conv_sql_first_meeting", "FIRST_MEETING", "SQL", REP),
            new Conversion("conv_first_meeting_second_meeting", "SECOND_MEETING", "FIRST_MEETING", REP),
            new Conversion("conv_second_meeting_offer", "OFFER", "SECOND_MEETING", REP),
            new Conversion("conv_offer_contract_sent", "CONTRACT_SENT", "OFFER", REP),
            new Conversion("conv_contract_sent_won", "WON", "CONTRACT_SENT", REP),
            new Conversion("lead_to_customer_rate", "WON", "leads", CHANNEL));

    /** The stage conversions in funnel order, Lead → MQL to Contract sent → Won. */
    static final List<String> STAGE_CONVERSIONS = CONVERSIONS.stream().map(Conversion::kpiId)
            .filter(id -> id.startsWith("conv_")).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final KpiSettings settings;

    LeadFunnelCalculator(NamedParameterJdbcTemplate jdbc, KpiSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Leads of the web lead channels per session: in total over the sessions of all channels (every session
     * is a website visit, whatever brought it); per web lead channel its own leads over its own sessions.
     */
    private List<KpiValue> visitToLead(PipelineTally tally) {
        String id = "visit_to_lead_rate";
        List<KpiValue> values = new ArrayList<>();
        values.add(KpiValue.countedRatio(id, null, null, tally.total("web_leads"), tally.total("sessions"),
                NO_SESSIONS));
        for (String channel : settings.webLeadChannels()) {
            BigDecimal leads = tally.get(CHANNEL, channel, "leads");
            BigDecimal sessions = tally.get(CHANNEL, channel, "sessions");
            if (leads.signum() != 0 || sessions.signum() != 0) {
                values.add(KpiValue.countedRatio(id, CHANNEL, channel, leads, sessions,
                        "no sessions of the channel in the period"));
            }
        }
        return values;
    }

    @Override
    public Set<String> kpiIds() {
        Set<String> ids = new LinkedHashSet<>(List.of("leads_created", "visit_to_lead_rate", "mql_count", "sal_count",
                "sql_count", "qualified_lead_share", "lead_velocity_rate", "referral_rate"));
        CONVERSIONS.forEach(c -> ids.add(c.kpiId()));
        return ids;
    }

    @Override
    public Set<String> sourceTables() {
        return Set.of("lead", "funnel_event");
    }

    /** Conversions of the period's leads by its end, events of the period and the one before, referrals whenever made; a funnel event is taken to come after its lead. */
    @Override
    public List<SourceWindow> reads(ReportingPeriod period) {
        return List.of(SourceWindow.upTo("funnel_event", period),
                SourceWindow.upTo("lead", period),
                SourceWindow.all("referral"),
                SourceWindow.in("web_traffic_daily", period));
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        Map<String, Object> params = Map.of("start", period.startTime(), "end", period.endTime(),
                "previousStart", period.previous().startTime(), "startDate", period.start(), "endDate", period.end(),
                "webLeadChannels", settings.webLeadChannels());
        PipelineTally tally = new PipelineTally()
                .addWide(jdbc, LEADS, params, "leads", "web_leads", "qualified_leads", "referred_leads")
                .addLong(jdbc, STAGE_ENTRIES, params)
                .addWide(jdbc, SESSIONS, params, "sessions");

        List<KpiValue> values = new ArrayList<>();
        values.addAll(tally.amounts("leads_created", "leads", CHANNEL, CAMPAIGN, REP));
        values.addAll(visitToLead(tally));
        values.addAll(tally.amounts("mql_count", "MQL", CHANNEL, CAMPAIGN));
        values.addAll(tally.amounts("sal_count", "SAL", CHANNEL, REP));
        values.addAll(tally.amounts("sql_count", "SQL", CHANNEL, REP));
        values.addAll(tally.ratios("qualified_lead_share", "qualified_leads", "leads", NO_LEADS, CHANNEL));
        values.add(KpiValue.countedRatio("lead_velocity_rate", null, null,
                tally.total("MQL").subtract(tally.total("PREV_MQL")), tally.total("PREV_MQL"),
                "no leads entered MQL in the previous period"));
        for (Conversion c : CONVERSIONS) {
            String reason = c.from().equals("leads") ? NO_LEADS : "no leads entered " + c.from() + " in the period";
            values.addAll(tally.ratios(c.kpiId(), c.to(), c.from(), reason, c.dims()));
        }
        values.addAll(tally.ratios("referral_rate", "referred_leads", "leads", NO_LEADS));
        return values;
    }
}
