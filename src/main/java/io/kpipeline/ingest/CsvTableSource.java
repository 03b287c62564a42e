package io.kpipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/** A canonical {@code <table>.csv} file as rows: its header names the columns. */
final class CsvTableSource implements RowSource {

    private final Path path;
    private final DelimitedFile file;
    private final Part part;

    /** Opens the file and reads its header. @throws ImportRefusedException when that fails */
    CsvTableSource(Path path, Dialect dialect) {
        this.path = path;
        this.file = DelimitedFile.open(path, dialect);
        this.part = new Part(file.file(), file.header().stream().map(String::strip).toList(), file.dialect());
    }

    @Override
    public String name() {
        return file.file();
    }

    @Override
    public List<String> columns() {
        return file.header();
    }

    @Override
    public long sizeBytes() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public long bytesRead() {
        return file.bytesRead();
    }

    @Override
    public Part part(int index) {
        return part;
    }

    @Override
    public void forEachRow(Sink sink) {
        int fields = file.header().size();
        for (CSVRecord record = file.next(); record != null; record = file.next()) {
            if (record.size() != fields) {
                throw new ImportRefusedException(ImportProblem.fieldCount(file.file(), file.line(), record.size(),
                        fields, file.dialect().delimiter()));
            }
            String[] values = new String[fields];
            for (int i = 0; i < fields; i++) {
                values[i] = record.get(i);
            }
            sink.row(0, file.line(), 0, values);
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
