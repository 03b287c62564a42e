package io.kpipeline.report;

import io.kpipeline.period.ReportKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A PDF that a report's job renders from the period's stored results: the report itself, or
 * one document per sales rep beside it. The job's render step writes every document of its report,
 * once in each language its recipients read.
 */
public interface ReportDocument {

    /** Whether the job of {@code report} renders this document. */
    boolean renders(ReportKind report);

    /** Renders the stored results of the edition's report and period into {@code folder} in the reports' language. */
    List<RenderedPdf> write(Edition edition, Path folder);

    /**
     * Renders the document in {@code language} and returns what it wrote: in the reports' language under its
     * configured name, in another one beside it (see {@link RenderedPdf#fileIn}). A document that has only
     * one reader, whose language is the reports', writes nothing in another language.
     */
    List<RenderedPdf> write(Edition edition, Path folder, Locale language);

    /**
     * Renders the document in each of {@code languages} (see {@link #write(Edition, Path, Locale)}). A document
     * whose input costs a query of its own reads it once for all languages.
     */
    default List<RenderedPdf> write(Edition edition, Path folder, List<Locale> languages) {
        return languages.stream().flatMap(language -> write(edition, folder, language).stream()).toList();
    }
}
