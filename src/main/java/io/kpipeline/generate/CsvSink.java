package io.kpipeline.generate;

import io.kpipeline.model.Table;
import io.kpipeline.system.FormulaGuard;
import io.kpipeline.system.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one {@code <table>.csv} per canonical table into a directory, in the import format of
 * the data model: UTF-8, RFC 4180, a header of the canonical column names, empty for NULL,
 * {@code yyyy-MM-dd HH:mm:ss}, {@code yyyy-MM-dd}, money with two decimals, {@code true}/{@code false}.
 * Every file is created, with its header, even if no row comes for it, readable by its owner only. Texts
 * are guarded against spreadsheet formulas as in every CSV the pipeline writes ({@link FormulaGuard}); the
 * import restores them.
 */
public final class CsvSink implements RowSink {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CSVPrinter[] printers = new CSVPrinter[Tables.ALL.size()];

    public CsvSink(Path dir) {
        try {
            PrivateFiles.createDirectories(dir);
            for (int i = 0; i < printers.length; i++) {
                Table table = Tables.ALL.get(i);
                BufferedWriter writer = PrivateFiles.newWriter(dir.resolve(table.fileName()));
                CSVFormat format = CSVFormat.RFC4180.builder()
                        .setHeader(table.columnNames().toArray(String[]::new)).get();
                printers[i] = new CSVPrinter(writer, format);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot write CSV files to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(Table table, Object[] values) {
        CSVPrinter printer = printers[Tables.index(table)];
        try {
            for (int i = 0; i < values.length; i++) {
                printer.print(text(values[i]));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + table.fileName() + ": " + e.getMessage(), e);
        }
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return TIMESTAMP.format(t);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof BigDecimal b) {
            return b.setScale(2).toPlainString();
        }
        if (value instanceof String s) {
            return FormulaGuard.neutralise(s);
        }
        return value.toString();
    }

    @Override
    public void finish() {
        try {
            for (CSVPrinter printer : printers) {
                printer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write CSV files: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        IOException failure = null;
        for (CSVPrinter printer : printers) {
            if (printer != null) {
                try {
                    printer.close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("Cannot close CSV files: " + failure.getMessage(), failure);
        }
    }
}
