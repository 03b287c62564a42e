package io.kpipeline.kpi;

import io.kpipeline.system.KpiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the catalog and the calculators disagree: a KPI in {@code config/kpis.yml}
 * that nothing computes, a calculated KPI without a catalog entry, or one computed twice.
 */
@Component
class CatalogCoverage implements InitializingBean {

    private final KpiCatalog catalog;
    private final List<KpiCalculator> calculators;

    CatalogCoverage(KpiCatalog catalog, List<KpiCalculator> calculators) {
        this.catalog = catalog;
        this.calculators = calculators;
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, String> computedBy = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (KpiCalculator calculator : calculators) {
            for (String id : calculator.kpiIds()) {
                String other = computedBy.put(id, calculator.getClass().getSimpleName());
                if (other != null) {
                    problems.add(id + " is computed by both " + other + " and " + calculator.getClass().getSimpleName());
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        catalog.kpis().forEach(k -> listed.add(k.id()));
        List<String> uncomputed = listed.stream().filter(id -> !computedBy.containsKey(id)).toList();
        if (!uncomputed.isEmpty()) {
            problems.add("config/kpis.yml lists KPIs that no calculator computes: " + String.join(", ", uncomputed)
                    + " (remove them or check the spelling)");
        }
        List<String> unlisted = computedBy.keySet().stream().filter(id -> !listed.contains(id)).toList();
        if (!unlisted.isEmpty()) {
            problems.add("calculated KPIs without an entry in config/kpis.yml: " + String.join(", ", unlisted)
                    + " (add them, with enabled: false to leave them out)");
        }
        if (!problems.isEmpty()) {
            throw KpiException.configuration("The KPI catalog and the calculators disagree: "
                    + String.join("; ", problems) + ".");
        }
    }
}
