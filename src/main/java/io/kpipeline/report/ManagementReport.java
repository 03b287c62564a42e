package io.kpipeline.report;

import io.kpipeline.evaluation.KpiResultRepository;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiSettings;
import io.kpipeline.period.ReportingPeriod;
import io.kpipeline.system.KpiProperties;
import java.nio.file.Path;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The monthly management report (Management-Report): a cover, a one-page summary written from the
 * month's numbers, the scorecard of every enabled KPI by category, charts, the reps side by side,
 * the campaigns with their ROMI, notes on data quality and the glossary of the catalog. Renders
 * {@code reports/ManagementReport.jrxml} from the month's stored results.
 */
@Component
public class ManagementReport implements ReportDocument {

    static final String TEMPLATE = "ManagementReport";

    private final ReportRenderer renderer;
    private final KpiResultRepository results;
    private final KpiCatalog catalog;
    private final ManagementSettings settings;
    private final KpiSettings kpiSettings;
    private final Currency currency;
    private final DisplayNames names;

    ManagementReport(ReportRenderer renderer, KpiResultRepository results, KpiCatalog catalog, ManagementSettings settings,
            KpiSettings kpiSettings, KpiProperties properties, DisplayNames names) {
        this.renderer = renderer;
        this.results = results;
        this.catalog = catalog;
        this.settings = settings;
        this.kpiSettings = kpiSettings;
        this.currency = Currency.getInstance(properties.currency());
        this.names = names;
    }

    @Override
    public String report() {
        return "monthly";
    }

    /** Renders the month's stored results into the configured file in {@code folder}. */
    @Override
    public List<RenderedPdf> write(ReportingPeriod period, Path folder) {
        List<StoredResult> stored = results.find(report(), period,
                catalog.kpis().stream().map(KpiDefinition::id).toList());
        byte[] pdf = render(period, stored,
                new ManagementData.Names(names.reps(), names.channels(), names.campaigns()));
        return List.of(RenderedPdf.write(folder.resolve(settings.file()), pdf, null));
    }

    /**
     * @param stored the month's evaluated results, totals and breakdowns
     * @param names  display names of reps, channels and campaigns
     */
    byte[] render(ReportingPeriod period, List<StoredResult> stored, ManagementData.Names names) {
        ReportFormat format = new ReportFormat(renderer.locale(), currency);
        ManagementData data = new ManagementData(period, format, catalog, stored, names, kpiSettings.smallSample());
        ManagementScorecard scorecard = new ManagementScorecard(data);
        ManagementCharts charts = new ManagementCharts(data);
        ManagementSections sections = new ManagementSections(data);

        Map<String, Object> parameters = new HashMap<>();
        parameters.put("Month", data.month());
        parameters.put("FirstDay", format.date(period.start()));
        parameters.put("LastDay", format.date(period.last()));
        parameters.put("SummaryRows", new ManagementSummary(data, settings.movers()).paragraphs());
        parameters.put("ScorecardRows", scorecard.lines());
        parameters.put("BenchmarkSources", scorecard.sources());
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
        parameters.put("LeadsWithoutCampaign", sections.leadsWithoutCampaign());
        parameters.put("QualityRows", sections.quality(charts.gaps("revenue", "mrr", "cac", "clv")));
        parameters.put("GlossaryRows", scorecard.glossary());
        String title = format.text("management.title", data.month());
        return renderer.render(TEMPLATE, parameters, List.of(), title, period.last());
    }
}
