package io.kpipeline.ingest;

import java.util.List;
import java.util.Optional;

/**
 * Rows for one canonical table, as text in the header's column order: a canonical CSV file, or what a
 * source profile makes of a CRM's exports. The import validates, stages and upserts them the same way
 * whatever their source; a row comes from one of the source's {@link Part}s, whose file, column labels
 * and dialect the messages and the value conversion use.
 */
public interface RowSource extends AutoCloseable {

    /** What the summary line names, e.g. {@code lead.csv} or {@code lead}. */
    String name();

    /** The canonical columns the rows hold, in order. */
    List<String> columns();

    /** The bytes the source will read, for the progress estimate (0 when unknown). */
    long sizeBytes();

    /** The bytes read so far. */
    long bytesRead();

    /** The part with this index, as passed to the sink with each of its rows. */
    Part part(int index);

    /**
     * Reads every row into {@code sink}, streaming.
     *
     * @throws ImportRefusedException when the source cannot be read (bad encoding, quotes, header …)
     */
    void forEachRow(Sink sink);

    /** Releases what the source holds open (files); it throws nothing. */
    @Override
    default void close() {
    }

    /** A problem found over all rows once they are read (values no mapping covers), or none. */
    default Optional<ImportProblem> problemAfterReading() {
        return Optional.empty();
    }

    /** Takes the rows of a source. */
    @FunctionalInterface
    interface Sink {

        /**
         * One row.
         *
         * @param part   the index of the part it comes from (0 to 126)
         * @param line   the physical line of the part's file where the row starts (1 is the header)
         * @param sub    0, or the number of a further row made from the same line (0 to 65,535)
         * @param values the values in {@link #columns()} order, empty text for NULL
         */
        void row(int part, long line, int sub, String[] values);
    }

    /**
     * Where rows come from: a file and what its columns are called there.
     *
     * @param file    the file name messages name
     * @param labels  per canonical column of {@link #columns()}, how the file calls it (a header label, or a
     *                profile key for a constant)
     * @param dialect how the file writes its values (resolved: delimiter and decimal separator known)
     */
    record Part(String file, List<String> labels, Dialect dialect) {

        public Part {
            labels = List.copyOf(labels);
        }
    }
}
