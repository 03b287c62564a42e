package io.kpipeline.report;

import io.kpipeline.system.PrivateFiles;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A PDF a report's job wrote, and whom it is for: the report's recipients, or one sales rep.
 * Serializable so that the job can keep the list in its execution context for the steps after rendering.
 *
 * @param file       the absolute path of the PDF
 * @param salesRepId the rep the personal report is for, null for the report's own recipients
 */
public record RenderedPdf(String file, String salesRepId) implements Serializable {

    /** Writes the PDF, creating its folder, and returns it as rendered for {@code salesRepId} (null: the report's recipients). */
    public static RenderedPdf write(Path file, byte[] pdf, String salesRepId) {
        try {
            PrivateFiles.write(file, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        return new RenderedPdf(file.toAbsolutePath().toString(), salesRepId);
    }

    public boolean isPersonal() {
        return salesRepId != null;
    }
}
