package io.kpipeline.report;

import io.kpipeline.period.ReportingPeriod;
import java.nio.file.Path;
import java.util.List;

/**
 * A PDF that a report's job renders from the period's stored results: the report itself, or
 * one document per sales rep beside it. The job's render step writes every document of its report.
 */
public interface ReportDocument {

    /** The report whose job renders this document: {@code weekly}, {@code monthly} or {@code review}. */
    String report();

    /** Renders the period's stored results into {@code folder} and returns what it wrote. */
    List<RenderedPdf> write(ReportingPeriod period, Path folder);
}
