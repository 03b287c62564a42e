package io.kpipeline.ingest;

import io.kpipeline.model.CanonicalModel;
import io.kpipeline.model.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a directory of {@code <table>.csv} files of the canonical data model, upserting by
 * natural key. Files load in foreign-key order, each in one transaction: a file with any invalid
 * row stores nothing and is reported with the line, column, value and what to do, while the
 * other files still load.
 */
@Component
public class CsvImporter {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public CsvImporter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Imports every {@code .csv} file of the directory, quietly. */
    public ImportReport importDirectory(Path directory) {
        return importDirectory(directory, ImportListener.none());
    }

    /**
     * Imports every {@code .csv} file of the directory: files not named after a table are refused
     * (other files are ignored), the others load in foreign-key order.
     *
     * @throws IllegalArgumentException when {@code directory} is not a directory
     */
    public ImportReport importDirectory(Path directory, ImportListener listener) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory. Pass the directory that holds the CSV files.");
        }
        List<Path> csvFiles = csvFiles(directory);
        List<FileResult> results = new ArrayList<>();
        for (Path path : csvFiles) {
            if (CanonicalModel.forFile(path.getFileName().toString()).isEmpty()) {
                results.add(importFile(path, listener));
            }
        }
        for (Table table : CanonicalModel.tables()) {
            Path path = directory.resolve(table.fileName());
            if (csvFiles.contains(path)) {
                results.add(importFile(path, listener));
            }
        }
        return new ImportReport(results);
    }

    /** Imports one file into the table it is named after, in one transaction. */
    public FileResult importFile(Path path, ImportListener listener) {
        String fileName = path.getFileName().toString();
        listener.fileStarted(fileName, sizeOf(path));
        long start = System.nanoTime();
        Optional<Table> table = CanonicalModel.forFile(fileName);
        FileResult result;
        if (table.isEmpty()) {
            result = FileResult.refused(ImportProblem.unknownFile(fileName), 0, 0);
        } else {
            FileImport fileImport = new FileImport(jdbc, table.get(), path, listener);
            try {
                FileImport.Counts counts = transaction.execute(status -> fileImport.run());
                result = FileResult.loaded(fileName, counts.read(), counts.inserted(), counts.updated(), since(start));
            } catch (ImportRefusedException e) {
                result = FileResult.refused(e.problem(), fileImport.rowsRead(), since(start));
            } catch (DataAccessException | TransactionException e) {
                Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
                result = FileResult.refused(ImportProblem.refusedByDatabase(fileName, cause.getMessage()),
                        fileImport.rowsRead(), since(start));
            }
        }
        listener.fileFinished(result);
        return result;
    }

    private static List<Path> csvFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    private static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
