package io.kpipeline.kpi;

import io.kpipeline.system.KpiException;
import io.kpipeline.system.NeedsNoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the catalog and the calculators disagree: a KPI in {@code config/kpis.yml}
 * that nothing computes, a calculated KPI without a catalog entry, or one computed twice. Without the
 * database (check-config) there are no calculators; the catalog shipped in the jar, which the calculators
 * are held to whenever the application starts, stands in for their ids.
 */
@Component
@NeedsNoDatabase
class CatalogCoverage implements InitializingBean {

    /** The shipped catalog, as the settings-only context compares with it. */
    static final String SHIPPED = "config/kpis.yml";

    private final KpiCatalog catalog;
    private final ObjectProvider<KpiCalculator> calculators;

    CatalogCoverage(KpiCatalog catalog, ObjectProvider<KpiCalculator> calculators) {
        this.catalog = catalog;
        this.calculators = calculators;
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, String> computedBy = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<KpiCalculator> all = calculators.orderedStream().toList();
        for (KpiCalculator calculator : all) {
            for (String id : calculator.kpiIds()) {
                String other = computedBy.put(id, calculator.getClass().getSimpleName());
                if (other != null) {
                    problems.add(id + " is computed by both " + other + " and " + calculator.getClass().getSimpleName());
                }
            }
        }
        if (all.isEmpty()) {
            shippedIds().forEach(id -> computedBy.put(id, SHIPPED));
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

    /** A catalog entry's id, all the comparison needs of it. */
    record Entry(String id) {
    }

    /** The ids of the catalog shipped in the jar. */
    static List<String> shippedIds() {
        try {
            var sources = new YamlPropertySourceLoader().load("shipped catalog", new ClassPathResource(SHIPPED));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("kpi-catalog.kpis", Bindable.listOf(Entry.class)).orElse(List.of())
                    .stream().map(Entry::id).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The shipped " + SHIPPED + " cannot be read", e);
        }
    }
}
