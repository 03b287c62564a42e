package io.kpipeline.generate;

import io.kpipeline.generate.DatabaseSink.Chunk;
import io.kpipeline.model.SourceChanges;
import io.kpipeline.model.Table;
import io.kpipeline.system.LoadDataBuffer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * One connection of the {@link DatabaseSink}: inserts a chunk of one table as a JDBC batch and
 * leaves the commit to the sink. Used by one writer thread at a time. Generated columns of the schema are not in the
 * canonical model and so are never inserted.
 */
final class ChunkWriter {

    private final Connection connection;
    private final boolean autoCommit;
    private final PreparedStatement[] statements = new PreparedStatement[Tables.ALL.size()];
    /** Loads chunks as LOAD DATA where the server allows it, else they go as batched inserts. */
    private final LoadDataBuffer bulk;
    /** The tables this connection deleted or wrote: at commit every stored computation that read them is stale. */
    private final Set<String> changed = new TreeSet<>();

    ChunkWriter(Connection connection) throws SQLException {
        this.connection = connection;
        this.autoCommit = connection.getAutoCommit();
        try (Statement s = connection.createStatement()) {
            s.execute("SET foreign_key_checks = 0");
            s.execute("SET unique_checks = 0");
        }
        connection.setAutoCommit(false);
        this.bulk = LoadDataBuffer.isSupported(connection) ? new LoadDataBuffer() : null;
    }

    void write(Chunk chunk) {
        Table table = chunk.table();
        int t = Tables.index(table);
        changed.add(table.name());
        try {
            if (bulk != null) {
                for (int r = 0; r < chunk.size(); r++) {
                    bulk.add(chunk.rows()[r]);
                }
                bulk.loadInto(connection, table.sqlName(), table.columnNames());
                return;
            }
            if (statements[t] == null) {
                statements[t] = connection.prepareStatement(insert(table));
            }
            PreparedStatement statement = statements[t];
            for (int r = 0; r < chunk.size(); r++) {
                Object[] values = chunk.rows()[r];
                for (int i = 0; i < values.length; i++) {
                    bind(statement, i + 1, values[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot insert into " + table.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes every row of the canonical tables, children before parents, in this connection's transaction: the
     * rows written next replace them at {@link #commit()}, and a rollback brings them back.
     */
    void deleteAll() {
        for (int t = Tables.ALL.size() - 1; t >= 0; t--) {
            Table table = Tables.ALL.get(t);
            changed.add(table.name());
            // Table names come from the model, never from input.
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("DELETE FROM " + table.sqlName());
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Cannot delete the rows of " + table.name() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    static String insert(Table table) {
        return "INSERT INTO " + table.sqlName() + " (" + table.columnNames().stream().map(c -> "`" + c + "`")
                .collect(Collectors.joining(", ")) + ") VALUES ("
                + table.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof Integer i) {
            statement.setInt(index, i);
        } else if (value instanceof LocalDateTime || value instanceof LocalDate) {
            statement.setObject(index, value);
        } else if (value instanceof BigDecimal b) {
            statement.setBigDecimal(index, b);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else {
            throw new IllegalArgumentException("Unsupported value " + value.getClass().getName());
        }
    }

    /** Commits everything this connection wrote; until then an interrupted run leaves nothing behind. */
    void commit() {
        try (PreparedStatement raise = connection.prepareStatement(SourceChanges.RAISE_JDBC)) {
            // generated rows span every month: the change is the whole table's
            for (String table : changed) {
                raise.setString(1, table);
                raise.setObject(2, SourceChanges.ANY_MONTH);
                raise.addBatch();
            }
            raise.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot commit the generated data: " + e.getMessage(), e);
        }
    }

    /** Rolls back what is not committed, restores the session and returns the connection. */
    void close() {
        try {
            for (PreparedStatement statement : statements) {
                if (statement != null) {
                    statement.close();
                }
            }
            connection.rollback();
            try (Statement s = connection.createStatement()) {
                s.execute("SET foreign_key_checks = 1");
                s.execute("SET unique_checks = 1");
            }
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot release a database connection: " + e.getMessage(), e);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // the pool discards a connection it cannot take back; nothing is lost
            }
        }
    }
}
