package io.kpipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kpipeline.sync.SourceSettings;
import io.kpipeline.system.KpiException;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/** Each configured source gets a nightly sync at 02:00 unless it says otherwise; a wrong schedule stops the start. */
class SourceSchedulesTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aSourceWithoutScheduleSyncsAtTwoInTheBusinessZoneAndADisabledOneNotAtAll() {
        SourceSettings settings = new SourceSettings(Map.of(
                "matomo", source(null, null, true),
                "mautic", source("0 30 1 * * ?", "UTC", true),
                "suitecrm", source(null, null, false)));

        assertThat(SourceSchedules.read(settings, BERLIN, new StandardEnvironment())).containsExactly(
                new SourceSchedules.SourceSchedule("matomo", "0 0 2 * * ?", BERLIN),
                new SourceSchedules.SourceSchedule("mautic", "0 30 1 * * ?", ZoneId.of("UTC")));
    }

    @Test
    void aScheduleThatIsNoCronExpressionIsRefusedWithItsSetting() {
        SourceSettings settings = new SourceSettings(Map.of("matomo", source("nightly", null, true)));

        assertThatThrownBy(() -> SourceSchedules.read(settings, BERLIN, new StandardEnvironment()))
                .isInstanceOf(KpiException.class)
                .hasMessageStartingWith("kpi.sources.matomo.schedule: \"nightly\" is not a Quartz cron expression");
    }

    private static SourceSettings.Source source(String schedule, String zone, boolean enabled) {
        return new SourceSettings.Source("jdbc:mysql://localhost/x", "reader", null, null, null, schedule, zone,
                enabled);
    }
}
