package io.kpipeline.report;

import io.kpipeline.system.PrivateFiles;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A PDF a report's job wrote, and whom it is for: the report's recipients, or one sales rep.
 * Serializable so that the job can keep the list in its execution context for the steps after rendering.
 *
 * @param file       the absolute path of the PDF
 * @param salesRepId the rep the personal report is for, null for the report's own recipients
 * @param language   the language it is written in ({@code de}, {@code en}); null for the reports' language
 *                   (kpi.reports.locale)
 */
public record RenderedPdf(String file, String salesRepId, String language) implements Serializable {

    /** A PDF in the reports' language. */
    public RenderedPdf(String file, String salesRepId) {
        this(file, salesRepId, null);
    }

    /**
     * Where a document named {@code name} is written in {@code language}: under its name in the reports' language,
     * else with the language before the extension ({@code management-report.en.pdf}), so that each language is
     * rendered once per run and both files stay side by side.
     */
    public static Path fileIn(Path folder, String name, Locale language, Locale reportsLanguage) {
        if (language.getLanguage().equals(reportsLanguage.getLanguage())) {
            return folder.resolve(name);
        }
        int dot = name.lastIndexOf('.');
        return folder.resolve(name.substring(0, dot) + "." + language.getLanguage() + name.substring(dot));
    }

    /** Writes the PDF in {@code language}, creating its folder, for the report's own recipients. */
    public static RenderedPdf write(Path file, byte[] pdf, Locale language, Locale reportsLanguage) {
        RenderedPdf written = write(file, pdf, null);
        return language.getLanguage().equals(reportsLanguage.getLanguage()) ? written
                : new RenderedPdf(written.file(), null, language.getLanguage());
    }

    /** Writes the PDF, creating its folder, and returns it as rendered for {@code salesRepId} (null: the report's recipients). */
    public static RenderedPdf write(Path file, byte[] pdf, String salesRepId) {
        try {
            PrivateFiles.write(file, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        return new RenderedPdf(file.toAbsolutePath().toString(), salesRepId);
    }

    /** The language it is written in, {@code reportsLanguage} where it was not set. */
    public String languageOr(String reportsLanguage) {
        return language == null ? reportsLanguage : language;
    }

    public boolean isPersonal() {
        return salesRepId != null;
    }
}
