package io.kpipeline.report;

import io.kpipeline.evaluation.FiredMeasures;
import io.kpipeline.evaluation.Flag;
import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.DataNote;
import io.kpipeline.kpi.DataNotes;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Unit;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiProperties;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * The weekly KPI report (Wochenbericht): assembles the stored results of an ISO week into the rows
 * of {@code reports/WeeklyKpiReport.jrxml} — focus KPIs, the measures that fired with the place to
 * start, the flags and the data-quality notes, then contacts per channel and the funnel per rep beside
 * the team — and renders it on one page where it fits, else with the page break that leaves no page
 * near-empty. A small sample shows its case count and no status.
 */
@Component
public class WeeklyReport implements ReportDocument {

    static final String TEMPLATE = "WeeklyKpiReport";

    /** The funnel stages in order, each a conversion with a rep breakdown. */
    static final List<String> FUNNEL = KpiCatalog.STAGE_CONVERSIONS;

    static final String NONE = "(none)";

    /** The measures listed at most; the rest are counted, since all of them are in kpi-results.csv. */
    static final int MEASURES_SHOWN = 8;

    private final ReportRenderer renderer;
    private final KpiResultRepository results;
    private final KpiCatalog catalog;
    private final FiredMeasures fired;
    private final DataNotes dataNotes;
    private final ReportSettings settings;
    private final KpiSettings kpiSettings;
    private final Currency currency;
    private final DisplayNames names;

    WeeklyReport(ReportRenderer renderer, KpiResultRepository results, KpiCatalog catalog, FiredMeasures fired,
            DataNotes dataNotes, ReportSettings settings, KpiSettings kpiSettings, KpiProperties properties,
            DisplayNames names) {
        this.renderer = renderer;
        this.results = results;
        this.catalog = catalog;
        this.fired = fired;
        this.dataNotes = dataNotes;
        this.settings = settings;
        this.kpiSettings = kpiSettings;
        this.currency = Currency.getInstance(properties.currency());
        this.names = names;
    }

    @Override
    public boolean renders(ReportKind report) {
        return report == ReportKind.WEEKLY;
    }

    /** Renders the week's stored results into the configured file in {@code folder}. */
    @Override
    public List<RenderedPdf> write(Edition edition, Path folder) {
        return write(edition, folder, renderer.locale());
    }

    @Override
    public List<RenderedPdf> write(Edition edition, Path folder, Locale language) {
        return write(edition, folder, List.of(language));
    }

    /** Reads the week's results, names and notes once and renders them in each language, the languages at once. */
    @Override
    public List<RenderedPdf> write(Edition edition, Path folder, List<Locale> languages) {
        List<StoredResult> stored = results.find(ReportKind.WEEKLY, edition.period());
        DisplayNames.Names shown = names.names();
        Set<DataNote> notes = dataNotes.notes();
        return renderer.each(languages, language -> RenderedPdf.write(RenderedPdf.fileIn(folder,
                settings.weekly().file(), language, renderer.locale()), render(edition, stored, shown, notes, language),
                language, renderer.locale()));
    }

    /** The report of a week that has ended. */
    byte[] render(ReportingPeriod period, List<StoredResult> stored, DisplayNames.Names names, Set<DataNote> notes) {
        return render(Edition.of(ReportKind.WEEKLY, period), stored, names, notes);
    }

    /**
     * @param stored the week's evaluated results, totals and breakdowns
     * @param names  the names of reps, channels and campaigns
     * @param notes  the data-quality notes that apply
     */
    byte[] render(Edition edition, List<StoredResult> stored, DisplayNames.Names names, Set<DataNote> notes) {
        return render(edition, stored, names, notes, renderer.locale());
    }

    private byte[] render(Edition edition, List<StoredResult> stored, DisplayNames.Names names, Set<DataNote> notes,
            Locale language) {
        ReportingPeriod period = edition.period();
        ReportFormat format = new ReportFormat(language, currency);
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
        parameters.put("ChannelRows", channels(format, stored, names.channels()));
        List<WeeklyRows.FunnelConversions> funnel = WeeklyFunnelRows.rows(format, stored, totals, names.reps());
        parameters.put("FunnelRows", funnel);
        parameters.put("FunnelFlowNote", WeeklyFunnelRows.overHundred(funnel) ? format.text("weekly.overHundred") : null);
        parameters.put("StageNames", FUNNEL.stream().map(id -> name(id, format)).toList());
        parameters.put("SmallSampleLimit", kpiSettings.smallSample());
        List<WeeklyRows.Measure> measures = new MeasureRows(catalog, format, names)
                .rows(fired.of(stored), settings.weekly().focus());
        parameters.put("MeasureRows", measures.subList(0, Math.min(measures.size(), MEASURES_SHOWN)));
        parameters.put("MoreMeasures", measures.size() > MEASURES_SHOWN
                ? format.text("weekly.moreMeasures", measures.size() - MEASURES_SHOWN) : null);
        parameters.put("Anomalies", flagged(format, totals, Flag.ANOMALY));
        parameters.put("SmallSamples", flagged(format, totals, Flag.SMALL_SAMPLE));
        parameters.put("DataNotes", notes.isEmpty() ? null : notes.stream()
                .map(n -> format.text("weekly.dataNote." + n.name())).collect(Collectors.joining("\n")));

        List<WeeklyRows.FocusKpi> focus = settings.weekly().focus().stream()
                .map(id -> focus(format, catalog.get(id), totals.get(id))).toList();
        parameters.put("FocusFlowNote", focus.stream().anyMatch(f -> f.getValue().endsWith(FunnelFlows.MARK))
                ? format.text("weekly.overHundred") : null);
        String title = format.title(edition, format.text("weekly.title", format.text("weekly.period", week, year)));
        // what the week says on the first page and where (channels, reps) after it, unless it all fits on one
        Map<String, Object> onNewPage = new HashMap<>(parameters);
        parameters.put("DetailsOnNewPage", false);
        onNewPage.put("DetailsOnNewPage", true);
        return renderer.render(language, TEMPLATE, List.of(parameters, onNewPage), focus, title, edition.documentDate());
    }

    private WeeklyRows.FocusKpi focus(ReportFormat format, KpiDefinition kpi, StoredResult r) {
        Unit unit = kpi.unit();
        String name = kpi.name().in(format.locale());
        if (r == null) {
            return new WeeklyRows.FocusKpi(name, format.none(), null, format.none(), format.none(), format.none(),
                    "", "", List.of());
        }
        List<WeeklyRows.TrendPoint> trend = IntStream.range(0, r.trend().size())
                .mapToObj(i -> new WeeklyRows.TrendPoint(i + 1, r.trend().get(i))).toList();
        // no value and a small sample are not judged: no status (a small sample shows its case count)
        return new WeeklyRows.FocusKpi(name, FunnelFlows.marked(format.value(r.value(), unit), r.kpiId(), r.value()),
                cases(format, r),
                format.change(r.change(), r.relativeChange(), unit),
                format.change(r.previousYearChange(), r.previousYearRelativeChange(), unit), format.value(r.target(), unit),
                r.isJudged() ? r.status().name() : "", flags(format, r.flags()), trend);
    }

    /** "n = 4" for a small sample, else null. */
    static String cases(ReportFormat format, StoredResult r) {
        return r != null && r.isSmallSample() ? format.text("weekly.cases", r.cases()) : null;
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

    /** The totals with the flag, by name; a small sample with its case count: "Gewinnrate (n = 9)". */
    private String flagged(ReportFormat format, Map<String, StoredResult> totals, Flag flag) {
        String names = totals.values().stream().filter(r -> r.flags().contains(flag.name()))
                .map(r -> name(r.kpiId(), format) + (flag == Flag.SMALL_SAMPLE ? " (" + cases(format, r) + ")" : ""))
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? format.text("weekly.noFlags") : names;
    }

    private String name(String kpiId, ReportFormat format) {
        return catalog.find(kpiId).map(k -> k.name().in(format.locale())).orElse(kpiId);
    }
}
