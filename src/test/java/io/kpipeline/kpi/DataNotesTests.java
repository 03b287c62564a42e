package io.kpipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.model.TableCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The data-quality notes on hand-made rows: two accounts, one subscription, a few orders. */
@SpringBootTest
class DataNotesTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TableCounts tables;
    @Autowired
    DataNotes notes;

    @BeforeEach
    void accounts() {
        tables.deleteAll();
        jdbc.update("""
                INSERT INTO account (id, name, segment, created_at) VALUES
                ('A1', 'Subscriber', 'SMB', '2026-01-01 00:00:00'),
                ('A2', 'Buyer', 'SMB', '2026-01-01 00:00:00')""");
    }

    @Test
    void subscriptionsWithOrdersNoneOfWhichIsLinkedToOneAreNoted() {
        subscription();
        // I1 is A1's subscription invoice, but exported without its subscription_id: it looks one-off
        order("I1", null, "A1");
        order("O2", null, "A2");

        assertThat(notes.notes()).containsExactly(DataNote.ORDERS_NOT_LINKED_TO_SUBSCRIPTIONS);
    }

    @Test
    void oneOrderLinkedToItsSubscriptionIsEnoughToTellInvoicesFromOneOffOrders() {
        subscription();
        order("I1", "S1", "A1");
        order("O2", null, "A2");

        assertThat(notes.notes()).isEmpty();
    }

    @Test
    void withoutSubscriptionsEveryOrderIsOneOffAndThereIsNothingToNote() {
        order("O1", null, "A1");
        order("O2", null, "A2");

        assertThat(notes.notes()).isEmpty();
    }

    @Test
    void subscriptionsWithoutAnyOrderAreNothingToNoteEither() {
        // no order to take for one-off: active customers and churn rest on the subscriptions alone
        subscription();

        assertThat(notes.notes()).isEmpty();
    }

    @Test
    void theNoteNamesTheKpisThatRestOnActiveCustomersOrOneOffOrders() {
        assertThat(DataNote.ORDERS_NOT_LINKED_TO_SUBSCRIPTIONS.kpis()).contains("active_customers", "churn_rate",
                "customer_retention_rate", "repurchase_rate", "contact_frequency")
                .doesNotContain("mrr", "mrr_churn_rate", "revenue", "new_customers");
    }

    private void subscription() {
        jdbc.update("""
                INSERT INTO subscription (id, account_id, start_date, end_date, mrr)
                VALUES ('S1', 'A1', '2026-01-01', NULL, 100.00)""");
    }

    private void order(String id, String subscription, String account) {
        jdbc.update("""
                INSERT INTO customer_order (id, subscription_id, account_id, channel_code, order_date, amount, status)
                VALUES (?, ?, ?, NULL, '2026-02-01', 100.00, 'BOOKED')""", id, subscription, account);
    }
}
