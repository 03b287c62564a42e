package io.kpipeline.sync;

import jakarta.validation.Valid;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The source databases the nightly sync reads ({@code kpi.sources.<name>.*} in {@code config/application.yml}),
 * by name; the name is also the profile's, {@code config/sources/<name>.yml}, unless {@code profile} says
 * otherwise.
 *
 * @param sources every configured source, by name
 */
@Validated
@ConfigurationProperties("kpi")
public record SourceSettings(Map<String, @Valid Source> sources) {

    /** Every night at 02:00, before the reports' runs at 06:00 and 07:00. */
    static final String DEFAULT_SCHEDULE = "0 0 2 * * ?";

    public SourceSettings {
        sources = sources == null ? Map.of() : new TreeMap<>(sources);
    }

    /**
     * @param url          the JDBC URL of the source's MySQL or MariaDB database, e.g.
     *                     {@code jdbc:mysql://analytics.example.com:3306/matomo}
     * @param username     its account; a read-only one is enough and recommended
     * @param password     the password, e.g. {@code ${MATOMO_DB_PASSWORD}} (from the environment); or
     * @param passwordFile a file only the pipeline's user may read (chmod 600) that holds it
     * @param profile      the sync profile, a name of {@code config/sources/} or a path; empty: the source's name
     * @param schedule     when the {@code schedule} command syncs it, a Quartz cron expression; empty: 02:00 daily
     * @param zone         the zone of the schedule; empty: {@code kpi.zone}
     * @param enabled      false: the scheduler leaves the source alone ({@code sync} still runs it)
     */
    public record Source(String url, String username, String password, Path passwordFile, String profile,
            String schedule, String zone, @DefaultValue("true") boolean enabled) {

        /** The profile's name or path: {@code profile}, else the source's own name. */
        public String profileOr(String name) {
            return profile == null || profile.isBlank() ? name : profile;
        }

        /** The schedule's cron expression, the default when none is set. */
        public String cron() {
            return schedule == null || schedule.isBlank() ? DEFAULT_SCHEDULE : schedule;
        }
    }
}
