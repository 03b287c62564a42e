package io.kpipeline.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What to generate: the calendar days {@code from}..{@code to} (both included), about how many
 * leads in that time, and the seed that makes the output reproducible.
 */
public record GeneratorSettings(LocalDate from, LocalDate to, int leads, long seed) {

    /**
     * The lead rate of the demo company, a German B2B software vendor with about 300 subscribers when the
     * window begins: everything the generator writes scales with a setting's lead rate against this one.
     */
    public static final double REFERENCE_LEADS_PER_DAY = 8.4;

    /** The demo company's data from 1 January of the year before {@code today} up to {@code today}. */
    public static GeneratorSettings demo(LocalDate today, long seed) {
        return reference(today.withDayOfYear(1).minusYears(1), today, seed);
    }

    /** The days {@code from}..{@code to} at the reference company's lead rate. */
    public static GeneratorSettings reference(LocalDate from, LocalDate to, long seed) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new GeneratorSettings(from, to, (int) Math.max(1, Math.round(REFERENCE_LEADS_PER_DAY * days)), seed);
    }

    public GeneratorSettings {
        if (from == null || to == null) {
            throw new IllegalArgumentException("from and to are required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") lies before from (" + from + ")");
        }
        if (leads < 1) {
            throw new IllegalArgumentException("leads must be at least 1, not " + leads);
        }
    }

    /** Number of calendar days generated; the unit of work reported to {@link io.kpipeline.system.Progress}. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
