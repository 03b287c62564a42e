package io.kpipeline.evaluation;

import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.NeedsNoDatabase;
import io.kpipeline.system.Origins;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Checks what binding alone cannot: that targets, benchmarks and measures name KPIs of the catalog,
 * and that a target's breakdown is one its KPI has. A problem stops start-up with key, value, file and line.
 */
@Component
@NeedsNoDatabase
public class ConfigurationCheck implements InitializingBean {

    private final KpiCatalog catalog;
    private final Targets targets;
    private final Benchmarks benchmarks;
    private final BenchmarkSettings benchmarkSettings;
    private final Measures measures;
    private final IndustryBenchmarks industryBenchmarks;
    private final Environment environment;

    ConfigurationCheck(KpiCatalog catalog, Targets targets, Benchmarks benchmarks,
            BenchmarkSettings benchmarkSettings, Measures measures, IndustryBenchmarks industryBenchmarks,
            Environment environment) {
        this.industryBenchmarks = industryBenchmarks;
        this.benchmarkSettings = benchmarkSettings;
        this.environment = environment;
        this.catalog = catalog;
        this.targets = targets;
        this.benchmarks = benchmarks;
        this.measures = measures;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < targets.targets().size(); i++) {
            Targets.Target t = targets.targets().get(i);
            String key = "kpi-targets.targets[" + i + "]";
            Optional<KpiDefinition> kpi = known(problems, key, t.kpi());
            if (kpi.isPresent() && t.dimension() != null && !kpi.get().breakdowns().contains(t.dimension())) {
                problems.add(key + ".dimension = " + t.dimension().key() + " is not a breakdown of " + t.kpi()
                        + ", which has " + (kpi.get().breakdowns().isEmpty() ? "none" : kpi.get().breakdowns().stream()
                                .map(KpiDefinition.Dimension::key).collect(Collectors.joining(", ")))
                        + Origins.of(environment, key + ".dimension"));
            }
            if ((t.dimension() == null) != (t.dimensionValue() == null)) {
                problems.add(key + ": dimension and dimension-value go together; give both or neither"
                        + Origins.of(environment, key + ".kpi"));
            }
        }
        for (int i = 0; i < benchmarks.benchmarks().size(); i++) {
            known(problems, "kpi-benchmarks.benchmarks[" + i + "]", benchmarks.benchmarks().get(i).kpi());
        }
        var industries = industryBenchmarks.knownIndustries();
        for (int i = 0; i < benchmarkSettings.industry().size(); i++) {
            String industry = benchmarkSettings.industry().get(i);
            if (!industries.contains(industry.strip())) {
                String key = "kpi.benchmarks.industry[" + i + "]";
                problems.add(key + " = " + industry + " is no industry of config/benchmarks.yml, whose sources name "
                        + (industries.isEmpty() ? "none" : String.join(", ", industries))
                        + Origins.of(environment, key));
            }
        }
        for (int i = 0; i < measures.measures().size(); i++) {
            Measures.Measure m = measures.measures().get(i);
            String key = "kpi-measures.measures[" + i + "]";
            known(problems, key, m.kpi());
            if (m.when().isEmpty()) {
                problems.add(key + " (" + m.id() + ") has no condition under when:, so it would never fire"
                        + Origins.of(environment, key + ".id"));
            }
        }
        if (!problems.isEmpty()) {
            throw KpiException.configuration(String.join("; ", problems) + ".");
        }
    }

    private Optional<KpiDefinition> known(List<String> problems, String key, String kpi) {
        Optional<KpiDefinition> found = catalog.find(kpi);
        if (found.isEmpty()) {
            problems.add(key + ".kpi = " + kpi + " is not a KPI of config/kpis.yml" + Origins.of(environment, key + ".kpi"));
        }
        return found;
    }

    /** One line on what the configuration holds, for check-config. */
    public String summary() {
        return String.format(
                "The configuration is valid: %d KPIs (%d enabled), %d targets, %d benchmarks, %d measures.",
                catalog.kpis().size(), catalog.enabled().size(), targets.targets().size(),
                benchmarks.benchmarks().size(), measures.measures().size());
    }
}
