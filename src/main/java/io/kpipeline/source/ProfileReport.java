package io.kpipeline.source;

import io.kpipeline.ingest.FileResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an import (or check) through a source profile did: the files it took, per canonical table the rows
 * loaded or why not, every value without a code with its count and the key to add it under, and the tables
 * the profile cannot fill.
 *
 * @param profile   the profile's name
 * @param file      the profile file
 * @param directory the export directory
 * @param check     whether nothing was stored (a check)
 * @param files     the files by file key
 * @param ignored   files no pattern matched
 * @param tables    per table filled, in load order
 * @param unmapped  values no map or lookup covers, in order of first appearance
 * @param notes     what was noticed that is no error
 * @param notFilled tables the profile cannot fill, with the reason
 */
public record ProfileReport(String profile, Path file, Path directory, boolean check, Map<String, List<Path>> files,
        List<Path> ignored, List<TableOutcome> tables, List<UnmappedValue> unmapped, List<String> notes,
        Map<String, String> notFilled) {

    /**
     * One table's outcome.
     *
     * @param table   the canonical table
     * @param result  the load's result, or null when it was not loaded
     * @param reason  why it was not loaded, when {@code result} is null
     * @param sources the files its rows came from
     * @param skipped rows a value map dropped with {@code (skip)}
     */
    public record TableOutcome(String table, FileResult result, String reason, List<String> sources, long skipped) {

        private static final String NO_FILE = "no file of ";

        static TableOutcome of(String table, FileResult result, List<String> sources, long skipped) {
            return new TableOutcome(table, result, null, sources, skipped);
        }

        static TableOutcome withoutFiles(String table, List<String> keys) {
            return new TableOutcome(table, null, NO_FILE + String.join(", ", keys) + " in the directory; nothing to load",
                    List.of(), 0);
        }

        static TableOutcome afterRefusal(String table, String parent) {
            return new TableOutcome(table, null, "not loaded, because " + parent + " (which it refers to) was refused",
                    List.of(), 0);
        }

        /** Whether the table loaded (or, in a check, would load) all its rows. */
        public boolean loaded() {
            return result != null && result.loaded();
        }

        /** Whether the directory held none of the table's files (which is no failure). */
        public boolean withoutFiles() {
            return result == null && reason.startsWith(NO_FILE);
        }

        boolean failed() {
            return !loaded() && !withoutFiles();
        }
    }

    /**
     * A value without a code.
     *
     * @param value the value, its count, first place and key
     * @param where the profile file and line of the key
     */
    public record UnmappedValue(Unmapped.Value value, String where) {
    }

    /** True when every table with files loaded (or would) and no value lacks a code. */
    public boolean allLoaded() {
        return unmapped.isEmpty() && tables.stream().noneMatch(TableOutcome::failed);
    }

    /** Rows loaded (or that would load) per table. */
    public long rows(String table) {
        return tables.stream().filter(t -> t.table().equals(table) && t.loaded())
                .mapToLong(t -> t.result().inserted() + t.result().updated()).sum();
    }

    /** The report as the command prints it. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add((check ? "Check of " : "Import of ") + directory + " with the source profile " + profile + " (" + file
                + ")" + (check ? ": nothing is stored." : ":"));
        files.forEach((key, paths) -> lines.add("  " + key + ": " + (paths.isEmpty() ? "no file"
                : paths.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")))));
        if (!ignored.isEmpty()) {
            lines.add("  not a file of the profile, left alone: "
                    + ignored.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
        }
        for (TableOutcome t : tables) {
            lines.add(tableLine(t));
        }
        notes.forEach(note -> lines.add("Note: " + note + "."));
        if (!unmapped.isEmpty()) {
            lines.add(unmapped.size() + (unmapped.size() == 1 ? " value has" : " values have")
                    + " no code in the profile; add each under the key named, then " + (check ? "check" : "import")
                    + " again:");
            for (UnmappedValue u : unmapped) {
                Unmapped.Value v = u.value();
                lines.add(String.format(Locale.ROOT, "  \"%s\" (%s, %s) %s %s (%s); first in %s, line %d, column \"%s\"",
                        v.value(), Unmapped.rows(v.count()), v.table(), v.lookup() ? "is not found by" : "→ add under",
                        v.key(), u.where(), v.file(), v.line(), v.column()));
            }
        }
        if (!notFilled.isEmpty()) {
            lines.add("Not filled by this profile (import a canonical CSV beside it, import --dir): "
                    + String.join(", ", notFilled.keySet()) + ".");
        }
        long refused = tables.stream().filter(TableOutcome::failed).count();
        lines.add(check ? (allLoaded() ? "Everything would load." : refused == 0 && !unmapped.isEmpty()
                ? "The rows with these values would not load; everything else would."
                : refused + (refused == 1 ? " table" : " tables") + " would be refused, see above.")
                : refused == 0 ? "Imported " + tables.stream().filter(TableOutcome::loaded).count() + " tables."
                : refused + (refused == 1 ? " table was" : " tables were") + " refused and stored nothing, see above.");
        return lines;
    }

    private String tableLine(TableOutcome t) {
        String name = String.format(Locale.ROOT, "  %-15s ", t.table());
        if (t.result() == null) {
            return name + t.reason();
        }
        FileResult r = t.result();
        if (!r.loaded()) {
            return name + "refused: " + r.problem().message();
        }
        long merged = r.rowsRead() - r.inserted() - r.updated();
        String from = t.sources().isEmpty() ? "" : " from " + String.join(", ", t.sources());
        String extra = (merged > 0 ? String.format(Locale.ROOT, ", %,d repeated %s merged", merged,
                merged == 1 ? "key" : "keys") : "")
                + (t.skipped() > 0 ? String.format(Locale.ROOT, ", %,d skipped by (skip)", t.skipped()) : "");
        if (check) {
            return name + String.format(Locale.ROOT, "%,d rows would load (%,d new, %,d replacing stored rows)%s%s",
                    r.inserted() + r.updated(), r.inserted(), r.updated(), extra, from);
        }
        return name + String.format(Locale.ROOT, "%,d rows loaded (%,d inserted, %,d updated)%s in %.1f s%s",
                r.inserted() + r.updated(), r.inserted(), r.updated(), extra, r.seconds(), from);
    }
}
