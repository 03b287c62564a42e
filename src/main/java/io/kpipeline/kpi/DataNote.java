package io.kpipeline.kpi;

import java.util.Set;

/**
 * A data-quality note a report prints beside its KPIs: the data cannot support a definition of
 * kpi-vocabulary.md as written, and the values of some KPIs say less than they seem to. Each report
 * words the note itself (its own text key); {@link #kpis()} says which KPIs it concerns.
 */
public enum DataNote {

    /**
     * Subscriptions and orders exist, but no order carries a {@code subscription_id} (kpi-vocabulary.md,
     * "Periods", data quality): every order counts as one-off, subscription invoices included, so the
     * active-customer rule, and with it churn and retention, and the repurchase rate cannot tell them
     * apart. Concerns the KPIs whose definitions use active customers or one-off orders.
     */
    ORDERS_NOT_LINKED_TO_SUBSCRIPTIONS(Set.of("active_customers", "churn_rate", "customer_retention_rate",
            "repurchase_rate", "arpa", "avg_relationship_years", "new_to_existing_ratio", "contact_frequency", "clv",
            "ltv_cac_ratio"));

    private final Set<String> kpis;

    DataNote(Set<String> kpis) {
        this.kpis = kpis;
    }

    /** The ids of the KPIs whose values the note concerns. */
    public Set<String> kpis() {
        return kpis;
    }
}
