package io.kpipeline.kpi;

import io.kpipeline.kpi.CustomerQueries.Segment;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The customer base of a period: active and new customers, churn and retention against the opening
 * day, MRR churn, net and gross revenue retention, repurchase among one-off buyers, relationship
 * length and the new-to-existing ratio, in total and per segment. All of them come from the one
 * per-account pass of {@link CustomerQueries}.
 */
@Component
class CustomerCalculator implements KpiCalculator {

    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.25");
    private static final String NO_OPENING_CUSTOMERS = "no customers active on the opening day (the day before the period)";
    private static final String NO_ACTIVE = "no customers active on the last day of the period";
    private static final String NO_BASE_MRR = "no account had subscription MRR 365 days before the last day of the period";

    private final CustomerQueries customerQueries;

    CustomerCalculator(CustomerQueries customerQueries) {
        this.customerQueries = customerQueries;
    }

    @Override
    public Set<String> kpiIds() {
        return Set.of("active_customers", "new_customers", "churn_rate", "customer_retention_rate",
                "net_revenue_retention", "gross_revenue_retention", "mrr_churn_rate", "repurchase_rate",
                "avg_relationship_years", "new_to_existing_ratio");
    }

    @Override
    public Set<String> sourceTables() {
        return Set.of("customer_order", "subscription");
    }

    /** First customer dates read the whole customer history up to the period's end; segments are the accounts' current ones. */
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
        List<KpiValue> values = new ArrayList<>();
        values.addAll(values(null, figures.total()));
        for (Map.Entry<String, Segment> segment : figures.segments().entrySet()) {
            values.addAll(values(segment.getKey(), segment.getValue()));
        }
        Segment total = figures.total();
        // Taken literally from the vocabulary: a new customer who is no longer active on the last day counts
        // in new_customers but not in active_customers, so the denominator may be ≤ 0.
        long existing = total.activeAtEnd() - total.newCustomers();
        KpiValue ratio = KpiValue.ratio("new_to_existing_ratio", null, null, BigDecimal.valueOf(total.newCustomers()),
                BigDecimal.valueOf(existing), "no existing customers: every customer active on the last day is new");
        values.add(existing > 0 ? ratio.withCases(existing) : ratio);
        return values;
    }

    /**
     * The values of one segment ({@code segment} null: the totals, which are always given). A segment
     * gets a KPI only when the KPI's numerator or denominator is not zero there.
     */
    private static List<KpiValue> values(String segment, Segment f) {
        boolean total = segment == null;
        String dim = total ? null : "segment";
        List<KpiValue> values = new ArrayList<>();
        if (total || f.activeAtEnd() > 0) {
            values.add(KpiValue.of("active_customers", dim, segment, BigDecimal.valueOf(f.activeAtEnd())));
            values.add(KpiValue.ratio("avg_relationship_years", dim, segment, BigDecimal.valueOf(f.relationshipDays()),
                    BigDecimal.valueOf(f.activeAtEnd()).multiply(DAYS_PER_YEAR), NO_ACTIVE)
                    .withCases(f.activeAtEnd()));
        }
        if (total || f.newCustomers() > 0) {
            values.add(KpiValue.of("new_customers", dim, segment, BigDecimal.valueOf(f.newCustomers())));
        }
        if (total || f.activeAtStart() > 0) {
            values.add(KpiValue.countedRatio("churn_rate", dim, segment, BigDecimal.valueOf(f.churned()),
                    BigDecimal.valueOf(f.activeAtStart()), NO_OPENING_CUSTOMERS));
        }
        if (total || f.activeAtStart() > 0 || f.activeAtEnd() > 0) {
            // (E − N) / S with N = active on the last day but not on the opening day (new or reactivated)
            values.add(KpiValue.countedRatio("customer_retention_rate", dim, segment,
                    BigDecimal.valueOf(f.activeAtEnd() - f.gained()), BigDecimal.valueOf(f.activeAtStart()),
                    NO_OPENING_CUSTOMERS));
        }
        if (total || f.mrrAtStart().signum() != 0) {
            values.add(KpiValue.ratio("mrr_churn_rate", dim, segment, f.mrrLost(), f.mrrAtStart(),
                    "no subscription MRR active on the opening day (the day before the period)")
                    .withCases(f.subscriptionsAtStart()));
        }
        if (total || f.baseAccounts() > 0) {
            values.add(KpiValue.ratio("net_revenue_retention", dim, segment, f.baseMrrAtEnd(), f.mrrAtBase(),
                    NO_BASE_MRR).withCases(f.baseAccounts()));
            values.add(KpiValue.ratio("gross_revenue_retention", dim, segment, f.baseMrrKept(), f.mrrAtBase(),
                    NO_BASE_MRR).withCases(f.baseAccounts()));
        }
        if (total || f.oneOffBuyers() > 0) {
            values.add(KpiValue.countedRatio("repurchase_rate", dim, segment, BigDecimal.valueOf(f.repeatBuyers()),
                    BigDecimal.valueOf(f.oneOffBuyers()), "no accounts with a booked one-off order in the period"));
        }
        return values;
    }
}
