package io.kpipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.period.ReportKind;
import io.kpipeline.schedule.ReportSchedules.ReportSchedule;
import io.kpipeline.system.KpiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** Schedules are read from the settings with their defaults, and a wrong one names file, line, key and value. */
class ReportSchedulesTests {

    @TempDir
    Path dir;

    private List<ReportSchedule> read(String yaml) throws IOException {
        Path file = dir.resolve("application.yml");
        Files.writeString(file, yaml);
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("config", new FileSystemResource(file))
                .forEach(environment.getPropertySources()::addFirst);
        ScheduleSettings settings = Binder.get(environment).bindOrCreate("kpi.schedule", ScheduleSettings.class);
        return ReportSchedules.read(settings, ZoneId.of("Europe/Berlin"), environment);
    }

    @Test
    void withoutSettingsEveryReportRunsOnItsDefaultInTheBusinessZone() throws IOException {
        assertThat(read("kpi:\n  zone: Europe/Berlin\n")).containsExactly(
                new ReportSchedule(ReportKind.WEEKLY, "0 0 7 ? * MON", ZoneId.of("Europe/Berlin")),
                new ReportSchedule(ReportKind.MONTHLY, "0 0 6 1 * ?", ZoneId.of("Europe/Berlin")),
                // the 2nd of January, April, July and October, and 2 January, at 06:00
                new ReportSchedule(ReportKind.QUARTERLY, "0 0 6 2 1,4,7,10 ?", ZoneId.of("Europe/Berlin")),
                new ReportSchedule(ReportKind.YEARLY, "0 0 6 2 1 ?", ZoneId.of("Europe/Berlin")),
                new ReportSchedule(ReportKind.REVIEW, "0 0 6 * * ?", ZoneId.of("Europe/Berlin")));
    }

    @Test
    void aReportHasItsOwnCronAndZoneOrIsDisabled() throws IOException {
        assertThat(read("""
                kpi:
                  schedule:
                    weekly:
                      cron: "0 30 8 ? * TUE"
                      zone: America/New_York
                    yearly:
                      enabled: false
                    review:
                      enabled: false
                """)).containsExactly(
                new ReportSchedule(ReportKind.WEEKLY, "0 30 8 ? * TUE", ZoneId.of("America/New_York")),
                new ReportSchedule(ReportKind.MONTHLY, "0 0 6 1 * ?", ZoneId.of("Europe/Berlin")),
                new ReportSchedule(ReportKind.QUARTERLY, "0 0 6 2 1,4,7,10 ?", ZoneId.of("Europe/Berlin")));
    }

    @Test
    void aWrongCronExpressionNamesFileLineKeyAndValue() {
        assertThatThrownBy(() -> read("""
                kpi:
                  schedule:
                    monthly:
                      cron: "0 6 1 * *"
                """)).isInstanceOf(KpiException.class)
                .satisfies(e -> assertThat(((KpiException) e).isConfigurationProblem()).isTrue())
                .hasMessageContaining("kpi.schedule.monthly.cron (in ")
                .hasMessageContaining("application.yml, line 4)")
                .hasMessageContaining("\"0 6 1 * *\" is not a Quartz cron expression")
                .hasMessageContaining("e.g. \"0 0 6 1 * ?\"");
    }

    @Test
    void aCronExpressionThatNeverFiresIsRefused() {
        assertThatThrownBy(() -> read("kpi.schedule.weekly.cron: \"0 0 7 30 2 ?\"\n")) // 30 February
                .hasMessageContaining("kpi.schedule.weekly.cron").hasMessageContaining("it never fires");
    }

    @Test
    void anUnknownZoneNamesFileLineKeyAndValue() {
        assertThatThrownBy(() -> read("""
                kpi:
                  schedule:
                    review:
                      zone: Europe/Berlinn
                """)).isInstanceOf(KpiException.class)
                .hasMessageContaining("kpi.schedule.review.zone (in ")
                .hasMessageContaining("line 4)")
                .hasMessageContaining("\"Europe/Berlinn\" is not a time zone");
    }
}
