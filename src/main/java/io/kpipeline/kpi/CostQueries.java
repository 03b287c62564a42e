package io.kpipeline.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The shared terms "marketing cost in P" and "sales cost in P" (kpi-vocabulary.md) for any
 * interval of days, read from {@code ad_spend_daily} and {@code cost_entry} in one query.
 * Cost, unit economics and ROMI all take their costs from here, so they agree to the cent.
 */
@Component
class CostQueries {

    /** Cost entries without a channel appear under this breakdown value. */
    static final String NO_CHANNEL = "(none)";

    /**
     * One row per (category, channel, days of the month): {@code prorated} is Σ amount × days of the
     * entry's month that lie in [from, end), to be divided by {@code month_days} in Java so that no SQL
     * division rounds. Ad spend counts in full: it is dated per day, its month_days is 1.
     */
    private static final String COSTS = """
            SELECT category, channel, month_days, SUM(prorated) AS prorated
            FROM (
                SELECT 'MARKETING' AS category, channel_code AS channel, 1 AS month_days, cost AS prorated
                FROM ad_spend_daily
                WHERE date >= :from AND date < :end
                UNION ALL
                SELECT category, COALESCE(channel_code, '(none)') AS channel,
                       DATEDIFF(DATE_ADD(month, INTERVAL 1 MONTH), month) AS month_days,
                       amount * DATEDIFF(LEAST(CAST(:end AS DATE), DATE_ADD(month, INTERVAL 1 MONTH)),
                                         GREATEST(CAST(:from AS DATE), month)) AS prorated
                FROM cost_entry
                WHERE month >= :firstMonth AND month < :end
            ) c
            GROUP BY category, channel, month_days
            """;

    private final NamedParameterJdbcTemplate jdbc;

    CostQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marketing and sales cost of the days {@code [from, end)}. */
    Costs costs(LocalDate from, LocalDate end) {
        var params = new MapSqlParameterSource("from", from).addValue("end", end)
                // cost_entry.month is the first day of its month: entries from from's month on overlap.
                .addValue("firstMonth", from.withDayOfMonth(1));
        Map<String, BigDecimal> marketingByChannel = new TreeMap<>();
        BigDecimal[] sales = {BigDecimal.ZERO};
        jdbc.query(COSTS, params, rs -> {
            BigDecimal prorated = rs.getBigDecimal("prorated")
                    .divide(BigDecimal.valueOf(rs.getInt("month_days")), KpiValue.PRECISION);
            if ("MARKETING".equals(rs.getString("category"))) {
                marketingByChannel.merge(rs.getString("channel"), prorated, BigDecimal::add);
            } else if ("SALES".equals(rs.getString("category"))) {
                sales[0] = sales[0].add(prorated);
            }
        });
        BigDecimal marketing = marketingByChannel.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Costs(marketingByChannel, marketing, sales[0]);
    }

    /**
     * @param marketingByChannel marketing cost per channel code ({@value #NO_CHANNEL} for entries without one)
     * @param marketing          marketing cost in total
     * @param sales              sales cost in total
     */
    record Costs(Map<String, BigDecimal> marketingByChannel, BigDecimal marketing, BigDecimal sales) {

        BigDecimal total() {
            return marketing.add(sales);
        }
    }
}
