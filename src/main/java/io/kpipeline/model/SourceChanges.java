package io.kpipeline.model;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What has changed in the source tables, as a version per table and month that every write raises
 * ({@code source_change}): the months of the dates of the rows a write inserted or changed, before and after.
 * A stored KPI computation remembers the versions of the months it read, and stays valid while they are
 * unchanged. Rows of reference tables (channels, reps, campaigns, accounts) describe every period at once: a
 * change to them counts under {@link #ANY_MONTH}, which every window includes.
 */
@Component
public class SourceChanges {

    /** The month under which a change counts that is not tied to a date: every window includes it. */
    public static final LocalDate ANY_MONTH = LocalDate.of(1000, 1, 1);

    /** Tables whose rows describe every period at once, whatever their dates. */
    private static final Set<String> REFERENCE_TABLES = Set.of("channel", "sales_rep", "campaign", "account");

    /**
     * Records a change of a table's rows in the writer's transaction: parameter 1 the table, 2 the month
     * ({@link #ANY_MONTH} for a change not tied to dates, such as a whole table deleted or generated anew).
     */
    public static final String RAISE_JDBC = """
            INSERT INTO source_change (table_name, month, version) VALUES (?, ?, 1)
            ON DUPLICATE KEY UPDATE version = version + 1""";

    private static final String READ = "SELECT table_name, month, version FROM source_change";

    private final NamedParameterJdbcTemplate jdbc;

    SourceChanges(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The date columns by whose months a change of the table's rows counts; none for a reference table or a
     * table without dates, whose changes count under {@link #ANY_MONTH}.
     */
    public static java.util.List<String> datedBy(Table table) {
        if (REFERENCE_TABLES.contains(table.name())) {
            return java.util.List.of();
        }
        return table.columns().stream().filter(c -> switch (c.type()) {
            case DATE, MONTH, TIMESTAMP -> true;
            default -> false;
        }).map(Column::name).toList();
    }

    /** The versions as they stand now, read once; a computation takes it before it reads any source row. */
    public Snapshot snapshot() {
        Map<String, NavigableMap<LocalDate, Long>> versions = new HashMap<>();
        jdbc.query(READ, rs -> {
            versions.computeIfAbsent(rs.getString("table_name"), t -> new TreeMap<>())
                    .put(rs.getObject("month", LocalDate.class), rs.getLong("version"));
        });
        return new Snapshot(versions);
    }

    /** The change versions of every table and month at one moment. */
    public record Snapshot(Map<String, NavigableMap<LocalDate, Long>> versions) {

        /**
         * The sum of the versions of {@code table}'s months that overlap the dates {@code [from, to)} (either
         * end {@code null}: unbounded), and of its changes not tied to a date. It grows with every change a
         * computation over that window could see.
         */
        public long version(String table, LocalDate from, LocalDate to) {
            NavigableMap<LocalDate, Long> months = versions.get(table);
            if (months == null) {
                return 0;
            }
            // the month starting before `from` overlaps it when `from` is not its first day
            LocalDate first = from == null ? ANY_MONTH : from.withDayOfMonth(1);
            NavigableMap<LocalDate, Long> window = to == null ? months.tailMap(first, true)
                    : months.subMap(first, true, to, false);
            long version = window.values().stream().mapToLong(Long::longValue).sum();
            if (from != null) {
                version += months.getOrDefault(ANY_MONTH, 0L);
            }
            return version;
        }
    }
}
