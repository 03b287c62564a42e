package io.kpipeline.review;

import io.kpipeline.kpi.KpiValueRepository;
import io.kpipeline.period.ReportingPeriod;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the stored totals of many periods in one query: the baseline, checkpoints, history and weeks a
 * review looks at (stored by {@link io.kpipeline.kpi.KpiEngine} as {@link KpiValueRepository} keeps
 * them, breakdowns left aside), each with the cases it rests on.
 */
@Repository
public class ReviewValues {

    private static final String SELECT_TOTALS = """
            SELECT period_id, kpi_id, value, cases FROM kpi_value
            WHERE period_id IN (:periods) AND dimension = ''""";

    private final NamedParameterJdbcTemplate jdbc;

    ReviewValues(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each period's totals by KPI id, in the order given; a KPI without a value maps to {@link Observation#NONE} or is absent. */
    public List<Map<String, Observation>> totals(List<ReportingPeriod> periods) {
        Map<String, Map<String, Observation>> byPeriod = new HashMap<>();
        periods.forEach(p -> byPeriod.put(p.id(), new HashMap<>()));
        jdbc.query(SELECT_TOTALS, Map.of("periods", periods.stream().map(ReportingPeriod::id).toList()), rs -> {
            BigDecimal value = rs.getBigDecimal("value");
            byPeriod.get(rs.getString("period_id")).put(rs.getString("kpi_id"),
                    new Observation(value == null ? null : value.stripTrailingZeros(), rs.getObject("cases", Long.class)));
        });
        return periods.stream().map(p -> byPeriod.get(p.id())).toList();
    }
}
