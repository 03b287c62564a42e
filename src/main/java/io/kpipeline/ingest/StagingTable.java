package io.kpipeline.ingest;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Column;
import io.kpipeline.model.SourceChanges;
import io.kpipeline.model.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import io.kpipeline.system.LoadDataBuffer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A temporary table holding the rows of one file with their line numbers, so that duplicate keys
 * and foreign keys are checked set-based in the database (memory stays flat however long the
 * file) before the rows are upserted into the canonical table. Lives on the connection of the
 * file's transaction; only identifiers from the canonical model are written into SQL, values are
 * always bound.
 */
final class StagingTable {

    private static final int ROWS_PER_INSERT = 1_000;
    private static final int ROWS_PER_LOAD = 10_000;
    private static final long CHARS_PER_INSERT = 2_000_000;

    private static final String DROP = "DROP TEMPORARY TABLE IF EXISTS ingest_staging";

    private static final String CREATE = """
            CREATE TEMPORARY TABLE ingest_staging (
                csv_line BIGINT NOT NULL,
                %s,
                PRIMARY KEY (csv_line),
                KEY ix_ingest_staging_key (%s)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin""";

    private static final String INSERT_ROWS = "INSERT INTO ingest_staging (csv_line, %s) VALUES %s";

    /** The first line whose key an earlier line already has; NULL key parts compare equal. */
    private static final String FIRST_DUPLICATE = """
            SELECT s.csv_line, MIN(d.csv_line) AS first_line
            FROM ingest_staging s
            JOIN ingest_staging d ON %s AND d.csv_line < s.csv_line
            GROUP BY s.csv_line
            ORDER BY s.csv_line
            LIMIT 1""";

    /** Rows whose key an earlier row has, for a table filled from several sources whose first row wins. */
    private static final String DELETE_LATER_DUPLICATES = """
            DELETE s FROM ingest_staging s
            JOIN ingest_staging d ON %s AND d.csv_line < s.csv_line""";

    private static final String KEY_VALUES = "SELECT %s FROM ingest_staging WHERE csv_line = ?";

    /** The first line whose non-null reference is not a stored row of the referenced table. */
    private static final String FIRST_UNKNOWN_REFERENCE = """
            SELECT s.csv_line, s.%1$s AS ref_value
            FROM ingest_staging s
            WHERE s.%1$s IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM %2$s p WHERE p.%3$s = s.%1$s)
            ORDER BY s.csv_line
            LIMIT 1""";

    /** Staged rows whose key is already stored: they will update, the others insert. */
    private static final String COUNT_STORED = "SELECT COUNT(*) FROM ingest_staging s JOIN %s t ON %s";

    /**
     * The months of the dates of the staged rows that insert or change a stored row, and of the stored rows they
     * change: one pass, one row per combination of months (few), {@code %1$s} the month expressions, {@code %2$s}
     * the target table, {@code %3$s} the key join, {@code %4$s} the test for a new or changed row.
     */
    private static final String CHANGED_MONTHS = """
            SELECT DISTINCT %1$s
            FROM ingest_staging s
            LEFT JOIN %2$s t ON %3$s
            WHERE %4$s""";

    /** VALUES(c) rather than an alias: the form both MySQL 8 and MariaDB accept. */
    private static final String UPSERT = """
            INSERT INTO %1$s (%2$s)
            SELECT %2$s FROM ingest_staging
            ON DUPLICATE KEY UPDATE %3$s""";

    private final JdbcTemplate jdbc;
    private final Table table;
    private final Header header;
    private final String insertColumns;
    private final List<Object[]> pending = new ArrayList<>(ROWS_PER_INSERT);
    private long pendingChars;
    /** Where the server allows it, rows are staged with LOAD DATA (about twice as fast as INSERT). */
    private LoadDataBuffer bulk;
    private final List<String> bulkColumns;

    StagingTable(JdbcTemplate jdbc, Table table, Header header) {
        this.jdbc = jdbc;
        this.table = table;
        this.header = header;
        this.insertColumns = header.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        this.bulkColumns = java.util.stream.Stream.concat(java.util.stream.Stream.of("csv_line"),
                header.columns().stream().map(Column::name)).toList();
    }

    void create() {
        jdbc.execute(DROP);
        String columns = table.columns().stream()
                .map(c -> quote(c.name()) + " " + sqlType(c) + " NULL")
                .collect(Collectors.joining(",\n    "));
        jdbc.execute(CREATE.formatted(columns, quotedList(table.key())));
        Boolean supported = jdbc.execute((ConnectionCallback<Boolean>) LoadDataBuffer::isSupported);
        bulk = Boolean.TRUE.equals(supported) ? new LoadDataBuffer() : null;
    }

    void drop() {
        jdbc.execute(DROP);
    }

    /** Stages one row: its line and its values in header order. */
    void add(long line, Object[] values) {
        Object[] row = new Object[values.length + 1];
        row[0] = line;
        System.arraycopy(values, 0, row, 1, values.length);
        if (bulk != null) {
            bulk.add(row);
            if (bulk.rows() == ROWS_PER_LOAD) {
                flush();
            }
            return;
        }
        pending.add(row);
        for (Object value : values) {
            if (value instanceof String s) {
                pendingChars += s.length();
            }
        }
        if (pending.size() == ROWS_PER_INSERT || pendingChars >= CHARS_PER_INSERT) {
            flush();
        }
    }

    /** Writes the rows staged so far, as one multi-row insert (fast whatever the driver's batch settings). */
    void flush() {
        if (bulk != null) {
            if (bulk.rows() > 0) {
                jdbc.execute((ConnectionCallback<Long>) c -> bulk.loadInto(c, "ingest_staging", bulkColumns));
            }
            return;
        }
        if (pending.isEmpty()) {
            return;
        }
        String placeholders = "(" + String.join(", ", Collections.nCopies(header.size() + 1, "?")) + ")";
        String sql = INSERT_ROWS.formatted(insertColumns,
                String.join(", ", Collections.nCopies(pending.size(), placeholders)));
        jdbc.update(sql, this::bind);
        pending.clear();
        pendingChars = 0;
    }

    record Duplicate(long line, long firstLine, List<String> key) {
    }

    Optional<Duplicate> firstDuplicate() {
        String sameKey = table.key().stream().map(k -> "d." + quote(k) + " <=> s." + quote(k))
                .collect(Collectors.joining(" AND "));
        List<long[]> found = jdbc.query(FIRST_DUPLICATE.formatted(sameKey),
                (rs, n) -> new long[] {rs.getLong("csv_line"), rs.getLong("first_line")});
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long line = found.get(0)[0];
        List<String> key = jdbc.queryForObject(KEY_VALUES.formatted(quotedList(table.key())), (rs, n) -> {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= table.key().size(); i++) {
                String value = rs.getString(i);
                values.add(value == null ? "" : value);
            }
            return values;
        }, line);
        return Optional.of(new Duplicate(line, found.get(0)[1], key));
    }

    /** Deletes every row whose key an earlier row has; returns how many. */
    long deleteLaterDuplicates() {
        String sameKey = table.key().stream().map(k -> "d." + quote(k) + " <=> s." + quote(k))
                .collect(Collectors.joining(" AND "));
        return jdbc.update(DELETE_LATER_DUPLICATES.formatted(sameKey));
    }

    record UnknownReference(long line, String value) {
    }

    Optional<UnknownReference> firstUnknownReference(Column column) {
        Table referenced = CanonicalModel.table(column.references()).orElseThrow();
        String sql = FIRST_UNKNOWN_REFERENCE.formatted(quote(column.name()), referenced.sqlName(),
                quote(referenced.key().get(0)));
        return jdbc.query(sql, (rs, n) -> new UnknownReference(rs.getLong("csv_line"), rs.getString("ref_value")))
                .stream().findFirst();
    }

    long countStored() {
        Long count = jdbc.queryForObject(COUNT_STORED.formatted(table.sqlName(), sameKey()), Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Records in {@code source_change} what the upsert is about to change (see {@link SourceChanges}): the months
     * of the dates of every new or changed row, before and after; a row staged exactly as stored changes nothing.
     * Runs in the load's transaction, before the upsert.
     */
    void recordChanges() {
        List<String> dated = SourceChanges.datedBy(table);
        String firstKey = quote(table.key().get(0));
        String sameValues = table.columns().stream().map(Column::name).filter(c -> !table.key().contains(c))
                .map(c -> "t." + quote(c) + " <=> s." + quote(c)).collect(Collectors.joining(" AND "));
        String changed = "t." + firstKey + " IS NULL" + (sameValues.isEmpty() ? "" : " OR NOT (" + sameValues + ")");
        List<String> months = new ArrayList<>();
        for (String column : dated) {
            months.add(month("s." + quote(column)));
            months.add(month("t." + quote(column)));
        }
        String select = months.isEmpty() ? "1" : String.join(", ", months);
        Set<LocalDate> touched = new TreeSet<>();
        boolean[] any = {false};
        jdbc.query(CHANGED_MONTHS.formatted(select, table.sqlName(), sameKey(), changed), rs -> {
            any[0] = true;
            for (int i = 1; i <= months.size(); i++) {
                LocalDate month = rs.getObject(i, LocalDate.class);
                if (month != null) {
                    touched.add(month);
                }
            }
        });
        if (any[0] && dated.isEmpty()) {
            touched.add(SourceChanges.ANY_MONTH);
        }
        jdbc.batchUpdate(SourceChanges.RAISE_JDBC, touched.stream()
                .map(m -> new Object[] {table.name(), m}).toList());
    }

    /**
     * The join of a staged row {@code s} with the stored row {@code t} of its key, as the upsert matches them:
     * NULL key parts compare equal (the schema's generated key columns stand in for them).
     */
    private String sameKey() {
        return table.key().stream().map(k -> "t." + quote(k) + " <=> s." + quote(k))
                .collect(Collectors.joining(" AND "));
    }

    /** The first day of the month of a date or timestamp column, as a DATE; NULL for NULL. */
    private static String month(String column) {
        return "DATE_SUB(DATE(" + column + "), INTERVAL DAYOFMONTH(" + column + ") - 1 DAY)";
    }

    void upsert() {
        String columns = quotedList(table.columnNames());
        String updates = table.columns().stream().map(Column::name).filter(c -> !table.key().contains(c))
                .map(c -> quote(c) + " = VALUES(" + quote(c) + ")").collect(Collectors.joining(", "));
        jdbc.update(UPSERT.formatted(table.sqlName(), columns, updates));
    }

    private void bind(PreparedStatement ps) throws SQLException {
        int index = 1;
        for (Object[] row : pending) {
            for (Object value : row) {
                ps.setObject(index++, value);
            }
        }
    }

    /** The column type of the staging table, wide enough for every value {@link ValueParser} accepts. */
    static String sqlType(Column column) {
        return switch (column.type()) {
            case ID -> "VARCHAR(64)";
            case TEXT -> "VARCHAR(" + column.maxLength() + ")";
            case LONG_TEXT -> "TEXT";
            case CODE -> "VARCHAR(32)";
            case TIMESTAMP -> "DATETIME";
            case DATE, MONTH -> "DATE";
            case MONEY -> "DECIMAL(14,2)";
            case COUNT -> "INT";
            case LARGE_COUNT -> "BIGINT";
            case INTEGER, SCORE -> "INT";
            case BOOLEAN -> "BOOLEAN";
            case COUNTRY -> "CHAR(2)";
        };
    }

    private static String quotedList(List<String> names) {
        return names.stream().map(StagingTable::quote).collect(Collectors.joining(", "));
    }

    /** Backticks, since some canonical names are reserved words (LEAD in MySQL 8). */
    private static String quote(String identifier) {
        return "`" + identifier + "`";
    }
}
