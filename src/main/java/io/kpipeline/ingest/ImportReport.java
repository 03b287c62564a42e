package io.kpipeline.ingest;

import java.util.List;

/**
 * The outcome of importing a directory: one result per CSV file, unknown file names first, then
 * the tables in foreign-key order.
 */
public record ImportReport(List<FileResult> files) {

    public ImportReport {
        files = List.copyOf(files);
    }

    /** True when every file was loaded (also when there was none); the CLI exits 0 then. */
    public boolean allLoaded() {
        return files.stream().allMatch(FileResult::loaded);
    }

    /** The summary lines of all files, in import order. */
    public List<String> summaryLines() {
        return files.stream().map(FileResult::summaryLine).toList();
    }
}
