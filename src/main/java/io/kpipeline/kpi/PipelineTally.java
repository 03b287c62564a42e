package io.kpipeline.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The exact counts and sums a calculator's queries return, per measure, breakdown dimension and
 * breakdown value, and the {@link KpiValue}s made from them. Queries return one row per dimension
 * value: a column {@code dim} ({@value #TOTAL} for the total, else the dimension's name), a column
 * {@code dim_value} (empty for the total) and the measures, either as one column each (wide) or as
 * a pair {@code measure}, {@code amount} (long). A measure a query did not return is 0.
 */
final class PipelineTally {

    static final String TOTAL = "total";

    private final Map<String, Map<String, Map<String, BigDecimal>>> sums = new HashMap<>();

    /** Adds the rows of a query that returns one column per measure. */
    PipelineTally addWide(NamedParameterJdbcTemplate jdbc, String sql, Map<String, ?> params, String... measures) {
        jdbc.query(sql, params, rs -> {
            for (String measure : measures) {
                add(rs.getString("dim"), rs.getString("dim_value"), measure, rs.getBigDecimal(measure));
            }
        });
        return this;
    }

    /** Adds the rows of a query that returns the measure's name in {@code measure} and its sum in {@code amount}. */
    PipelineTally addLong(NamedParameterJdbcTemplate jdbc, String sql, Map<String, ?> params) {
        jdbc.query(sql, params, rs -> {
            add(rs.getString("dim"), rs.getString("dim_value"), rs.getString("measure"), rs.getBigDecimal("amount"));
        });
        return this;
    }

    void add(String dim, String value, String measure, BigDecimal amount) {
        if (amount != null) {
            sums.computeIfAbsent(dim, d -> new HashMap<>()).computeIfAbsent(value, v -> new HashMap<>())
                    .merge(measure, amount, BigDecimal::add);
        }
    }

    /** The total of {@code measure}; 0 when no row had it. */
    BigDecimal total(String measure) {
        return get(TOTAL, "", measure);
    }

    BigDecimal get(String dim, String value, String measure) {
        return sums.getOrDefault(dim, Map.of()).getOrDefault(value, Map.of()).getOrDefault(measure, BigDecimal.ZERO);
    }

    /** The values of {@code dim} where at least one of {@code measures} is not 0, sorted. */
    SortedSet<String> values(String dim, String... measures) {
        SortedSet<String> values = new TreeSet<>();
        sums.getOrDefault(dim, Map.of()).forEach((value, byMeasure) -> {
            for (String measure : measures) {
                if (byMeasure.getOrDefault(measure, BigDecimal.ZERO).signum() != 0) {
                    values.add(value);
                }
            }
        });
        return values;
    }

    /** A count or sum: the total (0 without data) and each value of {@code dims} where it is not 0. */
    List<KpiValue> amounts(String kpiId, String measure, String... dims) {
        List<KpiValue> result = new ArrayList<>();
        result.add(KpiValue.total(kpiId, total(measure)));
        for (String dim : dims) {
            for (String value : values(dim, measure)) {
                result.add(KpiValue.of(kpiId, dim, value, get(dim, value, measure)));
            }
        }
        return result;
    }

    /**
     * {@code numerator / denominator}, the denominator counting the cases (emails, leads, deals): the
     * total and each value of {@code dims} where either is not 0.
     */
    List<KpiValue> ratios(String kpiId, String numerator, String denominator, String reason, String... dims) {
        return scaledRatios(kpiId, numerator, BigDecimal.ONE, denominator, BigDecimal.ONE, denominator, reason, dims);
    }

    /**
     * {@code (numerator / numeratorDivisor) / (denominator / denominatorDivisor)}, e.g. seconds / 3600 per
     * lead for average hours: the value is divided once, exactly, and the reported numerator and
     * denominator are the scaled ones. The measure {@code cases} counts the cases each value rests on.
     */
    List<KpiValue> scaledRatios(String kpiId, String numerator, BigDecimal numeratorDivisor, String denominator,
            BigDecimal denominatorDivisor, String cases, String reason, String... dims) {
        List<KpiValue> result = new ArrayList<>();
        result.add(scaledRatio(kpiId, null, null, total(numerator), numeratorDivisor, total(denominator),
                denominatorDivisor, reason).withCases(total(cases).longValueExact()));
        for (String dim : dims) {
            for (String value : values(dim, numerator, denominator)) {
                result.add(scaledRatio(kpiId, dim, value, get(dim, value, numerator), numeratorDivisor,
                        get(dim, value, denominator), denominatorDivisor, reason)
                        .withCases(get(dim, value, cases).longValueExact()));
            }
        }
        return result;
    }

    static KpiValue scaledRatio(String kpiId, String dim, String value, BigDecimal numerator,
            BigDecimal numeratorDivisor, BigDecimal denominator, BigDecimal denominatorDivisor, String reason) {
        if (numeratorDivisor.compareTo(BigDecimal.ONE) == 0 && denominatorDivisor.compareTo(BigDecimal.ONE) == 0) {
            return KpiValue.ratio(kpiId, dim, value, numerator, denominator, reason);
        }
        BigDecimal scaledNumerator = numerator.divide(numeratorDivisor, KpiValue.PRECISION);
        if (denominator.signum() == 0) {
            return KpiValue.ratio(kpiId, dim, value, scaledNumerator, BigDecimal.ZERO, reason);
        }
        BigDecimal exact = numerator.multiply(denominatorDivisor)
                .divide(denominator.multiply(numeratorDivisor), KpiValue.PRECISION);
        return new KpiValue(kpiId, dim, value, exact, scaledNumerator,
                denominator.divide(denominatorDivisor, KpiValue.PRECISION), null, null);
    }
}
