package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deals open at the end of the period: their value, and their value weighted by the win
 * probability of the stage each had reached, observed over the year before the period's end.
 */
@Component
class PipelineCalculator implements KpiCalculator {

    static final List<String> OPEN_STAGES = List.of("SQL", "FIRST_MEETING", "SECOND_MEETING", "OFFER", "CONTRACT_SENT");

    /** Σ amount of the deals open at e, per stage reached before e and breakdown value. */
    private static final String OPEN_DEALS = """
            SELECT d.dim,
                   CASE d.dim WHEN 'rep' THEN COALESCE(x.owner_rep_id, '(none)') ELSE '' END AS dim_value,
                   x.stage_at_end AS measure,
                   SUM(x.amount) AS amount
            FROM (SELECT deal.owner_rep_id, deal.amount,
                         COALESCE((SELECT f.stage FROM funnel_event f
                                   WHERE f.lead_id = deal.lead_id AND f.occurred_at < :end
                                     AND f.stage IN ('SQL', 'FIRST_MEETING', 'SECOND_MEETING', 'OFFER', 'CONTRACT_SENT')
                                   -- two stages at the same instant: the later one in the funnel
                                   ORDER BY f.occurred_at DESC,
                                            CASE f.stage WHEN 'CONTRACT_SENT' THEN 5 WHEN 'OFFER' THEN 4
                                                         WHEN 'SECOND_MEETING' THEN 3 WHEN 'FIRST_MEETING' THEN 2
                                                         ELSE 1 END DESC
                                   LIMIT 1), 'SQL') AS stage_at_end
                  FROM deal
                  WHERE deal.created_at < :end AND (deal.closed_at IS NULL OR deal.closed_at >= :end)) x
            CROSS JOIN (SELECT 'total' AS dim UNION ALL SELECT 'rep') d
            GROUP BY d.dim, dim_value, measure
            """;

    /**
     * Per open stage X: the leads with an X event (whenever it happened) whose WON or LOST event lies
     * in [e − 365 days, e), and how many of them have a WON event there.
     */
    private static final String CLOSED_LEADS_PER_STAGE = """
            SELECT x.stage,
                   COUNT(DISTINCT c.lead_id) AS closed_leads,
                   COUNT(DISTINCT CASE WHEN c.stage = 'WON' THEN c.lead_id END) AS won_leads
            FROM funnel_event c
            JOIN funnel_event x ON x.lead_id = c.lead_id
             AND x.stage IN ('SQL', 'FIRST_MEETING', 'SECOND_MEETING', 'OFFER', 'CONTRACT_SENT')
            WHERE c.stage IN ('WON', 'LOST') AND c.occurred_at >= :yearBefore AND c.occurred_at < :end
            GROUP BY x.stage
            """;

    /** A stage's win probability as the fraction won / closed (the default: closed = 1). */
    private record Probability(BigDecimal won, BigDecimal closed) {

        BigDecimal weigh(BigDecimal amount) {
            return amount.multiply(won).divide(closed, MathContext.DECIMAL128);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final KpiSettings settings;

    PipelineCalculator(NamedParameterJdbcTemplate jdbc, KpiSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public Set<String> kpiIds() {
        return Set.of("open_pipeline_value", "pipeline_value_weighted");
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        Map<String, Object> params = Map.of("end", period.endTime(),
                "yearBefore", period.endTime().minusDays(365));
        PipelineTally open = new PipelineTally().addLong(jdbc, OPEN_DEALS, params);
        Map<String, Probability> probabilities = probabilities(params);

        List<KpiValue> values = new ArrayList<>();
        values.add(KpiValue.total("open_pipeline_value", sum(open, PipelineTally.TOTAL, "", null)));
        values.add(KpiValue.total("pipeline_value_weighted", sum(open, PipelineTally.TOTAL, "", probabilities)));
        SortedSet<String> reps = open.values("rep", OPEN_STAGES.toArray(String[]::new));
        for (String rep : reps) {
            values.add(KpiValue.of("open_pipeline_value", "rep", rep, sum(open, "rep", rep, null)));
        }
        for (String rep : reps) {
            values.add(KpiValue.of("pipeline_value_weighted", "rep", rep, sum(open, "rep", rep, probabilities)));
        }
        return values;
    }

    /** p(X) per open stage: observed with enough closed leads, else the configured default. */
    private Map<String, Probability> probabilities(Map<String, Object> params) {
        Map<String, Probability> observed = new HashMap<>();
        jdbc.query(CLOSED_LEADS_PER_STAGE, params, rs -> {
            observed.put(rs.getString("stage"),
                    new Probability(rs.getBigDecimal("won_leads"), rs.getBigDecimal("closed_leads")));
        });
        Map<String, Probability> probabilities = new HashMap<>();
        for (String stage : OPEN_STAGES) {
            Probability p = observed.get(stage);
            if (p == null || p.closed().intValue() < settings.minClosedForProbability()) {
                BigDecimal fallback = settings.stageProbabilities().get(stage);
                if (fallback == null) {
                    throw new IllegalStateException("kpi.settings.stage-probabilities has no probability for " + stage
                            + "; add one (0..1) to config/application.yml");
                }
                p = new Probability(fallback, BigDecimal.ONE);
            }
            probabilities.put(stage, p);
        }
        return probabilities;
    }

    /** Σ over stages of the open amount, weighted by the stage's probability unless there are none. */
    private static BigDecimal sum(PipelineTally open, String dim, String value, Map<String, Probability> probabilities) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String stage : OPEN_STAGES) {
            BigDecimal amount = open.get(dim, value, stage);
            sum = sum.add(probabilities == null ? amount : probabilities.get(stage).weigh(amount));
        }
        return probabilities == null ? sum : sum.round(KpiValue.PRECISION);
    }
}
