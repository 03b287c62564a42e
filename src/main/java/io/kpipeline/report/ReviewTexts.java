package io.kpipeline.report;

import io.kpipeline.evaluation.FiredMeasures.FiredMeasure;
import io.kpipeline.evaluation.FiredMeasures.Weakest;
import io.kpipeline.evaluation.Targets.Direction;
import io.kpipeline.evaluation.Targets.Target;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.kpi.KpiDefinition.Dimension;
import io.kpipeline.kpi.KpiDefinition.Unit;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.review.KpiInventory;
import io.kpipeline.review.KpiInventory.NotSmart;
import io.kpipeline.review.KpiInventory.RedundantPair;
import io.kpipeline.review.KpiInventory.Unmeasurable;
import io.kpipeline.review.ReviewAgenda.Adjustment;
import io.kpipeline.review.ReviewAgenda.Question;
import io.kpipeline.review.ReviewPeriods;
import io.kpipeline.review.TargetProgress;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** Puts the review's findings into sentences and table lines in the report language. */
final class ReviewTexts {

    private final ReportFormat format;
    private final ReviewReportSettings settings;
    private final int smallSample;

    /** @param smallSample values on fewer cases are small samples (kpi.settings.small-sample) */
    ReviewTexts(ReportFormat format, ReviewReportSettings settings, int smallSample) {
        this.format = format;
        this.settings = settings;
        this.smallSample = smallSample;
    }

    /** {@code ≥ 40,0 %}: the target with its direction. */
    static String target(ReportFormat format, Target target, Direction direction, Unit unit) {
        String value = format.value(target.value(), unit);
        return direction == null ? value : (direction == Direction.AT_LEAST ? "≥\u00a0" : "≤\u00a0") + value;
    }

    /** How baseline, checkpoints, projection and verdicts are defined, with this cycle's dates and the rules. */
    String definitions(ReportingPeriod cycle) {
        ReportingPeriod before = cycle.previous();
        return format.text("review.definitions", format.date(before.start()), format.date(before.last()),
                format.date(ReviewPeriods.checkpointDay(cycle, 1)), format.date(ReviewPeriods.checkpointDay(cycle, 4)),
                TargetProgress.MINIMUM_CHECKPOINTS, settings.projectionHorizonDays(),
                r(settings.projectionMinRSquared()), smallSample, ReviewPeriods.HISTORY_WEEKS);
    }

    /** {@code n = 4}: the cases a value rests on. */
    String cases(long cases) {
        return format.text("review.cases", cases);
    }

    /**
     * The measures that fired on the cycle's totals: the KPI, the measure, and the KPI's value with the weakest
     * breakdown value to start with, compared with the reference ("im Schnitt").
     *
     * @param names the display name of a breakdown value (a channel's, campaign's or rep's name), by dimension
     */
    List<ReviewRows.Finding> measures(List<FiredMeasure> fired, KpiCatalog catalog,
            BiFunction<Dimension, String, String> names) {
        List<ReviewRows.Finding> rows = new ArrayList<>();
        for (FiredMeasure m : fired) {
            KpiDefinition kpi = catalog.get(m.total().kpiId());
            Unit unit = kpi.unit();
            String detail = format.text("review.measure.current", format.value(m.total().value(), unit));
            Weakest w = m.weakest();
            if (w != null) {
                detail += " " + format.text("review.measure.weakest",
                        format.text("review.dimension." + w.dimension().name()), names.apply(w.dimension(), w.value()),
                        format.value(w.kpiValue(), unit), format.value(w.reference(), unit));
            }
            rows.add(new ReviewRows.Finding(name(kpi), m.measure().text().in(format.locale()), detail));
        }
        return rows;
    }

    /** What the inventory's findings mean, with the configured redundancy rule. */
    String inventoryNote() {
        return format.text("review.inventoryNote", correlationThreshold(), settings.correlationWeeks(),
                settings.minimumWeeks());
    }

    /** {@code 11.10.} or {@code Oct 11}: a checkpoint's day in a narrow column header. */
    String shortDate(java.time.LocalDate day) {
        String pattern = "de".equals(format.locale().getLanguage()) ? "dd.MM." : "MMM d";
        return java.time.format.DateTimeFormatter.ofPattern(pattern, format.locale()).format(day);
    }

    List<ReviewRows.Finding> inventory(KpiInventory inventory) {
        List<ReviewRows.Finding> rows = new ArrayList<>();
        for (Unmeasurable u : inventory.unmeasurable()) {
            rows.add(new ReviewRows.Finding(format.text("review.finding.unmeasurable"), name(u.kpi()),
                    u.reason() == null ? format.text("review.noValue") : MissingValueReasons.text(format, u.reason())));
        }
        if (!inventory.smallSamples().isEmpty()) {
            rows.add(new ReviewRows.Finding(format.text("review.finding.smallSample"),
                    inventory.smallSamples().stream().map(s -> name(s.kpi()) + " (" + cases(s.cases()) + ")")
                            .collect(Collectors.joining(", ")),
                    format.text("review.smallSampleRule", smallSample)));
        }
        Map<Category, List<KpiDefinition>> withoutTarget = new LinkedHashMap<>();
        for (NotSmart n : inventory.notSmart()) {
            if (n.gap() == KpiInventory.Gap.DEADLINE_PASSED) {
                rows.add(new ReviewRows.Finding(format.text("review.finding.deadlinePassed"), name(n.kpi()),
                        format.text("review.deadlineWas", format.date(n.target().deadline()))));
            } else {
                withoutTarget.computeIfAbsent(n.kpi().category(), c -> new ArrayList<>()).add(n.kpi());
            }
        }
        withoutTarget.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rows.add(
                new ReviewRows.Finding(format.text("review.finding.noTarget"), names(e.getValue()),
                        category(e.getKey()))));
        for (RedundantPair p : inventory.redundant()) {
            rows.add(new ReviewRows.Finding(format.text("review.finding.redundant"),
                    name(p.first()) + " ↔ " + name(p.second()), correlation(p)));
        }
        if (inventory.redundant().isEmpty()) {
            rows.add(new ReviewRows.Finding(format.text("review.finding.redundant"), format.text("review.noPairs"),
                    format.text("review.redundancyRule", correlationThreshold(), settings.correlationWeeks(),
                            settings.minimumWeeks())));
        }
        return rows;
    }

    List<ReviewRows.Finding> adjustments(List<Adjustment> adjustments) {
        return adjustments.stream().map(a -> new ReviewRows.Finding(format.text("review.action." + a.action().name()),
                a.action() == io.kpipeline.review.ReviewAgenda.Action.MERGE
                        ? format.text("review.merge", name(a.kpis().get(0)), name(a.kpis().get(1)))
                        : names(a.kpis()),
                detail(a))).toList();
    }

    private String detail(Adjustment a) {
        return switch (a.action()) {
            case DROP -> format.text("review.why.drop");
            case MERGE -> correlation((RedundantPair) a.finding());
            case SET_TARGET -> format.text("review.why.setTarget", category((Category) a.finding()));
            case NEW_DEADLINE -> format.text("review.deadlineWas", format.date(((NotSmart) a.finding()).target().deadline()));
            case RAISE_TARGET -> {
                TargetProgress p = (TargetProgress) a.finding();
                Unit unit = p.kpi().unit();
                yield format.text("review.why.raise", target(format, p.target(), p.direction(), unit),
                        format.value(p.baseline().value(), unit), format.value(p.current().value(), unit));
            }
        };
    }

    List<ReviewRows.Question> questions(List<Question> questions) {
        List<ReviewRows.Question> rows = new ArrayList<>();
        for (Question q : questions) {
            rows.add(new ReviewRows.Question((rows.size() + 1) + ".", question(q)));
        }
        return rows;
    }

    private String question(Question q) {
        String key = "review.question." + q.topic().name();
        return switch (q.topic()) {
            case OFF_TRACK -> {
                TargetProgress p = (TargetProgress) q.finding();
                Unit unit = p.kpi().unit();
                yield format.text(key, name(p.kpi()), p.target().owner(), format.value(p.projected(), unit),
                        format.date(p.target().deadline()), target(format, p.target(), p.direction(), unit),
                        format.number(p.kpi()));
            }
            case DIRECTION_WRONG -> {
                TargetProgress p = (TargetProgress) q.finding();
                Unit unit = p.kpi().unit();
                yield format.text(key, name(p.kpi()), p.target().owner(), format.value(p.current().value(), unit),
                        format.date(p.target().deadline()), target(format, p.target(), p.direction(), unit));
            }
            case SMALL_SAMPLE -> {
                TargetProgress p = (TargetProgress) q.finding();
                yield format.text(key, name(p.kpi()), p.current().cases(), smallSample, p.target().owner(),
                        format.number(p.kpi()));
            }
            case REDUNDANT -> format.text(key, name(q.kpis().get(0)), name(q.kpis().get(1)),
                    r(((RedundantPair) q.finding()).r()), format.number(q.kpis().get(0)));
            case NOT_MEASURABLE, NO_TARGET -> format.text(key, q.kpis().size(), names(q.kpis()));
            case RAISE_TARGET -> {
                TargetProgress p = (TargetProgress) q.finding();
                yield format.text(key, name(p.kpi()), target(format, p.target(), p.direction(), p.kpi().unit()),
                        p.target().owner(), format.number(p.kpi()));
            }
            case DEADLINE_PASSED -> format.text(key, name(q.kpis().get(0)),
                    format.date(((NotSmart) q.finding()).target().deadline()), ((NotSmart) q.finding()).target().owner());
        };
    }

    /** The category's name as the management report's scorecard prints it. */
    private String category(Category category) {
        return format.text("category." + category.name().toLowerCase(java.util.Locale.ROOT));
    }

    private String correlation(RedundantPair p) {
        return format.text("review.correlation", r(p.r()), r(p.rChanges()), p.weeks());
    }

    private String correlationThreshold() {
        return r(settings.redundancy());
    }

    String r(double r) {
        NumberFormat f = NumberFormat.getNumberInstance(format.locale());
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(BigDecimal.valueOf(r));
    }

    private String name(KpiDefinition kpi) {
        return kpi.name().in(format.locale());
    }

    private String names(List<KpiDefinition> kpis) {
        return kpis.stream().map(this::name).collect(Collectors.joining(", "));
    }
}
