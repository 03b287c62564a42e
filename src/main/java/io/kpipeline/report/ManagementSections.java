package io.kpipeline.report;

import io.kpipeline.evaluation.Flag;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiDefinition.Unit;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The management report's tables after the charts: the sales reps side by side with the team, the
 * campaigns with the revenue of the deals won from their leads and their ROMI, and the notes on data
 * quality.
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

    /** The team first, then each rep with a value, by name; rates on a small sample marked *. */
    List<ManagementTables.RepLine> reps() {
        List<String> kpis = repKpis();
        List<ManagementTables.RepLine> lines = new ArrayList<>();
        Map<String, StoredResult> totals = data.totals();
        lines.add(new ManagementTables.RepLine(data.format().text("funnel.team"), true,
                padded(kpis.stream().map(id -> cell(totals.get(id))).toList())));
        Map<String, Map<String, StoredResult>> byRep = new HashMap<>();
        kpis.forEach(id -> data.breakdown(id, "rep").forEach(r ->
                byRep.computeIfAbsent(r.dimensionValue(), k -> new HashMap<>()).put(id, r)));
        byRep.entrySet().stream()
                .filter(e -> e.getValue().values().stream().map(StoredResult::value).anyMatch(Objects::nonNull))
                .sorted(Comparator.comparing(e -> data.rep(e.getKey())))
                .forEach(e -> lines.add(new ManagementTables.RepLine(data.rep(e.getKey()), false,
                        padded(kpis.stream().map(id -> cell(e.getValue().get(id))).toList()))));
        return lines;
    }

    private String cell(StoredResult r) {
        if (r == null) {
            return data.format().none();
        }
        String value = data.value(r);
        return r.value() != null && ManagementData.flagged(r, Flag.SMALL_SAMPLE) ? value + "*" : value;
    }

    private static List<String> padded(List<String> values) {
        List<String> padded = new ArrayList<>(values);
        while (padded.size() < REP_COLUMNS) {
            padded.add("");
        }
        return padded;
    }

    /**
     * Each campaign with leads or ROMI in the period, by won revenue, then leads. Won revenue and ad
     * cost come from ROMI's numerator (won − ad cost) and denominator (ad cost); a campaign without
     * a ROMI row had neither won deals nor ad cost. The last line is all campaigns together, against
     * the full marketing cost as the catalog defines the total ROMI.
     */
    List<ManagementTables.CampaignLine> campaigns() {
        ReportFormat f = data.format();
        boolean romiEnabled = data.enabled("romi");
        Map<String, BigDecimal> leads = new HashMap<>();
        data.breakdown("leads_created", "campaign").forEach(r -> leads.put(r.dimensionValue(), r.value()));
        Map<String, StoredResult> romi = new HashMap<>();
        data.breakdown("romi", "campaign").forEach(r -> romi.put(r.dimensionValue(), r));
        Set<String> ids = new LinkedHashSet<>(leads.keySet());
        ids.addAll(romi.keySet());
        ids.remove(ManagementData.NONE);
        record Line(String name, BigDecimal leads, BigDecimal won, BigDecimal cost, BigDecimal romi) {
        }
        List<Line> lines = ids.stream().map(id -> {
            StoredResult r = romi.get(id);
            // without a ROMI row (and ROMI computed) the campaign had neither won deals nor ad cost: both 0
            BigDecimal none = romiEnabled ? BigDecimal.ZERO : null;
            BigDecimal cost = r == null ? none : r.denominator();
            BigDecimal won = r == null ? none : r.numerator() == null ? null : r.numerator().add(r.denominator());
            return new Line(data.campaign(id), leads.get(id), won, cost, r == null ? null : r.value());
        }).sorted(Comparator.comparing(Line::won, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Line::leads, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Line::name)).toList();
        List<ManagementTables.CampaignLine> rows = new ArrayList<>(lines.stream().map(l -> new ManagementTables.CampaignLine(
                l.name(), f.value(l.leads(), Unit.COUNT), f.value(l.won(), Unit.MONEY), f.value(l.cost(), Unit.MONEY),
                f.value(l.romi(), Unit.RATE), false)).toList());
        StoredResult total = data.totals().get("romi");
        if (!rows.isEmpty() && total != null) {
            BigDecimal allLeads = lines.stream().map(Line::leads).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal won = total.numerator() == null ? null : total.numerator().add(total.denominator());
            rows.add(new ManagementTables.CampaignLine(f.text("management.allCampaigns"), f.value(allLeads, Unit.COUNT),
                    f.value(won, Unit.MONEY), f.value(total.denominator(), Unit.MONEY), f.value(total.value(), Unit.RATE), true));
        }
        return rows;
    }

    /** New leads of the period without a campaign, for the note under the campaign table. */
    String leadsWithoutCampaign() {
        return data.breakdown("leads_created", "campaign").stream().filter(r -> ManagementData.NONE.equals(r.dimensionValue()))
                .findFirst().map(r -> data.format().text("management.leadsWithoutCampaign", data.format().value(r.value(),
                        Unit.COUNT))).orElse("");
    }

    /**
     * What a reader should know before trusting the numbers: whether the data covers the period only in
     * part, then KPI by KPI, then across KPIs.
     *
     * @param chartGaps the charted KPIs with periods without a value
     * @param firstData the first day the source tables hold data for; null when they hold none
     */
    List<ManagementRows.Entry> quality(List<String> chartGaps, LocalDate firstData) {
        ReportFormat f = data.format();
        List<ManagementRows.Entry> notes = new ArrayList<>();
        ReportingPeriod period = data.period();
        if (firstData != null && firstData.isAfter(period.start()) && firstData.isBefore(period.end())) {
            notes.add(new ManagementRows.Entry(null, f.text("management.note.partialData.title"),
                    f.text("management.note.partialData", f.date(firstData), f.date(period.start()),
                            f.date(period.last()))));
        }
        for (StoredResult r : data.totals().values()) {
            String name = data.name(r.kpiId());
            if (r.value() == null) {
                notes.add(new ManagementRows.Entry(null, name, f.text("management.note.noValue", r.reason())));
            }
            if (ManagementData.flagged(r, Flag.SMALL_SAMPLE)) {
                notes.add(new ManagementRows.Entry(null, name, f.text("management.note.smallSample",
                        f.value(r.denominator(), Unit.COUNT), data.smallSample())));
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

    /** One note naming the KPIs that match, under {@code title}; {@code period} names the period compared with. */
    private void across(List<ManagementRows.Entry> notes, String title, String key, String period,
            java.util.function.Predicate<StoredResult> which) {
        List<String> names = data.totals().values().stream().filter(which).map(r -> data.name(r.kpiId()))
                .collect(Collectors.toList());
        if (!names.isEmpty()) {
            notes.add(new ManagementRows.Entry(null, title,
                    data.format().text(key, names.size(), String.join(", ", names), period)));
        }
    }
}
