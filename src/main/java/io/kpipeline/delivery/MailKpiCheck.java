package io.kpipeline.delivery;

import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.period.ReportKind;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.NeedsNoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks {@code kpi.reports.<report>.mail-kpis} at every start and in check-config, without a database: a mail
 * KPI the catalog does not have, or has switched off, stops start-up, as a weekly focus KPI does.
 */
@Component
@NeedsNoDatabase
class MailKpiCheck implements InitializingBean {

    private final MailKpiSettings mailKpis;
    private final KpiCatalog catalog;
    private final Environment environment;

    MailKpiCheck(MailKpiSettings mailKpis, KpiCatalog catalog, Environment environment) {
        this.mailKpis = mailKpis;
        this.catalog = catalog;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        for (ReportKind report : ReportKind.values()) {
            problems.addAll(catalog.unusable("kpi.reports." + report.key() + ".mail-kpis", mailKpis.of(report).mailKpis(),
                    environment));
        }
        if (!problems.isEmpty()) {
            throw KpiException.configuration(String.join("; ", problems) + ".");
        }
    }
}
