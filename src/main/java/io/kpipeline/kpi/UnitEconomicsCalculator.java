package io.kpipeline.kpi;

import io.kpipeline.kpi.CampaignReturns.CampaignReturn;
import io.kpipeline.kpi.CustomerQueries.Segment;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a customer costs and brings: CAC and its payback, customer lifetime value, LTV:CAC, ROMI and
 * each campaign's ROMI since its start. Costs come from {@link CostQueries}, customers and revenue
 * from {@link CustomerQueries}, campaigns from {@link CampaignReturns}. The returns are gross profit,
 * not revenue: without the gross margin setting the margin KPIs have no value.
 */
@Component
class UnitEconomicsCalculator implements KpiCalculator {

    /**
     * Σ amount and number of the won deals of the period whose lead came from a campaign, per contract term
     * (0: one-off).
     */
    private static final String CAMPAIGN_SOURCED_WINS = """
            SELECT CASE WHEN d.contract_months > 0 THEN d.contract_months ELSE 0 END AS term, SUM(d.amount) AS amount,
                   COUNT(*) AS deals
            FROM deal d
            JOIN `lead` l ON l.id = d.lead_id
            WHERE d.status = 'WON' AND d.closed_at >= :start AND d.closed_at < :end AND l.campaign_id IS NOT NULL
            GROUP BY CASE WHEN d.contract_months > 0 THEN d.contract_months ELSE 0 END
            """;

    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);
    private static final String NO_NEW = "no new customers in the period";
    private static final String NO_YEAR_CUSTOMERS = "no customers active 365 days before the end of the period";

    private final NamedParameterJdbcTemplate jdbc;
    private final CostQueries costQueries;
    private final CustomerQueries customerQueries;
    private final CampaignReturns campaignReturns;
    private final KpiSettings settings;

    UnitEconomicsCalculator(NamedParameterJdbcTemplate jdbc, CostQueries costQueries, CustomerQueries customerQueries,
            CampaignReturns campaignReturns, KpiSettings settings) {
        this.jdbc = jdbc;
        this.costQueries = costQueries;
        this.customerQueries = customerQueries;
        this.campaignReturns = campaignReturns;
        this.settings = settings;
    }

    @Override
    public Set<String> kpiIds() {
        return Set.of("cac", "cac_payback_months", "clv", "ltv_cac_ratio", "romi", "campaign_romi");
    }

    /** Customer figures of the period and the 365 days before its end, costs of that year and campaign returns since each campaign started. */
    @Override
    public List<SourceWindow> reads(ReportingPeriod period) {
        return Stream.concat(CustomerQueries.reads(period).stream(), Stream.of(
                SourceWindow.all("campaign"),
                SourceWindow.upTo("ad_spend_daily", period),
                SourceWindow.upTo("cost_entry", period),
                SourceWindow.upTo("deal", period),
                SourceWindow.upTo("lead", period))).toList();
    }

    @Override
    public Runnable sharedReads(ReportingPeriod period) {
        return () -> {
            customerQueries.period(period);
            customerQueries.trailingYear(period.end());
        };
    }

    @Override
    public List<KpiValue> compute(ReportingPeriod period) {
        List<KpiValue> values = new ArrayList<>();
        CostQueries.Costs costs = costQueries.costs(period.start(), period.end());
        Segment customers = customerQueries.period(period).total();
        values.add(KpiValue.countedRatio("cac", null, null, costs.total(), BigDecimal.valueOf(customers.newCustomers()),
                NO_NEW));

        LocalDate yearStart = period.end().minusDays(365);
        CustomerQueries.Year year = customerQueries.trailingYear(period.end());
        CostQueries.Costs yearCosts = costQueries.costs(yearStart, period.end());
        values.add(cacPayback(year, yearCosts));
        KpiValue clv = clv(year);
        values.add(clv);
        values.add(ltvCac(clv, year, yearCosts));
        values.add(romi(period, costs.marketing()));
        values.addAll(campaignRomi(period));
        return values;
    }

    /**
     * The trailing year's acquisition cost over the gross profit per month of the MRR its new accounts
     * hold on the last day: the months of that gross profit it takes to repay a year's acquisition.
     */
    private KpiValue cacPayback(CustomerQueries.Year year, CostQueries.Costs yearCosts) {
        String id = "cac_payback_months";
        if (settings.margin().isEmpty()) {
            return KpiValue.none(id, null, null, KpiSettings.NO_GROSS_MARGIN);
        }
        return KpiValue.ratio(id, null, null, yearCosts.total(), year.newMrrAtEnd().multiply(settings.grossMargin()),
                "the accounts new in the 365 days up to the end of the period hold no subscription MRR on its last day")
                .withCases(year.newWithMrr());
    }

    /**
     * ARPA of the trailing year × gross margin × lifetime, the lifetime being 1 / monthly churn capped at
     * {@code clv-max-months}. Stored as a ratio: the monthly gross profit per customer over the monthly
     * churn used, which is at least 1 / {@code clv-max-months}.
     */
    private KpiValue clv(CustomerQueries.Year year) {
        String id = "clv";
        if (settings.margin().isEmpty()) {
            return KpiValue.none(id, null, null, KpiSettings.NO_GROSS_MARGIN);
        }
        if (year.activeAtEnd() == 0) {
            return KpiValue.none(id, null, null, "no customers active on the last day of the period");
        }
        if (year.activeAtStart() == 0) {
            return KpiValue.none(id, null, null, NO_YEAR_CUSTOMERS);
        }
        BigDecimal arpa12m = year.booked()
                .divide(MONTHS.multiply(BigDecimal.valueOf(year.activeAtEnd())), KpiValue.PRECISION);
        BigDecimal monthlyGrossProfit = arpa12m.multiply(settings.grossMargin(), KpiValue.PRECISION);
        // The 12th root has no exact decimal form: it is taken in double precision (about 15 significant
        // digits) from the exact share of customers kept, then carried on as BigDecimal.
        double kept = (double) (year.activeAtStart() - year.churned()) / year.activeAtStart();
        BigDecimal monthlyChurn = BigDecimal.ONE.subtract(new BigDecimal(Math.pow(kept, 1.0 / 12), KpiValue.PRECISION));
        BigDecimal floor = BigDecimal.ONE.divide(BigDecimal.valueOf(settings.clvMaxMonths()), MathContext.DECIMAL128);
        BigDecimal churnUsed = monthlyChurn.compareTo(floor) < 0 ? floor : monthlyChurn;
        BigDecimal lifetime = BigDecimal.ONE.divide(churnUsed, MathContext.DECIMAL128);
        return new KpiValue(id, null, null, monthlyGrossProfit.multiply(lifetime, KpiValue.PRECISION), monthlyGrossProfit,
                churnUsed.round(KpiValue.PRECISION), year.activeAtStart(), null);
    }

    private static KpiValue ltvCac(KpiValue clv, CustomerQueries.Year year, CostQueries.Costs yearCosts) {
        String id = "ltv_cac_ratio";
        if (!clv.hasValue()) {
            return KpiValue.none(id, null, null, clv.reason());
        }
        if (year.newCustomers() == 0) {
            return KpiValue.none(id, null, null, "no new customers in the 365 days up to the end of the period");
        }
        BigDecimal cac12m = yearCosts.total().divide(BigDecimal.valueOf(year.newCustomers()), KpiValue.PRECISION);
        return KpiValue.ratio(id, null, null, clv.value(), cac12m,
                "no marketing or sales cost in the 365 days up to the end of the period").withCases(year.newCustomers());
    }

    /**
     * (first-year value × gross margin of the period's won campaign-sourced deals − marketing cost) / marketing
     * cost. It rests on those deals: a month's return on one or two won deals is luck, not a verdict.
     */
    private KpiValue romi(ReportingPeriod period, BigDecimal marketingCost) {
        if (settings.margin().isEmpty()) {
            return KpiValue.none("romi", null, null, KpiSettings.NO_GROSS_MARGIN);
        }
        BigDecimal[] firstYearValue = {BigDecimal.ZERO};
        long[] deals = {0};
        jdbc.query(CAMPAIGN_SOURCED_WINS, new MapSqlParameterSource("start", period.startTime())
                .addValue("end", period.endTime()), rs -> {
                    firstYearValue[0] = firstYearValue[0].add(
                            CampaignReturns.firstYearValue(rs.getBigDecimal("amount"), rs.getInt("term")));
                    deals[0] += rs.getLong("deals");
                });
        BigDecimal grossProfit = firstYearValue[0].multiply(settings.grossMargin()).round(KpiValue.PRECISION);
        return KpiValue.ratio("romi", null, null, grossProfit.subtract(marketingCost), marketingCost,
                "no marketing cost in the period").withCases(deals[0]);
    }

    /**
     * Per campaign started in the 730 days before the end: (first-year value × gross margin of the deals
     * won since its start − its cost) / its cost; the total over the campaigns with a cost.
     */
    private List<KpiValue> campaignRomi(ReportingPeriod period) {
        String id = "campaign_romi";
        if (settings.margin().isEmpty()) {
            return List.of(KpiValue.none(id, null, null, KpiSettings.NO_GROSS_MARGIN));
        }
        List<KpiValue> rows = new ArrayList<>();
        BigDecimal profit = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        long deals = 0;
        for (CampaignReturn c : campaignReturns.before(period.end())) {
            BigDecimal grossProfit = c.firstYearValue().multiply(settings.grossMargin()).round(KpiValue.PRECISION);
            rows.add(KpiValue.ratio(id, "campaign", c.id(), grossProfit.subtract(c.cost()), c.cost(),
                    "no cost recorded for the campaign before the end of the period").withCases(c.wonDeals()));
            if (c.cost().signum() > 0) {
                profit = profit.add(grossProfit);
                cost = cost.add(c.cost());
                deals += c.wonDeals();
            }
        }
        List<KpiValue> values = new ArrayList<>();
        values.add(KpiValue.ratio(id, null, null, profit.subtract(cost), cost,
                "no campaign started in the 730 days before the end of the period has a recorded cost")
                .withCases(deals));
        values.addAll(rows);
        return values;
    }
}
