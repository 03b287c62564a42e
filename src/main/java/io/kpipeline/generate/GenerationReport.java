package io.kpipeline.generate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generator run produced: rows per table in the canonical (foreign-key) order, and how
 * fast, including the time the sink needed to store them.
 */
public record GenerationReport(Map<String, Long> rowsPerTable, long totalRows, double seconds) {

    public GenerationReport {
        rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
    }

    public long rowsPerSecond() {
        return seconds <= 0 ? totalRows : Math.round(totalRows / seconds);
    }

    public long rows(String table) {
        return rowsPerTable.getOrDefault(table, 0L);
    }
}
