package io.kpipeline.report;

import java.nio.file.Path;
import java.util.List;

/**
 * A PDF that a report's job renders from the period's stored results: the report itself, or
 * one document per sales rep beside it. The job's render step writes every document of its report.
 */
public interface ReportDocument {

    /** Whether the job of {@code report} ({@code weekly}, {@code monthly}, … {@code review}) renders this document. */
    boolean renders(String report);

    /** Renders the stored results of the edition's report and period into {@code folder} and returns what it wrote. */
    List<RenderedPdf> write(Edition edition, Path folder);
}
