package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sales outcome of the deals closed in the period: win rate, sales cycle, deal size, total and
 * annual contract value. The channel of a deal is the channel of its lead.
 */
@Component
class DealCalculator implements KpiCalculator {

    private static final String NO_WON_DEALS = "no deals won in the period";
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
    private static final List<String> MEASURES = List.of("closed", "won", "cycle_seconds", "won_amount",
            "won_with_term");

    /**
     * Deals won or lost in P, with what the outcome KPIs sum of them, per breakdown value and contract
     * term of the won deals (0: none), so that the yearly value amount × 12 / months is divided in Java.
     */
    private static final String CLOSED_DEALS = """
            SELECT d.dim,
                   CASE d.dim WHEN 'rep' THEN COALESCE(x.owner_rep_id, '(none)')
                              WHEN 'channel' THEN x.channel_code
                              ELSE '' END AS dim_value,
                   COUNT(*) AS closed,
                   SUM(x.won) AS won,
                   -- wall-clock seconds: a day across the October clock change counts 86,400 seconds
                   SUM(CASE WHEN x.won = 1 THEN TIMESTAMPDIFF(SECOND, x.created_at, x.closed_at) ELSE 0 END)
                       AS cycle_seconds,
                   SUM(CASE WHEN x.won = 1 THEN x.amount ELSE 0 END) AS won_amount,
                   x.term,
                   SUM(CASE WHEN x.term > 0 THEN 1 ELSE 0 END) AS won_with_term,
                   SUM(CASE WHEN x.term > 0 THEN x.amount ELSE 0 END) AS term_amount
            FROM (SELECT deal.owner_rep_id, l.channel_code, deal.created_at, deal.closed_at, deal.amount,
                         CASE WHEN deal.status = 'WON' THEN 1 ELSE 0 END AS won,
                         -- a contract term of 0 months is treated like none (a one-off sale)
                         CASE WHEN deal.status = 'WON' AND deal.contract_months > 0
                              THEN deal.contract_months ELSE 0 END AS term
                  FROM deal
                  JOIN `lead` l ON l.id = deal.lead_id
                  WHERE deal.status IN ('WON', 'LOST') AND deal.closed_at >= :start AND deal.closed_at < :end) x
            CROSS JOIN (SELECT 'total' AS dim UNION ALL SELECT 'rep' UNION ALL SELECT 'channel') d
            GROUP BY d.dim, dim_value, x.term
            """;

    private final NamedParameterJdbcTemplate jdbc;

    DealCalculator(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> kpiIds() {
        return Set.of("win_rate", "sales_cycle_days", "avg_deal_size", "tcv_won", "acv");
    }

    @Override
    public Set<String> sourceTables() {
        return Set.of("deal");
    }

    /** A deal closed in the period may come from a lead of any earlier day. */
    @Override
    public List<SourceWindow> reads(ReportingPeriod period) {
        return List.of(SourceWindow.in("deal", period),
                SourceWindow.upTo("lead", period));
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        PipelineTally tally = new PipelineTally();
        jdbc.query(CLOSED_DEALS, Map.of("start", period.startTime(), "end", period.endTime()), rs -> {
            String dim = rs.getString("dim");
            String value = rs.getString("dim_value");
            for (String measure : MEASURES) {
                tally.add(dim, value, measure, rs.getBigDecimal(measure));
            }
            int term = rs.getInt("term");
            if (term > 0) {
                // Σ amount × 12 / months of the deals with this term, to 34 digits before the average rounds
                tally.add(dim, value, "annual_value", rs.getBigDecimal("term_amount").multiply(MONTHS_PER_YEAR)
                        .divide(BigDecimal.valueOf(term), MathContext.DECIMAL128));
            }
        });
        List<KpiValue> values = new ArrayList<>();
        values.addAll(tally.ratios("win_rate", "won", "closed", "no deals won or lost in the period", "rep", "channel"));
        values.addAll(tally.scaledRatios("sales_cycle_days", "cycle_seconds", SECONDS_PER_DAY, "won", BigDecimal.ONE,
                "won", NO_WON_DEALS, "rep"));
        values.addAll(tally.ratios("avg_deal_size", "won_amount", "won", NO_WON_DEALS, "rep", "channel"));
        values.addAll(tally.amounts("tcv_won", "won_amount", "rep", "channel"));
        // the yearly values' sum is kept to 34 digits for the division; reported, like the value, to 16
        tally.ratios("acv", "annual_value", "won_with_term", "no deals with a contract term won in the period", "rep")
                .forEach(v -> values.add(new KpiValue(v.kpiId(), v.dimension(), v.dimensionValue(), v.value(),
                        v.numerator().round(KpiValue.PRECISION), v.denominator(), v.cases(), v.reason())));
        return values;
    }
}
