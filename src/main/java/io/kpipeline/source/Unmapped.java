package io.kpipeline.source;

import io.kpipeline.ingest.ImportProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a run that no value map or lookup covers, each with how often it occurred, where first, and
 * the profile key to add it under. They are counted over all rows, so that a check names each one once.
 */
final class Unmapped {

    /**
     * One unmapped value.
     *
     * @param table  the canonical table whose rows needed it
     * @param key    where to add it: the value map's labels, or a lookup
     * @param lookup whether it is a name a lookup did not find (rather than a label without code)
     * @param value  the value as the export writes it
     * @param count  how many rows carry it
     * @param file   the file of its first row
     * @param line   the line of its first row
     * @param column the header label of its column
     */
    record Value(String table, ProfileKey key, boolean lookup, String value, long count, String file, long line,
            String column) {
    }

    private final Map<List<String>, Value> values = new LinkedHashMap<>();

    void add(String table, ProfileKey key, boolean lookup, String value, String file, long line, String column) {
        values.merge(List.of(table, key.toString(), ValueMaps.normal(value)),
                new Value(table, key, lookup, value, 1, file, line, column),
                (a, b) -> new Value(a.table(), a.key(), a.lookup(), a.value(), a.count() + 1, a.file(), a.line(),
                        a.column()));
    }

    List<Value> all() {
        return List.copyOf(values.values());
    }

    List<Value> of(String table) {
        return values.values().stream().filter(v -> v.table().equals(table)).toList();
    }

    /**
     * The one-line refusal of a table with unmapped values: the first value with its place, the others by
     * name, and where to add them.
     */
    static Optional<ImportProblem> problem(List<Value> values, String profileFile) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Value first = values.get(0);
        List<String> others = new ArrayList<>();
        for (Value v : values.subList(1, values.size())) {
            others.add("\"" + v.value() + "\" (" + rows(v.count()) + ", " + v.key() + ")");
        }
        String reason = (first.lookup() ? "is not found by " : "has no code in ") + first.key() + " (" + rows(first.count())
                + (others.isEmpty() ? "" : "; " + others.size() + " more: " + String.join(", ", others)) + ")";
        String advice = (first.lookup() ? "Add the missing rows to the export the lookup reads, or correct the names"
                : "Add each label with its canonical code under the key named, in " + profileFile)
                + ", and import again; nothing of this table was stored. import --check lists every such value.";
        return Optional.of(new ImportProblem(first.file(), first.line(), first.column(), first.value(), reason, advice));
    }

    static String rows(long count) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? "row" : "rows");
    }
}
