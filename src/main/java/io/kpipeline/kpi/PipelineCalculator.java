package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deals open at the end of the period: their value; the value of those somebody still works,
 * weighted by the win probability of the stage each had reached (observed over the year before the
 * period's end); the value of the stale ones nobody works; and the weighted value of the worked ones
 * expected to close in the next period.
 */
@Component
class PipelineCalculator implements KpiCalculator {

    static final List<String> OPEN_STAGES = List.of("SQL", "FIRST_MEETING", "SECOND_MEETING", "OFFER", "CONTRACT_SENT");

    /**
     * Σ amount of the deals open at e, per breakdown value, stage reached before e, whether the deal is
     * stale at e (created before e − N days, and its lead had neither a funnel event nor an activity in
     * [e − N days, e)) and whether its expected close date lies in the next period.
     */
    private static final String OPEN_DEALS = """
            SELECT d.dim,
                   CASE d.dim WHEN 'rep' THEN COALESCE(x.owner_rep_id, '(none)') ELSE '' END AS dim_value,
                   x.stage_at_end, x.stale, x.closes_next,
                   SUM(x.amount) AS amount
            FROM (SELECT deal.owner_rep_id, SUM(deal.amount) AS amount,
                         COALESCE((SELECT f.stage FROM funnel_event f
                                   WHERE f.lead_id = deal.lead_id AND f.occurred_at < :end
                                     AND f.stage IN ('SQL', 'FIRST_MEETING', 'SECOND_MEETING', 'OFFER', 'CONTRACT_SENT')
                                   -- two stages at the same instant: the later one in the funnel
                                   ORDER BY f.occurred_at DESC,
                                            CASE f.stage WHEN 'CONTRACT_SENT' THEN 5 WHEN 'OFFER' THEN 4
                                                         WHEN 'SECOND_MEETING' THEN 3 WHEN 'FIRST_MEETING' THEN 2
                                                         ELSE 1 END DESC
                                   LIMIT 1), 'SQL') AS stage_at_end,
                         CASE WHEN deal.created_at < :staleBefore
                               AND NOT EXISTS (SELECT 1 FROM funnel_event f WHERE f.lead_id = deal.lead_id
                                               AND f.occurred_at >= :staleBefore AND f.occurred_at < :end)
                               AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.lead_id = deal.lead_id
                                               AND a.occurred_at >= :staleBefore AND a.occurred_at < :end)
                              THEN 1 ELSE 0 END AS stale,
                         CASE WHEN deal.expected_close_date >= :nextStart AND deal.expected_close_date < :nextEnd
                              THEN 1 ELSE 0 END AS closes_next
                  FROM deal
                  WHERE deal.created_at < :end AND (deal.closed_at IS NULL OR deal.closed_at >= :end)
                  -- grouped before the breakdowns double the rows: each deal's look-ups run once
                  GROUP BY deal.owner_rep_id, stage_at_end, stale, closes_next) x
            CROSS JOIN (SELECT 'total' AS dim UNION ALL SELECT 'rep') d
            GROUP BY d.dim, dim_value, x.stage_at_end, x.stale, x.closes_next
            """;

    /** A stage's win probability as the fraction won / closed (the default: closed = 1). */
    private record Probability(BigDecimal won, BigDecimal closed) {

        BigDecimal weigh(BigDecimal amount) {
            return amount.multiply(won).divide(closed, MathContext.DECIMAL128);
        }

        Probability plus(Probability other) {
            return new Probability(won.add(other.won), closed.add(other.closed));
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final KpiSettings settings;
    private final ClosedLeadDays closedLeadDays;

    PipelineCalculator(NamedParameterJdbcTemplate jdbc, KpiSettings settings, ClosedLeadDays closedLeadDays) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.closedLeadDays = closedLeadDays;
    }

    @Override
    public Set<String> kpiIds() {
        return Set.of("open_pipeline_value", "pipeline_value_weighted", "stale_pipeline_value", "pipeline_forecast");
    }

    @Override
    public Set<String> sourceTables() {
        return Set.of("deal");
    }

    /** The deals open at the period's end, their leads' stages by then (observed stage win rates look at every event of a lead that closed) and activities before it. */
    @Override
    public List<SourceWindow> reads(ReportingPeriod period) {
        return List.of(SourceWindow.upTo("activity", period),
                SourceWindow.upTo("deal", period),
                SourceWindow.all("funnel_event"));
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        return computeAll(List.of(period)).get(period);
    }

    /**
     * Reads the closed leads of all periods' trailing years once ({@link ClosedLeadDays}), then each period's open
     * deals.
     */
    @Override
    public Map<ReportingPeriod, List<KpiValue>> computeAll(List<ReportingPeriod> periods) {
        ClosedLeads closed = new ClosedLeads(closedLeadDays.closedIn(
                periods.stream().map(PipelineCalculator::yearBefore).min(Comparator.naturalOrder()).orElseThrow(),
                periods.stream().map(ReportingPeriod::end).max(Comparator.naturalOrder()).orElseThrow()));
        Map<ReportingPeriod, List<KpiValue>> values = new LinkedHashMap<>();
        periods.forEach(p -> values.put(p, compute(p, closed)));
        return values;
    }

    @Override
    public boolean readsPeriodsTogether() {
        return true;
    }

    /** The first day of the year before the period's end, over which the stages' win rates are observed. */
    private static LocalDate yearBefore(ReportingPeriod period) {
        return period.end().minusDays(365);
    }

    private List<KpiValue> compute(ReportingPeriod period, ClosedLeads closed) {
        ReportingPeriod next = period.next();
        Map<String, Object> params = Map.of("end", period.endTime(),
                "staleBefore", period.endTime().minusDays(settings.staleAfterDays()),
                "nextStart", next.start(), "nextEnd", next.end());
        // measures: the stage for the open value, "worked:<stage>" for deals somebody works, "stale", and
        // "next:<stage>" for worked deals expected to close in the next period
        PipelineTally open = new PipelineTally();
        jdbc.query(OPEN_DEALS, params, rs -> {
            String dim = rs.getString("dim");
            String value = rs.getString("dim_value");
            String stage = rs.getString("stage_at_end");
            BigDecimal amount = rs.getBigDecimal("amount");
            open.add(dim, value, stage, amount);
            if (rs.getInt("stale") == 1) {
                open.add(dim, value, STALE, amount);
            } else {
                open.add(dim, value, WORKED + stage, amount);
                if (rs.getInt("closes_next") == 1) {
                    open.add(dim, value, NEXT + stage, amount);
                }
            }
        });
        Map<String, Probability> probabilities = probabilities(closed.observed(yearBefore(period), period.end()));

        List<KpiValue> values = new ArrayList<>(values(open, null, null, probabilities));
        for (String rep : open.values("rep", OPEN_STAGES.toArray(String[]::new))) {
            values.addAll(values(open, "rep", rep, probabilities));
        }
        return values;
    }

    private static final String STALE = "stale";
    private static final String WORKED = "worked:";
    private static final String NEXT = "next:";

    /** The four pipeline values of the total ({@code dim} null) or of one breakdown value. */
    private static List<KpiValue> values(PipelineTally open, String dim, String value,
            Map<String, Probability> probabilities) {
        String tallyDim = dim == null ? PipelineTally.TOTAL : dim;
        String key = dim == null ? "" : value;
        return List.of(
                KpiValue.of("open_pipeline_value", dim, value, sum(open, tallyDim, key, "", null)),
                KpiValue.of("pipeline_value_weighted", dim, value, sum(open, tallyDim, key, WORKED, probabilities)),
                KpiValue.of("stale_pipeline_value", dim, value, open.get(tallyDim, key, STALE)),
                KpiValue.of("pipeline_forecast", dim, value, sum(open, tallyDim, key, NEXT, probabilities)));
    }

    /** The closed leads read for a span of days, from which each period's trailing year is added up. */
    private record ClosedLeads(List<ClosedLeadDays.Group> groups) {

        /**
         * Per open stage reached by a lead closed in [from, to): the won ones over all of them; a stage no such
         * lead reached has none.
         */
        Map<String, Probability> observed(LocalDate from, LocalDate to) {
            Map<String, Probability> observed = new HashMap<>();
            for (ClosedLeadDays.Group g : groups) {
                boolean won = within(g.wonOn(), from, to);
                if (won || within(g.lostOn(), from, to)) {
                    observed.merge(g.stage(), new Probability(BigDecimal.valueOf(won ? g.leads() : 0),
                            BigDecimal.valueOf(g.leads())), Probability::plus);
                }
            }
            return observed;
        }

        private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
            return day != null && !day.isBefore(from) && day.isBefore(to);
        }
    }

    /** p(X) per open stage: observed with enough closed leads, else the configured default. */
    private Map<String, Probability> probabilities(Map<String, Probability> observed) {
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

    /**
     * Σ over stages of the measure {@code prefix + stage}, weighted by the stage's probability unless
     * there are none.
     */
    private static BigDecimal sum(PipelineTally open, String dim, String value, String prefix,
            Map<String, Probability> probabilities) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String stage : OPEN_STAGES) {
            BigDecimal amount = open.get(dim, value, prefix + stage);
            sum = sum.add(probabilities == null ? amount : probabilities.get(stage).weigh(amount));
        }
        return probabilities == null ? sum : sum.round(KpiValue.PRECISION);
    }
}
