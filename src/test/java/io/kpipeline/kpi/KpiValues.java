package io.kpipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Looks up the values a calculator computed and builds the exact values the tests expect. */
final class KpiValues {

    private KpiValues() {
    }

    /** The one value of {@code kpiId} for the total ({@code dimension} null) or a breakdown value. */
    static KpiValue find(List<KpiValue> values, String kpiId, String dimension, String dimensionValue) {
        List<KpiValue> found = values.stream().filter(v -> v.kpiId().equals(kpiId)
                && Objects.equals(v.dimension(), dimension) && Objects.equals(v.dimensionValue(), dimensionValue))
                .toList();
        assertThat(found).as(kpiId + " " + dimension + "=" + dimensionValue).hasSize(1);
        return found.get(0);
    }

    /** The value of {@link #find}, which must have one. */
    static BigDecimal value(List<KpiValue> values, String kpiId, String dimension, String dimensionValue) {
        KpiValue v = find(values, kpiId, dimension, dimensionValue);
        assertThat(v.hasValue()).as(kpiId + " " + dimensionValue + ": " + v.reason()).isTrue();
        return v.value();
    }

    /** The value of the total of {@code kpiId}, which must have one. */
    static BigDecimal total(List<KpiValue> values, String kpiId) {
        return value(values, kpiId, null, null);
    }

    /** Why {@link #find} has no value; it must have none. */
    static String reason(List<KpiValue> values, String kpiId, String dimension, String dimensionValue) {
        KpiValue v = find(values, kpiId, dimension, dimensionValue);
        assertThat(v.hasValue()).as(kpiId + " " + dimensionValue + " has no value").isFalse();
        return v.reason();
    }

    /** The breakdown values emitted for {@code kpiId} and {@code dimension}, sorted, repeats kept. */
    static List<String> breakdown(List<KpiValue> values, String kpiId, String dimension) {
        return values.stream().filter(v -> v.kpiId().equals(kpiId) && dimension.equals(v.dimension()))
                .map(KpiValue::dimensionValue).sorted().toList();
    }

    /** The breakdown values emitted for {@code kpiId} in any dimension, sorted, repeats kept. */
    static List<String> breakdown(List<KpiValue> values, String kpiId) {
        return values.stream().filter(v -> v.kpiId().equals(kpiId) && !v.isTotal())
                .map(KpiValue::dimensionValue).sorted().toList();
    }

    /** The dimensions emitted for {@code kpiId}. */
    static Set<String> dimensions(List<KpiValue> values, String kpiId) {
        Set<String> result = new TreeSet<>();
        values.stream().filter(v -> v.kpiId().equals(kpiId) && !v.isTotal()).forEach(v -> result.add(v.dimension()));
        return result;
    }

    /** The dimensions emitted for each KPI of {@code values} are exactly those the catalog lists for it. */
    static void assertBreakdownsAsInCatalog(List<KpiValue> values, KpiCatalog catalog) {
        values.stream().map(KpiValue::kpiId).distinct().forEach(id -> {
            Set<String> listed = new TreeSet<>();
            catalog.get(id).breakdowns().forEach(d -> listed.add(d.key()));
            assertThat(dimensions(values, id)).as(id).isEqualTo(listed);
        });
    }

    /** {@code numerator / denominator} to the precision of {@link KpiValue#PRECISION}. */
    static BigDecimal fraction(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL64);
    }

    /** {@code numerator / denominator}, both decimals, to the precision of {@link KpiValue#PRECISION}. */
    static BigDecimal fraction(String numerator, String denominator) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL64);
    }
}
