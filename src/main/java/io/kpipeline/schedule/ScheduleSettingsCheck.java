package io.kpipeline.schedule;

import io.kpipeline.sync.SourceSettings;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.NeedsNoDatabase;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks every report's cron expression and zone ({@code kpi.schedule.*}), and every source sync's
 * ({@code kpi.sources.<name>.schedule}), whenever the application starts,
 * and in check-config without a database, so that a wrong schedule is found before the scheduler runs.
 */
@Component
@NeedsNoDatabase
class ScheduleSettingsCheck implements InitializingBean {

    private final ScheduleSettings settings;
    private final KpiProperties kpi;
    private final SourceSettings sources;
    private final Environment environment;

    ScheduleSettingsCheck(ScheduleSettings settings, SourceSettings sources, KpiProperties kpi,
            Environment environment) {
        this.settings = settings;
        this.sources = sources;
        this.kpi = kpi;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        ReportSchedules.read(settings, kpi.zone(), environment);
        SourceSchedules.read(sources, kpi.zone(), environment);
    }
}
