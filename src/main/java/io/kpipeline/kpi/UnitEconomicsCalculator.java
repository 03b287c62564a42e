package io.kpipeline.kpi;

import io.kpipeline.kpi.CustomerQueries.Segment;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a customer costs and brings: CAC and its payback, customer lifetime value, LTV:CAC and
 * ROMI. Costs come from {@link CostQueries}, customers and revenue from {@link CustomerQueries},
 * for the period and for the 365 days up to its end.
 */
@Component
class UnitEconomicsCalculator implements KpiCalculator {

    /**
     * Per campaign: Σ amount of deals won in the period whose lead came from it, and its ad spend of the
     * period; the ROLLUP row (campaign NULL) holds the won amount of all campaign-sourced deals.
     */
    private static final String CAMPAIGN_RETURNS = """
            SELECT campaign_id, SUM(won) AS won, SUM(spend) AS spend
            FROM (
                SELECT l.campaign_id, d.amount AS won, 0 AS spend
                FROM deal d
                JOIN `lead` l ON l.id = d.lead_id
                WHERE d.status = 'WON' AND d.closed_at >= :start AND d.closed_at < :end AND l.campaign_id IS NOT NULL
                UNION ALL
                SELECT campaign_id, 0, cost
                FROM ad_spend_daily
                WHERE date >= :startDate AND date < :endDate AND campaign_id IS NOT NULL
            ) x
            GROUP BY campaign_id WITH ROLLUP
            """;

    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);
    private static final String NO_NEW = "no new customers in the period";

    private final NamedParameterJdbcTemplate jdbc;
    private final CostQueries costQueries;
    private final CustomerQueries customerQueries;
    private final KpiSettings settings;

    UnitEconomicsCalculator(NamedParameterJdbcTemplate jdbc, CostQueries costQueries, CustomerQueries customerQueries,
            KpiSettings settings) {
        this.jdbc = jdbc;
        this.costQueries = costQueries;
        this.customerQueries = customerQueries;
        this.settings = settings;
    }

    @Override
    public Set<String> kpiIds() {
        return Set.of("cac", "cac_payback_months", "clv", "ltv_cac_ratio", "romi");
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        List<KpiValue> values = new ArrayList<>();
        CostQueries.Costs costs = costQueries.costs(period.start(), period.end());
        Segment customers = customerQueries.figures(period.start(), period.end()).total();
        BigDecimal newCustomers = BigDecimal.valueOf(customers.newCustomers());
        values.add(KpiValue.ratio("cac", null, null, costs.total(), newCustomers, NO_NEW));
        // cac / (new MRR / new customers) = cost / new MRR, once there are new customers.
        values.add(customers.newCustomers() == 0 ? KpiValue.none("cac_payback_months", null, null, NO_NEW)
                : KpiValue.ratio("cac_payback_months", null, null, costs.total(), customers.newMrrAtEnd(),
                        "the period's new customers have no subscription MRR on its last day"));

        LocalDate yearStart = period.end().minusDays(365);
        Segment year = customerQueries.figures(yearStart, period.end()).total();
        KpiValue clv = clv(year);
        values.add(clv);
        values.add(ltvCac(clv, year, costQueries.costs(yearStart, period.end())));
        romi(period, costs.marketing(), values);
        return values;
    }

    /** {@code year}: active at the start = on e − 365 days, at the end = on last; booked = [e − 365 days, e). */
    private KpiValue clv(Segment year) {
        if (year.activeAtEnd() == 0) {
            return KpiValue.none("clv", null, null, "no customers active on the last day of the period");
        }
        if (year.activeAtStart() == 0) {
            return KpiValue.none("clv", null, null, "no customers active 365 days before the end of the period");
        }
        if (year.churned() == 0) {
            return KpiValue.none("clv", null, null,
                    "no customer lost in the 365 days up to the end of the period, so the lifetime is unbounded");
        }
        BigDecimal arpa12m = year.booked()
                .divide(MONTHS.multiply(BigDecimal.valueOf(year.activeAtEnd())), KpiValue.PRECISION);
        // The 12th root has no exact decimal form: it is taken in double precision (about 15 significant
        // digits) from the exact share of customers kept, then carried on as BigDecimal.
        double kept = (double) (year.activeAtStart() - year.churned()) / year.activeAtStart();
        BigDecimal monthlyChurn = BigDecimal.ONE.subtract(new BigDecimal(Math.pow(kept, 1.0 / 12), KpiValue.PRECISION));
        return KpiValue.ratio("clv", null, null, arpa12m.multiply(settings.grossMargin()), monthlyChurn,
                "no monthly churn");
    }

    private static KpiValue ltvCac(KpiValue clv, Segment year, CostQueries.Costs yearCosts) {
        if (!clv.hasValue()) {
            return KpiValue.none("ltv_cac_ratio", null, null, clv.reason());
        }
        if (year.newCustomers() == 0) {
            return KpiValue.none("ltv_cac_ratio", null, null,
                    "no new customers in the 365 days up to the end of the period");
        }
        BigDecimal cac12m = yearCosts.total().divide(BigDecimal.valueOf(year.newCustomers()), KpiValue.PRECISION);
        return KpiValue.ratio("ltv_cac_ratio", null, null, clv.value(), cac12m,
                "no marketing or sales cost in the 365 days up to the end of the period");
    }

    private void romi(ReportingPeriod period, BigDecimal marketingCost, List<KpiValue> values) {
        var params = new MapSqlParameterSource("start", period.startTime()).addValue("end", period.endTime())
                .addValue("startDate", period.start()).addValue("endDate", period.end());
        BigDecimal[] campaignRevenue = {BigDecimal.ZERO};
        List<KpiValue> campaigns = new ArrayList<>();
        jdbc.query(CAMPAIGN_RETURNS, params, rs -> {
            String campaign = rs.getString("campaign_id");
            BigDecimal won = rs.getBigDecimal("won");
            if (campaign == null) {
                campaignRevenue[0] = won;
            } else {
                BigDecimal spend = rs.getBigDecimal("spend");
                campaigns.add(KpiValue.ratio("romi", "campaign", campaign, won.subtract(spend), spend,
                        "no ad spend on the campaign in the period"));
            }
        });
        values.add(KpiValue.ratio("romi", null, null, campaignRevenue[0].subtract(marketingCost), marketingCost,
                "no marketing cost in the period"));
        values.addAll(campaigns);
    }
}
