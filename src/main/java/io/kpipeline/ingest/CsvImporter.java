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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a directory of {@code <table>.csv} files of the canonical data model, upserting by
 * natural key. Files load in foreign-key order, each in one transaction: a file with any invalid
 * row stores nothing and is reported with the line, column, value and what to do, while the
 * other files still load. The files are in the strict canonical format unless a {@link Dialect}
 * such as {@link Dialect#EXCEL_DE} says otherwise.
 */
@Component
public class CsvImporter {

    private final TableLoader loader;
    private final TransactionTemplate transaction;

    public CsvImporter(TableLoader loader, PlatformTransactionManager transactionManager) {
        this.loader = loader;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Imports every {@code .csv} file of the directory, quietly. */
    public ImportReport importDirectory(Path directory) {
        return importDirectory(directory, ImportListener.none());
    }

    /** Imports every {@code .csv} file of the directory in the canonical format. */
    public ImportReport importDirectory(Path directory, ImportListener listener) {
        return importDirectory(directory, Dialect.CANONICAL, listener);
    }

    /**
     * Imports every {@code .csv} file of the directory: files not named after a table are refused
     * (other files are ignored), the others load in foreign-key order.
     *
     * @throws IllegalArgumentException when {@code directory} is not a directory
     */
    public ImportReport importDirectory(Path directory, Dialect dialect, ImportListener listener) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory. Pass the directory that holds the CSV files.");
        }
        List<Path> csvFiles = csvFiles(directory);
        List<FileResult> results = new ArrayList<>();
        for (Path path : csvFiles) {
            if (CanonicalModel.forFile(path.getFileName().toString()).isEmpty()) {
                results.add(importFile(path, dialect, listener));
            }
        }
        for (Table table : CanonicalModel.tables()) {
            Path path = directory.resolve(table.fileName());
            if (csvFiles.contains(path)) {
                results.add(importFile(path, dialect, listener));
            }
        }
        return new ImportReport(results);
    }

    /** Imports one file into the table it is named after, in one transaction. */
    public FileResult importFile(Path path, ImportListener listener) {
        return importFile(path, Dialect.CANONICAL, listener);
    }

    private FileResult importFile(Path path, Dialect dialect, ImportListener listener) {
        String fileName = path.getFileName().toString();
        Optional<Table> table = CanonicalModel.forFile(fileName);
        if (table.isEmpty()) {
            return refusedUnread(ImportProblem.unknownFile(fileName), listener);
        }
        long start = System.nanoTime();
        try (CsvTableSource source = new CsvTableSource(path, dialect)) {
            return transaction.execute(status -> {
                FileResult result = loader.load(table.get(), source, TableLoader.Duplicates.REFUSE, listener);
                if (!result.loaded()) {
                    status.setRollbackOnly();
                }
                return result;
            });
        } catch (ImportRefusedException e) {
            return refusedUnread(e.problem(), listener);
        } catch (TransactionException e) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            return FileResult.refused(ImportProblem.refusedByDatabase(fileName, cause.getMessage()), 0,
                    TableLoader.since(start));
        }
    }

    private static FileResult refusedUnread(ImportProblem problem, ImportListener listener) {
        listener.fileStarted(problem.file(), 0);
        FileResult result = FileResult.refused(problem, 0, 0);
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
}
