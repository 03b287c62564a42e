package io.kpipeline.kpi;

import io.kpipeline.system.Origins;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.validation.annotation.Validated;

/**
 * The KPI catalog from {@code config/kpis.yml}: every KPI the pipeline knows, in report order. It
 * is the single source of names and definitions; {@link CatalogCoverage} holds it and the
 * calculators to the same ids.
 *
 * @param kpis the KPIs in the order of the file
 */
@Validated
@ConfigurationProperties("kpi-catalog")
public record KpiCatalog(@NotEmpty List<@Valid KpiDefinition> kpis) {

    /** The funnel's stage conversions in order, Lead → MQL to Contract sent → Won, as the calculator defines them. */
    public static final List<String> STAGE_CONVERSIONS = LeadFunnelCalculator.STAGE_CONVERSIONS;

    public KpiCatalog {
        kpis = List.copyOf(kpis);
        Map<String, KpiDefinition> seen = new LinkedHashMap<>();
        for (KpiDefinition kpi : kpis) {
            if (seen.put(kpi.id(), kpi) != null) {
                throw new IllegalArgumentException("KPI " + kpi.id() + " is listed twice in config/kpis.yml");
            }
        }
    }

    public Optional<KpiDefinition> find(String id) {
        return kpis.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /**
     * What is wrong with the KPI ids of the list setting {@code key} (a report's focus or mail KPIs): ids the
     * catalog does not have or has switched off, each with its key, value and where it was set; empty when none.
     */
    public List<String> unusable(String key, List<String> ids, Environment environment) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String entry = key + "[" + i + "]";
            Optional<KpiDefinition> kpi = find(ids.get(i));
            if (kpi.isEmpty() || !kpi.get().enabled()) {
                problems.add(entry + " = " + ids.get(i) + (kpi.isEmpty() ? " is not a KPI of config/kpis.yml"
                        : " is switched off in config/kpis.yml") + Origins.of(environment, entry));
            }
        }
        return problems;
    }

    public KpiDefinition get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No KPI " + id + " in config/kpis.yml"));
    }

    public List<KpiDefinition> enabled() {
        return kpis.stream().filter(KpiDefinition::enabled).toList();
    }
}
