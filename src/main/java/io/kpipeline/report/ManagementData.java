package io.kpipeline.report;

import io.kpipeline.evaluation.Flag;
import io.kpipeline.evaluation.StoredResult;
import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.kpi.KpiDefinition.Unit;
import io.kpipeline.period.PeriodKind;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A period's stored results as the parts of the management report read them: the totals of the
 * enabled KPIs in catalog order, the breakdowns, the names of reps, channels and campaigns, the format
 * of the report locale, and the words for the period's kind (month, quarter or year).
 *
 * @param period      the month, quarter or year
 * @param format      numbers, money, dates and texts in the report locale
 * @param catalog     names, definitions, units and categories
 * @param results     every stored result of the month, totals and breakdowns
 * @param names       display names of breakdown values
 * @param smallSample the number of cases below which a value is a small sample
 */
record ManagementData(ReportingPeriod period, ReportFormat format, KpiCatalog catalog, List<StoredResult> results,
        DisplayNames.Names names, int smallSample) {

    /** A breakdown row whose attribute is missing has this value (see config/kpis.yml). */
    static final String NONE = "(none)";

    /** The totals of the enabled KPIs in catalog order; a KPI without a stored total is left out. */
    Map<String, StoredResult> totals() {
        Map<String, StoredResult> byId = new LinkedHashMap<>();
        results.stream().filter(StoredResult::isTotal).forEach(r -> byId.put(r.kpiId(), r));
        Map<String, StoredResult> ordered = new LinkedHashMap<>();
        catalog.enabled().forEach(k -> Optional.ofNullable(byId.get(k.id())).ifPresent(r -> ordered.put(k.id(), r)));
        return ordered;
    }

    Optional<StoredResult> total(String kpiId) {
        return Optional.ofNullable(totals().get(kpiId));
    }

    /** The breakdown of an enabled KPI by one dimension, in stored order. */
    List<StoredResult> breakdown(String kpiId, String dimension) {
        if (!enabled(kpiId)) {
            return List.of();
        }
        return results.stream().filter(r -> r.kpiId().equals(kpiId) && dimension.equals(r.dimension())).toList();
    }

    boolean enabled(String kpiId) {
        return catalog.find(kpiId).map(KpiDefinition::enabled).orElse(false);
    }

    String name(String kpiId) {
        return catalog.find(kpiId).map(k -> k.name().in(format.locale())).orElse(kpiId);
    }

    Unit unit(String kpiId) {
        return catalog.get(kpiId).unit();
    }

    String value(StoredResult r) {
        return format.value(r.value(), unit(r.kpiId()));
    }

    String value(String kpiId, BigDecimal value) {
        return format.value(value, unit(kpiId));
    }

    /** The change to the previous period: percentage points for rates, per cent otherwise. */
    String change(StoredResult r) {
        return format.change(r.change(), r.relativeChange(), unit(r.kpiId()));
    }

    static boolean flagged(StoredResult r, Flag flag) {
        return r.flags().contains(flag.name());
    }

    /** "n = 4" for a value on a small sample, which is not judged; null for any other. */
    String cases(StoredResult r) {
        return WeeklyReport.cases(format, r);
    }

    /**
     * A word or phrase for the period's kind in the report language, from the texts
     * {@code period.<MONTH|QUARTER|YEAR>.<key>}: {@code name} ("Oktober 2026", "3. Quartal 2026",
     * "Kalenderjahr 2025"), {@code short} (for titles), {@code in} ("im 3. Quartal 2026"), {@code unit}
     * ("Quartal"), {@code units}, {@code of} ("des Quartals"), {@code previous} ("Vorquartal"),
     * {@code sameLastYear} ("Vorjahresquartal"), {@code values} ("Quartalswerte"), and the column and
     * note titles. The texts read the month's name as {0}, the quarter's number as {1} and the year as {2}.
     */
    String word(String key) {
        return format.text("period." + period.kind().name() + "." + key,
                DateTimeFormatter.ofPattern("MMMM", format.locale()).format(period.start()),
                Integer.toString(period.start().get(IsoFields.QUARTER_OF_YEAR)), Integer.toString(period.start().getYear()));
    }

    /** Whether the period is a year, whose same period last year is its previous one: compared once, not twice. */
    boolean isYear() {
        return period.kind() == PeriodKind.YEAR;
    }

    /** How many periods the trends and charts show: 13 months, 8 quarters or 5 years. */
    int trendLength() {
        return period.kind().trendPeriods();
    }

    /** A period's label for chart axes, on two lines where it has two parts: {@code Okt\n2026}, {@code Q3\n2026}, {@code 2026}. */
    String axisLabel(ReportingPeriod p) {
        return switch (p.kind()) {
            case QUARTER -> "Q" + p.start().get(IsoFields.QUARTER_OF_YEAR) + "\n" + p.start().getYear();
            case YEAR -> Integer.toString(p.start().getYear());
            default -> DateTimeFormatter.ofPattern("LLL'\n'yyyy", format.locale()).format(p.start());
        };
    }

    String rep(String id) {
        return NONE.equals(id) ? format.text("funnel.noRep") : names.reps().getOrDefault(id, id);
    }

    String channel(String code) {
        return NONE.equals(code) ? format.text("weekly.noChannel") : names.channels().getOrDefault(code, code);
    }

    String campaign(String id) {
        return NONE.equals(id) ? format.text("management.noCampaign") : names.campaigns().getOrDefault(id, id);
    }
}
