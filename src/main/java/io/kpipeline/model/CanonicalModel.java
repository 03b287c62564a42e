package io.kpipeline.model;

import static io.kpipeline.model.ColumnType.BOOLEAN;
import static io.kpipeline.model.ColumnType.CODE;
import static io.kpipeline.model.ColumnType.COUNT;
import static io.kpipeline.model.ColumnType.COUNTRY;
import static io.kpipeline.model.ColumnType.DATE;
import static io.kpipeline.model.ColumnType.ID;
import static io.kpipeline.model.ColumnType.INTEGER;
import static io.kpipeline.model.ColumnType.LARGE_COUNT;
import static io.kpipeline.model.ColumnType.LONG_TEXT;
import static io.kpipeline.model.ColumnType.MONEY;
import static io.kpipeline.model.ColumnType.MONTH;
import static io.kpipeline.model.ColumnType.SCORE;
import static io.kpipeline.model.ColumnType.TEXT;
import static io.kpipeline.model.ColumnType.TIMESTAMP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The canonical input tables of the shared data model (version {@value #VERSION}), in foreign-key
 * order (every table comes after the tables it references). The schema in {@code sql/} holds the
 * same tables; the import validates against this description and the generator writes by it.
 */
public final class CanonicalModel {

    /** The version of data-model.md this model implements. */
    public static final int VERSION = 2;

    public static final List<String> STAGES = List.of("MQL", "SAL", "SQL", "FIRST_MEETING", "SECOND_MEETING",
            "OFFER", "CONTRACT_SENT", "WON", "LOST", "DISQUALIFIED");
    public static final List<String> DEAL_STAGES = List.of("SQL", "FIRST_MEETING", "SECOND_MEETING", "OFFER",
            "CONTRACT_SENT", "WON", "LOST");
    public static final List<String> ACTIVITY_TYPES = List.of("RESEARCH", "CALL", "EMAIL", "MEETING", "VISIT",
            "VIDEO_CALL", "CHAT", "SOCIAL_MESSAGE");

    private static final List<Table> TABLES = List.of(
            table("channel", "code").col("code", CODE).col("name", TEXT)
                    .code("category", "ONLINE", "OFFLINE").build(),
            table("sales_rep", "id").col("id", ID).col("name", TEXT).opt("email", TEXT).opt("team", TEXT)
                    .col("active", BOOLEAN).build(),
            table("campaign", "id").col("id", ID).col("name", TEXT).fk("channel_code", "channel")
                    .col("start_date", DATE).opt("end_date", DATE).opt("budget", MONEY).build(),
            table("account", "id").col("id", ID).col("name", TEXT).opt("industry", TEXT)
                    .optCode("segment", "SMB", "MID", "ENTERPRISE").opt("country", COUNTRY)
                    .col("created_at", TIMESTAMP).build(),
            table("lead", "id").col("id", ID).optFk("account_id", "account").fk("channel_code", "channel")
                    .optFk("campaign_id", "campaign").optFk("owner_rep_id", "sales_rep")
                    .col("created_at", TIMESTAMP).build(),
            table("funnel_event", "lead_id", "stage").fk("lead_id", "lead").code("stage", STAGES)
                    .col("occurred_at", TIMESTAMP).build(),
            table("deal", "id").col("id", ID).fk("lead_id", "lead").fk("account_id", "account")
                    .optFk("owner_rep_id", "sales_rep").col("created_at", TIMESTAMP).code("stage", DEAL_STAGES)
                    .code("status", "OPEN", "WON", "LOST").col("amount", MONEY).opt("contract_months", COUNT)
                    .opt("closed_at", TIMESTAMP).opt("expected_close_date", DATE).since(2).build(),
            table("activity", "id").col("id", ID).fk("rep_id", "sales_rep").optFk("lead_id", "lead")
                    .optFk("account_id", "account").fk("channel_code", "channel").code("type", ACTIVITY_TYPES)
                    .col("occurred_at", TIMESTAMP).opt("duration_minutes", COUNT)
                    .optCode("outcome", "REACTION", "NO_REACTION").build(),
            table("email_message", "id").col("id", ID).optFk("campaign_id", "campaign").optFk("lead_id", "lead")
                    .optFk("rep_id", "sales_rep").code("kind", "MARKETING", "NEWSLETTER", "SALES")
                    .col("sent_at", TIMESTAMP).code("status", "DELIVERED", "BOUNCED").opt("opened_at", TIMESTAMP)
                    .opt("clicked_at", TIMESTAMP).opt("replied_at", TIMESTAMP).opt("unsubscribed_at", TIMESTAMP)
                    .build(),
            table("web_traffic_daily", "date", "channel_code", "landing_page").col("date", DATE)
                    .fk("channel_code", "channel").text("landing_page", 512).col("sessions", COUNT)
                    .col("users", COUNT).col("pageviews", COUNT).col("bounced_sessions", COUNT)
                    .col("total_session_seconds", LARGE_COUNT).col("downloads", COUNT).col("contact_requests", COUNT)
                    .build(),
            table("social_daily", "date", "network").col("date", DATE).text("network", 64)
                    .col("followers", INTEGER).col("likes", COUNT).col("posts", COUNT).col("clicks", COUNT).build(),
            table("ad_spend_daily", "date", "channel_code", "campaign_id").col("date", DATE)
                    .fk("channel_code", "channel").optFk("campaign_id", "campaign").col("cost", MONEY)
                    .col("impressions", COUNT).col("clicks", COUNT).build(),
            table("cost_entry", "month", "category", "channel_code", "campaign_id").col("month", MONTH)
                    .code("category", "MARKETING", "SALES").optFk("channel_code", "channel")
                    .optFk("campaign_id", "campaign").since(2).col("amount", MONEY).build(),
            table("subscription", "id").col("id", ID).fk("account_id", "account").optFk("deal_id", "deal")
                    .col("start_date", DATE).opt("end_date", DATE).col("mrr", MONEY).opt("cancelled_at", TIMESTAMP)
                    .build(),
            table("customer_order", "id").col("id", ID).optFk("subscription_id", "subscription").since(2)
                    .fk("account_id", "account").optFk("deal_id", "deal")
                    .optFk("channel_code", "channel").col("order_date", DATE).col("amount", MONEY)
                    .code("status", "BOOKED", "CANCELLED").opt("cancelled_at", TIMESTAMP)
                    .optText("discount_code", 64).build(),
            table("complaint", "id").col("id", ID).fk("account_id", "account").optFk("order_id", "customer_order")
                    .code("type", "COMPLAINT", "WARRANTY").col("opened_at", TIMESTAMP).build(),
            table("referral", "id").col("id", ID).fk("referring_account_id", "account").fk("lead_id", "lead")
                    .col("created_at", TIMESTAMP).build(),
            table("feedback", "id").col("id", ID).fk("account_id", "account").col("received_at", TIMESTAMP)
                    .col("score", SCORE).opt("comment", LONG_TEXT).build());

    private CanonicalModel() {
    }

    /** All tables, parents before children. */
    public static List<Table> tables() {
        return TABLES;
    }

    public static Optional<Table> table(String name) {
        return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The table a CSV file name stands for, e.g. {@code lead.csv}. */
    public static Optional<Table> forFile(String fileName) {
        return TABLES.stream().filter(t -> t.fileName().equals(fileName)).findFirst();
    }

    private static Builder table(String name, String... key) {
        return new Builder(name, List.of(key));
    }

    private static final class Builder {
        private final String name;
        private final List<String> key;
        private final List<Column> columns = new ArrayList<>();

        Builder(String name, List<String> key) {
            this.name = name;
            this.key = key;
        }

        Builder col(String column, ColumnType type) {
            return add(column, type, true, List.of(), null, defaultLength(type));
        }

        Builder opt(String column, ColumnType type) {
            return add(column, type, false, List.of(), null, defaultLength(type));
        }

        Builder text(String column, int maxLength) {
            return add(column, TEXT, true, List.of(), null, maxLength);
        }

        Builder optText(String column, int maxLength) {
            return add(column, TEXT, false, List.of(), null, maxLength);
        }

        Builder code(String column, String... codes) {
            return code(column, Arrays.asList(codes));
        }

        Builder code(String column, List<String> codes) {
            return add(column, CODE, true, codes, null, 0);
        }

        Builder optCode(String column, String... codes) {
            return add(column, CODE, false, Arrays.asList(codes), null, 0);
        }

        Builder fk(String column, String referenced) {
            return add(column, referenced.equals("channel") ? CODE : ID, true, List.of(), referenced, 0);
        }

        Builder optFk(String column, String referenced) {
            return add(column, referenced.equals("channel") ? CODE : ID, false, List.of(), referenced, 0);
        }

        /** Marks the column added last as one that version {@code version} of the data model added. */
        Builder since(int version) {
            Column c = columns.remove(columns.size() - 1);
            columns.add(new Column(c.name(), c.type(), c.required(), c.codes(), c.references(), c.maxLength(), version));
            return this;
        }

        private Builder add(String column, ColumnType type, boolean required, List<String> codes, String references,
                int maxLength) {
            columns.add(new Column(column, type, required, codes, references, maxLength, 1));
            return this;
        }

        /** VARCHAR(255) for text, MySQL's TEXT (65,535 bytes) for long text, as in the schema. */
        private static int defaultLength(ColumnType type) {
            return switch (type) {
                case TEXT -> 255;
                case LONG_TEXT -> 65_535;
                default -> 0;
            };
        }

        Table build() {
            return new Table(name, columns, key);
        }
    }
}
