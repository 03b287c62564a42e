package io.kpipeline.generate;

import io.kpipeline.model.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Inserts generated rows into the canonical tables. Rows are collected per table into chunks of
 * {@value #BATCH_ROWS}; writer threads, each on its own connection, load a chunk with LOAD DATA
 * where the server allows it, else as one JDBC batch (a multi-row insert with
 * {@code rewriteBatchedStatements=true}). Each connection commits once, at {@link #finish()}, so an
 * interrupted or failed run leaves no half-written data set behind. Two
 * connections keep the database server busy on both cores while this thread generates. The rows
 * are consistent by construction and arrive interleaved across tables, so foreign-key and unique
 * checks are off for these sessions only.
 *
 * <p>A sink that {@linkplain #replacing replaces} the stored rows works on one connection instead: it deletes
 * the old rows in the same transaction as it loads the new ones, so that a replace stopped or failed half-way
 * leaves the database exactly as it was. A transaction cannot span two connections, and two commits would
 * leave a moment in which one table holds the new rows and the others the old ones.
 */
public final class DatabaseSink implements RowSink {

    static final int BATCH_ROWS = 5_000;
    private static final int WRITERS = 2;

    /** Rows of one table, ready to insert; an empty chunk tells a writer to stop. */
    record Chunk(Table table, Object[][] rows, int size) {
    }

    private static final Chunk STOP = new Chunk(null, new Object[0][], 0);

    private final List<BlockingQueue<Chunk>> queues = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final List<ChunkWriter> writers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Object[][][] buffers = new Object[Tables.ALL.size()][][];
    private final int[] filled = new int[Tables.ALL.size()];
    private boolean stopped;

    private DatabaseSink(DataSource dataSource, boolean replace) {
        try {
            for (int i = 0; i < (replace ? 1 : WRITERS); i++) {
                writers.add(new ChunkWriter(dataSource.getConnection()));
            }
            if (replace) {
                writers.get(0).deleteAll();
            }
        } catch (SQLException e) {
            writers.forEach(ChunkWriter::close);
            throw new DataAccessResourceFailureException(
                    "Cannot open database connections for the generated data: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            writers.forEach(ChunkWriter::close);
            throw e;
        }
        for (int i = 0; i < writers.size(); i++) {
            ChunkWriter writer = writers.get(i);
            BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(2);
            queues.add(queue);
            Thread thread = new Thread(() -> drain(writer, queue), "demo-data-writer-" + (i + 1));
            threads.add(thread);
            thread.start();
        }
    }

    /** A sink on new connections of {@code dataSource}; closing the sink returns them. */
    public static DatabaseSink open(DataSource dataSource) {
        return new DatabaseSink(dataSource, false);
    }

    /**
     * A sink that replaces every row of the canonical tables by the rows it is given, in one transaction
     * committed by {@link #finish()}: until then readers see the old rows, and closing the sink unfinished
     * (Ctrl-C, a failure) keeps them.
     */
    public static DatabaseSink replacing(DataSource dataSource) {
        return new DatabaseSink(dataSource, true);
    }

    @Override
    public void accept(Table table, Object[] values) {
        int t = Tables.index(table);
        if (buffers[t] == null) {
            buffers[t] = new Object[BATCH_ROWS][];
        }
        buffers[t][filled[t]++] = values;
        if (filled[t] == BATCH_ROWS) {
            submit(new Chunk(table, buffers[t], BATCH_ROWS));
            buffers[t] = null;
            filled[t] = 0;
        }
    }

    /**
     * Each table always goes to the same connection: a transaction that loads an empty table holds
     * it until commit, so two connections must never share one. email_message, more than half of
     * all rows, has a connection of its own; the other tables share the second (a replacing sink has one).
     */
    private int writerOf(Table table) {
        return table == Tables.EMAIL_MESSAGE || writers.size() == 1 ? 0 : 1;
    }

    private void submit(Chunk chunk) {
        rethrow();
        try {
            queues.get(writerOf(chunk.table())).put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing generated rows", e);
        }
    }

    private void drain(ChunkWriter writer, BlockingQueue<Chunk> queue) {
        while (true) {
            Chunk chunk;
            try {
                chunk = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (chunk == STOP) {
                return;
            }
            if (failure.get() == null) {
                try {
                    writer.write(chunk);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        }
    }

    @Override
    public void finish() {
        for (int t = 0; t < buffers.length; t++) {
            if (filled[t] > 0) {
                submit(new Chunk(Tables.ALL.get(t), buffers[t], filled[t]));
                buffers[t] = null;
                filled[t] = 0;
            }
        }
        stopWriters();
        rethrow();
        writers.forEach(ChunkWriter::commit);
    }

    private void stopWriters() {
        if (stopped) {
            return;
        }
        stopped = true;
        boolean interrupted = false;
        for (BlockingQueue<Chunk> queue : queues) {
            while (true) {
                try {
                    queue.put(STOP);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Stops the writers (rows not yet finished are dropped), restores the sessions and returns the connections. */
    @Override
    public void close() {
        if (!stopped) {
            failure.compareAndSet(null, new IllegalStateException("closed before finish"));
            queues.forEach(BlockingQueue::clear);
            stopWriters();
        }
        RuntimeException first = null;
        for (ChunkWriter writer : writers) {
            try {
                writer.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
