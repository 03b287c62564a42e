package io.kpipeline.report;

import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiDefinition.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The weekly report's funnel table: the team's stage conversions, then each sales rep's with a value, by
 * name; a small sample with its case count.
 */
final class WeeklyFunnelRows {

    /**
     * How high the tail of the table is, in points: with the note under it about a third of a page, which
     * {@code WeeklyFunnelSubreport.jrxml} holds together (its group Tail, minHeightToStartNewPage).
     */
    static final int TAIL_HEIGHT = 240;
    /** The height of a row, and of one with a case count under a value. */
    private static final int ROW = 13;
    private static final int ROW_WITH_CASES = 17;

    private WeeklyFunnelRows() {
    }

    /**
     * @param stored the week's results, totals and breakdowns
     * @param totals the week's totals by KPI id
     * @param reps   sales rep names by id
     */
    static List<WeeklyRows.FunnelConversions> rows(ReportFormat format, List<StoredResult> stored,
            Map<String, StoredResult> totals, Map<String, String> reps) {
        List<WeeklyRows.FunnelConversions> rows = new ArrayList<>();
        rows.add(conversions(format, format.text("funnel.team"), true, totals));
        Map<String, Map<String, StoredResult>> byRep = new HashMap<>();
        stored.stream().filter(r -> WeeklyReport.FUNNEL.contains(r.kpiId()) && "rep".equals(r.dimension()))
                .forEach(r -> byRep.computeIfAbsent(r.dimensionValue(), k -> new HashMap<>()).put(r.kpiId(), r));
        byRep.entrySet().stream()
                .filter(e -> e.getValue().values().stream().map(StoredResult::value).anyMatch(Objects::nonNull))
                .map(e -> Map.entry(WeeklyReport.NONE.equals(e.getKey()) ? format.text("funnel.noRep")
                        : reps.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> rows.add(conversions(format, e.getKey(), false, e.getValue())));
        return withTail(rows);
    }

    /**
     * The rows with the last ones, at least {@link #TAIL_HEIGHT} points of them, marked as the table's tail: the
     * template starts the tail on a new page rather than leave a few rows and the note alone on the last one. A
     * table shorter than that has no tail.
     */
    static List<WeeklyRows.FunnelConversions> withTail(List<WeeklyRows.FunnelConversions> rows) {
        List<WeeklyRows.FunnelConversions> marked = new ArrayList<>(rows);
        int height = 0;
        int i = marked.size();
        while (i > 1 && height < TAIL_HEIGHT) {
            i--;
            height += marked.get(i).hasCases() ? ROW_WITH_CASES : ROW;
        }
        if (height < TAIL_HEIGHT) {
            return rows; // a short table, which the report keeps whole anyway
        }
        for (int j = i; j < marked.size(); j++) {
            marked.set(j, marked.get(j).inTail());
        }
        return marked;
    }

    /** Whether a row holds a conversion over 100 %, which the note under the table explains. */
    static boolean overHundred(List<WeeklyRows.FunnelConversions> rows) {
        return rows.stream().flatMap(r -> r.getConversions().stream()).anyMatch(v -> v.endsWith(FunnelFlows.MARK));
    }

    /** The stage conversions of one row, each small sample with its case count, each flow over 100 % marked. */
    private static WeeklyRows.FunnelConversions conversions(ReportFormat format, String rep, boolean team,
            Map<String, StoredResult> byKpi) {
        return new WeeklyRows.FunnelConversions(rep, team,
                WeeklyReport.FUNNEL.stream().map(id -> byKpi.get(id) == null ? format.none()
                        : FunnelFlows.marked(format.value(byKpi.get(id).value(), Unit.RATE), id, byKpi.get(id).value()))
                        .toList(),
                WeeklyReport.FUNNEL.stream().map(id -> WeeklyReport.cases(format, byKpi.get(id))).toList());
    }
}
