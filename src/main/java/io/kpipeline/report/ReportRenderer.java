package io.kpipeline.report;

import io.kpipeline.system.KpiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fills a compiled template from {@code reports/} with parameters and JavaBean rows and exports it
 * as a reproducible PDF: the same data gives the same bytes (fixed metadata, the period as the
 * only date). A template's {@code JasperReport} parameters named {@code …Subreport} receive the
 * compiled subreport of that name.
 */
@Component
public class ReportRenderer {

    static final String AUTHOR = "kpi-pipeline";

    private final Locale locale;
    private final Map<String, JasperReport> templates = new ConcurrentHashMap<>();

    @Autowired
    ReportRenderer(ReportSettings settings) {
        this(settings.reportLocale());
    }

    ReportRenderer(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * @param template     the template's name, e.g. {@code WeeklyKpiReport}
     * @param parameters   the template's parameters (locale, bundle and subreports are added)
     * @param rows         the rows of the main dataset, JavaBeans with getters
     * @param title        the document title in the PDF's metadata
     * @param documentDate the only date the file carries: the report period's last day
     */
    public byte[] render(String template, Map<String, ?> parameters, Collection<?> rows, String title,
            LocalDate documentDate) {
        JasperReport report = template(template);
        Map<String, Object> all = new HashMap<>(parameters);
        all.put(JRParameter.REPORT_LOCALE, locale);
        all.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        for (JRParameter p : report.getParameters()) {
            if (!p.isSystemDefined() && p.getName().endsWith("Subreport")
                    && JasperReport.class.getName().equals(p.getValueClassName())) {
                all.putIfAbsent(p.getName(), template(p.getName()));
            }
        }
        // JasperReports finds styles, bundles and fonts through the context class loader, which a
        // scheduler thread may not have set to the application's (the jar's) class loader
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ReportRenderer.class.getClassLoader());
        try {
            ensureTemporaryDirectory();
            JasperPrint print = JasperFillManager.fillReport(report, all, new JRBeanCollectionDataSource(rows));
            return PdfNormalizer.normalize(export(print, title), documentDate);
        } catch (JRException e) {
            throw new KpiException("Could not render " + template + ": " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static byte[] export(JasperPrint print, String title) throws JRException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(title);
        configuration.setMetadataAuthor(AUTHOR);
        configuration.setMetadataCreator(AUTHOR);
        configuration.setDisplayMetadataTitle(true);
        exporter.setConfiguration(configuration);
        exporter.exportReport();
        return pdf.toByteArray();
    }

    /** A compiled template from the classpath, loaded once. */
    JasperReport template(String name) {
        return templates.computeIfAbsent(name, n -> {
            String resource = "reports/" + n + ".jasper";
            try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new KpiException("The report template " + resource + " is not on the classpath; build with"
                            + " ./mvnw package, which compiles reports/" + n + ".jrxml.");
                }
                return (JasperReport) JRLoader.loadObject(in);
            } catch (IOException | JRException e) {
                throw new KpiException("Could not load the report template " + resource + ": " + e.getMessage(), e);
            }
        });
    }

    /** Font extensions fail without it, and a cleaned-up /tmp is not unusual on servers. */
    private static void ensureTemporaryDirectory() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException("The temporary directory " + System.getProperty("java.io.tmpdir")
                    + " is missing and cannot be created", e);
        }
    }
}
