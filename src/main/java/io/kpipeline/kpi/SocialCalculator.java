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
 * The social media KPIs: followers at the end of the period (each network's latest count on or
 * before the last day) and likes in the period, in total and per network.
 */
@Component
class SocialCalculator implements KpiCalculator {

    static final String FOLLOWERS = "social_followers";
    static final String LIKES = "social_likes";

    private static final String NETWORK = "network";

    // Per network, its latest row on or before the last day (it may lie before the period: a network
    // that reported nothing in the period still has its followers) and its likes in the period.
    // No look-back limit: a network counts with its last known followers until it reports again.
    // The inner pass aggregates; the join fetches each network's latest row by primary key.
    // network is NOT NULL, so the one row with a NULL network is the ROLLUP total.
    private static final String SOCIAL = """
            SELECT n.network,
                   SUM(f.followers)      AS followers,
                   SUM(n.likes)          AS likes,
                   SUM(n.days_in_period) AS days_in_period
            FROM (SELECT network,
                         MAX(date)                                             AS latest,
                         COALESCE(SUM(CASE WHEN date >= :start THEN likes END), 0) AS likes,
                         COUNT(CASE WHEN date >= :start THEN 1 END)            AS days_in_period
                  FROM social_daily
                  WHERE date < :end
                  GROUP BY network) n
            JOIN social_daily f ON f.network = n.network AND f.date = n.latest
            GROUP BY n.network WITH ROLLUP""";

    private final NamedParameterJdbcTemplate jdbc;

    SocialCalculator(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> kpiIds() {
        return new LinkedHashSet<>(List.of(FOLLOWERS, LIKES));
    }

    @Override
    public Set<String> sourceTables() {
        return Set.of("social_daily");
    }

    /** The latest followers before the period's end may be of any earlier day. */
    @Override
    public List<SourceWindow> reads(ReportingPeriod period) {
        return List.of(SourceWindow.upTo("social_daily", period));
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        KpiValue followers = KpiValue.total(FOLLOWERS, BigDecimal.ZERO);
        KpiValue likes = KpiValue.total(LIKES, BigDecimal.ZERO);
        List<KpiValue> breakdown = new ArrayList<>();
        for (Network row : jdbc.query(SOCIAL, Map.of("start", period.start(), "end", period.end()),
                (rs, n) -> new Network(rs.getString("network"), rs.getBigDecimal("followers"),
                        rs.getBigDecimal("likes"), rs.getLong("days_in_period")))) {
            if (row.network() == null) {
                followers = KpiValue.total(FOLLOWERS, row.followers());
                likes = KpiValue.total(LIKES, row.likes());
                continue;
            }
            breakdown.add(KpiValue.of(FOLLOWERS, NETWORK, row.network(), row.followers()));
            // Likes only for networks that reported in the period; followers for every network known by then.
            if (row.daysInPeriod() > 0) {
                breakdown.add(KpiValue.of(LIKES, NETWORK, row.network(), row.likes()));
            }
        }
        List<KpiValue> values = new ArrayList<>(List.of(followers, likes));
        values.addAll(breakdown);
        return values;
    }

    private record Network(String network, BigDecimal followers, BigDecimal likes, long daysInPeriod) {
    }
}
