package io.kpipeline.generate;

import io.kpipeline.model.Table;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Inserts generated rows into the canonical tables over one connection: JDBC batches per table
 * (multi-row inserts with {@code rewriteBatchedStatements=true}), committed every few batches.
 * Foreign-key and unique checks are off for this session only, since the generator's rows are
 * consistent by construction and arrive interleaved across tables; generated columns are left
 * to the database.
 */
public final class DatabaseSink implements RowSink {

    static final int BATCH_ROWS = 5_000;
    private static final int COMMIT_ROWS = 20_000;

    private final Connection connection;
    private final boolean autoCommit;
    private final PreparedStatement[] statements = new PreparedStatement[Tables.ALL.size()];
    private final int[] pending = new int[Tables.ALL.size()];
    private int uncommitted;

    private DatabaseSink(Connection connection) throws SQLException {
        this.connection = connection;
        this.autoCommit = connection.getAutoCommit();
        try (Statement s = connection.createStatement()) {
            s.execute("SET foreign_key_checks = 0");
            s.execute("SET unique_checks = 0");
        }
        connection.setAutoCommit(false);
    }

    /** A sink on a new connection of {@code dataSource}; closing the sink returns it. */
    public static DatabaseSink open(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            return new DatabaseSink(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw failure("Cannot open a database connection for the generated data", e);
        }
    }

    @Override
    public void accept(Table table, Object[] values) {
        int t = Tables.index(table);
        try {
            PreparedStatement statement = statements[t];
            if (statement == null) {
                statement = connection.prepareStatement(insert(table));
                statements[t] = statement;
            }
            for (int i = 0; i < values.length; i++) {
                bind(statement, i + 1, values[i]);
            }
            statement.addBatch();
            if (++pending[t] >= BATCH_ROWS) {
                execute(t);
            }
        } catch (SQLException e) {
            throw failure("Cannot insert into " + table.name(), e);
        }
    }

    static String insert(Table table) {
        return "INSERT INTO " + table.name() + " (" + String.join(", ", table.columnNames()) + ") VALUES ("
                + table.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof Integer i) {
            statement.setInt(index, i);
        } else if (value instanceof LocalDateTime t) {
            statement.setObject(index, t);
        } else if (value instanceof LocalDate d) {
            statement.setObject(index, d);
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

    private void execute(int t) throws SQLException {
        statements[t].executeBatch();
        uncommitted += pending[t];
        pending[t] = 0;
        if (uncommitted >= COMMIT_ROWS) {
            connection.commit();
            uncommitted = 0;
        }
    }

    @Override
    public void finish() {
        try {
            for (int t = 0; t < statements.length; t++) {
                if (pending[t] > 0) {
                    execute(t);
                }
            }
            connection.commit();
            uncommitted = 0;
        } catch (SQLException e) {
            throw failure("Cannot store the generated rows", e);
        }
    }

    /** Rolls back what is not committed, restores the session and returns the connection. */
    @Override
    public void close() {
        try {
            for (PreparedStatement statement : statements) {
                if (statement != null) {
                    statement.close();
                }
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            try (Statement s = connection.createStatement()) {
                s.execute("SET foreign_key_checks = 1");
                s.execute("SET unique_checks = 1");
            }
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw failure("Cannot release the database connection", e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static DataAccessResourceFailureException failure(String message, SQLException e) {
        return new DataAccessResourceFailureException(message + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the original failure is the one to report
            }
        }
    }
}
