package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores computed KPI values per period and calculator, with what each computation rests on
 * ({@code kpi_computation}); a new computation of a calculator's period replaces its old values whole.
 */
@Repository
public class KpiValueRepository {

    private static final String DELETE_VALUES = "DELETE FROM kpi_value WHERE period_id = :period AND kpi_id IN (:kpis)";

    private static final String SELECT_COMPUTATIONS = """
            SELECT calculator, fingerprint, source_version FROM kpi_computation WHERE period_id = :period""";

    private static final String DELETE_COMPUTATION = """
            DELETE FROM kpi_computation WHERE period_id = :period AND calculator = :calculator""";

    private static final String INSERT_COMPUTATION = """
            INSERT INTO kpi_computation (period_id, calculator, fingerprint, source_version, computed_at)
            VALUES (:period, :calculator, :fingerprint, :version, :at)""";

    private static final String INSERT = """
            INSERT INTO kpi_value (period_id, kpi_id, dimension, dimension_value, value, numerator, denominator,
                                   cases, reason, computed_at)
            VALUES (:period, :kpi, :dimension, :dimensionValue, :value, :numerator, :denominator, :cases, :reason,
                    :at)""";

    private static final String SELECT_PERIOD = """
            SELECT kpi_id, dimension, dimension_value, value, numerator, denominator, cases, reason
            FROM kpi_value WHERE period_id = :period
            ORDER BY kpi_id, dimension, dimension_value""";

    private final NamedParameterJdbcTemplate jdbc;

    KpiValueRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a stored computation of a calculator rests on: the fingerprint of its catalog and settings, and the
     * sum of the change versions of the source rows it read.
     */
    record Computation(String fingerprint, long sourceVersion) {
    }

    /** The computations stored for {@code period}, by calculator. */
    Map<String, Computation> computations(ReportingPeriod period) {
        Map<String, Computation> stored = new HashMap<>();
        jdbc.query(SELECT_COMPUTATIONS, Map.of("period", period.id()), rs -> {
            stored.put(rs.getString("calculator"),
                    new Computation(rs.getString("fingerprint"), rs.getLong("source_version")));
        });
        return stored;
    }

    /**
     * Replaces the values of the calculator's KPIs ({@code kpis}, all of them, enabled or not) of
     * {@code period} with {@code values} and records what they rest on, in one transaction.
     */
    @Transactional
    void replace(ReportingPeriod period, String calculator, Set<String> kpis, List<KpiValue> values,
            Computation computation, LocalDateTime computedAt) {
        forget(period, calculator, kpis);
        jdbc.update(INSERT_COMPUTATION, new MapSqlParameterSource("period", period.id())
                .addValue("calculator", calculator).addValue("fingerprint", computation.fingerprint())
                .addValue("version", computation.sourceVersion()).addValue("at", computedAt));
        insert(period, values, computedAt);
    }

    /** Deletes the calculator's values of {@code period} and its computation, in one transaction. */
    @Transactional
    void forget(ReportingPeriod period, String calculator, Set<String> kpis) {
        jdbc.update(DELETE_VALUES, Map.of("period", period.id(), "kpis", kpis));
        jdbc.update(DELETE_COMPUTATION, Map.of("period", period.id(), "calculator", calculator));
    }

    /**
     * Forgets what every stored computation rests on, so that the next update computes all periods again: after
     * rows were written into the source tables without recording the change. Returns how many it forgot.
     */
    public int forgetComputations() {
        // and the tables derived from the source tables under the same assumption (CustomerQueries, EmailDays)
        jdbc.update("DELETE FROM kpi_derived", Map.of());
        jdbc.update("DELETE FROM email_day_built", Map.of());
        return jdbc.update("DELETE FROM kpi_computation", Map.of());
    }

    private void insert(ReportingPeriod period, List<KpiValue> values, LocalDateTime computedAt) {
        SqlParameterSource[] rows = values.stream().map(v -> new MapSqlParameterSource()
                .addValue("period", period.id())
                .addValue("kpi", v.kpiId())
                .addValue("dimension", v.isTotal() ? "" : v.dimension())
                .addValue("dimensionValue", v.isTotal() ? "" : v.dimensionValue())
                .addValue("value", v.value())
                .addValue("numerator", v.numerator())
                .addValue("denominator", v.denominator())
                .addValue("cases", v.cases())
                .addValue("reason", v.reason())
                .addValue("at", computedAt)).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(INSERT, rows);
    }

    /** The stored values of {@code period}, ordered by KPI and breakdown. */
    public List<KpiValue> find(ReportingPeriod period) {
        return jdbc.query(SELECT_PERIOD, Map.of("period", period.id()), (rs, n) -> {
            String dimension = rs.getString("dimension");
            boolean total = dimension.isEmpty();
            return new KpiValue(rs.getString("kpi_id"), total ? null : dimension,
                    total ? null : rs.getString("dimension_value"), strip(rs.getBigDecimal("value")),
                    strip(rs.getBigDecimal("numerator")), strip(rs.getBigDecimal("denominator")),
                    rs.getObject("cases", Long.class), rs.getString("reason"));
        });
    }

    /** Drops the trailing zeros of the column's fixed scale: 0.37500000000000000000 reads 0.375. */
    static java.math.BigDecimal strip(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
