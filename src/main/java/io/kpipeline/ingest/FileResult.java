package io.kpipeline.ingest;

import java.util.Locale;

/**
 * The outcome of importing one CSV file.
 *
 * @param fileName the file name, e.g. {@code lead.csv}
 * @param status   whether its rows were stored
 * @param rowsRead data rows read (up to the problem, for a refused file)
 * @param inserted rows that were new
 * @param updated  rows that replaced a stored row with the same key
 * @param seconds  time taken
 * @param problem  why the file was refused, or {@code null} when it was loaded
 */
public record FileResult(String fileName, Status status, long rowsRead, long inserted, long updated,
        double seconds, ImportProblem problem) {

    /** Whether a file's rows were stored. */
    public enum Status {
        /** All rows stored, in one transaction. */
        LOADED,
        /** Nothing of the file stored. */
        REFUSED
    }

    static FileResult loaded(String fileName, long read, long inserted, long updated, double seconds) {
        return new FileResult(fileName, Status.LOADED, read, inserted, updated, seconds, null);
    }

    static FileResult refused(ImportProblem problem, long read, double seconds) {
        return new FileResult(problem.file(), Status.REFUSED, read, 0, 0, seconds, problem);
    }

    public boolean loaded() {
        return status == Status.LOADED;
    }

    /**
     * One line for the user: {@code lead.csv: 12,345 rows read, 12,000 inserted, 345 updated in 1.2 s},
     * or the problem's message for a refused file.
     */
    public String summaryLine() {
        if (!loaded()) {
            return problem.message();
        }
        return String.format(Locale.ROOT, "%s: %,d %s read, %,d inserted, %,d updated in %.1f s",
                fileName, rowsRead, rowsRead == 1 ? "row" : "rows", inserted, updated, seconds);
    }
}
