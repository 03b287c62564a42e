package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Computes every enabled KPI of the catalog for a period, calculator by calculator (each one a few
 * set-based queries), and stores the values, replacing an earlier computation of the period.
 */
@Component
public class KpiEngine {

    private final KpiCatalog catalog;
    private final List<KpiCalculator> calculators;
    private final KpiValueRepository values;
    private final CustomerQueries customerQueries;
    private final Clock clock;

    KpiEngine(KpiCatalog catalog, List<KpiCalculator> calculators, KpiValueRepository values,
            CustomerQueries customerQueries, Clock clock) {
        this.customerQueries = customerQueries;
        this.catalog = catalog;
        this.calculators = calculators;
        this.values = values;
        this.clock = clock;
    }

    /** Computes and stores the enabled KPIs of {@code period}; returns what was stored. */
    public List<KpiValue> compute(ReportingPeriod period) {
        Set<String> enabled = catalog.enabled().stream().map(KpiDefinition::id).collect(Collectors.toSet());
        List<KpiValue> computed = customerQueries.sharingFigures(() -> {
            List<KpiValue> all = new ArrayList<>();
            for (KpiCalculator calculator : calculators) {
                if (calculator.kpiIds().stream().anyMatch(enabled::contains)) {
                    calculator.compute(period).stream().filter(v -> enabled.contains(v.kpiId())).forEach(all::add);
                }
            }
            return all;
        });
        values.replace(period, computed, LocalDateTime.now(clock));
        return computed;
    }
}
