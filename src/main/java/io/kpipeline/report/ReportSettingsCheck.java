package io.kpipeline.report;

import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.NeedsNoDatabase;
import io.kpipeline.system.Origins;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks what binding alone cannot in the reports' settings, at every start and in check-config: the weekly
 * report's focus KPIs are enabled KPIs of the catalog, and the review's redundancy check asks for no more
 * weeks with values than it reads. A problem stops start-up with key, value, file and line.
 */
@Component
@NeedsNoDatabase
class ReportSettingsCheck implements InitializingBean {

    private final ReportSettings settings;
    private final ReviewReportSettings review;
    private final KpiCatalog catalog;
    private final Environment environment;

    ReportSettingsCheck(ReportSettings settings, ReviewReportSettings review, KpiCatalog catalog,
            Environment environment) {
        this.settings = settings;
        this.review = review;
        this.catalog = catalog;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>(catalog.unusable("kpi.reports.weekly.focus",
                settings.weekly().focus(), environment));
        if (review.minimumWeeks() > review.correlationWeeks()) {
            String key = "kpi.reports.review.minimum-weeks";
            problems.add(key + " = " + review.minimumWeeks() + Origins.of(environment, key)
                    + " is more than kpi.reports.review.correlation-weeks = " + review.correlationWeeks()
                    + ": two KPIs cannot share more weeks with values than the check reads. Lower minimum-weeks or"
                    + " raise correlation-weeks");
        }
        if (!problems.isEmpty()) {
            throw KpiException.configuration(String.join("; ", problems) + ".");
        }
    }
}
