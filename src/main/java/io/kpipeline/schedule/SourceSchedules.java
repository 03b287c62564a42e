package io.kpipeline.schedule;

import io.kpipeline.sync.SourceSettings;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.Origins;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.quartz.CronExpression;
import org.springframework.core.env.Environment;

/**
 * The checked sync schedule of every enabled source ({@code kpi.sources.<name>.schedule} and {@code .zone}, by
 * default 02:00 in {@code kpi.zone}, before the reports). A wrong setting stops the start with file, key and value.
 */
final class SourceSchedules {

    private SourceSchedules() {
    }

    /** One source's sync: fires at {@code cron} read in {@code zone}. */
    record SourceSchedule(String source, String cron, ZoneId zone) {
    }

    static List<SourceSchedule> read(SourceSettings settings, ZoneId defaultZone, Environment environment) {
        List<SourceSchedule> schedules = new ArrayList<>();
        settings.sources().forEach((name, source) -> {
            if (!source.enabled()) {
                return;
            }
            String prefix = "kpi.sources." + name + ".";
            String cron = source.cron().strip();
            try {
                if (new CronExpression(cron).getNextValidTimeAfter(new Date()) == null) {
                    throw new ParseException("it never fires", 0);
                }
            } catch (ParseException e) {
                throw KpiException.configuration(prefix + "schedule" + Origins.of(environment, prefix + "schedule")
                        + ": \"" + cron + "\" is not a Quartz cron expression (" + e.getMessage() + "). Write six"
                        + " fields, seconds minutes hours day-of-month month day-of-week, with ? in one of the two day"
                        + " fields, e.g. \"0 0 2 * * ?\" (02:00 daily).");
            }
            ZoneId zone;
            try {
                zone = source.zone() == null || source.zone().isBlank() ? defaultZone : ZoneId.of(source.zone().strip());
            } catch (DateTimeException e) {
                throw KpiException.configuration(prefix + "zone" + Origins.of(environment, prefix + "zone") + ": \""
                        + source.zone() + "\" is not a time zone. Write a region such as Europe/Berlin, or leave it"
                        + " out to use kpi.zone (" + defaultZone + ").");
            }
            schedules.add(new SourceSchedule(name, cron, zone));
        });
        return List.copyOf(schedules);
    }
}
