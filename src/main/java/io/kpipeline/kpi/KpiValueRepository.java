package io.kpipeline.kpi;

import io.kpipeline.period.ReportingPeriod;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stores computed KPI values per period; a new computation of a period replaces the old one whole. */
@Repository
public class KpiValueRepository {

    private static final String DELETE_PERIOD = "DELETE FROM kpi_value WHERE period_id = :period";

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

    /** Replaces the stored values of {@code period} with {@code values}, in one transaction. */
    @Transactional
    public void replace(ReportingPeriod period, List<KpiValue> values, LocalDateTime computedAt) {
        jdbc.update(DELETE_PERIOD, Map.of("period", period.id()));
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
