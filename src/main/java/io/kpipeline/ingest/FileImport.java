package io.kpipeline.ingest;

import io.kpipeline.model.Column;
import io.kpipeline.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import of one CSV file into its table, run inside the file's transaction: reads and
 * validates the rows while streaming them into the staging table, checks keys and references
 * there, then upserts. Any problem ends it with an {@link ImportRefusedException}.
 */
final class FileImport {

    /** RFC 4180; empty lines are kept so that the parser's line count stays physical (they are skipped here). */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final int PROGRESS_EVERY_ROWS = 5_000;

    private final JdbcTemplate jdbc;
    private final Table table;
    private final Path path;
    private final String file;
    private final ImportListener listener;
    private long rowsRead;
    private long line;

    FileImport(JdbcTemplate jdbc, Table table, Path path, ImportListener listener) {
        this.jdbc = jdbc;
        this.table = table;
        this.path = path;
        this.file = path.getFileName().toString();
        this.listener = listener;
    }

    record Counts(long read, long inserted, long updated) {
    }

    /** Rows read so far, also after a refusal. */
    long rowsRead() {
        return rowsRead;
    }

    Counts run() {
        try (InputStream in = Files.newInputStream(path);
                StrictUtf8Reader reader = new StrictUtf8Reader(in);
                CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord first = next(parser, records);
            if (first == null) {
                throw new ImportRefusedException(ImportProblem.emptyFile(file));
            }
            Header header = Header.of(file, table, first.toList());
            StagingTable staging = new StagingTable(jdbc, table, header);
            staging.create();
            try {
                stage(parser, records, reader, header, staging);
                return store(staging);
            } finally {
                staging.drop();
            }
        } catch (IOException e) {
            throw new ImportRefusedException(ImportProblem.unreadable(file, e.getMessage()));
        }
    }

    private void stage(CSVParser parser, Iterator<CSVRecord> records, StrictUtf8Reader reader, Header header,
            StagingTable staging) {
        for (CSVRecord record = next(parser, records); record != null; record = next(parser, records)) {
            rowsRead++;
            if (record.size() != header.size()) {
                throw new ImportRefusedException(ImportProblem.fieldCount(file, line, record.size(), header.size()));
            }
            Object[] values = new Object[header.size()];
            for (int i = 0; i < values.length; i++) {
                Column column = header.columns().get(i);
                String raw = record.get(i);
                try {
                    values[i] = ValueParser.parse(column, raw);
                } catch (InvalidValueException e) {
                    throw new ImportRefusedException(ImportProblem.invalidValue(file, line, column.name(), raw, e));
                }
            }
            staging.add(line, values);
            if (rowsRead % PROGRESS_EVERY_ROWS == 0) {
                listener.rowsRead(file, rowsRead, reader.bytesRead());
            }
        }
        staging.flush();
        listener.rowsRead(file, rowsRead, reader.bytesRead());
    }

    private Counts store(StagingTable staging) {
        staging.firstDuplicate().ifPresent(d -> {
            throw new ImportRefusedException(ImportProblem.duplicateKey(file, d.line(), table.key(), d.key(),
                    d.firstLine()));
        });
        ImportProblem firstUnknown = null;
        for (Column column : table.foreignKeys()) {
            var unknown = staging.firstUnknownReference(column);
            if (unknown.isPresent() && (firstUnknown == null || unknown.get().line() < firstUnknown.line())) {
                firstUnknown = ImportProblem.unknownReference(file, unknown.get().line(), column.name(),
                        unknown.get().value(), column.references());
            }
        }
        if (firstUnknown != null) {
            throw new ImportRefusedException(firstUnknown);
        }
        long updated = staging.countStored();
        staging.upsert();
        return new Counts(rowsRead, rowsRead - updated, updated);
    }

    /**
     * The next non-blank record, or null at the end; sets {@link #line} to the physical line
     * where it starts (the parser has counted every line break before it).
     */
    private CSVRecord next(CSVParser parser, Iterator<CSVRecord> records) {
        while (true) {
            line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new ImportRefusedException(problemOf(e));
            }
            if (record.size() > 1 || !record.get(0).isEmpty()) {
                return record;
            }
        }
    }

    private ImportProblem problemOf(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StrictUtf8Reader.NotUtf8Exception notUtf8) {
                return ImportProblem.notUtf8(file, notUtf8.line());
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("EOF reached before encapsulated token finished")) {
                return ImportProblem.badQuotes(file, line, true);
            }
            if (message.contains("invalid char between encapsulated token and delimiter")) {
                return ImportProblem.badQuotes(file, line, false);
            }
        }
        if (e instanceof UncheckedIOException io) {
            return ImportProblem.unreadable(file, io.getCause().getMessage());
        }
        throw e;
    }
}
