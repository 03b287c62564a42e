package io.kpipeline.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The sync ledger ({@code sql/V8__sync_ledger.sql}): per source and table the change mark the last successful load
 * reached, and per sync of a source when it ran and how it ended. The freshness of a source is its last successful
 * sync.
 */
@Component
public class SyncLedger {

    private static final String LAST_CHANGE = """
            SELECT last_change FROM sync_state WHERE source = ? AND table_name = ?""";
    private static final String RECORD = """
            INSERT INTO sync_state (source, table_name, last_change, synced_at, rows_read, rows_inserted, rows_updated)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE last_change = COALESCE(VALUES(last_change), last_change),
                synced_at = VALUES(synced_at), rows_read = VALUES(rows_read),
                rows_inserted = VALUES(rows_inserted), rows_updated = VALUES(rows_updated)""";
    private static final String START = """
            INSERT INTO sync_run (source, started_at, status) VALUES (?, ?, 'RUNNING')""";
    private static final String FINISH = """
            UPDATE sync_run SET finished_at = ?, status = ?, rows_read = ?, rows_loaded = ?, message = ? WHERE id = ?""";
    private static final String LAST_SUCCESS = """
            SELECT MAX(finished_at) FROM sync_run WHERE source = ? AND status = 'SUCCEEDED'""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SyncLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The change mark the last successful load of {@code table} from {@code source} reached, if any. */
    Optional<LocalDateTime> lastChange(String source, String table) {
        List<Timestamp> marks = jdbc.queryForList(LAST_CHANGE, Timestamp.class, source, table);
        return marks.isEmpty() || marks.get(0) == null ? Optional.empty()
                : Optional.of(marks.get(0).toLocalDateTime());
    }

    /** Records a table's successful load, in the load's own transaction. */
    void recordLoad(String source, String table, LocalDateTime lastChange, long read, long inserted, long updated) {
        jdbc.update(RECORD, source, table, lastChange, now(), read, inserted, updated);
    }

    long startRun(String source) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(START, new String[] {"id"});
            statement.setString(1, source);
            statement.setObject(2, now());
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    void finishRun(long id, boolean succeeded, long read, long loaded, String message) {
        jdbc.update(FINISH, now(), succeeded ? "SUCCEEDED" : "FAILED", read, loaded,
                message == null ? null : message.length() > 1000 ? message.substring(0, 999) + "…" : message, id);
    }

    /** When the last successful sync of {@code source} ended, business-local time; empty if none has. */
    public Optional<LocalDateTime> lastSuccess(String source) {
        Timestamp last = jdbc.queryForObject(LAST_SUCCESS, Timestamp.class, source);
        return Optional.ofNullable(last).map(Timestamp::toLocalDateTime);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
