package io.kpipeline.generate;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Table;
import java.util.List;

/** The canonical tables the generator writes, looked up once. */
final class Tables {

    static final List<Table> ALL = CanonicalModel.tables();
    static final Table CHANNEL = get("channel");
    static final Table SALES_REP = get("sales_rep");
    static final Table CAMPAIGN = get("campaign");
    static final Table ACCOUNT = get("account");
    static final Table LEAD = get("lead");
    static final Table FUNNEL_EVENT = get("funnel_event");
    static final Table DEAL = get("deal");
    static final Table ACTIVITY = get("activity");
    static final Table EMAIL_MESSAGE = get("email_message");
    static final Table WEB_TRAFFIC_DAILY = get("web_traffic_daily");
    static final Table SOCIAL_DAILY = get("social_daily");
    static final Table AD_SPEND_DAILY = get("ad_spend_daily");
    static final Table COST_ENTRY = get("cost_entry");
    static final Table CUSTOMER_ORDER = get("customer_order");
    static final Table SUBSCRIPTION = get("subscription");
    static final Table COMPLAINT = get("complaint");
    static final Table REFERRAL = get("referral");
    static final Table FEEDBACK = get("feedback");

    private Tables() {
    }

    /** Position of the table in the canonical order (an identity lookup, cheap per row). */
    static int index(Table table) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i) == table) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a canonical table: " + table.name());
    }

    private static Table get(String name) {
        return CanonicalModel.table(name).orElseThrow();
    }
}
