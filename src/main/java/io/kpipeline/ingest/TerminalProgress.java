package io.kpipeline.ingest;

import io.kpipeline.system.Progress;

/** Shows the import of each file with {@link Progress}; the estimate counts bytes. */
final class TerminalProgress implements ImportListener {

    private Progress progress = Progress.silent("");

    @Override
    public void fileStarted(String fileName, long sizeBytes) {
        progress = Progress.onTerminal(fileName, sizeBytes);
    }

    @Override
    public void rowsRead(String fileName, long rows, long bytesRead) {
        progress.update(rows, bytesRead);
    }

    @Override
    public void fileFinished(FileResult result) {
        progress.finish();
    }
}
