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
import java.util.Set;
import java.util.TreeSet;

/**
 * The data of the management report's charts: the funnel's stage counts, revenue and MRR over the
 * trend of the period's kind (13 months, 8 quarters or 5 years), leads and won revenue per channel,
 * CAC and CLV over the same trend. Each chart gets the points of its series; a period without a value
 * is a gap, never 0, and a trend with fewer than three periods with a value is said in words instead.
 */
final class ManagementCharts {

    /** The stage conversions in funnel order; their counts give the funnel's stages. */
    static final List<String> STAGES = WeeklyReport.FUNNEL;
    static final List<String> STAGE_KEYS = List.of("lead", "mql", "sal", "sql", "firstMeeting", "secondMeeting",
            "offer", "contractSent", "won");
    /** The fewest periods with a value a trend needs to be drawn: through one or two points a line shows no course. */
    static final int MINIMUM_PERIODS = 3;

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

    /**
     * A chart over the trend: its points, or none and the sentence said in its place. A line through one or two
     * periods shows no course, so a trend with fewer than {@link #MINIMUM_PERIODS} periods with a value is no
     * chart: "Nicht genug Jahre für einen Verlauf: Werte gibt es nur für 2025".
     *
     * @param points the series of the KPIs, oldest period first; empty when there is no chart
     * @param note   what stands in the chart's place; null when there is a chart
     */
    record Trend(List<ManagementTables.ChartPoint> points, String note) {

        boolean drawn() {
            return note == null;
        }
    }

    /** The trends of the given KPIs, one series each; a KPI without any value in its trend is left out. */
    Trend trend(String... kpiIds) {
        List<ReportingPeriod> periods = data.period().trend();
        List<ManagementTables.ChartPoint> points = new ArrayList<>();
        Set<Integer> valued = new TreeSet<>();
        for (String id : kpiIds) {
            StoredResult r = data.totals().get(id);
            if (r == null || r.trend().stream().allMatch(Objects::isNull)) {
                continue;
            }
            for (int i = 0; i < periods.size(); i++) {
                BigDecimal value = i < r.trend().size() ? r.trend().get(i) : null;
                points.add(new ManagementTables.ChartPoint(data.name(id), data.axisLabel(periods.get(i)), value));
                if (value != null) {
                    valued.add(i);
                }
            }
        }
        ReportFormat format = data.format();
        if (valued.isEmpty()) {
            return new Trend(List.of(), format.text("management.chart.empty"));
        }
        if (valued.size() < MINIMUM_PERIODS) {
            List<String> labels = valued.stream().map(i -> data.axisLabel(periods.get(i)).replace('\n', ' ')).toList();
            String with = labels.size() == 1 ? labels.get(0)
                    : format.text("management.chart.and", labels.get(0), labels.get(1));
            return new Trend(List.of(), format.text("management.chart.tooFew", data.word("units"), with,
                    MINIMUM_PERIODS));
        }
        return new Trend(points, null);
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

    /** The KPIs of the drawn trend charts whose trend has periods without a value, with how many. */
    List<String> gaps(List<String> kpiIds) {
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
