package io.kpipeline.kpi;

import io.kpipeline.model.TableCounts;
import io.kpipeline.period.ReportingPeriod;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Computes every enabled KPI of the catalog for a period, calculator by calculator (each one a few
 * set-based queries), and stores the values, replacing an earlier computation of the period. A calculator
 * whose source tables hold no row at all computes nothing: its KPIs have no value, "nothing has been imported
 * into …", so that a company that loads its CRM alone reads no revenue of 0 €.
 */
@Component
public class KpiEngine {

    /** The start of the reason for the KPIs of tables that hold no row; the tables follow. */
    public static final String NOTHING_IMPORTED = "nothing has been imported into ";

    private final KpiCatalog catalog;
    private final List<KpiCalculator> calculators;
    private final KpiValueRepository values;
    private final CustomerQueries customerQueries;
    private final Clock clock;
    private final TableCounts tables;

    KpiEngine(KpiCatalog catalog, List<KpiCalculator> calculators, KpiValueRepository values,
            CustomerQueries customerQueries, Clock clock, TableCounts tables) {
        this.tables = tables;
        this.customerQueries = customerQueries;
        this.catalog = catalog;
        this.calculators = calculators;
        this.values = values;
        this.clock = clock;
    }

    /** Computes and stores the enabled KPIs of {@code period}; returns what was stored. */
    public List<KpiValue> compute(ReportingPeriod period) {
        Set<String> enabled = catalog.enabled().stream().map(KpiDefinition::id).collect(Collectors.toSet());
        Set<String> empty = tables.empty(calculators.stream().flatMap(c -> c.sourceTables().stream())
                .collect(Collectors.toSet()));
        List<KpiValue> computed = customerQueries.sharingFigures(() -> {
            List<KpiValue> all = new ArrayList<>();
            for (KpiCalculator calculator : calculators) {
                if (calculator.kpiIds().stream().noneMatch(enabled::contains)) {
                    continue;
                }
                Set<String> sources = new TreeSet<>(calculator.sourceTables());
                if (!sources.isEmpty() && empty.containsAll(sources)) {
                    String reason = NOTHING_IMPORTED + String.join(" or ", sources);
                    calculator.kpiIds().stream().filter(enabled::contains).sorted()
                            .forEach(id -> all.add(KpiValue.none(id, null, null, reason)));
                } else {
                    calculator.compute(period).stream().filter(v -> enabled.contains(v.kpiId())).forEach(all::add);
                }
            }
            return all;
        });
        values.replace(period, computed, LocalDateTime.now(clock));
        return computed;
    }
}
