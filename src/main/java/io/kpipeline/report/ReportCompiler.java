package io.kpipeline.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * The build step that compiles every {@code reports/*.jrxml} into a {@code .jasper} beside the
 * classes (run by Maven in {@code process-classes}), so that the jar carries ready templates and a
 * broken template fails the build, not the first report run. A template already compiled and
 * newer than its source is left alone.
 */
public final class ReportCompiler {

    private ReportCompiler() {
    }

    /** {@code ReportCompiler <source folder> <target folder>} */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: ReportCompiler <folder of .jrxml> <folder for .jasper>");
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        List<Path> templates;
        try (Stream<Path> files = Files.list(source)) {
            templates = files.filter(f -> f.getFileName().toString().endsWith(".jrxml")).sorted().toList();
        }
        int compiled = 0;
        for (Path jrxml : templates) {
            String name = jrxml.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
            Path jasper = target.resolve(name);
            if (Files.exists(jasper)
                    && Files.getLastModifiedTime(jasper).compareTo(Files.getLastModifiedTime(jrxml)) > 0) {
                continue;
            }
            try {
                JasperCompileManager.compileReportToFile(jrxml.toString(), jasper.toString());
                compiled++;
            } catch (JRException e) {
                throw new IllegalStateException("Report template " + jrxml + " does not compile: " + e.getMessage(), e);
            }
        }
        System.out.printf("Report templates: %d compiled, %d up to date%n", compiled, templates.size() - compiled);
    }
}
