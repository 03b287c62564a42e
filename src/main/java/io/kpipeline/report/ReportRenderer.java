package io.kpipeline.report;

import io.kpipeline.system.KpiException;
import io.kpipeline.system.WorkerThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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

    /**
     * The PDFs of one document rendered at once ({@link #each}): two, so that a report's second language or a
     * team's next personal report uses a second core, and a large team does not hold fifty filled reports in
     * memory together.
     */
    static final int RENDER_THREADS = 2;

    /** A small template that uses the styles, texts and fonts, rendered to prepare the library. */
    private static final String PREPARATION_TEMPLATE = "WeeklyMeasuresSubreport";
    private static final Logger log = LoggerFactory.getLogger(ReportRenderer.class);

    private final Locale locale;
    private final Map<String, JasperReport> templates = new ConcurrentHashMap<>();
    private final AtomicBoolean prepared = new AtomicBoolean();

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
        return render(locale, template, List.of(parameters), rows, title, documentDate);
    }

    /** As {@link #render(String, Map, Collection, String, LocalDate)}, in {@code language} instead of the reports' locale. */
    public byte[] render(Locale language, String template, Map<String, ?> parameters, Collection<?> rows, String title,
            LocalDate documentDate) {
        return render(language, template, List.of(parameters), rows, title, documentDate);
    }

    /**
     * Renders the layout that leaves no page near-empty: the first of {@code layouts} that fits on one page,
     * else the one with the fewest pages whose emptiest page is fullest (a page break that leaves a lonely
     * section on the last page loses against one that balances the pages).
     *
     * @param language the language of the texts and the format of numbers and dates
     * @param layouts  the template's parameters for each layout to try, in order of preference; each layout
     *                 differs in the parameters that place its sections
     */
    public byte[] render(Locale language, String template, List<? extends Map<String, ?>> layouts, Collection<?> rows,
            String title, LocalDate documentDate) {
        JasperReport report = template(template);
        // JasperReports finds styles, bundles and fonts through the context class loader, which a
        // scheduler thread may not have set to the application's (the jar's) class loader
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ReportRenderer.class.getClassLoader());
        try {
            ensureTemporaryDirectory();
            JasperPrint best = null;
            for (Map<String, ?> layout : layouts) {
                JasperPrint print = JasperFillManager.fillReport(report, parameters(report, layout, language),
                        new JRBeanCollectionDataSource(rows));
                if (best == null || PageFill.of(print, report).betterThan(PageFill.of(best, report))) {
                    best = print;
                }
                if (print.getPages().size() <= 1) {
                    break;
                }
            }
            return PdfNormalizer.normalize(export(best, title), documentDate);
        } catch (JRException e) {
            throw new KpiException("Could not render " + template + ": " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The template's parameters with locale, time zone and the compiled subreports added. */
    private Map<String, Object> parameters(JasperReport report, Map<String, ?> parameters, Locale language) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put(JRParameter.REPORT_LOCALE, language);
        all.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
        for (JRParameter p : report.getParameters()) {
            if (!p.isSystemDefined() && p.getName().endsWith("Subreport")
                    && JasperReport.class.getName().equals(p.getValueClassName())) {
                all.putIfAbsent(p.getName(), template(p.getName()));
            }
        }
        return all;
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

    /**
     * {@code render} of each item, up to {@value #RENDER_THREADS} at a time, in the items' order. Filling and
     * exporting a PDF is work of the processor alone, so the PDFs of one document need not wait for each other.
     * {@code render} must not read the database: the other thread takes no part in the caller's transaction.
     * The first failure is thrown, as {@code render} threw it.
     */
    public <T, R> List<R> each(List<T> items, Function<T, R> render) {
        int threads = Math.min(Math.min(RENDER_THREADS, Runtime.getRuntime().availableProcessors()), items.size());
        if (threads <= 1) {
            return items.stream().map(render).toList();
        }
        ExecutorService pool = WorkerThreads.pool(threads, "report-render");
        try {
            List<Future<R>> rendered = items.stream().map(item -> pool.submit(() -> render.apply(item))).toList();
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> pdf : rendered) {
                results.add(WorkerThreads.result(pdf, "rendering the reports"));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Loads the compiled templates and renders a small one on a background thread, once per process,
     * so that a report's first PDF does not wait for the library's start (fonts, PDF writer, styles:
     * about a second) while its KPIs are still being computed.
     */
    public void prepareInBackground() {
        if (!prepared.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                render(PREPARATION_TEMPLATE, Map.of(), List.of(), "", LocalDate.EPOCH);
                for (Resource compiled : new PathMatchingResourcePatternResolver(ReportRenderer.class.getClassLoader())
                        .getResources("classpath*:reports/*.jasper")) {
                    String name = compiled.getFilename();
                    template(name.substring(0, name.length() - ".jasper".length()));
                }
            } catch (IOException | RuntimeException e) {
                // the render step meets the same cause and fails with it; here it only costs the head start
                log.warn("Could not prepare the report templates in advance: {}", e.getMessage());
            }
        }, "report-preparation");
        thread.setDaemon(true);
        thread.start();
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
