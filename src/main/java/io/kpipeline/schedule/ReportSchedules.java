package io.kpipeline.schedule;

import io.kpipeline.period.ReportKind;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.Origins;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.springframework.core.env.Environment;

/**
 * The checked schedule of every enabled report: its cron expression and zone from
 * {@code kpi.schedule.<report>.*}, with the defaults filled in. A wrong setting stops the start with
 * the file, key and value and what to write instead.
 */
final class ReportSchedules {

    private ReportSchedules() {
    }

    /** One report's schedule: fires at {@code cron} read in {@code zone}. */
    record ReportSchedule(ReportKind report, String cron, ZoneId zone) {

        CronExpression expression() {
            try {
                CronExpression expression = new CronExpression(cron);
                expression.setTimeZone(TimeZone.getTimeZone(zone));
                return expression;
            } catch (ParseException e) {
                throw new IllegalStateException("checked when read: " + cron, e);
            }
        }
    }

    /**
     * @throws KpiException (a configuration problem) naming the first wrong setting
     */
    static List<ReportSchedule> read(ScheduleSettings settings, ZoneId defaultZone, Environment environment) {
        List<ReportSchedule> schedules = new ArrayList<>();
        for (ReportKind report : ReportKind.values()) {
            ScheduleSettings.Report s = settings.of(report);
            if (!s.enabled()) {
                continue;
            }
            String prefix = "kpi.schedule." + report.key() + ".";
            String cron = blank(s.cron()) ? ScheduleSettings.defaultCron(report) : s.cron().strip();
            try {
                if (new CronExpression(cron).getNextValidTimeAfter(new Date()) == null) {
                    throw new ParseException("it never fires", 0);
                }
            } catch (ParseException e) {
                throw KpiException.configuration(prefix + "cron" + Origins.of(environment, prefix + "cron") + ": \""
                        + cron + "\" is not a Quartz cron expression (" + e.getMessage() + "). Write six fields,"
                        + " seconds minutes hours day-of-month month day-of-week, with ? in one of the two day"
                        + " fields, e.g. \"" + ScheduleSettings.defaultCron(report) + "\".");
            }
            ZoneId zone;
            try {
                zone = blank(s.zone()) ? defaultZone : ZoneId.of(s.zone().strip());
            } catch (DateTimeException e) {
                throw KpiException.configuration(prefix + "zone" + Origins.of(environment, prefix + "zone") + ": \""
                        + s.zone() + "\" is not a time zone. Write a region such as Europe/Berlin, or leave it out"
                        + " to use kpi.zone (" + defaultZone + ").");
            }
            schedules.add(new ReportSchedule(report, cron, zone));
        }
        return List.copyOf(schedules);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
