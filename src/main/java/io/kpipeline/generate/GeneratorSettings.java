package io.kpipeline.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What to generate: the calendar days {@code from}..{@code to} (both included), about how many
 * leads in that time, and the seed that makes the output reproducible.
 */
public record GeneratorSettings(LocalDate from, LocalDate to, int leads, long seed) {

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
