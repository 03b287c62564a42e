package io.kpipeline.sync;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a sync of one source did, table by table, and when its last successful sync ended.
 *
 * @param source      the source's name
 * @param tables      one outcome per table the profile fills, in foreign-key order
 * @param lastSuccess the end of the last successful sync, this one included when it succeeded
 */
public record SyncReport(String source, List<TableSync> tables, Optional<LocalDateTime> lastSuccess) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    public SyncReport {
        tables = List.copyOf(tables);
    }

    /** How a table's sync ended. */
    public enum Status {
        /** Its changed rows were read and stored. */
        LOADED,
        /** The source had no change since the last sync: nothing was read. */
        UNCHANGED,
        /** A row or the source failed: nothing of the table was stored. */
        REFUSED,
        /** Not read, because a table it refers to was refused. */
        SKIPPED
    }

    /**
     * @param table    the canonical table
     * @param status   how it ended
     * @param read     rows read from the source
     * @param inserted rows that were new
     * @param updated  rows that replaced stored ones
     * @param since    the change mark it read from (empty: everything)
     * @param days     for a table computed per day, the first and last day computed again; else empty
     * @param seconds  time taken
     * @param message  why it was refused or skipped
     */
    public record TableSync(String table, Status status, long read, long inserted, long updated,
            Optional<LocalDateTime> since, List<LocalDate> days, double seconds, String message) {

        public TableSync {
            days = List.copyOf(days);
        }

        String line() {
            String name = String.format(Locale.ROOT, "  %-18s", table);
            return switch (status) {
                case UNCHANGED -> name + "no changes since " + since.map(SyncReport::text).orElse("the start");
                case REFUSED -> name + "refused, nothing stored: " + message;
                case SKIPPED -> name + "not read: " + message;
                case LOADED -> name + String.format(Locale.ROOT, "%,d %s read, loaded (%,d inserted, %,d updated)",
                        read, read == 1 ? "row" : "rows", inserted, updated)
                        + (days.isEmpty() ? "" : days.get(0).equals(days.get(1)) ? " for " + days.get(0)
                                : " for " + days.get(0) + " to " + days.get(1))
                        + since.map(s -> ", changed since " + text(s)).orElse(", all")
                        + String.format(Locale.ROOT, " in %.1f s", seconds);
            };
        }
    }

    /** Whether every table loaded or had nothing to load. */
    public boolean succeeded() {
        return tables.stream().allMatch(t -> t.status() == Status.LOADED || t.status() == Status.UNCHANGED);
    }

    public long rowsRead() {
        return tables.stream().mapToLong(TableSync::read).sum();
    }

    public long rowsLoaded() {
        return tables.stream().filter(t -> t.status() == Status.LOADED).mapToLong(t -> t.inserted() + t.updated()).sum();
    }

    /** The lines the {@code sync} command prints. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Sync of " + source + ":");
        tables.forEach(t -> lines.add(t.line()));
        String last = lastSuccess.map(s -> "last successful sync " + text(s)).orElse("no successful sync yet");
        lines.add(succeeded()
                ? String.format(Locale.ROOT, "Synced %s: %,d rows read, %,d loaded; %s.", source, rowsRead(),
                        rowsLoaded(), last)
                : "The sync of " + source + " failed for the tables above; the others are stored, and the next sync"
                        + " reads the refused ones again from where they stood (" + last + ").");
        return lines;
    }

    private static String text(LocalDateTime time) {
        return TIME.format(time);
    }
}
