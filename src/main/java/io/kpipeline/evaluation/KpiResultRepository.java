package io.kpipeline.evaluation;

import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stores the evaluated results of a report's period; evaluating the period again replaces them whole. */
@Repository
public class KpiResultRepository {

    private static final String DELETE = "DELETE FROM kpi_result WHERE report = :report AND period_id = :period";

    private static final String INSERT = """
            INSERT INTO kpi_result (report, period_id, kpi_id, dimension, dimension_value, value, unit, numerator,
                denominator, cases, reason, previous_value, previous_year_value, trend, target, target_owner,
                target_deadline, status, benchmark, benchmark_source, flags, actions, evaluated_at)
            VALUES (:report, :period, :kpi, :dimension, :dimensionValue, :value, :unit, :numerator, :denominator,
                :cases, :reason, :previous, :previousYear, :trend, :target, :owner, :deadline, :status, :benchmark,
                :benchmarkSource, :flags, :actions, :at)""";

    private final NamedParameterJdbcTemplate jdbc;

    KpiResultRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void replace(ReportKind report, ReportingPeriod period, List<KpiResult> results, LocalDateTime evaluatedAt) {
        jdbc.update(DELETE, Map.of("report", report.key(), "period", period.id()));
        SqlParameterSource[] rows = results.stream().map(r -> new MapSqlParameterSource()
                .addValue("report", report.key())
                .addValue("period", period.id())
                .addValue("kpi", r.kpi().id())
                .addValue("dimension", r.value().isTotal() ? "" : r.value().dimension())
                .addValue("dimensionValue", r.value().isTotal() ? "" : r.value().dimensionValue())
                .addValue("value", r.value().value())
                .addValue("unit", r.kpi().unit().name().toLowerCase(java.util.Locale.ROOT))
                .addValue("numerator", r.value().numerator())
                .addValue("denominator", r.value().denominator())
                .addValue("cases", r.value().cases())
                .addValue("reason", r.value().reason())
                .addValue("previous", r.previousValue())
                .addValue("previousYear", r.previousYearValue())
                .addValue("trend", r.trend().stream().map(v -> v == null ? "" : v.toPlainString())
                        .collect(Collectors.joining(";")))
                .addValue("target", r.target() == null ? null : r.target().value())
                .addValue("owner", r.target() == null ? null : r.target().owner())
                .addValue("deadline", r.target() == null ? null : r.target().deadline())
                .addValue("status", r.status().name())
                .addValue("benchmark", r.benchmark() == null ? null : r.benchmark().value())
                .addValue("benchmarkSource", r.benchmark() == null ? null : r.benchmark().citation())
                .addValue("flags", r.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(";")))
                .addValue("actions", String.join(";", r.actions()))
                .addValue("at", evaluatedAt)).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(INSERT, rows);
    }

    private static final String SELECT = """
            SELECT * FROM kpi_result WHERE report = :report AND period_id = :period""";

    /** The results of a report's period, in catalog order (totals before breakdowns). */
    public List<StoredResult> find(ReportKind report, ReportingPeriod period, List<String> kpiOrder) {
        List<StoredResult> rows = jdbc.query(SELECT, Map.of("report", report.key(), "period", period.id()), (rs, n) -> {
            String dimension = rs.getString("dimension");
            boolean total = dimension.isEmpty();
            return new StoredResult(rs.getString("kpi_id"), total ? null : dimension,
                    total ? null : rs.getString("dimension_value"), strip(rs.getBigDecimal("value")),
                    rs.getString("unit"), strip(rs.getBigDecimal("numerator")), strip(rs.getBigDecimal("denominator")),
                    rs.getObject("cases", Long.class), rs.getString("reason"), strip(rs.getBigDecimal("previous_value")),
                    strip(rs.getBigDecimal("previous_year_value")), trend(rs.getString("trend")),
                    strip(rs.getBigDecimal("target")), rs.getString("target_owner"),
                    rs.getObject("target_deadline", java.time.LocalDate.class), Status.valueOf(rs.getString("status")),
                    strip(rs.getBigDecimal("benchmark")), rs.getString("benchmark_source"), list(rs.getString("flags")),
                    list(rs.getString("actions")));
        });
        java.util.Comparator<StoredResult> order = java.util.Comparator
                .comparingInt((StoredResult r) -> position(kpiOrder, r.kpiId()))
                .thenComparing(r -> r.isTotal() ? "" : r.dimension())
                .thenComparing(r -> r.isTotal() ? "" : r.dimensionValue());
        return rows.stream().sorted(order).toList();
    }

    private static int position(List<String> order, String id) {
        int i = order.indexOf(id);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static List<BigDecimal> trend(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(";", -1))
                .map(v -> v.isEmpty() ? null : new BigDecimal(v)).toList();
    }

    private static List<String> list(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split(";"));
    }

    /** Rows stored for a report's period (a count, for summaries and tests). */
    public long count(ReportKind report, ReportingPeriod period) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM kpi_result WHERE report = :report AND period_id = :period",
                Map.of("report", report.key(), "period", period.id()), Long.class);
        return n == null ? 0 : n;
    }

}
