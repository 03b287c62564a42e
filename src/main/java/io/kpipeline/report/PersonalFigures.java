package io.kpipeline.report;

import io.kpipeline.evaluation.BreakdownJudge;
import io.kpipeline.evaluation.BreakdownJudge.Judgement;
import io.kpipeline.evaluation.FiredMeasures.FiredMeasure;
import io.kpipeline.evaluation.FiredMeasures.Weakest;
import io.kpipeline.evaluation.Measures.Measure;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Category;
import io.kpipeline.kpi.KpiDefinition.Dimension;
import io.kpipeline.kpi.KpiDefinition.Unit;
import io.kpipeline.kpi.KpiValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one rep's personal weekly report beside the team, and the measures that apply to
 * the rep. "Team" is the team's own value for rates and averages (the catalog total); for counts, and
 * for {@code contact_frequency} (each rep's contacts over all active customers, so the reps' values add
 * up to the team's), it is the average per active rep with data in the week. A value on a small sample
 * shows its case count and gets no status. The measures are those whose rules fire on the rep's own
 * value, and those that fired on the team's value where the rep's value is the team's place to start.
 */
final class PersonalFigures {

    private static final Set<String> ADDS_UP_OVER_REPS = Set.of("contact_frequency");
    private static final String WIN_RATE = "win_rate";

    private final KpiCatalog catalog;
    private final BreakdownJudge judge;
    private final ReportFormat format;
    private final TeamWeek week;
    private final String repId;
    private final List<FiredMeasure> teamMeasures;
    private final Map<String, StoredResult> totals = new HashMap<>();
    private final Map<String, Map<String, StoredResult>> byRep = new HashMap<>();
    private final List<PersonalRows.Figure> figures = new ArrayList<>();
    private final List<WeeklyRows.Measure> measures = new ArrayList<>();
    private final Set<String> shown = new LinkedHashSet<>();

    /**
     * @param teamMeasures the measures that fired on the week's totals, each with its place to start
     */
    PersonalFigures(KpiCatalog catalog, BreakdownJudge judge, ReportFormat format, TeamWeek week, String repId,
            List<FiredMeasure> teamMeasures) {
        this.catalog = catalog;
        this.judge = judge;
        this.format = format;
        this.week = week;
        this.repId = repId;
        this.teamMeasures = teamMeasures;
        for (StoredResult r : week.stored()) {
            if (r.isTotal()) {
                totals.put(r.kpiId(), r);
            } else if (Dimension.REP.key().equals(r.dimension())) {
                byRep.computeIfAbsent(r.dimensionValue(), k -> new HashMap<>()).put(r.kpiId(), r);
            }
        }
        String activity = format.text("personal.section.activity");
        kpis(Category.PROSPECTING).forEach(kpi -> kpi(activity, kpi));
        channels(format.text("personal.section.channels"));
        String funnel = format.text("personal.section.funnel");
        kpis(Category.FUNNEL).forEach(kpi -> kpi(funnel, kpi));
        catalog.find(WIN_RATE).filter(KpiDefinition::enabled).ifPresent(kpi -> kpi(funnel, kpi));
    }

    List<PersonalRows.Figure> rows() {
        return figures;
    }

    List<WeeklyRows.Measure> measures() {
        return measures;
    }

    /** The ids of the KPIs the report shows, in the order it shows them. */
    Set<String> kpiIds() {
        return shown;
    }

    /** The enabled KPIs of a category that have a rep breakdown, in catalog order. */
    private List<KpiDefinition> kpis(Category category) {
        return catalog.enabled().stream()
                .filter(k -> k.category() == category && k.breakdowns().contains(Dimension.REP)).toList();
    }

    private void kpi(String section, KpiDefinition kpi) {
        boolean perRep = addsUpOverReps(kpi);
        StoredResult own = byRep.getOrDefault(repId, Map.of()).get(kpi.id());
        BigDecimal value = own != null ? own.value() : perRep ? BigDecimal.ZERO : null;
        BigDecimal team = perRep ? averageOverReps(kpi.id())
                : totals.containsKey(kpi.id()) ? totals.get(kpi.id()).value() : null;
        // no value is not judged
        String status = value == null ? "" : "NEUTRAL";
        List<String> notes = new ArrayList<>();
        shown.add(kpi.id());
        if (own != null) {
            Judgement judgement = judge.judge(own, week.period(), !perRep);
            // a handful of cases is not a verdict on a person: no status word, no colour
            status = own.isJudged() ? judgement.status().name() : "";
            if (own.value() != null) {
                own.flags().forEach(f -> notes.add(format.text("flag." + f)));
            }
            measures(kpi, own, judgement.measures());
        }
        boolean valueOverHundred = FunnelFlows.overHundred(kpi.id(), value);
        boolean teamOverHundred = FunnelFlows.overHundred(kpi.id(), team);
        // the remark stands beside the rep's value: a team's value over 100 % beside the rep's "–" or 80 % says whose
        if (valueOverHundred) {
            notes.add(format.text("personal.overHundred"));
        } else if (teamOverHundred) {
            notes.add(format.text("personal.teamOverHundred"));
        }
        // an average of counts has a fraction: printed with one decimal, as a score is
        Unit teamUnit = perRep && kpi.unit() == Unit.COUNT ? Unit.SCORE : kpi.unit();
        figures.add(new PersonalRows.Figure(section, kpi.name().in(format.locale()),
                format.value(value, kpi.unit()), WeeklyReport.cases(format, own), format.value(team, teamUnit),
                difference(value, team, kpi.unit()),
                format.value(own == null ? null : own.previousValue(), kpi.unit()), status,
                String.join(", ", notes), valueOverHundred, teamOverHundred));
    }

    /**
     * The measures fired on the rep's own value, then those fired on the team's value whose place to start is
     * this rep (the weakest rep with enough cases), each once; the latter say so.
     */
    private void measures(KpiDefinition kpi, StoredResult own, List<Measure> fired) {
        Map<String, Measure> all = new LinkedHashMap<>();
        fired.forEach(m -> all.put(m.id(), m));
        Map<String, Weakest> startsHere = new HashMap<>();
        teamMeasures.stream()
                .filter(f -> f.total().kpiId().equals(kpi.id()) && f.weakest() != null
                        && f.weakest().dimension() == Dimension.REP && f.weakest().value().equals(repId))
                .forEach(f -> {
                    all.putIfAbsent(f.measure().id(), f.measure());
                    startsHere.put(f.measure().id(), f.weakest());
                });
        String name = kpi.name().in(format.locale()) + " (" + format.value(own.value(), kpi.unit()) + ")";
        all.values().forEach(m -> {
            Weakest weakest = startsHere.get(m.id());
            String start = weakest == null ? null : format.text("personal.start",
                    format.value(weakest.kpiValue(), kpi.unit()),
                    format.value(weakest.reference(), kpi.unit() == Unit.COUNT ? Unit.SCORE : kpi.unit()));
            measures.add(new WeeklyRows.Measure(name, m.text().in(format.locale()), start));
        });
    }

    /** Counts, and the KPIs whose rep values add up to the team's. */
    private static boolean addsUpOverReps(KpiDefinition kpi) {
        return kpi.unit() == Unit.COUNT || ADDS_UP_OVER_REPS.contains(kpi.id());
    }

    /** The mean over the active reps with data; a rep without a stored value has none of it (0). */
    private BigDecimal averageOverReps(String kpiId) {
        BigDecimal sum = week.reps().keySet().stream()
                .map(rep -> byRep.getOrDefault(rep, Map.of()).get(kpiId))
                .map(r -> r == null || r.value() == null ? BigDecimal.ZERO : r.value())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(week.reps().size()), KpiValue.PRECISION);
    }

    /** The rep's contacts per channel beside the average per active rep, largest first. */
    private void channels(String section) {
        Map<String, BigDecimal> own = week.contacts().getOrDefault(repId, Map.of());
        Map<String, BigDecimal> previous = week.previousContacts().getOrDefault(repId, Map.of());
        Map<String, BigDecimal> teamSum = new HashMap<>();
        week.reps().keySet().forEach(rep -> week.contacts().getOrDefault(rep, Map.of())
                .forEach((channel, n) -> teamSum.merge(channel, n, BigDecimal::add)));
        Set<String> channels = new HashSet<>(teamSum.keySet());
        channels.addAll(own.keySet());
        BigDecimal reps = BigDecimal.valueOf(week.reps().size());
        channels.stream()
                .sorted(Comparator.comparing((String c) -> own.getOrDefault(c, BigDecimal.ZERO)).reversed()
                        .thenComparing(c -> week.channels().getOrDefault(c, c)))
                .forEach(c -> {
                    BigDecimal value = own.getOrDefault(c, BigDecimal.ZERO);
                    BigDecimal team = teamSum.getOrDefault(c, BigDecimal.ZERO).divide(reps, KpiValue.PRECISION);
                    figures.add(new PersonalRows.Figure(section, week.channels().getOrDefault(c, c),
                            format.value(value, Unit.COUNT), null, format.value(team, Unit.SCORE),
                            difference(value, team, Unit.COUNT),
                            format.value(previous.getOrDefault(c, BigDecimal.ZERO), Unit.COUNT), "", ""));
                });
    }

    /** The rep against the team: percentage points for rates, else relative; a dash where one is missing. */
    private String difference(BigDecimal value, BigDecimal team, Unit unit) {
        BigDecimal absolute = value == null || team == null ? null : value.subtract(team);
        BigDecimal relative = absolute == null || team.signum() == 0 ? null
                : absolute.divide(team.abs(), KpiValue.PRECISION);
        return format.change(absolute, relative, unit);
    }
}
