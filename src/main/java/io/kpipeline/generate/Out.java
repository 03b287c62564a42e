package io.kpipeline.generate;

import io.kpipeline.model.Table;
import io.kpipeline.system.Progress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hands rows to the sink, numbers ids per table and counts rows for the report and progress. */
final class Out {

    private final RowSink sink;
    private final Progress progress;
    private final long[] rows = new long[Tables.ALL.size()];
    private final long[] sequences = new long[Tables.ALL.size()];
    private long total;
    private long workDone;

    Out(RowSink sink, Progress progress) {
        this.sink = sink;
        this.progress = progress;
    }

    void row(Table table, Object... values) {
        sink.accept(table, values);
        rows[Tables.index(table)]++;
        if ((++total & 4095) == 0) {
            progress.update(total, workDone);
        }
    }

    /** The next id of a table, e.g. {@code LEAD-000042}. */
    String nextId(Table table, String prefix, int width) {
        return id(prefix, ++sequences[Tables.index(table)], width);
    }

    void workDone(long work) {
        workDone = work;
        progress.update(total, work);
    }

    Map<String, Long> rowsPerTable() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i++) {
            result.put(Tables.ALL.get(i).name(), rows[i]);
        }
        return result;
    }

    long total() {
        return total;
    }

    static String id(String prefix, long number, int width) {
        String digits = Long.toString(number);
        StringBuilder id = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
        id.append(prefix);
        for (int i = digits.length(); i < width; i++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }

    static BigDecimal money(double amount) {
        return BigDecimal.valueOf(Math.max(0, Math.round(amount * 100)), 2).setScale(2, RoundingMode.UNNECESSARY);
    }
}
