package io.kpipeline.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each campaign has brought and cost since its start (kpi-vocabulary.md, {@code campaign_romi}):
 * the campaigns started in the 730 days before a period's end, the leads they brought, the
 * first-year value of the deals won from those leads since the campaign's start, and the campaign
 * cost (its ad spend and the marketing cost entries assigned to it, prorated by day), all before the
 * period's end. {@code campaign_romi} and the management report's campaign table read the same figures.
 */
@Component
public class CampaignReturns {

    /** How far back a campaign's start may lie for it to be listed. */
    public static final int WINDOW_DAYS = 730;

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private static final String CAMPAIGNS = """
            SELECT id, start_date, budget
            FROM campaign
            WHERE start_date >= :windowStart AND start_date < :endDate
            ORDER BY start_date, id
            """;

    /**
     * Per campaign of the window: leads created since its start ({@code leads}), the amount of deals won
     * since its start per contract term ({@code won}, term 0 for one-off sales, so that the first-year
     * value is divided in Java, and how many they are in {@code deals}), its ad spend ({@code ad_spend}, divisor 1) and its marketing cost entries,
     * Σ amount × days of the entry's month before the end, per length of the month ({@code entries}).
     */
    private static final String MEASURES = """
            SELECT c.id AS campaign_id, 'leads' AS measure, 1 AS divisor, COUNT(*) AS amount, 0 AS deals
            FROM campaign c
            JOIN `lead` l ON l.campaign_id = c.id
            WHERE c.start_date >= :windowStart AND c.start_date < :endDate
              AND l.created_at >= c.start_date AND l.created_at < :end
            GROUP BY c.id
            UNION ALL
            SELECT c.id, 'won', CASE WHEN d.contract_months > 0 THEN d.contract_months ELSE 0 END, SUM(d.amount),
                   COUNT(*)
            FROM campaign c
            JOIN `lead` l ON l.campaign_id = c.id
            JOIN deal d ON d.lead_id = l.id
            WHERE c.start_date >= :windowStart AND c.start_date < :endDate
              AND d.status = 'WON' AND d.closed_at >= c.start_date AND d.closed_at < :end
            GROUP BY c.id, CASE WHEN d.contract_months > 0 THEN d.contract_months ELSE 0 END
            UNION ALL
            SELECT c.id, 'ad_spend', 1, SUM(a.cost), 0
            FROM campaign c
            JOIN ad_spend_daily a ON a.campaign_id = c.id
            WHERE c.start_date >= :windowStart AND c.start_date < :endDate AND a.date < :endDate
            GROUP BY c.id
            UNION ALL
            SELECT c.id, 'entries', DATEDIFF(DATE_ADD(e.month, INTERVAL 1 MONTH), e.month),
                   SUM(e.amount * DATEDIFF(LEAST(CAST(:endDate AS DATE), DATE_ADD(e.month, INTERVAL 1 MONTH)), e.month)), 0
            FROM campaign c
            JOIN cost_entry e ON e.campaign_id = c.id
            WHERE c.start_date >= :windowStart AND c.start_date < :endDate
              AND e.category = 'MARKETING' AND e.month < :endDate
            GROUP BY c.id, DATEDIFF(DATE_ADD(e.month, INTERVAL 1 MONTH), e.month)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    CampaignReturns(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaigns started in the 730 days before {@code end}, oldest first, with their figures before {@code end}. */
    public List<CampaignReturn> before(LocalDate end) {
        var params = new MapSqlParameterSource("windowStart", end.minusDays(WINDOW_DAYS)).addValue("endDate", end)
                .addValue("end", end.atStartOfDay());
        Map<String, Builder> campaigns = new LinkedHashMap<>();
        jdbc.query(CAMPAIGNS, params, rs -> {
            campaigns.put(rs.getString("id"), new Builder(rs.getString("id"),
                    rs.getObject("start_date", LocalDate.class), rs.getBigDecimal("budget")));
        });
        jdbc.query(MEASURES, params, rs -> {
            Builder b = campaigns.get(rs.getString("campaign_id"));
            int divisor = rs.getInt("divisor");
            BigDecimal amount = rs.getBigDecimal("amount");
            switch (rs.getString("measure")) {
                case "leads" -> b.leads = amount.longValueExact();
                case "won" -> {
                    b.firstYearValue = b.firstYearValue.add(firstYearValue(amount, divisor));
                    b.wonDeals += rs.getLong("deals");
                }
                case "ad_spend" -> b.cost = b.cost.add(amount);
                case "entries" -> b.cost = b.cost.add(amount.divide(BigDecimal.valueOf(divisor), MathContext.DECIMAL128));
                default -> throw new IllegalStateException("unknown measure " + rs.getString("measure"));
            }
        });
        List<CampaignReturn> result = new ArrayList<>();
        campaigns.values().forEach(b -> result.add(new CampaignReturn(b.id, b.start, b.budget, b.leads,
                b.wonDeals, b.firstYearValue.round(KpiValue.PRECISION), b.cost.round(KpiValue.PRECISION))));
        return result;
    }

    /**
     * The first-year value of deals of one contract term (kpi-vocabulary.md): amount × min(12, months) /
     * months, or the amount itself for one-off sales ({@code months} 0).
     */
    static BigDecimal firstYearValue(BigDecimal amount, int months) {
        if (months <= 0) {
            return amount;
        }
        return amount.multiply(BigDecimal.valueOf(Math.min(12, months)))
                .divide(BigDecimal.valueOf(months), MathContext.DECIMAL128);
    }

    /**
     * One campaign's figures since its start, before the end of a period.
     *
     * @param id             the campaign id
     * @param start          its start date
     * @param budget         its planned budget, or null
     * @param leads          leads created with this campaign since its start
     * @param wonDeals       the deals won from its leads since its start: a return resting on one deal is luck
     *                       as much as a campaign's merit, which a report may want to say
     * @param firstYearValue Σ first-year value of the deals won from its leads since its start
     * @param cost           its ad spend plus the marketing cost entries assigned to it
     */
    public record CampaignReturn(String id, LocalDate start, BigDecimal budget, long leads, long wonDeals,
            BigDecimal firstYearValue, BigDecimal cost) {

        /** The share of the budget spent; null without a budget. */
        public BigDecimal budgetUsed() {
            return budget == null || budget.signum() == 0 ? null : cost.divide(budget, KpiValue.PRECISION);
        }
    }

    private static final class Builder {
        private final String id;
        private final LocalDate start;
        private final BigDecimal budget;
        private long leads;
        private long wonDeals;
        private BigDecimal firstYearValue = BigDecimal.ZERO;
        private BigDecimal cost = BigDecimal.ZERO;

        Builder(String id, LocalDate start, BigDecimal budget) {
            this.id = id;
            this.start = start;
            this.budget = budget;
        }
    }
}
