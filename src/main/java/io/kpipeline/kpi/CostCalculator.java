package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Marketing cost, sales cost and cost per lead of a period. */
@Component
class CostCalculator implements KpiCalculator {

    private static final String LEADS_CREATED = """
            SELECT COUNT(*) FROM `lead` WHERE created_at >= :start AND created_at < :end
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final CostQueries costQueries;

    CostCalculator(NamedParameterJdbcTemplate jdbc, CostQueries costQueries) {
        this.jdbc = jdbc;
        this.costQueries = costQueries;
    }

    @Override
    public Set<String> kpiIds() {
        return Set.of("marketing_cost", "sales_cost", "cost_per_lead");
    }

    @Override
    public Set<String> sourceTables() {
        return Set.of("cost_entry", "ad_spend_daily");
    }

    /** The cost per lead counts the leads created in the period. */
    @Override
    public List<SourceWindow> reads(ReportingPeriod period) {
        return List.of(SourceWindow.in("ad_spend_daily", period),
                SourceWindow.in("cost_entry", period),
                SourceWindow.in("lead", period));
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        CostQueries.Costs costs = costQueries.costs(period.start(), period.end());
        Long leads = jdbc.queryForObject(LEADS_CREATED,
                new MapSqlParameterSource("start", period.startTime()).addValue("end", period.endTime()), Long.class);

        List<KpiValue> values = new ArrayList<>();
        values.add(KpiValue.total("marketing_cost", costs.marketing()));
        for (Map.Entry<String, BigDecimal> channel : costs.marketingByChannel().entrySet()) {
            values.add(KpiValue.of("marketing_cost", "channel", channel.getKey(), channel.getValue()));
        }
        values.add(KpiValue.total("sales_cost", costs.sales()));
        values.add(KpiValue.countedRatio("cost_per_lead", null, null, costs.marketing(), BigDecimal.valueOf(leads),
                "no leads created in the period"));
        return values;
    }
}
