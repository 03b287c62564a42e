package io.kpipeline.sync;

import io.kpipeline.ingest.Dialect;
import io.kpipeline.ingest.ImportProblem;
import io.kpipeline.ingest.ImportRefusedException;
import io.kpipeline.ingest.RowSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a profile's query, read from the source database as a stream, for the import's
 * {@link io.kpipeline.ingest.TableLoader}: the query's column labels name the canonical columns, and its values go
 * through the same conversion and validation as a file's (timestamps from the source's zone to the business
 * zone). A query run once per day yields the days' rows one after another. Messages name the query file and the
 * row ("line" n + 1, the header being line 1).
 */
final class QueryRows implements RowSource {

    private final Connection connection;
    private final SyncQuery query;
    private final Iterator<SyncQuery.Bound> runs;
    private final Part part;
    private final List<String> columns;
    private PreparedStatement statement;
    private ResultSet current;
    private long rows;

    /**
     * Runs the first of {@code runs} to learn the columns.
     *
     * @throws SQLException when the source refuses the query
     */
    QueryRows(Connection connection, SyncQuery query, List<SyncQuery.Bound> runs, Dialect dialect) throws SQLException {
        this.connection = connection;
        this.query = query;
        this.runs = runs.iterator();
        this.current = next();
        ResultSetMetaData meta = current.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        this.columns = List.copyOf(names);
        this.part = new Part(query.file(), columns, dialect);
    }

    private ResultSet next() throws SQLException {
        closeStatement();
        if (!runs.hasNext()) {
            return null;
        }
        statement = query.prepare(connection, runs.next());
        return statement.executeQuery();
    }

    @Override
    public String name() {
        return query.file();
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public long sizeBytes() {
        return 0;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    public Part part(int index) {
        return part;
    }

    @Override
    public void forEachRow(Sink sink) {
        try {
            while (current != null) {
                int width = columns.size();
                while (current.next()) {
                    rows++;
                    String[] values = new String[width];
                    for (int i = 0; i < width; i++) {
                        String value = current.getString(i + 1);
                        values[i] = value == null ? "" : value;
                    }
                    sink.row(0, rows + 1, 0, values);
                }
                current = next();
            }
        } catch (SQLException e) {
            throw new ImportRefusedException(new ImportProblem(query.file(), rows + 1, null, null,
                    "the source database failed while it was read (" + e.getMessage() + ")",
                    "Nothing of the table was stored; check the source database and sync again."));
        }
    }

    private void closeStatement() {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing a finished statement: nothing left to save
            }
            statement = null;
        }
    }

    @Override
    public void close() {
        closeStatement();
    }
}
