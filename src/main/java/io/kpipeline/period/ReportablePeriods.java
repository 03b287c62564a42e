package io.kpipeline.period;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether a report may cover a period now (kpi-vocabulary.md, "Periods"): only once the period has
 * ended ({@code end <= today} in the business time zone) and only when the source tables hold data
 * dated in it. Otherwise only a preliminary report may cover it, which says that its data ends on a day.
 */
@Component
public class ReportablePeriods {

    private final Clock clock;
    private final DataCoverage coverage;

    ReportablePeriods(Clock clock, DataCoverage coverage) {
        this.clock = clock;
        this.coverage = coverage;
    }

    /** Why a period cannot be reported yet. */
    public enum Reason {
        /** The period's last day is today or later. */
        NOT_ENDED,
        /** No source table holds a row dated in the period. */
        NO_DATA
    }

    /**
     * @param reason  why
     * @param message one sentence naming the period and what stands in the way, e.g. "2026-12 ends on
     *                2026-12-31: it can be reported from 2027-01-01."
     */
    public record Refusal(Reason reason, String message) {
    }

    /** Today in the business time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Why the period cannot be reported now; empty when it has ended and holds data. */
    public Optional<Refusal> refusal(ReportingPeriod period) {
        LocalDate today = today();
        if (!period.hasEnded(today)) {
            return Optional.of(new Refusal(Reason.NOT_ENDED, period.id() + " ends on " + period.last()
                    + ": it can be reported from " + period.end() + "."));
        }
        if (!hasData(period)) {
            return Optional.of(new Refusal(Reason.NO_DATA, period.id() + " (" + period.start() + " to "
                    + period.last() + ") has no data: " + holdings()));
        }
        return Optional.empty();
    }

    /** Whether any source table holds a row dated in the period. */
    public boolean hasData(ReportingPeriod period) {
        return coverage.hasData(period);
    }

    /** "the database holds data from 2025-08-01 to 2026-11-21.", or that it holds none. */
    public String holdings() {
        return coverage.range().map(r -> "the database holds data from " + r.first() + " to " + r.last() + ".")
                .orElse("the database holds no data at all.");
    }

    /**
     * The last day of data a preliminary report of the period shows: today while the period runs (or
     * before it starts), else its last day.
     */
    public LocalDate preliminaryUpTo(ReportingPeriod period) {
        LocalDate today = today();
        return period.hasEnded(today) ? period.last() : today;
    }
}
