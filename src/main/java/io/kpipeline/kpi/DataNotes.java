package io.kpipeline.kpi;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks the data for what the reports must note beside their KPIs ({@link DataNote}), one cheap query
 * per note, so that every report asks the same question the same way.
 */
@Component
public class DataNotes {

    /**
     * Subscriptions and orders exist, but not one order carries a subscription_id. Each EXISTS stops at
     * the first row (the subscription_id test on the index of its foreign key).
     */
    static final String ORDERS_NOT_LINKED_TO_SUBSCRIPTIONS = """
            SELECT EXISTS (SELECT 1 FROM subscription)
               AND EXISTS (SELECT 1 FROM customer_order)
               AND NOT EXISTS (SELECT 1 FROM customer_order WHERE subscription_id IS NOT NULL)""";

    private final JdbcTemplate jdbc;

    DataNotes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The notes that apply to the data as it is now; empty when there is nothing to note. */
    public Set<DataNote> notes() {
        Set<DataNote> notes = EnumSet.noneOf(DataNote.class);
        if (Boolean.TRUE.equals(jdbc.queryForObject(ORDERS_NOT_LINKED_TO_SUBSCRIPTIONS, Boolean.class))) {
            notes.add(DataNote.ORDERS_NOT_LINKED_TO_SUBSCRIPTIONS);
        }
        return notes;
    }
}
