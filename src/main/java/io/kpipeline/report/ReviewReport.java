package io.kpipeline.report;

import io.kpipeline.evaluation.FiredMeasures;
import io.kpipeline.evaluation.FiredMeasures.FiredMeasure;
import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.evaluation.Status;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.evaluation.Targets;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition.Dimension;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.period.ReviewCycle;
import io.kpipeline.review.Observation;
import io.kpipeline.review.ReviewFindings;
import io.kpipeline.review.ReviewPeriods;
import io.kpipeline.review.ReviewValues;
import io.kpipeline.system.KpiProperties;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * The 30-day KPI review (30-Tage-Review): for each KPI with a target its baseline, weekly
 * checkpoints, current value and, where it is defensible, the projection to the deadline, else the
 * direction; the measures that fired on the cycle's totals; the KPI inventory; the recommended
 * adjustments and the questions for the joint sales and marketing meeting. Renders
 * {@code reports/ReviewKpiReport.jrxml} from the cycle's stored results and the stored values of
 * its baseline, checkpoints, 13 weeks of history and weeks (computed by the review job's
 * computeCheckpointsStep), read in one query each.
 */
@Component
public class ReviewReport implements ReportDocument {

    static final String TEMPLATE = "ReviewKpiReport";

    private final ReportRenderer renderer;
    private final KpiResultRepository results;
    private final ReviewValues values;
    private final KpiCatalog catalog;
    private final Targets targets;
    private final ReviewCycle cycles;
    private final ReviewReportSettings settings;
    private final KpiProperties properties;
    private final KpiSettings kpiSettings;
    private final FiredMeasures measures;
    private final DisplayNames names;

    ReviewReport(ReportRenderer renderer, KpiResultRepository results, ReviewValues values, KpiCatalog catalog,
            Targets targets, ReportSettings reportSettings, ReviewReportSettings settings, KpiProperties properties,
            KpiSettings kpiSettings, FiredMeasures measures, DisplayNames names) {
        this.renderer = renderer;
        this.results = results;
        this.values = values;
        this.catalog = catalog;
        this.targets = targets;
        this.cycles = reportSettings.review().cycle();
        this.settings = settings;
        this.properties = properties;
        this.kpiSettings = kpiSettings;
        this.measures = measures;
        this.names = names;
    }

    @Override
    public boolean renders(ReportKind report) {
        return report == ReportKind.REVIEW;
    }

    /** Renders the cycle's review into the configured file in {@code folder}. */
    @Override
    public List<RenderedPdf> write(Edition edition, Path folder) {
        return write(edition, folder, renderer.locale());
    }

    @Override
    public List<RenderedPdf> write(Edition edition, Path folder, Locale language) {
        List<StoredResult> stored = results.find(ReportKind.REVIEW, edition.period());
        byte[] pdf = render(edition, read(edition.period(), stored), measures.of(stored), language);
        return List.of(RenderedPdf.write(RenderedPdf.fileIn(folder, settings.file(), language, renderer.locale()), pdf,
                language, renderer.locale()));
    }

    /**
     * The rows of the review's target table whose assessment is bad (off track, missed, heading away), in
     * {@code language}, as the PDF prints them: the mail of the review leads with them.
     */
    public List<ReviewRows.TargetKpi> offTrack(Edition edition, Locale language) {
        ReportingPeriod cycle = edition.period();
        List<StoredResult> stored = results.find(ReportKind.REVIEW, cycle);
        int smallSample = kpiSettings.smallSample();
        ReviewFindings findings = ReviewFindings.of(cycle, catalog.enabled(), targets, read(cycle, stored),
                settings.rules(), settings.projection(smallSample));
        ReportFormat format = new ReportFormat(language, java.util.Currency.getInstance(properties.currency()));
        var table = new ReviewTargetRows(format, new ReviewTexts(format, settings, smallSample),
                settings.projectionHorizonDays());
        return findings.progress().stream().filter(p -> Status.BAD.name().equals(ReviewTargetRows.tone(p)))
                .map(table::row).toList();
    }

    /** The values the review reads: the cycle's stored totals, the previous cycle, checkpoints and history. */
    private ReviewFindings.Values read(ReportingPeriod cycle, List<StoredResult> stored) {
        Map<String, Observation> current = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (StoredResult r : stored) {
            if (r.isTotal()) {
                current.put(r.kpiId(), new Observation(r.value(), r.cases()));
                if (r.reason() != null) {
                    reasons.put(r.kpiId(), r.reason());
                }
            }
        }
        return new ReviewFindings.Values(current, values.totals(List.of(cycle.previous())).get(0), reasons,
                values.totals(ReviewPeriods.checkpoints(cycle)), values.totals(ReviewPeriods.history(cycle)),
                valuesOnly(values.totals(ReviewPeriods.weeks(cycle, settings.correlationWeeks()))));
    }

    private static List<Map<String, BigDecimal>> valuesOnly(List<Map<String, Observation>> totals) {
        return totals.stream().map(t -> {
            Map<String, BigDecimal> values = new HashMap<>();
            t.forEach((kpi, o) -> values.put(kpi, o.value()));
            return values;
        }).toList();
    }

    /** The review of {@code cycle} from the values given and the measures that fired on its totals, as PDF bytes. */
    byte[] render(ReportingPeriod cycle, ReviewFindings.Values stored, List<FiredMeasure> fired) {
        return render(Edition.of(ReportKind.REVIEW, cycle), stored, fired);
    }

    /** The review of the edition's cycle, marked preliminary where the edition is. */
    byte[] render(Edition edition, ReviewFindings.Values stored, List<FiredMeasure> fired) {
        return render(edition, stored, fired, renderer.locale());
    }

    private byte[] render(Edition edition, ReviewFindings.Values stored, List<FiredMeasure> fired, Locale language) {
        ReportingPeriod cycle = edition.period();
        int smallSample = kpiSettings.smallSample();
        ReviewFindings findings = ReviewFindings.of(cycle, catalog.enabled(), targets, stored, settings.rules(),
                settings.projection(smallSample));
        ReportFormat format = new ReportFormat(language, java.util.Currency.getInstance(properties.currency()));
        ReviewTexts texts = new ReviewTexts(format, settings, smallSample);

        Map<String, Object> parameters = new HashMap<>();
        parameters.put("FirstDay", format.date(cycle.start()));
        parameters.put("LastDay", format.date(cycle.last()));
        parameters.put("Preliminary", format.preliminary(edition));
        parameters.put("Cycle", cycles.isCycle(cycle)
                ? format.text("review.cycle", cycles.number(cycle), format.date(cycles.start())) : "");
        List<String> checkpoints = new ArrayList<>();
        for (int k = 1; k <= ReviewPeriods.CHECKPOINTS; k++) {
            checkpoints.add(format.text("review.checkpoint", k, texts.shortDate(ReviewPeriods.checkpointDay(cycle, k))));
        }
        parameters.put("CheckpointHeaders", checkpoints);
        parameters.put("Definitions", texts.definitions(cycle));
        parameters.put("MeasureRows", texts.measures(fired, catalog, displayNames(fired)));
        parameters.put("InventoryNote", texts.inventoryNote());
        parameters.put("InventoryRows", texts.inventory(findings.inventory()));
        parameters.put("AdjustmentRows", texts.adjustments(findings.agenda().adjustments()));
        parameters.put("QuestionRows", texts.questions(findings.agenda().questions()));

        var table = new ReviewTargetRows(format, texts, settings.projectionHorizonDays());
        List<ReviewRows.TargetKpi> rows = findings.progress().stream().map(table::row).toList();
        String title = format.title(edition, format.text("review.title", format.date(cycle.start()),
                format.date(cycle.last())));
        return renderer.render(language, TEMPLATE, parameters, rows, title, edition.documentDate());
    }

    /** The names the reports use for channels, campaigns and reps; other breakdown values print as they are. */
    private BiFunction<Dimension, String, String> displayNames(List<FiredMeasure> fired) {
        if (fired.stream().allMatch(m -> m.weakest() == null)) {
            return (dimension, value) -> value;
        }
        Map<Dimension, Map<String, String>> byDimension = Map.of(Dimension.CHANNEL, names.channels(),
                Dimension.CAMPAIGN, names.campaigns(), Dimension.REP, names.reps());
        return (dimension, value) -> byDimension.getOrDefault(dimension, Map.of()).getOrDefault(value, value);
    }
}
