package io.kpipeline.job;

import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.system.FormulaGuard;
import io.kpipeline.system.PrivateFiles;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code kpi-results.csv}: one row per KPI and breakdown value, values unrounded with a dot,
 * empty where there is none (the {@code reason} column says why); {@code cases} is the number of cases a
 * value rests on, empty for values that are never a small sample. Lists (flags, actions, the trend of
 * 13 weeks or months, 8 quarters or 5 years) are separated by semicolons. Text cells are guarded against
 * spreadsheet formulas ({@link FormulaGuard}); the file is readable by its owner only ({@link PrivateFiles}).
 */
final class ResultsCsv {

    static final List<String> COLUMNS = List.of("kpi_id", "dimension", "dimension_value", "value", "unit",
            "numerator", "denominator", "cases", "previous_value", "previous_year_value", "target", "status", "benchmark",
            "benchmark_source", "flags", "actions", "reason", "change", "relative_change", "previous_year_change",
            "previous_year_relative_change", "target_owner", "target_deadline", "trend");

    private ResultsCsv() {
    }

    static void write(Path file, List<StoredResult> results) throws IOException {
        PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Writer writer = PrivateFiles.newWriter(partial);
             CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get()
                     .print(writer)) {
            for (StoredResult r : results) {
                csv.printRecord(text(r.kpiId()), text(r.dimension()), text(r.dimensionValue()), plain(r.value()),
                        text(r.unit()), plain(r.numerator()), plain(r.denominator()),
                        r.cases() == null ? "" : r.cases().toString(), plain(r.previousValue()),
                        plain(r.previousYearValue()), plain(r.target()), r.status().name(), plain(r.benchmark()),
                        text(r.benchmarkSource()), text(String.join(";", r.flags())),
                        text(String.join(";", r.actions())), text(r.reason()), plain(r.change()),
                        plain(r.relativeChange()), plain(r.previousYearChange()),
                        plain(r.previousYearRelativeChange()), text(r.targetOwner()),
                        r.targetDeadline() == null ? "" : r.targetDeadline().toString(),
                        r.trend().stream().map(ResultsCsv::plain).collect(Collectors.joining(";")));
            }
        }
        // Readers never see a half-written file.
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Ids, names and reasons may come from imported data: a spreadsheet must not run them as formulas. */
    private static String text(String value) {
        return value == null ? "" : FormulaGuard.neutralise(value);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
