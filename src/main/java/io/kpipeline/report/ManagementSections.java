package io.kpipeline.report;

import io.kpipeline.evaluation.Flag;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.DataNote;
import io.kpipeline.period.ReportingPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The management report's sections after the charts but the campaigns ({@link ManagementCampaigns}): the
 * sales reps side by side with the team, and the notes on data quality.
 */
final class ManagementSections {

    /** The main sales KPIs the rep comparison shows, in column order (at most 7 fit the page). */
    static final List<String> REP_KPIS = List.of("sql_count", "win_rate", "tcv_won", "avg_deal_size",
            "sales_cycle_days", "open_pipeline_value", "lead_response_hours");
    static final int REP_COLUMNS = 7;

    private final ManagementData data;

    ManagementSections(ManagementData data) {
        this.data = data;
    }

    /** The enabled rep KPIs' names, padded with blanks to the template's 7 columns. */
    List<String> repColumns() {
        List<String> names = new ArrayList<>(repKpis().stream().map(data::name).toList());
        while (names.size() < REP_COLUMNS) {
            names.add("");
        }
        return names;
    }

    private List<String> repKpis() {
        return REP_KPIS.stream().filter(data::enabled).toList();
    }

    /** The team first, then each rep with a value, by name; a value on a small sample with its case count. */
    List<ManagementTables.RepLine> reps() {
        List<String> kpis = repKpis();
        List<ManagementTables.RepLine> lines = new ArrayList<>();
        Map<String, StoredResult> totals = data.totals();
        lines.add(line(data.format().text("funnel.team"), true, kpis.stream().map(totals::get).toList()));
        Map<String, Map<String, StoredResult>> byRep = new HashMap<>();
        kpis.forEach(id -> data.breakdown(id, "rep").forEach(r ->
                byRep.computeIfAbsent(r.dimensionValue(), k -> new HashMap<>()).put(id, r)));
        byRep.entrySet().stream()
                .filter(e -> e.getValue().values().stream().map(StoredResult::value).anyMatch(Objects::nonNull))
                .sorted(Comparator.comparing(e -> data.rep(e.getKey())))
                .forEach(e -> lines.add(line(data.rep(e.getKey()), false,
                        kpis.stream().map(id -> e.getValue().get(id)).toList())));
        return lines;
    }

    /** The values in column order, each with its case count where it is a small sample, padded to 7 columns. */
    private ManagementTables.RepLine line(String name, boolean team, List<StoredResult> results) {
        List<String> values = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (StoredResult r : results) {
            values.add(r == null ? data.format().none() : data.value(r));
            cases.add(r == null || r.value() == null ? null : data.cases(r));
        }
        while (values.size() < REP_COLUMNS) {
            values.add("");
            cases.add(null);
        }
        return new ManagementTables.RepLine(name, team, values, cases);
    }

    /**
     * What a reader should know before trusting the numbers: whether the data covers the period only in
     * part, what the data cannot tell apart, then KPI by KPI, then across KPIs.
     *
     * @param chartGaps the charted KPIs with periods without a value
     * @param firstData the first day the source tables hold data for; null when they hold none
     * @param dataNotes what the data cannot support as the definitions read ({@link io.kpipeline.kpi.DataNotes})
     */
    List<ManagementRows.Entry> quality(List<String> chartGaps, LocalDate firstData, Set<DataNote> dataNotes) {
        ReportFormat f = data.format();
        List<ManagementRows.Entry> notes = new ArrayList<>();
        ReportingPeriod period = data.period();
        if (firstData != null && firstData.isAfter(period.start()) && firstData.isBefore(period.end())) {
            notes.add(new ManagementRows.Entry(null, f.text("management.note.partialData.title"),
                    f.text("management.note.partialData", f.date(firstData), f.date(period.start()),
                            f.date(period.last()))));
        }
        for (DataNote note : dataNotes) {
            // the KPIs it concerns that the report shows, in catalog order
            List<String> names = data.catalog().enabled().stream().filter(k -> note.kpis().contains(k.id()))
                    .map(k -> data.name(k.id())).toList();
            notes.add(new ManagementRows.Entry(null, f.text("management.dataNote." + note.name() + ".title"),
                    f.text("management.dataNote." + note.name(), String.join(", ", names))));
        }
        for (StoredResult r : data.totals().values()) {
            String name = data.name(r.kpiId());
            if (r.value() == null) {
                notes.add(new ManagementRows.Entry(null, name, f.text("management.note.noValue", reason(r))));
            }
            if (r.isSmallSample()) {
                notes.add(new ManagementRows.Entry(null, name, f.text("management.note.smallSample",
                        data.cases(r), data.smallSample())));
            }
            if (ManagementData.flagged(r, Flag.ANOMALY)) {
                notes.add(new ManagementRows.Entry(null, name, f.text("management.note.anomaly", data.value(r),
                        data.value(r.kpiId(), ManagementSummary.previousMean(r)), data.word("units"))));
            }
        }
        List<String> uncomputed = data.catalog().enabled().stream().filter(k -> !data.totals().containsKey(k.id()))
                .map(k -> data.name(k.id())).toList();
        if (!uncomputed.isEmpty()) {
            notes.add(new ManagementRows.Entry(null, f.text("management.note.notComputed.title"),
                    f.text("management.note.notComputed", uncomputed.size(), String.join(", ", uncomputed))));
        }
        across(notes, data.word("previousComparison"), "management.note.noPrevious", data.word("previous"),
                r -> r.value() != null && r.previousValue() == null);
        if (!data.isYear()) { // a year's same period last year is its previous one, noted just above
            across(notes, data.word("sameLastYearComparison"), "management.note.noPreviousYear",
                    data.word("sameLastYear"), r -> r.value() != null && r.previousYearValue() == null);
        }
        if (!chartGaps.isEmpty()) {
            notes.add(new ManagementRows.Entry(null, f.text("management.charts"), String.join(" ", chartGaps)));
        }
        if (notes.isEmpty()) {
            notes.add(new ManagementRows.Entry(null, f.text("management.note.allWell"), f.text("management.note.allWellText")));
        }
        return notes;
    }

    /**
     * The reason a value is missing in the report language; the one that names a setting is said in the
     * reader's words, since a managing director does not set it.
     */
    private String reason(StoredResult r) {
        return MissingValueReasons.text(data.format(), r.reason());
    }

    /** One note naming the KPIs that match, under {@code title}; {@code period} names the period compared with. */
    private void across(List<ManagementRows.Entry> notes, String title, String key, String period,
            java.util.function.Predicate<StoredResult> which) {
        List<String> names = data.totals().values().stream().filter(which).map(r -> data.name(r.kpiId()))
                .collect(Collectors.toList());
        long valued = data.totals().values().stream().filter(r -> r.value() != null).count();
        if (names.size() > 1 && names.size() == valued) {
            // every KPI: a sentence, not a list of the whole catalog
            notes.add(new ManagementRows.Entry(null, title,
                    data.format().text("management.note.noneCompared", names.size(), period)));
        } else if (!names.isEmpty()) {
            notes.add(new ManagementRows.Entry(null, title,
                    data.format().text(key, names.size(), String.join(", ", names), period)));
        }
    }
}
