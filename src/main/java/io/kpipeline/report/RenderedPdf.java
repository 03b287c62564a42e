package io.kpipeline.report;

import java.io.Serializable;

/**
 * A PDF a report's job wrote, and whom it is for: the report's recipients, or one sales rep.
 * Serializable so that the job can keep the list in its execution context for the steps after rendering.
 *
 * @param file       the absolute path of the PDF
 * @param salesRepId the rep the personal report is for, null for the report's own recipients
 */
public record RenderedPdf(String file, String salesRepId) implements Serializable {

    public boolean isPersonal() {
        return salesRepId != null;
    }
}
