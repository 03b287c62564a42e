package io.kpipeline.schedule;

import io.kpipeline.period.ReportKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the {@code schedule} command runs each report ({@code kpi.schedule.*} in
 * {@code config/application.yml}). Cron expression and zone are checked by {@link ReportSchedules}
 * when the scheduler starts, so that a wrong one is reported with its file and line.
 *
 * @param weekly  the weekly report, and with it the personal rep reports it renders
 * @param monthly   the monthly management report
 * @param quarterly the quarterly management report
 * @param yearly    the yearly management report
 * @param review  the 30-day review: a daily check that runs a cycle once it has ended
 * @param catchUp which missed periods a start after downtime runs, and how far back it looks
 */
@Validated
@ConfigurationProperties("kpi.schedule")
public record ScheduleSettings(
        @Valid @NotNull @DefaultValue Report weekly,
        @Valid @NotNull @DefaultValue Report monthly,
        @Valid @NotNull @DefaultValue Report quarterly,
        @Valid @NotNull @DefaultValue Report yearly,
        @Valid @NotNull @DefaultValue Report review,
        @Valid @NotNull @DefaultValue CatchUp catchUp) {

    /**
     * Defaults: weekly Monday 07:00, monthly on the 1st at 06:00, quarterly on the 2nd of January, April,
     * July and October at 06:00 and yearly on 2 January at 06:00 (a day after the monthly run, so that
     * the month's late data is in), review check daily at 06:00.
     */
    static String defaultCron(ReportKind kind) {
        return switch (kind) {
            case WEEKLY -> "0 0 7 ? * MON";
            case MONTHLY -> "0 0 6 1 * ?";
            case QUARTERLY -> "0 0 6 2 1,4,7,10 ?";
            case YEARLY -> "0 0 6 2 1 ?";
            case REVIEW -> "0 0 6 * * ?";
        };
    }

    Report of(ReportKind kind) {
        return switch (kind) {
            case WEEKLY -> weekly;
            case MONTHLY -> monthly;
            case QUARTERLY -> quarterly;
            case YEARLY -> yearly;
            case REVIEW -> review;
        };
    }

    /**
     * @param enabled whether the scheduler runs this report at all
     * @param cron    a Quartz cron expression (seconds first); empty for the default
     * @param zone    the time zone of the cron expression; empty for {@code kpi.zone}
     */
    public record Report(@DefaultValue("true") boolean enabled, String cron, String zone) {
    }

    /**
     * @param mode       which missed periods run: by default only the latest, so that a first start or a start
     *                   after downtime does not mail a pile of old reports; the others are listed with the
     *                   {@code backfill} command that runs them
     * @param maxPeriods how many of a report's latest periods a firing looks at; missing ones older than that are
     *                   left to {@code backfill}
     */
    public record CatchUp(@NotNull @DefaultValue("latest") Mode mode,
            @Min(value = 1, message = "must be at least 1") @DefaultValue("12") int maxPeriods) {
    }

    /** {@code kpi.schedule.catch-up.mode}: which of the missed periods a firing runs. */
    public enum Mode {
        /** Only the latest missed period; the older ones are listed with the backfill command. */
        LATEST,
        /** Every missed period, oldest first. */
        ALL,
        /** None: a start runs nothing missed and lists it all; a regular firing runs only its own period. */
        NONE;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
