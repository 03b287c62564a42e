package io.kpipeline.delivery;

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
        for (String report : RecipientDirectory.REPORTS) {
            List<String> ids = mailKpis.of(report).mailKpis();
            for (int i = 0; i < ids.size(); i++) {
                String key = "kpi.reports." + report + ".mail-kpis[" + i + "]";
                var kpi = catalog.find(ids.get(i));
                if (kpi.isEmpty() || !kpi.get().enabled()) {
                    problems.add(key + " = " + ids.get(i) + (kpi.isEmpty() ? " is not a KPI of config/kpis.yml"
                            : " is switched off in config/kpis.yml") + Origins.of(environment, key));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw KpiException.configuration(String.join("; ", problems) + ".");
        }
    }
}
