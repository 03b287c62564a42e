package io.kpipeline.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints rows per table as an aligned list with a total. */
final class TableSummary {

    private TableSummary() {
    }

    static void print(PrintWriter out, Map<String, Long> counts) {
        long total = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            out.printf(Locale.ROOT, "  %-18s %,12d%n", entry.getKey(), entry.getValue());
            total += entry.getValue();
        }
        out.printf(Locale.ROOT, "  %-18s %,12d%n", "total", total);
        out.flush();
    }
}
