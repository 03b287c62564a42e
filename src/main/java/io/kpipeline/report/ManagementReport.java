package io.kpipeline.report;

import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.DataCoverage;
import io.kpipeline.system.KpiProperties;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The management report (Management-Report) of a month, quarter or year: a cover, a one-page summary
 * written from the period's numbers, the scorecard of every enabled KPI by category, charts, the reps
 * side by side, the campaigns with their ROMI, notes on data quality and the glossary of the catalog.
 * Renders {@code reports/ManagementReport.jrxml} from the period's stored results, worded for its kind
 * ("gegenüber dem Vorquartal", 8 quarters in the charts).
 */
@Component
public class ManagementReport implements ReportDocument {

    static final String TEMPLATE = "ManagementReport";
    /** The reports whose jobs render this document, one per kind of period it covers. */
    static final Set<String> REPORTS = Set.of("monthly", "quarterly", "yearly");

    private final ReportRenderer renderer;
    private final KpiResultRepository results;
    private final KpiCatalog catalog;
    private final ManagementSettings settings;
    private final KpiSettings kpiSettings;
    private final Currency currency;
    private final DisplayNames names;
    private final DataCoverage coverage;

    ManagementReport(ReportRenderer renderer, KpiResultRepository results, KpiCatalog catalog,
            ManagementSettings settings, KpiSettings kpiSettings, KpiProperties properties, DisplayNames names,
            DataCoverage coverage) {
        this.renderer = renderer;
        this.results = results;
        this.catalog = catalog;
        this.settings = settings;
        this.kpiSettings = kpiSettings;
        this.currency = Currency.getInstance(properties.currency());
        this.names = names;
        this.coverage = coverage;
    }

    @Override
    public boolean renders(String report) {
        return REPORTS.contains(report);
    }

    /** Renders the period's stored results into the file configured for its kind in {@code folder}. */
    @Override
    public List<RenderedPdf> write(Edition edition, Path folder) {
        List<StoredResult> stored = results.find(edition.report(), edition.period(),
                catalog.kpis().stream().map(KpiDefinition::id).toList());
        byte[] pdf = render(edition, stored, new ManagementData.Names(names.reps(), names.channels(),
                names.campaigns()), coverage.range().map(DataCoverage.Range::first).orElse(null));
        String file = settings.of(edition.period().kind()).file();
        return List.of(RenderedPdf.write(folder.resolve(file), pdf, null));
    }

    /**
     * @param stored    the period's evaluated results, totals and breakdowns
     * @param names     display names of reps, channels and campaigns
     * @param firstData the first day the source data holds, for the note on a period it covers in part;
     *                  null when unknown
     */
    byte[] render(Edition edition, List<StoredResult> stored, ManagementData.Names names, LocalDate firstData) {
        ReportFormat format = new ReportFormat(renderer.locale(), currency);
        ManagementData data = new ManagementData(edition.period(), format, catalog, stored, names,
                kpiSettings.smallSample());
        ManagementScorecard scorecard = new ManagementScorecard(data);
        ManagementCharts charts = new ManagementCharts(data);
        ManagementSections sections = new ManagementSections(data);
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
                settings.of(edition.period().kind()).movers()).paragraphs());
        parameters.put("ScorecardRows", scorecard.lines());
        parameters.put("PreviousHeader", data.word("previousColumn"));
        parameters.put("ComparisonHeader", data.word("sameLastYearColumn"));
        parameters.put("BenchmarkSources", scorecard.sources());
        parameters.put("FunnelTitle", format.text("management.chart.funnel", data.word("unit")));
        parameters.put("RevenueTitle", format.text("management.chart.revenue", data.trendLength(), units));
        parameters.put("CacTitle", format.text("management.chart.cac", data.trendLength(), units));
        parameters.put("ClvTitle", format.text("management.chart.clv", data.trendLength(), units));
        parameters.put("ChartNote", format.text("management.chart.note", data.word("unit"), units));
        parameters.put("FunnelPoints", charts.funnel());
        parameters.put("RevenuePoints", charts.trends("revenue", "mrr"));
        parameters.put("LeadsPerChannel", charts.perChannel("leads_created"));
        parameters.put("WonPerChannel", charts.perChannel("tcv_won"));
        parameters.put("CacPoints", charts.trends("cac"));
        parameters.put("ClvPoints", charts.trends("clv"));
        parameters.put("Currency", currency);
        parameters.put("RepColumns", sections.repColumns());
        parameters.put("RepRows", sections.reps());
        parameters.put("SmallSampleLimit", kpiSettings.smallSample());
        parameters.put("CampaignRows", sections.campaigns());
        parameters.put("CampaignNote", format.text("management.campaignNote", data.word("unit")));
        parameters.put("LeadsWithoutCampaign", sections.leadsWithoutCampaign());
        parameters.put("QualityRows", sections.quality(charts.gaps("revenue", "mrr", "cac", "clv"), firstData));
        parameters.put("GlossaryRows", scorecard.glossary());
        String title = format.title(edition, format.text("management.title", data.word("short")));
        return renderer.render(TEMPLATE, parameters, List.of(), title, edition.documentDate());
    }
}
