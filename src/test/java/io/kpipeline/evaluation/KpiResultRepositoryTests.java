package io.kpipeline.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiValue;
import io.kpipeline.kpi.KpiValueRepository;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Results read back as they were evaluated: the trend from the stored values of the periods the evaluation used, a
 * gap where a period had no data or no value; flags and measures in their order; the rows in catalog order. On
 * the months of 2040 and 2041, which no other test uses.
 */
@SpringBootTest
class KpiResultRepositoryTests {

    private static final ReportingPeriod OCTOBER = ReportingPeriod.parse("2041-10");
    private static final LocalDateTime AT = LocalDateTime.of(2041, 11, 1, 6, 0);

    @Autowired
    KpiResultRepository results;
    @Autowired
    KpiValueRepository values;
    @Autowired
    KpiEvaluator evaluator;
    @Autowired
    KpiCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeThePeriods() {
        results.replace(ReportKind.MONTHLY, OCTOBER, List.of(), Set.of(), AT);
        for (ReportingPeriod p : OCTOBER.trend()) {
            store(p, List.of());
        }
    }

    @Test
    void theTrendReadBackIsTheEvaluatedOneFromTheStoredValuesOfThePeriodsWithData() {
        // 2040-10 (position 0, also the same month last year) .. 2041-10 (position 12); leads_created 30 + position,
        // except: 2040-12 held data but no value of it was stored, 2041-02 has values left from an earlier
        // computation but no data any more, and in 2041-05 the KPI had no value (nothing imported)
        List<ReportingPeriod> trend = OCTOBER.trend();
        Set<ReportingPeriod> withData = new HashSet<>(trend);
        withData.remove(ReportingPeriod.parse("2041-02"));
        for (int i = 0; i < trend.size(); i++) {
            ReportingPeriod p = trend.get(i);
            List<KpiValue> stored = new ArrayList<>();
            if (p.id().equals("2041-05")) {
                stored.add(KpiValue.none("leads_created", null, null, "nothing imported into lead"));
            } else if (!p.id().equals("2040-12")) {
                stored.add(KpiValue.total("leads_created", BigDecimal.valueOf(30 + i)));
            }
            if (i >= 11) {
                // the e-mail channel's leads of September and October only: 5 and 7
                stored.add(KpiValue.of("leads_created", "channel", "EMAIL", BigDecimal.valueOf(i == 11 ? 5 : 7)));
            }
            if (i == 12) {
                stored.add(KpiValue.total("web_sessions", new BigDecimal("1200.50")));
                stored.add(KpiValue.total("revenue", new BigDecimal("250000.00")));
            }
            store(p, stored);
        }
        // as the evaluate step reads them: the values of the periods with data, none of the others
        Map<ReportingPeriod, List<KpiValue>> read = new LinkedHashMap<>();
        for (ReportingPeriod p : KpiEvaluator.comparedPeriods(OCTOBER)) {
            read.put(p, withData.contains(p) ? values.find(p) : List.of());
        }
        List<KpiResult> evaluated = evaluator.evaluate(ReportKind.MONTHLY, OCTOBER, read);

        results.replace(ReportKind.MONTHLY, OCTOBER, evaluated, withData, AT);
        List<StoredResult> stored = results.find(ReportKind.MONTHLY, OCTOBER);

        Map<String, List<BigDecimal>> evaluatedTrends = evaluated.stream().collect(Collectors.toMap(
                r -> r.kpi().id() + "/" + r.value().dimensionValue(), KpiResult::trend));
        // the same numbers (the evaluation's 4E+1 reads 40)
        assertThat(stored).hasSize(4).allSatisfy(s -> assertThat(s.trend())
                .usingElementComparator(Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()))
                .containsExactlyElementsOf(evaluatedTrends.get(s.kpiId() + "/" + s.dimensionValue())));
        StoredResult leads = stored.stream().filter(s -> s.kpiId().equals("leads_created") && s.isTotal())
                .findFirst().orElseThrow();
        assertThat(leads.trend()).containsExactly(decimals("30", "31", null, "33", null, "35", "36", null, "38", "39",
                "40", "41", "42"));
        assertThat(leads.previousYearValue()).isEqualByComparingTo("30");
        StoredResult email = stored.stream().filter(s -> "EMAIL".equals(s.dimensionValue())).findFirst().orElseThrow();
        assertThat(email.trend()).containsExactly(decimals(null, null, null, null, null, null, null, null, null, null,
                null, "5", "7"));
        // the trailing zeros of the column's scale dropped, as the value's own
        StoredResult sessions = stored.stream().filter(s -> s.kpiId().equals("web_sessions")).findFirst().orElseThrow();
        assertThat(sessions.trend().get(12)).isEqualTo(new BigDecimal("1200.5"));
        assertThat(sessions.trend().subList(0, 12)).containsOnlyNulls();
    }

    @Test
    void resultsComeInCatalogOrderTotalsFirstWithTheirFlagsAndMeasuresInOrder() {
        // config/kpis.yml lists web_sessions (1st), leads_created (18th), revenue (52nd): not their alphabetical order
        List<KpiResult> stored = List.of(
                result("revenue", null, null, Set.of(), List.of()),
                result("leads_created", "channel", "EMAIL", Set.of(Flag.SMALL_SAMPLE), List.of()),
                result("leads_created", null, null, EnumSet.of(Flag.SMALL_SAMPLE, Flag.ANOMALY),
                        List.of("review-lead-sources", "check-anomaly")),
                result("web_sessions", null, null, Set.of(), List.of()));

        results.replace(ReportKind.MONTHLY, OCTOBER, stored, Set.of(), AT);
        List<StoredResult> read = results.find(ReportKind.MONTHLY, OCTOBER);

        assertThat(read).extracting(r -> r.kpiId() + (r.isTotal() ? "" : "/" + r.dimensionValue()))
                .containsExactly("web_sessions", "leads_created", "leads_created/EMAIL", "revenue");
        assertThat(read.get(1).flags()).containsExactly("ANOMALY", "SMALL_SAMPLE");
        // the measures in the order their rules fired, not sorted
        assertThat(read.get(1).actions()).containsExactly("review-lead-sources", "check-anomaly");
        assertThat(read.get(2).flags()).containsExactly("SMALL_SAMPLE");
        assertThat(read.get(2).actions()).isEmpty();
        assertThat(read.get(3).flags()).isEmpty();
        // no period held data: only the month itself is a trend period, and it has no stored values here
        assertThat(read).allSatisfy(r -> assertThat(r.trend()).hasSize(13).containsOnlyNulls());
        assertThat(jdbc.queryForList("SELECT trend_period_id FROM kpi_result_trend WHERE report = 'monthly'"
                + " AND period_id = '2041-10'", String.class)).containsExactly("2041-10");
    }

    @Test
    void evaluatingAgainReplacesTheFlagsMeasuresAndTrendPeriodsWithTheResults() {
        results.replace(ReportKind.MONTHLY, OCTOBER, List.of(result("leads_created", null, null,
                Set.of(Flag.ANOMALY), List.of("check-anomaly"))), Set.of(ReportingPeriod.parse("2041-09")), AT);
        assertThat(rows("kpi_result_flag")).isEqualTo(1);
        assertThat(rows("kpi_result_action")).isEqualTo(1);
        assertThat(rows("kpi_result_trend")).isEqualTo(2); // 2041-09 and the month itself

        results.replace(ReportKind.MONTHLY, OCTOBER, List.of(result("revenue", null, null, Set.of(), List.of())),
                Set.of(), AT);

        assertThat(results.find(ReportKind.MONTHLY, OCTOBER)).extracting(StoredResult::kpiId).containsExactly("revenue");
        assertThat(rows("kpi_result_flag")).isZero();
        assertThat(rows("kpi_result_action")).isZero();
        assertThat(rows("kpi_result_trend")).isEqualTo(1);
    }

    private KpiResult result(String kpi, String dimension, String dimensionValue, Set<Flag> flags,
            List<String> actions) {
        KpiValue value = KpiValue.of(kpi, dimension, dimensionValue, BigDecimal.TEN);
        return new KpiResult(ReportKind.MONTHLY, OCTOBER, catalog.get(kpi), value, null, null, List.of(), null,
                Status.NEUTRAL, null, flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags), actions);
    }

    private long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE report = 'monthly' AND period_id = '2041-10'",
                Long.class);
    }

    private static BigDecimal[] decimals(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toArray(BigDecimal[]::new);
    }

    /** Stores the values of a period as a computation of it would, replacing what the period held. */
    private void store(ReportingPeriod period, List<KpiValue> stored) {
        jdbc.update("DELETE FROM kpi_value WHERE period_id = ?", period.id());
        for (KpiValue v : stored) {
            jdbc.update("""
                    INSERT INTO kpi_value (period_id, kpi_id, dimension, dimension_value, value, numerator,
                                           denominator, cases, reason, computed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", period.id(), v.kpiId(), v.isTotal() ? "" : v.dimension(),
                    v.isTotal() ? "" : v.dimensionValue(), v.value(), v.numerator(), v.denominator(), v.cases(),
                    v.reason(), AT);
        }
    }
}
