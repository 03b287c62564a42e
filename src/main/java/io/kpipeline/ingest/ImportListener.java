package io.kpipeline.ingest;

/**
 * Follows an import file by file, e.g. to show progress. Rows and bytes read are reported every
 * few thousand rows; bytes against the file size give the time left.
 */
public interface ImportListener {

    /** A file is about to be read. */
    default void fileStarted(String fileName, long sizeBytes) {
    }

    /** Rows of the current file read (and validated) so far, and the bytes they took. */
    default void rowsRead(String fileName, long rows, long bytesRead) {
    }

    /** A file is done, loaded or refused. */
    default void fileFinished(FileResult result) {
    }

    /** A listener that does nothing. */
    static ImportListener none() {
        return new ImportListener() {
        };
    }

    /**
     * A progress line per file on standard error (rows, rows/s, time left), cleared when the file
     * is done so that the caller's summary line stands alone; silent off a terminal.
     */
    static ImportListener progressOnTerminal() {
        return new TerminalProgress();
    }
}
