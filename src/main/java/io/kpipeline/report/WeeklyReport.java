package io.kpipeline.report;

import io.kpipeline.evaluation.Flag;
import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.evaluation.Measures;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Unit;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.KpiProperties;
import io.kpipeline.system.Origins;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The weekly KPI report (Wochenbericht): assembles the stored results of an ISO week into the rows
 * of {@code reports/WeeklyKpiReport.jrxml} — focus KPIs, contacts per channel, funnel per rep
 * beside the team, the measures that fired and the flags — and renders it.
 */
@Component
public class WeeklyReport implements ReportDocument, InitializingBean {

    static final String TEMPLATE = "WeeklyKpiReport";
    static final String REPORT = "weekly";

    /** The funnel stages in order, each a conversion with a rep breakdown. */
    static final List<String> FUNNEL = KpiCatalog.STAGE_CONVERSIONS;

    private static final String NONE = "(none)";

    private final ReportRenderer renderer;
    private final KpiResultRepository results;
    private final KpiCatalog catalog;
    private final Measures measures;
    private final ReportSettings settings;
    private final KpiSettings kpiSettings;
    private final Currency currency;
    private final DisplayNames names;
    private final Environment environment;

    WeeklyReport(ReportRenderer renderer, KpiResultRepository results, KpiCatalog catalog, Measures measures,
            ReportSettings settings, KpiSettings kpiSettings, KpiProperties properties, DisplayNames names,
            Environment environment) {
        this.renderer = renderer;
        this.results = results;
        this.catalog = catalog;
        this.measures = measures;
        this.settings = settings;
        this.kpiSettings = kpiSettings;
        this.currency = Currency.getInstance(properties.currency());
        this.names = names;
        this.environment = environment;
    }

    /** A focus KPI the catalog does not have, or has switched off, stops start-up. */
    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        List<String> focus = settings.weekly().focus();
        for (int i = 0; i < focus.size(); i++) {
            String key = "kpi.reports.weekly.focus[" + i + "]";
            var kpi = catalog.find(focus.get(i));
            if (kpi.isEmpty() || !kpi.get().enabled()) {
                problems.add(key + " = " + focus.get(i) + (kpi.isEmpty() ? " is not a KPI of config/kpis.yml"
                        : " is switched off in config/kpis.yml") + Origins.of(environment, key));
            }
        }
        if (!problems.isEmpty()) {
            throw KpiException.configuration(String.join("; ", problems) + ".");
        }
    }

    @Override
    public boolean renders(String report) {
        return REPORT.equals(report);
    }

    /** Renders the week's stored results into the configured file in {@code folder}. */
    @Override
    public List<RenderedPdf> write(Edition edition, Path folder) {
        List<StoredResult> stored = results.find(REPORT, edition.period(),
                catalog.kpis().stream().map(KpiDefinition::id).toList());
        byte[] pdf = render(edition, stored, names.reps(), names.channels());
        return List.of(RenderedPdf.write(folder.resolve(settings.weekly().file()), pdf, null));
    }

    /** The report of a week that has ended. */
    byte[] render(ReportingPeriod period, List<StoredResult> stored, Map<String, String> reps,
            Map<String, String> channels) {
        return render(Edition.of(REPORT, period), stored, reps, channels);
    }

    /**
     * @param stored   the week's evaluated results, totals and breakdowns
     * @param reps     sales rep names by id
     * @param channels channel names by code
     */
    byte[] render(Edition edition, List<StoredResult> stored, Map<String, String> reps,
            Map<String, String> channels) {
        ReportingPeriod period = edition.period();
        ReportFormat format = new ReportFormat(renderer.locale(), currency);
        Map<String, StoredResult> totals = new LinkedHashMap<>();
        stored.stream().filter(StoredResult::isTotal).forEach(r -> totals.put(r.kpiId(), r));

        String week = Integer.toString(period.start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String year = Integer.toString(period.start().get(IsoFields.WEEK_BASED_YEAR));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("Week", week);
        parameters.put("WeekYear", year);
        parameters.put("FirstDay", format.date(period.start()));
        parameters.put("LastDay", format.date(period.last()));
        parameters.put("Preliminary", format.preliminary(edition));
        // ISO week 53 of a year after one with 52 weeks has no same week last year (kpi-vocabulary.md)
        parameters.put("YearNote", period.sameLastYear().isPresent() ? null
                : format.text("weekly.noSameWeekLastYear", week, Integer.parseInt(year) - 1));
        parameters.put("ChannelRows", channels(format, stored, channels));
        parameters.put("FunnelRows", funnel(format, stored, totals, reps));
        parameters.put("StageNames", FUNNEL.stream().map(id -> name(id, format)).toList());
        parameters.put("SmallSampleLimit", kpiSettings.smallSample());
        parameters.put("MeasureRows", measures(format, totals));
        parameters.put("Anomalies", flagged(format, totals, Flag.ANOMALY));
        parameters.put("SmallSamples", flagged(format, totals, Flag.SMALL_SAMPLE));

        List<WeeklyRows.FocusKpi> focus = settings.weekly().focus().stream()
                .map(id -> focus(format, catalog.get(id), totals.get(id))).toList();
        String title = format.title(edition, format.text("weekly.title", format.text("weekly.period", week, year)));
        return renderer.render(TEMPLATE, parameters, focus, title, edition.documentDate());
    }

    private WeeklyRows.FocusKpi focus(ReportFormat format, KpiDefinition kpi, StoredResult r) {
        Unit unit = kpi.unit();
        String name = kpi.name().in(format.locale());
        if (r == null) {
            return new WeeklyRows.FocusKpi(name, format.none(), format.none(), format.none(), format.none(),
                    "NEUTRAL", "", List.of());
        }
        List<WeeklyRows.TrendPoint> trend = IntStream.range(0, r.trend().size())
                .mapToObj(i -> new WeeklyRows.TrendPoint(i + 1, r.trend().get(i))).toList();
        return new WeeklyRows.FocusKpi(name, format.value(r.value(), unit),
                format.change(r.change(), r.relativeChange(), unit),
                format.change(r.previousYearChange(), r.previousYearRelativeChange(), unit), format.value(r.target(), unit),
                r.status().name(), flags(format, r.flags()), trend);
    }

    private static String flags(ReportFormat format, List<String> flags) {
        return flags.stream().map(f -> format.text("flag." + f)).collect(Collectors.joining(", "));
    }

    private List<WeeklyRows.ChannelContacts> channels(ReportFormat format, List<StoredResult> stored,
            Map<String, String> channels) {
        List<StoredResult> rows = stored.stream()
                .filter(r -> "contacts".equals(r.kpiId()) && "channel".equals(r.dimension()) && r.value() != null)
                .sorted(Comparator.comparing(StoredResult::value).reversed()
                        .thenComparing(r -> channels.getOrDefault(r.dimensionValue(), r.dimensionValue())))
                .toList();
        BigDecimal all = rows.stream().map(StoredResult::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return rows.stream().map(r -> new WeeklyRows.ChannelContacts(
                NONE.equals(r.dimensionValue()) ? format.text("weekly.noChannel")
                        : channels.getOrDefault(r.dimensionValue(), r.dimensionValue()),
                format.value(r.value(), Unit.COUNT), format.value(r.previousValue(), Unit.COUNT),
                format.change(r.change(), r.relativeChange(), Unit.COUNT), format.share(r.value(), all))).toList();
    }

    private List<WeeklyRows.FunnelConversions> funnel(ReportFormat format, List<StoredResult> stored,
            Map<String, StoredResult> totals, Map<String, String> reps) {
        List<WeeklyRows.FunnelConversions> rows = new ArrayList<>();
        rows.add(new WeeklyRows.FunnelConversions(format.text("funnel.team"), true,
                FUNNEL.stream().map(id -> conversion(format, totals.get(id))).toList()));
        Map<String, Map<String, StoredResult>> byRep = new HashMap<>();
        stored.stream().filter(r -> FUNNEL.contains(r.kpiId()) && "rep".equals(r.dimension()))
                .forEach(r -> byRep.computeIfAbsent(r.dimensionValue(), k -> new HashMap<>()).put(r.kpiId(), r));
        byRep.entrySet().stream()
                .filter(e -> e.getValue().values().stream().map(StoredResult::value).anyMatch(Objects::nonNull))
                .map(e -> Map.entry(NONE.equals(e.getKey()) ? format.text("funnel.noRep")
                        : reps.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.add(new WeeklyRows.FunnelConversions(e.getKey(), false,
                        FUNNEL.stream().map(id -> conversion(format, e.getValue().get(id))).toList())));
        return rows;
    }

    /** A stage conversion, marked with * when its sample is small. */
    private static String conversion(ReportFormat format, StoredResult r) {
        if (r == null) {
            return format.none();
        }
        String value = format.value(r.value(), Unit.RATE);
        return r.value() != null && r.flags().contains(Flag.SMALL_SAMPLE.name()) ? value + "*" : value;
    }

    private List<WeeklyRows.Measure> measures(ReportFormat format, Map<String, StoredResult> totals) {
        List<WeeklyRows.Measure> rows = new ArrayList<>();
        for (StoredResult r : totals.values()) {
            for (String id : r.actions()) {
                measures.measures().stream().filter(m -> m.id().equals(id)).findFirst()
                        .ifPresent(m -> rows.add(new WeeklyRows.Measure(name(r.kpiId(), format) + " ("
                                + format.text("status." + r.status().name()) + ")", m.text().in(format.locale()))));
            }
        }
        return rows;
    }

    private String flagged(ReportFormat format, Map<String, StoredResult> totals, Flag flag) {
        String names = totals.values().stream().filter(r -> r.flags().contains(flag.name()))
                .map(r -> name(r.kpiId(), format)).collect(Collectors.joining(", "));
        return names.isEmpty() ? format.text("weekly.noFlags") : names;
    }

    private String name(String kpiId, ReportFormat format) {
        return catalog.find(kpiId).map(k -> k.name().in(format.locale())).orElse(kpiId);
    }
}
