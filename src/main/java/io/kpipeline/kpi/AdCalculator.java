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
 * The paid media KPIs: impressions, click-through rate and cost per click, in total, per channel
 * and per campaign, from one pass over the period's {@code ad_spend_daily} rows.
 */
@Component
class AdCalculator implements KpiCalculator {

    static final String IMPRESSIONS = "ad_impressions";
    static final String CLICK_THROUGH_RATE = "ad_click_through_rate";
    static final String COST_PER_CLICK = "cost_per_click";

    private static final String NO_IMPRESSIONS = "no ad impressions in the period";
    private static final String NO_CLICKS = "no ad clicks in the period";

    // The inner pass sums the period's rows per (channel, campaign); the outer query adds those
    // groups up once for the total and once per breakdown dimension. Spend without a campaign is
    // reported under the campaign "(none)". Cost stays an exact DECIMAL sum.
    private static final String ADS = """
            SELECT d.dimension,
                   CASE d.dimension WHEN 'channel' THEN g.channel_code
                                    WHEN 'campaign' THEN g.campaign END AS dimension_value,
                   SUM(g.impressions) AS impressions,
                   SUM(g.clicks)      AS clicks,
                   SUM(g.cost)        AS cost
            FROM (SELECT channel_code,
                         COALESCE(campaign_id, '(none)') AS campaign,
                         SUM(impressions) AS impressions,
                         SUM(clicks)      AS clicks,
                         SUM(cost)        AS cost
                  FROM ad_spend_daily
                  WHERE date >= :start AND date < :end
                  GROUP BY channel_code, COALESCE(campaign_id, '(none)')) g
            CROSS JOIN (SELECT 'total' AS dimension UNION ALL SELECT 'channel' UNION ALL SELECT 'campaign') d
            GROUP BY d.dimension, dimension_value""";

    private final NamedParameterJdbcTemplate jdbc;

    AdCalculator(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> kpiIds() {
        return new LinkedHashSet<>(List.of(IMPRESSIONS, CLICK_THROUGH_RATE, COST_PER_CLICK));
    }

    @Override
    public Set<String> sourceTables() {
        return Set.of("ad_spend_daily");
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        Spend total = new Spend("total", null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        List<KpiValue> breakdown = new ArrayList<>();
        for (Spend row : jdbc.query(ADS, Map.of("start", period.start(), "end", period.end()),
                (rs, n) -> new Spend(rs.getString("dimension"), rs.getString("dimension_value"),
                        rs.getBigDecimal("impressions"), rs.getBigDecimal("clicks"), rs.getBigDecimal("cost")))) {
            if (row.dimension().equals("total")) {
                total = row;
            } else {
                breakdown.addAll(values(row, row.dimension(), row.value()));
            }
        }
        List<KpiValue> values = new ArrayList<>(values(total, null, null));
        values.addAll(breakdown);
        return values;
    }

    private static List<KpiValue> values(Spend s, String dimension, String value) {
        return List.of(
                KpiValue.of(IMPRESSIONS, dimension, value, s.impressions()),
                KpiValue.countedRatio(CLICK_THROUGH_RATE, dimension, value, s.clicks(), s.impressions(), NO_IMPRESSIONS),
                KpiValue.countedRatio(COST_PER_CLICK, dimension, value, s.cost(), s.clicks(), NO_CLICKS));
    }

    private record Spend(String dimension, String value, BigDecimal impressions, BigDecimal clicks,
            BigDecimal cost) {
    }
}
