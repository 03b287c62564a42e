package io.kpipeline.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A connection pool that stops waiting for a database it knows to be gone. Once a request has waited the
 * pool's connection timeout while every attempt to connect failed (the server was killed or stopped), the
 * requests of the next {@code quiet} fail at once with that failure. Without this each of the half a
 * dozen updates Spring Batch makes to record a failed run would wait the timeout again, and a run whose
 * database died would take minutes to end. A timeout without a failure to connect (every connection busy)
 * is not taken for a dead server.
 */
final class FailFastDataSource extends DelegatingDataSource implements AutoCloseable {

    private final long quietNanos;
    private volatile SQLException gone;
    private volatile long goneSince;

    FailFastDataSource(DataSource pool, Duration quiet) {
        super(pool);
        this.quietNanos = quiet.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        SQLException known = gone;
        long now = System.nanoTime();
        if (known != null && now - goneSince < quietNanos) {
            throw new SQLTransientConnectionException("The database did not answer a moment ago: "
                    + known.getMessage(), known.getSQLState(), known);
        }
        try {
            Connection connection = super.getConnection();
            gone = null;
            return connection;
        } catch (SQLTransientConnectionException e) {
            if (e.getCause() != null) {
                goneSince = System.nanoTime();
                gone = e;
            }
            throw e;
        }
    }

    /** Closes the pool, as the pool's own bean would be closed. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
