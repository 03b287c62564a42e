package io.kpipeline.evaluation;

import io.kpipeline.kpi.KpiCatalog;
import io.kpipeline.kpi.KpiDefinition;
import io.kpipeline.period.ReportKind;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the evaluated results of a report's period; evaluating the period again replaces them whole. A result's
 * flags and recommended measures are rows of their own; its trend is not copied but read from the stored values of
 * the trend periods the evaluation used (see {@code sql/V13__kpi_result_rows.sql}).
 */
@Repository
public class KpiResultRepository {

    private static final String DELETE_TREND = """
            DELETE FROM kpi_result_trend WHERE report = :report AND period_id = :period""";

    /** Flags and actions go with their result (ON DELETE CASCADE). */
    private static final String DELETE = """
            DELETE FROM kpi_result WHERE report = :report AND period_id = :period""";

    private static final String INSERT = """
            INSERT INTO kpi_result (report, period_id, kpi_id, dimension, dimension_value, catalog_position, value,
                unit, numerator, denominator, cases, reason, previous_value, previous_year_value, target, target_owner,
                target_deadline, status, benchmark, benchmark_source, evaluated_at)
            VALUES (:report, :period, :kpi, :dimension, :dimensionValue, :position, :value, :unit, :numerator,
                :denominator, :cases, :reason, :previous, :previousYear, :target, :owner, :deadline, :status,
                :benchmark, :benchmarkSource, :at)""";

    private static final String INSERT_FLAG = """
            INSERT INTO kpi_result_flag (report, period_id, kpi_id, dimension, dimension_value, flag)
            VALUES (:report, :period, :kpi, :dimension, :dimensionValue, :flag)""";

    private static final String INSERT_ACTION = """
            INSERT INTO kpi_result_action (report, period_id, kpi_id, dimension, dimension_value, position, measure_id)
            VALUES (:report, :period, :kpi, :dimension, :dimensionValue, :position, :measure)""";

    private static final String INSERT_TREND = """
            INSERT INTO kpi_result_trend (report, period_id, position, trend_period_id)
            VALUES (:report, :period, :position, :trendPeriod)""";

    /** Catalog order, totals ('' sorts first) before breakdowns; rows stored before V13 have no position. */
    private static final String SELECT = """
            SELECT kpi_id, dimension, dimension_value, value, unit, numerator, denominator, cases, reason,
                   previous_value, previous_year_value, target, target_owner, target_deadline, status, benchmark,
                   benchmark_source
              FROM kpi_result
             WHERE report = :report AND period_id = :period
             ORDER BY catalog_position, kpi_id, dimension, dimension_value""";

    private static final String SELECT_FLAGS = """
            SELECT kpi_id, dimension, dimension_value, flag
              FROM kpi_result_flag
             WHERE report = :report AND period_id = :period
             ORDER BY flag""";

    private static final String SELECT_ACTIONS = """
            SELECT kpi_id, dimension, dimension_value, measure_id
              FROM kpi_result_action
             WHERE report = :report AND period_id = :period
             ORDER BY position""";

    /** The stored value of each result's KPI and breakdown in each trend period the evaluation used. */
    private static final String SELECT_TREND = """
            SELECT r.kpi_id, r.dimension, r.dimension_value, t.position, v.value
              FROM kpi_result_trend t
              JOIN kpi_result r ON r.report = t.report AND r.period_id = t.period_id
              JOIN kpi_value v ON v.period_id = t.trend_period_id AND v.kpi_id = r.kpi_id
                              AND v.dimension = r.dimension AND v.dimension_value = r.dimension_value
             WHERE t.report = :report AND t.period_id = :period""";

    private static final String COUNT = """
            SELECT COUNT(*) FROM kpi_result WHERE report = :report AND period_id = :period""";

    private final NamedParameterJdbcTemplate jdbc;
    private final KpiCatalog catalog;

    KpiResultRepository(NamedParameterJdbcTemplate jdbc, KpiCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * Replaces the results of the report's period.
     *
     * @param withData the periods that held data when the period was evaluated: those of its trend
     *                 ({@link ReportingPeriod#trend()}) are the ones its results' trends are read from, the
     *                 period itself always; the others are gaps
     */
    @Transactional
    public void replace(ReportKind report, ReportingPeriod period, List<KpiResult> results,
            Set<ReportingPeriod> withData, LocalDateTime evaluatedAt) {
        Map<String, Object> key = Map.of("report", report.key(), "period", period.id());
        jdbc.update(DELETE_TREND, key);
        jdbc.update(DELETE, key);
        if (results.isEmpty()) {
            return;
        }
        Map<String, Integer> positions = new HashMap<>();
        List<KpiDefinition> kpis = catalog.kpis();
        for (int i = 0; i < kpis.size(); i++) {
            positions.put(kpis.get(i).id(), i);
        }
        List<SqlParameterSource> rows = new ArrayList<>();
        List<SqlParameterSource> flags = new ArrayList<>();
        List<SqlParameterSource> actions = new ArrayList<>();
        for (KpiResult r : results) {
            rows.add(result(report, period, r).addValue("position", positions.get(r.kpi().id()))
                    .addValue("value", r.value().value())
                    .addValue("unit", r.kpi().unit().name().toLowerCase(Locale.ROOT))
                    .addValue("numerator", r.value().numerator())
                    .addValue("denominator", r.value().denominator())
                    .addValue("cases", r.value().cases())
                    .addValue("reason", r.value().reason())
                    .addValue("previous", r.previousValue())
                    .addValue("previousYear", r.previousYearValue())
                    .addValue("target", r.target() == null ? null : r.target().value())
                    .addValue("owner", r.target() == null ? null : r.target().owner())
                    .addValue("deadline", r.target() == null ? null : r.target().deadline())
                    .addValue("status", r.status().name())
                    .addValue("benchmark", r.benchmark() == null ? null : r.benchmark().value())
                    .addValue("benchmarkSource", r.benchmark() == null ? null : r.benchmark().citation())
                    .addValue("at", evaluatedAt));
            r.flags().forEach(flag -> flags.add(result(report, period, r).addValue("flag", flag.name())));
            for (int i = 0; i < r.actions().size(); i++) {
                actions.add(result(report, period, r).addValue("position", i).addValue("measure", r.actions().get(i)));
            }
        }
        List<SqlParameterSource> trend = new ArrayList<>();
        List<ReportingPeriod> trendPeriods = period.trend();
        for (int i = 0; i < trendPeriods.size(); i++) {
            ReportingPeriod p = trendPeriods.get(i);
            if (p.equals(period) || withData.contains(p)) {
                trend.add(new MapSqlParameterSource(key).addValue("position", i).addValue("trendPeriod", p.id()));
            }
        }
        jdbc.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate(INSERT_FLAG, flags.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate(INSERT_ACTION, actions.toArray(SqlParameterSource[]::new));
        jdbc.batchUpdate(INSERT_TREND, trend.toArray(SqlParameterSource[]::new));
    }

    private static MapSqlParameterSource result(ReportKind report, ReportingPeriod period, KpiResult r) {
        return new MapSqlParameterSource()
                .addValue("report", report.key())
                .addValue("period", period.id())
                .addValue("kpi", r.kpi().id())
                .addValue("dimension", r.value().isTotal() ? "" : r.value().dimension())
                .addValue("dimensionValue", r.value().isTotal() ? "" : r.value().dimensionValue());
    }

    /**
     * The results of a report's period in catalog order, totals before breakdowns; each trend as long as the
     * period's ({@link ReportingPeriod#trend()}), oldest first, null where a period has no value.
     */
    public List<StoredResult> find(ReportKind report, ReportingPeriod period) {
        Map<String, Object> key = Map.of("report", report.key(), "period", period.id());
        Map<String, List<String>> flags = new HashMap<>();
        jdbc.query(SELECT_FLAGS, key, rs -> {
            flags.computeIfAbsent(key(rs), k -> new ArrayList<>()).add(rs.getString("flag"));
        });
        Map<String, List<String>> actions = new HashMap<>();
        jdbc.query(SELECT_ACTIONS, key, rs -> {
            actions.computeIfAbsent(key(rs), k -> new ArrayList<>()).add(rs.getString("measure_id"));
        });
        int length = period.trend().size();
        Map<String, BigDecimal[]> trends = new HashMap<>();
        jdbc.query(SELECT_TREND, key, rs -> {
            int position = rs.getInt("position");
            if (position < length) {
                trends.computeIfAbsent(key(rs), k -> new BigDecimal[length])[position] =
                        plain(rs.getBigDecimal("value"));
            }
        });
        return jdbc.query(SELECT, key, (rs, n) -> {
            String k = key(rs);
            String dimension = rs.getString("dimension");
            boolean total = dimension.isEmpty();
            return new StoredResult(rs.getString("kpi_id"), total ? null : dimension,
                    total ? null : rs.getString("dimension_value"), strip(rs.getBigDecimal("value")),
                    rs.getString("unit"), strip(rs.getBigDecimal("numerator")), strip(rs.getBigDecimal("denominator")),
                    rs.getObject("cases", Long.class), rs.getString("reason"), strip(rs.getBigDecimal("previous_value")),
                    strip(rs.getBigDecimal("previous_year_value")),
                    Arrays.stream(trends.getOrDefault(k, new BigDecimal[length])).toList(),
                    strip(rs.getBigDecimal("target")), rs.getString("target_owner"),
                    rs.getObject("target_deadline", LocalDate.class), Status.valueOf(rs.getString("status")),
                    strip(rs.getBigDecimal("benchmark")), rs.getString("benchmark_source"),
                    List.copyOf(flags.getOrDefault(k, List.of())), List.copyOf(actions.getOrDefault(k, List.of())));
        });
    }

    /** A result's key within its report and period: KPI and breakdown ('' for the total). */
    private static String key(ResultSet rs) throws SQLException {
        return rs.getString("kpi_id") + '\u0000' + rs.getString("dimension") + '\u0000'
                + rs.getString("dimension_value");
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    /** Without trailing zeros and never in powers of ten: 40, not 4E+1, as trends were always read. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = strip(value);
        return stripped == null || stripped.scale() >= 0 ? stripped : stripped.setScale(0);
    }

    /** Rows stored for a report's period (a count, for summaries and tests). */
    public long count(ReportKind report, ReportingPeriod period) {
        Long n = jdbc.queryForObject(COUNT, Map.of("report", report.key(), "period", period.id()), Long.class);
        return n == null ? 0 : n;
    }
}
