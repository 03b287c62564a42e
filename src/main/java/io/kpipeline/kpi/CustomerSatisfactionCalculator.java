package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How satisfied customers are: cancellation rate (per order channel), complaint rate (per complaint
 * type) and Net Promoter Score (per segment of the answering account), one query per source table.
 */
@Component
class CustomerSatisfactionCalculator implements KpiCalculator {

    /** Orders of the period per channel (none: without channel); the ROLLUP row (channel NULL) is the total. */
    private static final String ORDERS = """
            SELECT channel, COUNT(*) AS orders,
                   SUM(CASE WHEN status = 'CANCELLED' THEN 1 ELSE 0 END) AS cancelled,
                   SUM(CASE WHEN status = 'BOOKED' THEN 1 ELSE 0 END) AS booked
            FROM (
                SELECT COALESCE(channel_code, '(none)') AS channel, status
                FROM customer_order
                WHERE order_date >= :startDate AND order_date < :endDate
            ) o
            GROUP BY channel WITH ROLLUP
            """;

    private static final String COMPLAINTS = """
            SELECT type, COUNT(*) AS complaints
            FROM complaint
            WHERE opened_at >= :start AND opened_at < :end
            GROUP BY type WITH ROLLUP
            """;

    /** net: +100 per promoter (9, 10), −100 per detractor (0..6), so that nps = net / answers. */
    private static final String FEEDBACK = """
            SELECT seg, COUNT(*) AS answers,
                   SUM(CASE WHEN score >= 9 THEN 100 WHEN score <= 6 THEN -100 ELSE 0 END) AS net
            FROM (
                SELECT COALESCE(a.segment, '(none)') AS seg, f.score
                FROM feedback f
                JOIN account a ON a.id = f.account_id
                WHERE f.received_at >= :start AND f.received_at < :end
            ) x
            GROUP BY seg WITH ROLLUP
            """;

    private static final String NO_ORDERS = "no orders in the period";
    private static final String NO_BOOKED = "no booked orders in the period";
    private static final String NO_ANSWERS = "no feedback received in the period";

    private final NamedParameterJdbcTemplate jdbc;

    CustomerSatisfactionCalculator(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> kpiIds() {
        return Set.of("cancellation_rate", "complaint_rate", "nps");
    }

    /** Orders, complaints and feedback of the period; segments are the accounts' current ones. */
    @Override
    public List<SourceWindow> reads(ReportingPeriod period) {
        return List.of(SourceWindow.all("account"),
                SourceWindow.in("complaint", period),
                SourceWindow.in("customer_order", period),
                SourceWindow.in("feedback", period));
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        var params = new MapSqlParameterSource("start", period.startTime()).addValue("end", period.endTime())
                .addValue("startDate", period.start()).addValue("endDate", period.end());
        List<KpiValue> values = new ArrayList<>();

        long[] totalOrders = {0, 0, 0};
        jdbc.query(ORDERS, params, rs -> {
            String channel = rs.getString("channel");
            long orders = rs.getLong("orders");
            long cancelled = rs.getLong("cancelled");
            if (channel == null) {
                totalOrders[0] = orders;
                totalOrders[1] = cancelled;
                totalOrders[2] = rs.getLong("booked");
            } else {
                values.add(KpiValue.countedRatio("cancellation_rate", "channel", channel, BigDecimal.valueOf(cancelled),
                        BigDecimal.valueOf(orders), NO_ORDERS));
            }
        });
        values.add(KpiValue.countedRatio("cancellation_rate", null, null, BigDecimal.valueOf(totalOrders[1]),
                BigDecimal.valueOf(totalOrders[0]), NO_ORDERS));

        // Each complaint type over all booked orders of the period: complaints are not tied to an order type.
        BigDecimal booked = BigDecimal.valueOf(totalOrders[2]);
        Map<String, Long> complaints = new LinkedHashMap<>();
        jdbc.query(COMPLAINTS, params, rs -> {
            complaints.put(rs.getString("type"), rs.getLong("complaints"));
        });
        values.add(KpiValue.countedRatio("complaint_rate", null, null, BigDecimal.valueOf(complaints.getOrDefault(null, 0L)),
                booked, NO_BOOKED));
        complaints.forEach((type, count) -> {
            if (type != null) {
                values.add(KpiValue.countedRatio("complaint_rate", "type", type, BigDecimal.valueOf(count), booked,
                        NO_BOOKED));
            }
        });

        long[] totalAnswers = {0, 0};
        jdbc.query(FEEDBACK, params, rs -> {
            String segment = rs.getString("seg");
            if (segment == null) {
                totalAnswers[0] = rs.getLong("answers");
                totalAnswers[1] = rs.getLong("net");
            } else {
                values.add(KpiValue.countedRatio("nps", "segment", segment, BigDecimal.valueOf(rs.getLong("net")),
                        BigDecimal.valueOf(rs.getLong("answers")), NO_ANSWERS));
            }
        });
        values.add(KpiValue.countedRatio("nps", null, null, BigDecimal.valueOf(totalAnswers[1]),
                BigDecimal.valueOf(totalAnswers[0]), NO_ANSWERS));
        return values;
    }
}
