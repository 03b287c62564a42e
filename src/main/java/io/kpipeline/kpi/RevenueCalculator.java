package io.kpipeline.kpi;

import io.kpipeline.kpi.CustomerQueries.Segment;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Revenue of a period: booked revenue (per order channel and per segment, subscription invoices
 * included), the share of it from new customers, MRR and revenue per active customer (ARPA). The segment figures come from
 * {@link CustomerQueries}, so that ARPA relates revenue and customers of the same accounts.
 */
@Component
class RevenueCalculator implements KpiCalculator {

    /** Booked revenue per order channel, orders without one under (none); the total comes from CustomerQueries. */
    private static final String REVENUE_BY_CHANNEL = """
            SELECT channel, SUM(amount) AS revenue
            FROM (
                SELECT COALESCE(channel_code, '(none)') AS channel, amount
                FROM customer_order
                WHERE status = 'BOOKED' AND order_date >= :start AND order_date < :end
            ) o
            GROUP BY channel
            """;

    private static final String NO_ACTIVE = "no customers active on the last day of the period";

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerQueries customerQueries;

    RevenueCalculator(NamedParameterJdbcTemplate jdbc, CustomerQueries customerQueries) {
        this.jdbc = jdbc;
        this.customerQueries = customerQueries;
    }

    @Override
    public Set<String> kpiIds() {
        return Set.of("revenue", "new_customer_revenue_share", "mrr", "arpa");
    }

    @Override
    public Set<String> sourceTables() {
        return Set.of("customer_order", "subscription");
    }

    /** As the customer figures: the whole customer history up to the period's end. */
    @Override
    public List<SourceWindow> reads(ReportingPeriod period) {
        return CustomerQueries.reads(period);
    }

    @Override
    public Runnable sharedReads(ReportingPeriod period) {
        return () -> customerQueries.period(period);
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        CustomerQueries.Figures figures = customerQueries.period(period);
        Segment total = figures.total();
        List<KpiValue> values = new ArrayList<>();
        values.add(KpiValue.total("revenue", total.booked()));
        jdbc.query(REVENUE_BY_CHANNEL, new MapSqlParameterSource("start", period.start()).addValue("end", period.end()),
                rs -> {
                    values.add(KpiValue.of("revenue", "channel", rs.getString("channel"), rs.getBigDecimal("revenue")));
                });
        values.add(KpiValue.ratio("new_customer_revenue_share", null, null, total.bookedByNew(), total.booked(),
                "no booked revenue in the period").withCases(total.buyers()));
        values.add(KpiValue.total("mrr", total.mrrAtEnd()));
        values.add(KpiValue.countedRatio("arpa", null, null, total.booked(), BigDecimal.valueOf(total.activeAtEnd()),
                NO_ACTIVE));
        for (Map.Entry<String, Segment> entry : figures.segments().entrySet()) {
            String segment = entry.getKey();
            Segment f = entry.getValue();
            if (f.buyers() > 0) {
                values.add(KpiValue.of("revenue", "segment", segment, f.booked()));
            }
            if (f.mrrAtEnd().signum() != 0) {
                values.add(KpiValue.of("mrr", "segment", segment, f.mrrAtEnd()));
            }
            if (f.buyers() > 0 || f.activeAtEnd() > 0) {
                values.add(KpiValue.countedRatio("arpa", "segment", segment, f.booked(),
                        BigDecimal.valueOf(f.activeAtEnd()), NO_ACTIVE));
            }
        }
        return values;
    }
}
