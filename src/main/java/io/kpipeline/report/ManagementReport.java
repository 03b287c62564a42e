package io.kpipeline.report;

import io.kpipeline.evaluation.FiredMeasures;
import io.kpipeline.evaluation.FiredMeasures.FiredMeasure;
import io.kpipeline.evaluation.IndustryBenchmarks;
import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.CampaignReturns;
import io.kpipeline.kpi.CampaignReturns.CampaignReturn;
import io.kpipeline.kpi.DataNote;
import io.kpipeline.kpi.DataNotes;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.DataCoverage;
import io.kpipeline.period.ReportKind;
import io.kpipeline.system.KpiProperties;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The management report (Management-Report) of a month, quarter or year: a cover, a one-page summary
 * written from the period's numbers with the recommended measures that fired and where to start, the
 * scorecard of every enabled KPI by category, charts, the reps side by side, the campaigns since their
 * start with their ROMI, notes on data quality and the glossary of the catalog with the benchmarks that
 * apply. Renders {@code reports/ManagementReport.jrxml} from the period's stored results, worded for its
 * kind ("gegenüber dem Vorquartal", 8 quarters in the charts). A small sample shows its case count and no
 * status.
 */
@Component
public class ManagementReport implements ReportDocument {

    static final String TEMPLATE = "ManagementReport";
    /** The reports whose jobs render this document, one per kind of period it covers. */
    static final Set<ReportKind> REPORTS = EnumSet.of(ReportKind.MONTHLY, ReportKind.QUARTERLY, ReportKind.YEARLY);

    private final ReportRenderer renderer;
    private final KpiResultRepository results;
    private final KpiCatalog catalog;
    private final ManagementSettings settings;
    private final KpiSettings kpiSettings;
    private final Currency currency;
    private final DisplayNames names;
    private final DataCoverage coverage;
    private final CampaignReturns campaigns;
    private final FiredMeasures fired;
    private final DataNotes dataNotes;
    private final IndustryBenchmarks benchmarks;

    ManagementReport(ReportRenderer renderer, KpiResultRepository results, KpiCatalog catalog,
            ManagementSettings settings, KpiSettings kpiSettings, KpiProperties properties, DisplayNames names,
            DataCoverage coverage, CampaignReturns campaigns, FiredMeasures fired, DataNotes dataNotes,
            IndustryBenchmarks benchmarks) {
        this.renderer = renderer;
        this.results = results;
        this.catalog = catalog;
        this.settings = settings;
        this.kpiSettings = kpiSettings;
        this.currency = Currency.getInstance(properties.currency());
        this.names = names;
        this.coverage = coverage;
        this.campaigns = campaigns;
        this.fired = fired;
        this.dataNotes = dataNotes;
        this.benchmarks = benchmarks;
    }

    @Override
    public boolean renders(ReportKind report) {
        return REPORTS.contains(report);
    }

    /** Renders the period's stored results into the file configured for its kind in {@code folder}. */
    @Override
    public List<RenderedPdf> write(Edition edition, Path folder) {
        return write(edition, folder, renderer.locale());
    }

    @Override
    public List<RenderedPdf> write(Edition edition, Path folder, Locale language) {
        return write(edition, folder, List.of(language));
    }

    /** Reads the results, names and campaign returns once and renders them in each language, the languages at once. */
    @Override
    public List<RenderedPdf> write(Edition edition, Path folder, List<Locale> languages) {
        List<StoredResult> stored = results.find(edition.report(), edition.period());
        Input input = new Input(stored, names.names(), coverage.range().map(DataCoverage.Range::first).orElse(null),
                campaigns.before(edition.period().end()), dataNotes.notes());
        String file = settings.of(edition.period().kind()).file();
        return renderer.each(languages, language -> RenderedPdf.write(RenderedPdf.fileIn(folder, file, language,
                renderer.locale()), render(edition, input, language), language, renderer.locale()));
    }

    /**
     * What the report is made of besides its settings.
     *
     * @param stored    the period's evaluated results, totals and breakdowns
     * @param names     display names of reps, channels and campaigns
     * @param firstData the first day the source data holds, for the note on a period it covers in part;
     *                  null when unknown
     * @param campaigns the campaigns started in the 730 days before the period's end, with their figures
     *                  since their start ({@link CampaignReturns#before})
     * @param dataNotes what the data cannot support as the definitions read
     */
    record Input(List<StoredResult> stored, DisplayNames.Names names, LocalDate firstData,
            List<CampaignReturn> campaigns, Set<DataNote> dataNotes) {
    }

    byte[] render(Edition edition, Input input) {
        return render(edition, input, renderer.locale());
    }

    private byte[] render(Edition edition, Input input, Locale language) {
        ReportFormat format = new ReportFormat(language, currency);
        ManagementData data = new ManagementData(edition.period(), format, catalog, input.stored(), input.names(),
                kpiSettings.smallSample());
        ManagementScorecard scorecard = new ManagementScorecard(data,
                kpi -> benchmarks.applicable(kpi, edition.period().kind()));
        ManagementCharts charts = new ManagementCharts(data);
        ManagementSections sections = new ManagementSections(data);
        ManagementCampaigns campaignTable = new ManagementCampaigns(data, input.campaigns(), kpiSettings.grossMargin());
        List<FiredMeasure> measures = fired.of(input.stored());
        String units = data.word("units");

        Map<String, Object> parameters = new HashMap<>();
        parameters.put("Period", data.word("name"));
        parameters.put("PeriodShort", data.word("short"));
        parameters.put("Preliminary", format.preliminary(edition));
        parameters.put("CoverSubtitle", format.text("management.cover.subtitle", data.word("of"), data.word("unit")));
        parameters.put("CoverSource", format.text("management.cover.source", data.word("of"), data.word("unit")));
        parameters.put("FirstDay", format.date(edition.period().start()));
        parameters.put("LastDay", format.date(edition.period().last()));
        parameters.put("SummaryRows", new ManagementSummary(data,
                settings.of(edition.period().kind()).movers(), measures).paragraphs());
        parameters.put("MeasureRows", new MeasureRows(catalog, format, input.names()).rows(measures, List.of()));
        parameters.put("MeasuresIntro", format.text("management.measuresIntro", data.word("of")));
        parameters.put("NoMeasures", format.text("management.noMeasures", data.word("of")));
        parameters.put("ScorecardRows", scorecard.lines());
        parameters.put("PreviousHeader", data.word("previousColumn"));
        parameters.put("ComparisonHeader", data.word("sameLastYearColumn"));
        parameters.put("BenchmarkSources", scorecard.sources());
        parameters.put("FlowNote", scorecard.overHundred() ? format.text("management.overHundred") : null);
        parameters.put("FunnelTitle", format.text("management.chart.funnel", data.word("unit")));
        parameters.put("RevenueTitle", format.text("management.chart.revenue", data.trendLength(), units));
        parameters.put("CacTitle", format.text("management.chart.cac", data.trendLength(), units));
        parameters.put("ClvTitle", format.text("management.chart.clv", data.trendLength(), units));
        ManagementCharts.Trend revenue = charts.trend("revenue", "mrr");
        ManagementCharts.Trend cac = charts.trend("cac");
        ManagementCharts.Trend clv = charts.trend("clv");
        List<String> charted = new ArrayList<>();
        if (revenue.drawn()) {
            charted.addAll(List.of("revenue", "mrr"));
        }
        if (cac.drawn()) {
            charted.add("cac");
        }
        if (clv.drawn()) {
            charted.add("clv");
        }
        // the gaps are a matter of the drawn trends only
        parameters.put("ChartNote", format.text("management.chart.note", data.word("unit"))
                + (charted.isEmpty() ? "" : " " + format.text("management.chart.gapNote", units)));
        parameters.put("FunnelPoints", charts.funnel());
        parameters.put("RevenuePoints", revenue.points());
        parameters.put("RevenueNote", revenue.note());
        parameters.put("LeadsPerChannel", charts.perChannel("leads_created"));
        parameters.put("WonPerChannel", charts.perChannel("tcv_won"));
        parameters.put("CacPoints", cac.points());
        parameters.put("CacNote", cac.note());
        parameters.put("ClvPoints", clv.points());
        parameters.put("ClvNote", clv.note());
        parameters.put("Currency", currency);
        parameters.put("RepColumns", sections.repColumns());
        parameters.put("RepRows", sections.reps());
        parameters.put("SmallSampleLimit", kpiSettings.smallSample());
        parameters.put("CampaignRows", campaignTable.lines());
        parameters.put("CampaignIntro", campaignTable.intro());
        parameters.put("CampaignNote", campaignTable.note());
        parameters.put("QualityRows", sections.quality(charts.gaps(charted), input.firstData(),
                input.dataNotes()));
        parameters.put("GlossaryRows", scorecard.glossary());
        String title = format.title(edition, format.text("management.title", data.word("short")));
        return renderer.render(language, TEMPLATE, parameters, List.of(), title, edition.documentDate());
    }
}
