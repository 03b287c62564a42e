package io.kpipeline.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Row counts of the canonical tables, as the summaries of import, generate and demo print them. */
@Component
public class TableCounts {

    private final JdbcTemplate jdbc;

    TableCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows per table, in foreign-key order. */
    public Map<String, Long> count() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table table : CanonicalModel.tables()) {
            // Table names come from the model, never from input.
            counts.put(table.name(), jdbc.queryForObject("SELECT COUNT(*) FROM " + table.sqlName(), Long.class));
        }
        return counts;
    }

    /** Whether no canonical table holds a row. */
    public boolean allEmpty() {
        for (Table table : CanonicalModel.tables()) {
            if (!jdbc.queryForList("SELECT 1 FROM " + table.sqlName() + " LIMIT 1").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Deletes every row of the canonical tables, children before parents, in one transaction. */
    public void deleteAll() {
        var tables = CanonicalModel.tables();
        for (int i = tables.size() - 1; i >= 0; i--) {
            jdbc.update("DELETE FROM " + tables.get(i).sqlName());
        }
    }
}
