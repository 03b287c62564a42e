package io.kpipeline.source;

import io.kpipeline.ingest.Dialect;
import io.kpipeline.ingest.ImportProblem;
import io.kpipeline.ingest.ImportRefusedException;
import io.kpipeline.ingest.RowSource;
import io.kpipeline.model.Table;
import io.kpipeline.source.SourceProfile.RowMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows a profile gives one canonical table, as a {@link RowSource} for the import's loading path: every
 * source of the table's mapping over every file of its key (and constant rows), each a part, read in turn
 * and turned into canonical rows by {@link RowRules}. Unmapped values are counted, not loaded; with
 * {@code refuseUnmapped} they refuse the table once all rows are read.
 */
final class MappedTable implements RowSource {

    /** One source over one file (or constant rows when {@code path} is null). */
    record Piece(ProfileKey key, RowMapping mapping, Path path) {
    }

    private final Table table;
    private final SourceProfiles.Loaded loaded;
    private final SourceFiles files;
    private final ValueMaps maps;
    private final Lookups lookups;
    private final Unmapped unmapped;
    private final boolean refuseUnmapped;
    private final List<Piece> pieces;
    private final List<String> columns;
    private final List<Part> parts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long skipped;
    private long bytesDone;
    private final long[] bytesOfPiece = new long[1];

    MappedTable(Table table, List<Piece> pieces, SourceProfiles.Loaded loaded, SourceFiles files, ValueMaps maps,
            Lookups lookups, Unmapped unmapped, boolean refuseUnmapped) {
        this.table = table;
        this.pieces = List.copyOf(pieces);
        this.loaded = loaded;
        this.files = files;
        this.maps = maps;
        this.lookups = lookups;
        this.unmapped = unmapped;
        this.refuseUnmapped = refuseUnmapped;
        Set<String> used = new LinkedHashSet<>();
        for (Piece piece : pieces) {
            used.addAll(piece.mapping().columns().keySet());
            piece.mapping().rows().forEach(row -> used.addAll(row.keySet()));
            if (piece.mapping().unpivot() != null) {
                used.add(piece.mapping().unpivot().labelColumn());
                used.add(piece.mapping().unpivot().valueColumn());
            }
        }
        this.columns = table.columnNames().stream().filter(used::contains).toList();
        for (int i = 0; i < pieces.size(); i++) {
            parts.add(null);
        }
    }

    @Override
    public String name() {
        return table.name();
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public long sizeBytes() {
        long size = 0;
        for (Piece piece : pieces) {
            try {
                size += piece.path() == null ? 0 : Files.size(piece.path());
            } catch (IOException e) {
                // unknown: the estimate is a little short
            }
        }
        return size;
    }

    @Override
    public long bytesRead() {
        return bytesDone + bytesOfPiece[0];
    }

    @Override
    public Part part(int index) {
        return parts.get(index);
    }

    /** Rows a value map dropped with {@code (skip)}. */
    long skipped() {
        return skipped;
    }

    /** What the reader noticed that is no error: header patterns that matched nothing. */
    List<String> notes() {
        return notes;
    }

    /** The files the rows come from, for the summary. */
    List<String> fileNames() {
        return pieces.stream().map(p -> p.path() == null ? loaded.file().getFileName().toString()
                : p.path().getFileName().toString()).distinct().toList();
    }

    @Override
    public void forEachRow(Sink sink) {
        for (int p = 0; p < pieces.size(); p++) {
            Piece piece = pieces.get(p);
            if (piece.path() == null) {
                constants(p, piece, sink);
            } else {
                read(p, piece, sink);
            }
        }
    }

    @Override
    public Optional<ImportProblem> problemAfterReading() {
        return refuseUnmapped ? Unmapped.problem(unmapped.of(table.name()), loaded.file().toString())
                : Optional.empty();
    }

    private void constants(int index, Piece piece, Sink sink) {
        List<String> labels = columns.stream().map(c -> piece.key().then("rows").toString() + "." + c).toList();
        parts.set(index, new Part(loaded.file().toString(), labels, Dialect.CANONICAL));
        List<Map<String, String>> rows = List.copyOf(piece.mapping().rows());
        for (int r = 0; r < rows.size(); r++) {
            String[] values = new String[columns.size()];
            for (int c = 0; c < values.length; c++) {
                String value = rows.get(r).get(columns.get(c));
                values[c] = value == null ? "" : value;
            }
            sink.row(index, r + 1L, 0, values);
        }
    }

    private void read(int index, Piece piece, Sink sink) {
        String fileKey = piece.mapping().from();
        String fileName = piece.path().getFileName().toString();
        SourceProfile.SourceFile file = loaded.profile().files().get(fileKey);
        RowRules[] rules = new RowRules[1];
        bytesOfPiece[0] = 0;
        SourceSheets.read(piece.path(), files.dialect(fileKey), new SourceSheets.Handler() {
            @Override
            public void header(List<String> labels, Dialect dialect) {
                for (Map.Entry<String, List<String>> field : file.columns().entrySet()) {
                    if (!file.optional().contains(field.getKey()) && Fields.index(labels, field.getValue()) < 0) {
                        throw new ImportRefusedException(Fields.missing(fileName, fileKey, field.getKey(),
                                field.getValue(), loaded));
                    }
                }
                rules[0] = new RowRules(table, columns, piece, file, labels, maps, lookups);
                parts.set(index, new Part(fileName, rules[0].labels(), dialect));
                if (piece.mapping().unpivot() != null && rules[0].unpivotColumns() == 0) {
                    notes.add(table.name() + ": no header of " + fileName + " matches "
                            + piece.key().then("unpivot", "headers") + " (" + loaded.where(piece.key().then("unpivot"))
                            + "), so it gives no rows; add the pattern of your export's headers there");
                }
            }

            @Override
            public void record(long line, List<String> cells) {
                Set<List<String>> missed = new java.util.HashSet<>();
                RowRules.Outcome outcome = rules[0].apply(cells, (key, lookup, value, column) -> {
                    if (missed.add(List.of(key.toString(), value))) {
                        unmapped.add(table.name(), key, lookup, value, fileName, line, column);
                    }
                });
                skipped += outcome.skipped();
                int sub = 0;
                for (String[] row : outcome.rows()) {
                    sink.row(index, line, sub++, row);
                }
            }
        }, bytesOfPiece);
        bytesDone += bytesOfPiece[0];
        bytesOfPiece[0] = 0;
    }
}
