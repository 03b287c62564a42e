package io.kpipeline.ingest;

import io.kpipeline.model.Column;
import io.kpipeline.model.Table;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The load of one table's rows from a {@link RowSource}, run inside the caller's transaction: converts
 * each value from the source's dialect, validates it while streaming the rows into the staging table,
 * checks keys and references there, then upserts. Any problem ends it with an
 * {@link ImportRefusedException}.
 */
final class FileImport {

    private static final int PROGRESS_EVERY_ROWS = 5_000;
    private static final int MAX_PARTS = 127;

    private final JdbcTemplate jdbc;
    private final Table table;
    private final RowSource source;
    private final ZoneId business;
    private final ImportListener listener;
    private final boolean keepFirstOfDuplicates;
    private final ValueText[] conversions = new ValueText[MAX_PARTS];
    private long rowsRead;
    private long merged;

    FileImport(JdbcTemplate jdbc, Table table, RowSource source, ZoneId business, ImportListener listener,
            boolean keepFirstOfDuplicates) {
        this.jdbc = jdbc;
        this.table = table;
        this.source = source;
        this.business = business;
        this.listener = listener;
        this.keepFirstOfDuplicates = keepFirstOfDuplicates;
    }

    record Counts(long read, long inserted, long updated, long merged) {
    }

    /** Rows read so far, also after a refusal. */
    long rowsRead() {
        return rowsRead;
    }

    Counts run() {
        Header header = Header.of(source.name(), table, source.columns());
        StagingTable staging = new StagingTable(jdbc, table, header);
        staging.create();
        try {
            source.forEachRow((part, line, sub, values) -> stage(header, staging, part, line, sub, values));
            staging.flush();
            listener.rowsRead(source.name(), rowsRead, source.bytesRead());
            source.problemAfterReading().ifPresent(problem -> {
                throw new ImportRefusedException(problem);
            });
            return store(staging);
        } finally {
            staging.drop();
        }
    }

    private void stage(Header header, StagingTable staging, int part, long line, int sub, String[] raw) {
        rowsRead++;
        Object[] values = new Object[header.size()];
        ValueText conversion = conversion(part);
        for (int i = 0; i < values.length; i++) {
            Column column = header.columns().get(i);
            String text = raw[i] == null ? "" : raw[i];
            try {
                values[i] = ValueParser.parse(column, conversion.canonical(column, text));
            } catch (InvalidValueException e) {
                RowSource.Part p = source.part(part);
                throw new ImportRefusedException(ImportProblem.invalidValue(p.file(), line, p.labels().get(i), text, e));
            }
        }
        staging.add(StagingLine.of(part, line, sub), values);
        if (rowsRead % PROGRESS_EVERY_ROWS == 0) {
            listener.rowsRead(source.name(), rowsRead, source.bytesRead());
        }
    }

    private ValueText conversion(int part) {
        ValueText conversion = conversions[part];
        if (conversion == null) {
            conversion = ValueText.of(source.part(part).dialect(), business);
            conversions[part] = conversion;
        }
        return conversion;
    }

    private Counts store(StagingTable staging) {
        if (keepFirstOfDuplicates) {
            merged = staging.deleteLaterDuplicates();
        } else {
            staging.firstDuplicate().ifPresent(d -> {
                RowSource.Part part = source.part(StagingLine.part(d.line()));
                RowSource.Part first = source.part(StagingLine.part(d.firstLine()));
                String firstSeen = first.file().equals(part.file()) ? "line " + StagingLine.line(d.firstLine())
                        : first.file() + ", line " + StagingLine.line(d.firstLine());
                throw new ImportRefusedException(ImportProblem.duplicateKey(part.file(), StagingLine.line(d.line()),
                        table.key(), d.key(), firstSeen));
            });
        }
        ImportProblem firstUnknown = null;
        long firstLine = Long.MAX_VALUE;
        for (Column column : table.foreignKeys()) {
            var unknown = staging.firstUnknownReference(column);
            if (unknown.isPresent() && unknown.get().line() < firstLine) {
                firstLine = unknown.get().line();
                RowSource.Part part = source.part(StagingLine.part(firstLine));
                int index = source.columns().indexOf(column.name());
                firstUnknown = ImportProblem.unknownReference(part.file(), StagingLine.line(firstLine),
                        index < 0 ? column.name() : part.labels().get(index), unknown.get().value(),
                        column.references());
            }
        }
        if (firstUnknown != null) {
            throw new ImportRefusedException(firstUnknown);
        }
        long updated = staging.countStored();
        staging.recordChanges();
        staging.upsert();
        long stored = rowsRead - merged;
        return new Counts(rowsRead, stored - updated, updated, merged);
    }

    /**
     * The staging table's row number: the part, the line and the further row of a line in one ordered
     * number, so that "first" means first in the order the source gave the rows.
     */
    static final class StagingLine {

        private StagingLine() {
        }

        static long of(int part, long line, int sub) {
            return (long) part << 56 | line << 16 | sub;
        }

        static int part(long stagingLine) {
            return (int) (stagingLine >>> 56);
        }

        static long line(long stagingLine) {
            return (stagingLine >>> 16) & ((1L << 40) - 1);
        }
    }
}
