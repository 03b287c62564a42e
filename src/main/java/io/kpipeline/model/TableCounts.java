package io.kpipeline.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        return CanonicalModel.tables().stream().allMatch(this::isEmpty);
    }

    /** The tables of {@code names} (canonical table names) that hold no row. */
    public Set<String> empty(Collection<String> names) {
        Set<String> empty = new TreeSet<>();
        for (String name : names) {
            Table table = CanonicalModel.table(name).orElseThrow(() -> new IllegalArgumentException(name
                    + " is not a table of the canonical model"));
            if (isEmpty(table)) {
                empty.add(name);
            }
        }
        return empty;
    }

    private boolean isEmpty(Table table) {
        // Table names come from the model, never from input.
        return jdbc.queryForList("SELECT 1 FROM " + table.sqlName() + " LIMIT 1").isEmpty();
    }

    /** Deletes every row of the canonical tables, children before parents, in one transaction. */
    public void deleteAll() {
        var tables = CanonicalModel.tables();
        for (int i = tables.size() - 1; i >= 0; i--) {
            jdbc.update("DELETE FROM " + tables.get(i).sqlName());
            jdbc.update(SourceChanges.RAISE_JDBC, tables.get(i).name(), SourceChanges.ANY_MONTH);
        }
    }
}
