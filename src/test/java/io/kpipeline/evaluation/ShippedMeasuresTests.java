package io.kpipeline.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.evaluation.Measures.Measure;
import io.kpipeline.evaluation.Measures.When;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Better;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.kpi.KpiDefinition.Indicator;
import io.kpipeline.kpi.KpiDefinition.Text;
import io.kpipeline.kpi.KpiDefinition.Unit;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The shipped {@code config/measures.yml} recommends something whenever a KPI with a direction is
 * judged BAD, and names only KPIs of {@code config/kpis.yml}.
 */
class ShippedMeasuresTests {

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Test
    void everyKpiWithADirectionHasAMeasureForBadStatus() throws IOException {
        assertThat(kpisWithoutBadMeasure(catalog(), measures()))
                .as("KPIs of config/kpis.yml with better: higher or lower but no measure with when: { status: [BAD] }")
                .isEmpty();
    }

    @Test
    void everyMeasureNamesAKpiOfTheCatalog() throws IOException {
        assertThat(unknownKpis(catalog(), measures())).as("measures naming no KPI of config/kpis.yml").isEmpty();
    }

    @Test
    void measureIdsAreUniqueAndKebabCaseAndEveryTextIsGiven() throws IOException {
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Measure m : measures().measures()) {
            if (!seen.add(m.id())) {
                problems.add(m.id() + " is listed twice");
            }
            if (!KEBAB_CASE.matcher(m.id()).matches()) {
                problems.add(m.id() + " is not kebab-case");
            }
            if (m.text() == null || isBlank(m.text().de()) || isBlank(m.text().en())) {
                problems.add(m.id() + " lacks its German or English text");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theChecksFindAKpiLeftWithoutBadMeasureAndAMisspeltKpi() {
        KpiCatalog catalog = new KpiCatalog(List.of(kpi("win_rate", Better.HIGHER), kpi("churn_rate", Better.LOWER),
                kpi("new_to_existing_ratio", Better.NONE)));
        Measures measures = new Measures(List.of(
                measure("debrief-lost-deals", "win_rate", new When(List.of(Status.BAD), null, null, null, null, null,
                        null, null)),
                measure("cross-and-upselling", "churn_rate", new When(List.of(), null, null, null,
                        new BigDecimal("0.5"), null, null, null)),
                measure("retention", "churn_rates", new When(List.of(Status.BAD), null, null, null, null, null, null,
                        null))));

        assertThat(kpisWithoutBadMeasure(catalog, measures)).containsExactly("churn_rate");
        assertThat(unknownKpis(catalog, measures)).containsExactly("retention names churn_rates");
    }

    /** KPIs whose better is higher or lower and that no measure names with BAD among its statuses. */
    static List<String> kpisWithoutBadMeasure(KpiCatalog catalog, Measures measures) {
        Set<String> covered = new HashSet<>();
        measures.measures().stream().filter(m -> m.when().status().contains(Status.BAD))
                .forEach(m -> covered.add(m.kpi()));
        return catalog.kpis().stream().filter(k -> k.better() != Better.NONE).map(KpiDefinition::id)
                .filter(id -> !covered.contains(id)).toList();
    }

    static List<String> unknownKpis(KpiCatalog catalog, Measures measures) {
        return measures.measures().stream().filter(m -> catalog.find(m.kpi()).isEmpty())
                .map(m -> m.id() + " names " + m.kpi()).toList();
    }

    private static KpiCatalog catalog() throws IOException {
        return bind("config/kpis.yml").bind("kpi-catalog", KpiCatalog.class).get();
    }

    private static Measures measures() throws IOException {
        return bind("config/measures.yml").bind("kpi-measures", Measures.class).get();
    }

    private static Binder bind(String file) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load(file, new FileSystemResource(file))
                .forEach(environment.getPropertySources()::addFirst);
        return Binder.get(environment);
    }

    private static KpiDefinition kpi(String id, Better better) {
        return new KpiDefinition(id, new Text(id, id), new Text(id, id), new Text(id, id), Unit.RATE, better,
                Category.CUSTOMERS, Indicator.LAGGING, List.of(), true);
    }

    private static Measure measure(String id, String kpi, When when) {
        return new Measure(id, kpi, when, new Text(id, id));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
