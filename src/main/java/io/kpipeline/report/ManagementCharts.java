package io.kpipeline.report;

import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data of the management report's charts: the funnel's stage counts, revenue and MRR over the
 * trend of the period's kind (13 months, 8 quarters or 5 years), leads and won revenue per channel,
 * CAC and CLV over the same trend. Each chart gets the points of its series; a period without a value
 * is a gap, never 0.
 */
final class ManagementCharts {

    /** The stage conversions in funnel order; their counts give the funnel's stages. */
    static final List<String> STAGES = WeeklyReport.FUNNEL;
    static final List<String> STAGE_KEYS = List.of("lead", "mql", "sal", "sql", "firstMeeting", "secondMeeting",
            "offer", "contractSent", "won");

    private final ManagementData data;

    ManagementCharts(ManagementData data) {
        this.data = data;
    }

    /**
     * Leads entering each stage in the period: the first conversion's denominator (new leads), then
     * each conversion's numerator. A stage whose conversion is switched off is left out.
     */
    List<ManagementTables.ChartPoint> funnel() {
        List<ManagementTables.ChartPoint> points = new ArrayList<>();
        String series = data.format().text("management.chart.leadsInStage");
        for (int i = 0; i < STAGES.size(); i++) {
            StoredResult r = data.totals().get(STAGES.get(i));
            if (r == null) {
                continue;
            }
            if (i == 0) {
                points.add(stage(series, "lead", r.denominator()));
            }
            points.add(stage(series, STAGE_KEYS.get(i + 1), r.numerator()));
        }
        return points;
    }

    private ManagementTables.ChartPoint stage(String series, String key, BigDecimal count) {
        return new ManagementTables.ChartPoint(series, data.format().text("stage." + key), count);
    }

    /** The trends of the given KPIs, one series each, oldest period first; one without any value is left out. */
    List<ManagementTables.ChartPoint> trends(String... kpiIds) {
        List<ReportingPeriod> periods = data.period().trend();
        List<ManagementTables.ChartPoint> points = new ArrayList<>();
        for (String id : kpiIds) {
            StoredResult r = data.totals().get(id);
            if (r == null || r.trend().stream().allMatch(Objects::isNull)) {
                continue;
            }
            for (int i = 0; i < periods.size(); i++) {
                BigDecimal value = i < r.trend().size() ? r.trend().get(i) : null;
                points.add(new ManagementTables.ChartPoint(data.name(id), data.axisLabel(periods.get(i)), value));
            }
        }
        return points;
    }

    /** The channels by new leads, most first, then by name; channels with won revenue but no leads last. */
    List<String> channels() {
        Map<String, BigDecimal> leads = new LinkedHashMap<>();
        data.breakdown("leads_created", "channel").forEach(r -> leads.put(r.dimensionValue(), r.value()));
        data.breakdown("tcv_won", "channel").forEach(r -> leads.putIfAbsent(r.dimensionValue(), null));
        return leads.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, BigDecimal> e) -> e.getValue(),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(e -> data.channel(e.getKey())))
                .map(Map.Entry::getKey).toList();
    }

    /** A KPI's channel breakdown in the order of {@link #channels()}; a channel without a row has no bar. */
    List<ManagementTables.ChartPoint> perChannel(String kpiId) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        data.breakdown(kpiId, "channel").forEach(r -> values.put(r.dimensionValue(), r.value()));
        return channels().stream().map(c -> new ManagementTables.ChartPoint(data.name(kpiId), data.channel(c),
                values.get(c))).toList();
    }

    /** The charted KPIs whose trend has periods without a value, with how many. */
    List<String> gaps(String... kpiIds) {
        List<String> gaps = new ArrayList<>();
        for (String id : kpiIds) {
            StoredResult r = data.totals().get(id);
            if (r != null) {
                long missing = r.trend().stream().filter(Objects::isNull).count()
                        + Math.max(0, data.trendLength() - r.trend().size());
                if (missing > 0) {
                    gaps.add(data.format().text("management.sentence.gap", data.name(id), missing, data.trendLength(),
                            data.word("units")));
                }
            }
        }
        return gaps;
    }
}
