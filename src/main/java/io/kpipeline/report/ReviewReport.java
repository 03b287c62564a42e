package io.kpipeline.report;

import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.evaluation.Targets;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.period.ReviewCycle;
import io.kpipeline.review.ReviewFindings;
import io.kpipeline.review.ReviewPeriods;
import io.kpipeline.review.ReviewValues;
import io.kpipeline.review.TargetProgress;
import io.kpipeline.system.KpiProperties;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.Origins;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The 30-day KPI review (30-Tage-Review): for each KPI with a target its baseline, weekly
 * checkpoints, current value and projection to the deadline; the KPI inventory; the recommended
 * adjustments and the questions for the joint sales and marketing meeting. Renders
 * {@code reports/ReviewKpiReport.jrxml} from the cycle's stored results and the stored values of
 * its checkpoints and weeks (computed by the review job's computeCheckpointsStep), read in one query each.
 */
@Component
public class ReviewReport implements ReportDocument, InitializingBean {

    static final String TEMPLATE = "ReviewKpiReport";

    private final ReportRenderer renderer;
    private final KpiResultRepository results;
    private final ReviewValues values;
    private final KpiCatalog catalog;
    private final Targets targets;
    private final ReviewCycle cycles;
    private final ReviewReportSettings settings;
    private final KpiProperties properties;
    private final Environment environment;

    ReviewReport(ReportRenderer renderer, KpiResultRepository results, ReviewValues values, KpiCatalog catalog,
            Targets targets, ReportSettings reportSettings, ReviewReportSettings settings, KpiProperties properties,
            Environment environment) {
        this.renderer = renderer;
        this.results = results;
        this.values = values;
        this.catalog = catalog;
        this.targets = targets;
        this.cycles = reportSettings.review().cycle();
        this.settings = settings;
        this.properties = properties;
        this.environment = environment;
    }

    /** A redundancy check that asks for more weeks with values than it reads stops start-up. */
    @Override
    public void afterPropertiesSet() {
        if (settings.minimumWeeks() > settings.correlationWeeks()) {
            String key = "kpi.reports.review.minimum-weeks";
            throw KpiException.configuration(key + " = " + settings.minimumWeeks() + Origins.of(environment, key)
                    + " is more than kpi.reports.review.correlation-weeks = " + settings.correlationWeeks()
                    + ": two KPIs cannot share more weeks with values than the check reads. Lower minimum-weeks or"
                    + " raise correlation-weeks.");
        }
    }

    @Override
    public String report() {
        return "review";
    }

    /** Renders the cycle's review into the configured file in {@code folder}. */
    @Override
    public List<RenderedPdf> write(ReportingPeriod cycle, Path folder) {
        Map<String, BigDecimal> current = new HashMap<>();
        Map<String, BigDecimal> baseline = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (StoredResult r : results.find(report(), cycle, catalog.kpis().stream().map(KpiDefinition::id).toList())) {
            if (r.isTotal()) {
                current.put(r.kpiId(), r.value());
                baseline.put(r.kpiId(), r.previousValue());
                if (r.reason() != null) {
                    reasons.put(r.kpiId(), r.reason());
                }
            }
        }
        var stored = new ReviewFindings.Values(current, baseline, reasons,
                valuesOnly(values.totals(ReviewPeriods.checkpoints(cycle))),
                valuesOnly(values.totals(ReviewPeriods.weeks(cycle, settings.correlationWeeks()))));
        byte[] pdf = render(cycle, stored);
        return List.of(RenderedPdf.write(folder.resolve(settings.file()), pdf, null));
    }

    private static List<Map<String, BigDecimal>> valuesOnly(List<Map<String, io.kpipeline.review.Observation>> totals) {
        return totals.stream().map(t -> {
            Map<String, BigDecimal> values = new HashMap<>();
            t.forEach((kpi, o) -> values.put(kpi, o.value()));
            return values;
        }).toList();
    }

    /** The review of {@code cycle} from the values given, as PDF bytes. */
    byte[] render(ReportingPeriod cycle, ReviewFindings.Values stored) {
        ReviewFindings findings = ReviewFindings.of(cycle, catalog.enabled(), targets, stored, settings.rules());
        ReportFormat format = new ReportFormat(renderer.locale(), java.util.Currency.getInstance(properties.currency()));
        ReviewTexts texts = new ReviewTexts(format, settings);

        Map<String, Object> parameters = new HashMap<>();
        parameters.put("FirstDay", format.date(cycle.start()));
        parameters.put("LastDay", format.date(cycle.last()));
        parameters.put("Cycle", cycles.isCycle(cycle)
                ? format.text("review.cycle", cycles.number(cycle), format.date(cycles.start())) : "");
        List<String> checkpoints = new ArrayList<>();
        for (int k = 1; k <= ReviewPeriods.CHECKPOINTS; k++) {
            checkpoints.add(format.text("review.checkpoint", k, texts.shortDate(ReviewPeriods.checkpointDay(cycle, k))));
        }
        parameters.put("CheckpointHeaders", checkpoints);
        parameters.put("Definitions", texts.definitions(cycle));
        parameters.put("InventoryNote", texts.inventoryNote());
        parameters.put("InventoryRows", texts.inventory(findings.inventory()));
        parameters.put("AdjustmentRows", texts.adjustments(findings.agenda().adjustments()));
        parameters.put("QuestionRows", texts.questions(findings.agenda().questions()));

        List<ReviewRows.TargetKpi> rows = findings.progress().stream().map(p -> row(format, p)).toList();
        String title = format.text("review.title", format.date(cycle.start()), format.date(cycle.last()));
        return renderer.render(TEMPLATE, parameters, rows, title, cycle.last());
    }

    private static ReviewRows.TargetKpi row(ReportFormat format, TargetProgress p) {
        var unit = p.kpi().unit();
        return new ReviewRows.TargetKpi(p.kpi().name().in(format.locale()), p.target().owner(),
                format.value(p.baseline(), unit), p.checkpoints().stream().map(v -> format.value(v, unit)).toList(),
                format.value(p.current(), unit), ReviewTexts.target(format, p.target(), p.direction(), unit),
                format.date(p.target().deadline()), format.value(p.projected(), unit), p.verdict().name());
    }
}
